""" "Citer" wherever a provision is shown: the one citation, its permalink, selectable without JavaScript."""

from __future__ import annotations

import re

import pytest

from concordance.corpus.citations import citation_text, french_date, locator
from concordance.corpus.models import Instrument

pytestmark = pytest.mark.django_db

UN_25_2 = "Convention des Nations Unies contre la cybercriminalité, 24 décembre 2024, art. 25, par. 2"


def boxes(html: str) -> list[tuple[str, str]]:
    """(citation, permalink) of each "Citer" box, in page order."""
    return re.findall(r'<span class="citation">([^<]*)</span>, <a class="cite-link" href="([^"]*)"', html)


def test_the_citation_is_in_french_legal_style():
    un = Instrument.objects.get(slug="un")
    assert citation_text(un, "art_25__para_2") == UN_25_2
    assert citation_text(Instrument.objects.get(slug="budapest"), "art_14__para_3__point_b").endswith(
        "23 novembre 2001, art. 14, par. 3, b)"
    )
    assert locator("art_25") == "art. 25"


def test_french_dates():
    import datetime

    assert french_date(datetime.date(2024, 2, 1)) == "1er février 2024"
    assert french_date(datetime.date(2001, 11, 23)) == "23 novembre 2001"


def test_the_article_page_offers_a_citation_for_the_article_and_every_paragraph(client):
    html = client.get("/un/art-25/").content.decode()
    found = boxes(html)
    assert found[0] == (
        "Convention des Nations Unies contre la cybercriminalité, 24 décembre 2024, art. 25",
        "http://testserver/un/art-25/#art_25",
    )
    assert (UN_25_2, "http://testserver/un/art-25/#art_25__para_2") in found
    # Plain text in a <details>; the copy button waits for the script, which is a file (CSP).
    assert '<details class="cite"><summary>Citer</summary>' in html
    assert 'class="cite-copy"' in html and " hidden>Copier</button>" in html
    assert '<script src="/static/js/cite.js" defer></script>' in html
    # The paragraph numbers are links to themselves.
    assert '<a class="num" href="#art_25__para_2"' in html


def test_the_second_edition_s_permalinks_name_it(client):
    found = boxes(client.get("/budapest/art-16/?edition=coe-benin-2024").content.decode())
    assert (
        "Convention sur la cybercriminalité, 23 novembre 2001, art. 16, par. 1",
        "http://testserver/budapest/art-16/?edition=coe-benin-2024#art_16__para_1",
    ) in found


def test_the_instrument_page_cites_every_provision_in_bounded_queries(client, django_assert_num_queries):
    # A fixed number of queries whatever the number of provisions cited (the box itself costs none: below).
    with django_assert_num_queries(6):
        html = client.get("/budapest-p1/").content.decode()
    with django_assert_num_queries(7):
        un = client.get("/un/").content.decode()
    assert len(boxes(un)) == un.count('<details class="cite">') > 68 * 2
    found = boxes(html)
    assert (
        "Protocole additionnel à la Convention sur la cybercriminalité, relatif à l'incrimination d'actes de nature "
        "raciste et xénophobe commis par le biais de systèmes informatiques, 28 janvier 2003, art. 1",
        "http://testserver/budapest-p1/art-1/#art_1",
    ) in [(t.replace("&#x27;", "'"), u) for t, u in found]


def test_comparison_rows_cite_each_paragraph_with_a_path(client):
    html = client.get("/compare/un/art_25/budapest/art_16/").content.decode()
    found = boxes(html)
    assert (UN_25_2, "/un/art-25/#art_25__para_2") in found
    assert (
        "Convention sur la cybercriminalité, 23 novembre 2001, art. 16, par. 2",
        "/budapest/art-16/#art_16__para_2",
    ) in found


def test_search_results_cite_the_provisions_they_find(client):
    html = client.get("/search/?q=conservation+rapide").content.decode()
    found = boxes(html)
    assert found
    assert all(url.startswith("http://testserver/") and "#art_" in url for _, url in found)
    assert any(text.startswith("Convention sur la cybercriminalité, 23 novembre 2001, art. 16") for text, _ in found)


def test_the_one_column_view_cites_each_paragraph_too(client):
    found = boxes(client.get("/compare/un/art_25/budapest/art_16/?view=inline").content.decode())
    assert (UN_25_2, "/un/art-25/#art_25__para_2") in found


def test_a_citation_box_costs_no_query(django_assert_num_queries):
    from django.template import Context, Template

    un = Instrument.objects.get(slug="un")
    template = Template("{% load citations %}{% cite_box instrument eid %}")
    with django_assert_num_queries(0):
        html = template.render(Context({"instrument": un, "eid": "art_25__para_2"}))
    assert boxes(html) == [(UN_25_2, "/un/art-25/#art_25__para_2")]
