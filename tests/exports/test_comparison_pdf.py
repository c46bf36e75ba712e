import uuid

import pytest

from concordance.exports.pdf import PRINT_STYLESHEETS, local_fetcher, print_stylesheets, static_file
from tests.exports.pdf_helpers import (
    is_subsequence,
    needs_weasyprint,
    one_line,
    pdf_words,
    provision_units,
    read_pdf,
    words_of,
)

pytestmark = [pytest.mark.django_db, needs_weasyprint]

URL = "/compare/un/art_25/budapest/art_16/comparison.pdf"
A4_LANDSCAPE = (841.89, 595.28)  # points


def test_every_word_of_both_provisions_is_in_the_pdf_in_order(client):
    words = pdf_words(read_pdf(client.get(URL)))
    for slug, eid in (("un", "art_25"), ("budapest", "art_16")):
        units = provision_units(slug, eid)
        assert units
        for text in units:
            assert is_subsequence(words_of(text), words), (slug, eid, text[:80])


def test_un_25_against_budapest_16_is_one_landscape_a4_page(client):
    reader = read_pdf(client.get(URL))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_LANDSCAPE


def test_the_pdf_names_its_source_address_and_column_labels_not_the_screen_only_parts(client):
    text = one_line(read_pdf(client.get(URL)).pages[0].extract_text())
    assert "Source : Concordance, http://testserver/compare/un/art_25/budapest/art_16/" in text
    assert "imprimé le" in text
    assert (
        "Convention des Nations Unies contre la cybercriminalité Convention de Budapest sur la cybercriminalité" in text
    )
    for screen_only in ("Connexion curateur", "Touches", "Côte à côte", "Autres correspondants", "Recherche"):
        assert screen_only not in text


def test_the_pdf_follows_the_display_options(client):
    inline = one_line(read_pdf(client.get(URL + "?view=inline&terms=hide")).pages[0].extract_text())
    # One column: no column labels, each row labelled "par. 1 / par. 1"; the address keeps the options.
    assert "par. 1 / par. 1" in inline
    assert "Convention des Nations Unies contre la cybercriminalité Convention de Budapest" not in inline
    assert "/compare/un/art_25/budapest/art_16/?view=inline&terms=hide" in inline


def test_the_longest_pair_runs_over_pages_with_the_column_labels_on_each(client):
    reader = read_pdf(client.get("/compare/un/art_40/budapest/art_27/comparison.pdf"))
    assert len(reader.pages) > 1
    for number, page in enumerate(reader.pages, start=1):
        text = one_line(page.extract_text())
        assert "Convention de Budapest sur la cybercriminalité" in text, number
        assert f"page {number} / {len(reader.pages)}" in text


def test_unknown_provisions_are_404_with_a_message(client):
    response = client.get("/compare/un/art_99/budapest/art_16/comparison.pdf")
    assert response.status_code == 404
    assert client.get("/compare/nowhere/art_1/budapest/art_16/comparison.pdf").status_code == 404


def test_only_the_sites_static_files_are_read():
    assert static_file("http://testserver/static/css/print.css") is not None
    assert static_file("http://testserver/static/../concordance/settings.py") is None
    assert static_file("http://example.org/etc/passwd") is None


def test_the_comparison_page_links_to_its_pdf_with_the_options_shown(client):
    page = client.get("/compare/un/art_25/budapest/art_16/?changes=1&terms=hide").content.decode()
    assert '<a href="comparison.pdf?changes=1&amp;terms=hide">PDF</a>' in page
    # Switching an option in place (htmx) refreshes the link too.
    partial = client.get("/compare/un/art_25/budapest/art_16/?terms=hide", headers={"HX-Request": "true"})
    assert 'id="exports" hx-swap-oob="true"' in partial.content.decode()
    assert 'href="comparison.pdf?terms=hide"' in partial.content.decode()


def test_the_running_head_names_both_provisions_without_screen_reader_words(client):
    # The running head copies the h1, whose "comparé à" is for screen readers only.
    text = one_line(read_pdf(client.get(URL)).pages[0].extract_text())
    assert text.count("Convention des Nations Unies contre la cybercriminalité, art. 25 ↔ Convention de Budapest") == 2
    assert "comparé à" not in text


def test_the_sites_stylesheets_are_parsed_once_and_never_fetched_again():
    first, again = print_stylesheets(), print_stylesheets()
    assert len(first) == len(PRINT_STYLESHEETS) and all(a is b for a, b in zip(first, again, strict=True))
    # A page's <link> to them is answered empty: WeasyPrint has them already parsed.
    fetched = local_fetcher().fetch("http://testserver/static/css/site.css")
    assert fetched.read() == b""
    assert local_fetcher().fetch("http://testserver/static/favicon.svg").read()  # other static files are read


def test_the_pdf_is_drawn_without_what_only_a_screen_uses(client):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from concordance.comparison.lookup import find
    from concordance.exports.comparison_pdf import comparison_context

    context = comparison_context(find("un", "art_25"), find("budapest", "art_16"), RequestFactory().get("/").GET)
    html = render_to_string("comparison/compare.html", context)
    # No "Citer" boxes, reference links, other counterparts or pair form for WeasyPrint to parse and lay out…
    for screen_only in ('class="cite"', 'class="xref"', "counterparts-aside", "pair-form"):
        assert screen_only not in html
    # …while the page itself keeps them.
    page = client.get("/compare/un/art_25/budapest/art_16/").content.decode()
    for kept in ('class="cite"', 'class="xref"', "counterparts-aside", "pair-form"):
        assert kept in page


def test_the_legend_names_the_instrument_of_each_sides_own_text(client):
    text = one_line(read_pdf(client.get(URL)).pages[0].extract_text())
    assert "ONU seulement Budapest seulement terme équivalent" in text
    assert "supprimé" not in text and "ajouté" not in text
    assert "{#" not in text  # a template comment left open prints as text


def test_an_option_the_page_does_not_offer_is_400_saying_which(client):
    # The page falls back to its defaults; a document taken away must show what was asked, or say why not.
    response = client.get(URL + "?view=bogus")
    assert response.status_code == 400
    assert "Option invalide — view" in response.content.decode()


def test_a_page_that_did_not_change_is_drawn_once(client, monkeypatch, settings):
    from concordance.exports import pdf

    settings.RESPONSE_CACHE = False  # as for a signed-in curator: only the cache of drawn PDFs can answer
    # Keys of this run only: the cache outlives test runs.
    version = (*pdf._drawing_version(), uuid.uuid4().hex)
    monkeypatch.setattr(pdf, "_drawing_version", lambda: version)
    drawn: list[str] = []
    draw = pdf.draw_pdf
    monkeypatch.setattr(pdf, "draw_pdf", lambda html, base_url: drawn.append(base_url) or draw(html, base_url))
    first = client.get(URL + "?terms=hide")
    again = client.get(URL + "?terms=hide")
    assert again.content == first.content and len(drawn) == 1
    # Another rendering of the page (another option) is another drawing.
    client.get(URL + "?changes=1&terms=hide")
    assert len(drawn) == 2
