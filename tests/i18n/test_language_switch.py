"""The language switch: the same page, with its query, in the other language (issue 18 §1)."""

from __future__ import annotations

import html as html_module
import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/concordance/?chapter=chp_2&from=un",
    "/compare/un/art_25/budapest/art_16/?view=inline&terms=hide",
    "/search/?q=conservation+rapide&instrument=budapest",
    "/un/art-25/",
    "/budapest/?edition=benin-2024",
]


def switch_of(html: str) -> dict[str, str]:
    """The switch's links, language → address (the current language is not a link)."""
    found = re.search(r'<ul class="language-switch".*?</ul>', html, re.S)
    assert found, "no language switch on the page"
    switch = found.group(0)
    return {
        lang: html_module.unescape(href)
        for href, lang in re.findall(r'<a href="([^"]*)" hreflang="(\w+)" lang="\w+" rel="alternate">', switch)
    }


@pytest.mark.parametrize("path", PAGES)
def test_the_switch_leads_to_the_same_page_and_query_in_the_other_language(client, path):
    french = client.get(path).content.decode()
    assert switch_of(french) == {"en": "/en" + path}
    english = client.get("/en" + path).content.decode()
    assert switch_of(english) == {"fr": path}
    # Both languages are declared to search engines and readers in <head>.
    for page in (french, english):
        head = page[: page.index("</head>")]
        assert f'<link rel="alternate" hreflang="en" href="{html_module.escape("/en" + path)}">' in head
        assert f'<link rel="alternate" hreflang="fr" href="{html_module.escape(path)}">' in head


def test_the_current_language_is_named_not_linked(client):
    english = client.get("/en/").content.decode()
    assert '<strong lang="en" aria-current="true">English</strong>' in english
    assert '<a href="/" hreflang="fr" lang="fr" rel="alternate">Français</a>' in english


def test_a_page_that_does_not_exist_switches_to_the_same_address_in_the_other_language(client, settings):
    settings.DEBUG = False  # the site's own 404 page, as readers get it
    response = client.get("/en/un/art-999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en"' in html and "<h1>Page not found</h1>" in html
    assert switch_of(html) == {"fr": "/un/art-999/"}


def test_the_browser_language_does_not_choose_the_language(client):
    """The address alone decides: a French address stays French for an English browser (and is cached once)."""
    response = client.get("/concordance/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    assert response["Content-Language"] == "fr"
    assert "accept-language" not in response.get("Vary", "").lower()
    english = client.get("/en/concordance/", HTTP_ACCEPT_LANGUAGE="fr-FR")
    assert '<html lang="en"' in english.content.decode() and english["Content-Language"] == "en"
