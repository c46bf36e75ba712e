import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def row(page: str, eid: str) -> str:
    start = page.index(f'id="row-{eid}"')
    end = page.find("<tr id=", start + 1)
    return page[start : end if end != -1 else None]


def test_every_un_article_is_listed_with_its_counterparts(client):
    page = client.get("/concordance/").content.decode()
    assert page.count('<tr id="row-art_') == 68
    preservation = row(page, "art_25")
    assert 'href="/compare/un/art_25/budapest/art_16/"' in preservation
    assert "équivalent" in preservation


def test_article_without_counterpart_shows_the_reason(client):
    page = client.get("/concordance/").content.decode()
    intimate_images = row(page, "art_16")
    assert "sans équivalent" in intimate_images
    assert "Budapest" in intimate_images


def test_reading_from_budapest_reverses_the_table(client):
    page = client.get("/concordance/?from=budapest").content.decode()
    assert page.count('<tr id="row-art_') == 48
    assert 'href="/compare/budapest/art_16/un/art_25/"' in row(page, "art_16")
    assert "sans équivalent" in row(page, "art_32")


def test_filters_by_chapter_theme_relation_and_missing(client):
    by_theme = client.get("/concordance/?theme=procedural-powers").content.decode()
    assert 'id="row-art_25"' in by_theme and 'id="row-art_7"' not in by_theme
    missing = client.get("/concordance/?missing=on").content.decode()
    assert 'id="row-art_16"' in missing and 'id="row-art_25"' not in missing
    chapter = client.get("/concordance/?chapter=chp_4").content.decode()
    assert 'id="row-art_25"' in chapter and 'id="row-art_40"' not in chapter
    partial = client.get("/concordance/?relation=partial").content.decode()
    assert "badge-equivalent" not in partial.split('id="results"')[1]


def test_an_unknown_filter_value_is_reported_and_ignored(client):
    response = client.get("/concordance/?theme=nope")
    # Answered as every filtered page answers a refused filter (concordance.filtering).
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error"' in page
    assert page.count('<tr id="row-art_') == 68


def test_unknown_instrument_is_404(client):
    assert client.get("/concordance/?from=nope").status_code == 404


def test_htmx_request_gets_only_the_results(client):
    response = client.get("/concordance/?theme=offences", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="results"')
    assert "<html" not in page


def test_history_restore_request_gets_the_whole_page(client):
    response = client.get(
        "/concordance/?theme=offences",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()


def test_queries_do_not_grow_with_the_number_of_articles(client):
    counts = []
    for url in ("/concordance/", "/concordance/?from=budapest-p1"):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_curators_get_add_and_edit_links_in_the_table(curator_client):
    page = curator_client.get("/concordance/").content.decode()
    assert "/concordance/correspondences/new/?left_instrument=un&amp;left_provision=art_25" in page
    assert "modifier" in row(page, "art_25")


def test_visitors_get_no_curator_links(client):
    assert "+ correspondance" not in client.get("/concordance/").content.decode()
