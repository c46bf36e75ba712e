"""The display options of a comparison: side by side or inline, changes only, terminology marked or hidden."""

import re

import pytest

from concordance.comparison.forms import ComparisonOptions, option_links

pytestmark = pytest.mark.django_db

URL = "/compare/un/art_25/budapest/art_16/"


def test_hiding_terminology_shows_it_as_plain_text(client):
    page = client.get(URL + "?terms=hide").content.decode()
    assert '<span class="term"' not in page.split('class="rows side"')[1]
    assert "<del" in page  # substantive changes stay marked


def test_inline_view_and_changes_only(client):
    inline = client.get(URL + "?view=inline").content.decode()
    assert '<ol class="rows inline">' in inline
    # A row of UN 42 / Budapest 29 differs by terminology only: with it hidden, "changes only" folds it.
    changes = client.get("/compare/un/art_42/budapest/art_29/?changes=1&terms=hide").content.decode()
    full = client.get("/compare/un/art_42/budapest/art_29/?terms=hide").content.decode()
    assert 'class="row collapsed"' in changes and 'class="row collapsed"' not in full
    assert changes.count('id="row-') < full.count('id="row-')


def test_htmx_gets_the_rows_partial(client):
    response = client.get(URL + "?view=inline", headers={"HX-Request": "true"})
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<section id="rows"')
    assert "<html" not in fragment and "Navigation principale" not in fragment
    assert '<ol class="rows inline">' in fragment
    # Page and fragment share the URL: caches must keep them apart.
    assert "HX-Request" in response["Vary"]
    assert "HX-Request" in client.get(URL)["Vary"]


def test_changes_only_says_how_many_identical_rows_it_hid(client):
    page = client.get("/compare/budapest-p1/art_15/budapest/art_47/?changes=1").content.decode()
    assert re.search(r'<a href="\?view=side"[^>]*>1 paragraphe identique masqué — les afficher</a>', page)


def test_other_counterparts_keep_the_display_and_each_provision_on_its_side(client):
    page = client.get(URL + "?view=inline").content.decode()
    aside = page[page.index('id="counterparts"') :]
    links = re.findall(r'<a href="(/compare/[^"]+)">', aside)
    assert links and all(link.endswith("?view=inline") for link in links)
    # Budapest 16's other counterparts are UN provisions: UN stays on the left.
    right_column = aside[aside.index("Convention de Budapest sur la cybercriminalité, art. 16") :]
    right_links = re.findall(r'<a href="(/compare/[^"]+)">', right_column)
    assert right_links and all(link.startswith("/compare/un/") for link in right_links)


def test_an_in_place_switch_refreshes_the_links_and_the_form_outside_the_rows(client):
    fragment = client.get(URL + "?terms=hide", headers={"HX-Request": "true"}).content.decode()
    assert '<aside class="counterparts-aside" id="counterparts" hx-swap-oob="true">' in fragment
    assert (
        '<span id="pair-options" hx-swap-oob="true"><input type="hidden" name="terms" value="hide"></span>' in fragment
    )
    # The whole page has them once, in place, not out of band.
    page = client.get(URL + "?terms=hide").content.decode()
    assert page.count('id="counterparts"') == 1 and "hx-swap-oob" not in page


def test_a_refused_option_is_said_and_the_page_is_shown_with_its_default(client):
    response = client.get(URL + "?view=grille&changes=1")
    assert response.status_code == 400
    page = response.content.decode()
    alert = re.search(r'<div class="filter-errors" role="alert">(.*?)</div>', page, re.S).group(1)
    assert "Affichage" in alert and "« grille »" in alert
    # The view keeps its default; the other option, valid, still applies.
    assert 'class="comparison view-side' in page and 'data-changes-only="1"' in page
    # No switch and no counterpart link carries the refused value on, nor the pair form.
    # The language links (hreflang) keep the address as asked: the same page in the other language.
    switches = re.findall(
        r'href="([^"]*\?view=[^"]*)"', re.sub(r'<link rel="alternate"[^>]*>|<a href="[^"]*" hreflang', "", page)
    )
    assert switches and not any("grille" in href for href in switches)
    assert "grille" not in re.search(r'<span id="pair-options".*?</span>', page, re.S).group(0)


def test_valid_options_are_not_an_error(client):
    response = client.get(URL + "?view=inline&changes=1&terms=hide")
    assert response.status_code == 200
    assert 'class="filter-errors"' not in response.content.decode()


def test_the_pair_form_leaves_a_refused_option_out_of_the_comparison_it_opens(client):
    response = client.get("/compare/?left=un&left_ref=25&right=budapest&right_ref=16&view=inline&terms=peut-etre")
    assert response.status_code == 302
    assert response["Location"] == "/compare/un/art_25/budapest/art_16/?view=inline"


def test_each_switch_changes_one_option_and_keeps_the_others():
    options = ComparisonOptions(view="inline", changes=True)
    links = option_links(options)
    assert links["side"] == "?view=side&changes=1"
    assert links["inline"] == "?view=inline&changes=1"
    assert links["toggle_changes"] == "?view=inline"
    assert links["toggle_terms"] == "?view=inline&changes=1&terms=hide"
    assert links["current"] == "?view=inline&changes=1"
    assert option_links(ComparisonOptions())["current"] == ""
