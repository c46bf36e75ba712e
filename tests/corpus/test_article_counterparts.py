import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_article_page_shows_its_counterparts_with_comparison_links(client):
    page = client.get("/un/art-25/").content.decode()
    assert "Correspondants" in page
    assert 'href="/compare/un/art_25/budapest/art_16/"' in page


def test_article_without_counterpart_says_why(client):
    page = client.get("/budapest/art-32/").content.decode()
    assert "sans équivalent" in page


def test_curators_get_edit_links_and_visitors_do_not(curator_client):
    assert "Ajouter une correspondance" not in Client().get("/un/art-25/").content.decode()
    page = curator_client.get("/un/art-25/").content.decode()
    assert "Ajouter une correspondance" in page and "/concordance/correspondences/" in page
