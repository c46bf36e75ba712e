"""The popover's fragment: the text a reference points to."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_preview_shows_the_text_of_the_paragraph(client):
    response = client.get("/references/preview/un/art_25__para_1/")
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "<html" not in fragment
    assert "Convention des Nations Unies" in fragment or "art. 25, par. 1" in fragment
    assert "préservation rapide de certaines données électroniques" in fragment
    assert 'href="/un/art-25/#art_25__para_1"' in fragment


def test_preview_of_an_article_shows_its_paragraphs(client):
    fragment = client.get("/references/preview/budapest/art_14/").content.decode()
    assert "art. 14" in fragment and "instaurer les pouvoirs et procédures" in fragment


def test_preview_of_another_edition_reads_that_edition(client):
    fragment = client.get("/references/preview/budapest/art_14/?edition=coe-benin-2024").content.decode()
    assert 'href="/budapest/art-14/?edition=coe-benin-2024#art_14"' in fragment


def test_preview_of_a_division_lists_its_articles(client):
    fragment = client.get("/references/preview/budapest/chp_2__sec_2/").content.decode()
    assert "Article 16" in fragment and 'href="/budapest/#chp_2__sec_2"' in fragment


@pytest.mark.parametrize(
    "url",
    [
        "/references/preview/nope/art_1/",
        "/references/preview/un/art_999/",
        "/references/preview/un/chp_99/",
        "/references/preview/un/art_1/?edition=nope",
    ],
)
def test_unknown_target_is_404(client, url):
    assert client.get(url).status_code == 404
