import re

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
        client.get(f"/themes/{slug}/")  # the theme cut into rows for this state of the data
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
    from concordance.mapping.themes import align_rows

    linked = {frozenset(("u1", "b1")), frozenset(("u1", "b2")), frozenset(("u2", "b1")), frozenset(("b3", "p1"))}
    rows = align_rows([["u1", "u2"], ["b1", "b2", "b3"], ["p1", "p2"]], linked)
    assert rows == [
        [["u1"], ["b1", "b2"], []],
        [["u2"], [], []],
        [[], ["b3"], ["p1"]],
        [[], [], ["p2"]],
    ]


@pytest.fixture
def short_pages(monkeypatch):
    from concordance.mapping import themes

    monkeypatch.setattr(themes, "ROWS_PER_PAGE", 3)
    monkeypatch.setattr(themes, "LINKS_PER_PAGE", 2)


def article_links(page: str) -> list[str]:
    table = page[page.index('class="concordance theme-side-by-side"') :]
    return re.findall(r'href="(/[a-z0-9-]+/art-\d+/)"', table[: table.index("</table>")])


def test_the_rows_are_paginated_each_article_on_one_page(client, short_pages, monkeypatch):
    from concordance.mapping import themes

    first = client.get("/themes/procedural-powers/").content.decode()
    assert 'href="?page=2"' in first and 'rel="next"' in first
    count = int(re.search(r"1–3 sur (\d+)", first).group(1))
    pages = [article_links(first)]
    for number in range(2, -(-count // 3) + 1):
        pages.append(article_links(client.get(f"/themes/procedural-powers/?page={number}").content.decode()))
    monkeypatch.setattr(themes, "ROWS_PER_PAGE", 1000)
    whole = article_links(client.get("/themes/procedural-powers/").content.decode())
    assert [link for page in pages for link in page] == whole
    assert len(whole) == len(set(whole)) > 6


def test_each_list_pages_on_its_own_and_keeps_the_other_lists_page(client, short_pages):
    page = client.get("/themes/procedural-powers/?page=2").content.decode()
    links = page[page.index('id="theme-links"') :]
    assert 'href="?page=2&amp;links=2"' in links
    second = client.get("/themes/procedural-powers/?page=2&links=2").content.decode()
    assert 'aria-current="page">2<' in second[second.index('id="theme-links"') :]
    assert article_links(second) == article_links(page)


def test_a_bad_page_is_a_400_with_a_message_and_a_page_past_the_end_a_404(client, short_pages):
    for bad in ("abc", "0", "-1", "2.5", "٣"):
        response = client.get(f"/themes/procedural-powers/?page={bad}")
        assert response.status_code == 400, bad
        assert "Numéro de page invalide" in response.content.decode()
    assert client.get("/themes/procedural-powers/?page=999").status_code == 404
    assert client.get("/themes/procedural-powers/?links=999").status_code == 404


def test_htmx_swaps_only_the_list_whose_page_was_asked(client, short_pages):
    rows = client.get("/themes/procedural-powers/?page=2", headers={"HX-Request": "true"}).content.decode()
    assert rows.lstrip().startswith('<section aria-labelledby="side-by-side" id="theme-articles"')
    assert "<html" not in rows and 'id="theme-links"' not in rows
    links = client.get(
        "/themes/procedural-powers/?links=2", headers={"HX-Request": "true", "HX-Target": "theme-links"}
    ).content.decode()
    assert links.lstrip().startswith('<section aria-labelledby="theme-links-heading" id="theme-links"')
    assert 'hx-target="#theme-links"' in links


def test_queries_do_not_grow_with_the_page(client, short_pages):
    counts = []
    for url in ("/themes/procedural-powers/", "/themes/procedural-powers/?page=3&links=2"):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
