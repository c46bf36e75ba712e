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
