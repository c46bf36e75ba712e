import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_theme_page_shows_every_instrument_side_by_side(client):
    page = client.get("/themes/procedural-powers/").content.decode()
    assert "Convention des Nations Unies" in page and "Convention de Budapest" in page
    assert 'href="/un/art-25/"' in page and 'href="/budapest/art-16/"' in page
    assert 'href="/compare/un/art_25/budapest/art_16/"' in page


def test_themes_index_lists_every_theme(client):
    page = client.get("/themes/").content.decode()
    for slug in ("definitions", "offences", "final-clauses", "asset-recovery"):
        assert f'href="/themes/{slug}/"' in page


def test_unknown_theme_is_404(client):
    assert client.get("/themes/nope/").status_code == 404


def test_queries_do_not_grow_with_the_theme(client):
    counts = []
    for slug in ("procedural-powers", "asset-recovery"):
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/themes/{slug}/")
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def row_of(page: str, href: str) -> str:
    at = page.index(href)
    return page[page.rindex("<tr>", 0, at) : page.index("</tr>", at)]


def test_theme_page_aligns_corresponding_articles_in_one_row_with_their_text(client):
    page = client.get("/themes/procedural-powers/").content.decode()
    table = page[page.index('class="concordance theme-side-by-side"') :]
    preservation = row_of(table, 'href="/un/art-25/"')
    assert 'href="/budapest/art-16/"' in preservation
    assert "Conservation rapide" in preservation or "préservation rapide" in preservation
    # Every article of the theme appears once in the side-by-side table.
    assert table[: table.index("</table>")].count('href="/un/art-25/"') == 1


def test_align_rows_places_each_article_once_beside_its_counterparts():
    from concordance.mapping.table import align_rows

    linked = {frozenset(("u1", "b1")), frozenset(("u1", "b2")), frozenset(("u2", "b1")), frozenset(("b3", "p1"))}
    rows = align_rows([["u1", "u2"], ["b1", "b2", "b3"], ["p1", "p2"]], linked)
    assert rows == [
        [["u1"], ["b1", "b2"], []],
        [["u2"], [], []],
        [[], ["b3"], ["p1"]],
        [[], [], ["p2"]],
    ]
