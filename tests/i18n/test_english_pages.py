"""The English interface under /en/: every page type, the treaty text left French (issue 18 §1, §4)."""

from __future__ import annotations

import re

import pytest

from concordance.corpus.models import Provision
from tests.i18n.french_text import french_text

pytestmark = pytest.mark.django_db

# One address of each page type (the API and the admin stay unprefixed).
PAGES = [
    "/",
    "/un/",
    "/un/art-25/",
    "/un/notes/",
    "/budapest/editions/",
    "/concordance/",
    "/concordance/?from=un&chapter=chp_2",
    "/compare/",
    "/compare/un/art_25/budapest/art_16/",
    "/compare/un/art_40/budapest/art_27/?view=inline&changes=1",
    "/search/?q=expedited+preservation",
    "/themes/",
    "/themes/procedural-powers/",
    "/relations/",
    "/glossary/",
    "/quantities/",
    "/divergences/",
    "/references/unresolved/",
    "/handouts/",
    "/accounts/login/",
]
FRENCH_INTERFACE = ["Aller au contenu", "Navigation principale", "Connexion curateur", "Recherche</a>", "Glossaire</a>"]


def without_language_links(html: str) -> str:
    """The page less the links that lead to the other language on purpose (the switch and <link rel="alternate">)."""
    html = re.sub(r'<link rel="alternate" hreflang="\w+" href="[^"]*">', "", html)
    return re.sub(r'<a href="[^"]*" hreflang="\w+"', "", html)


def html_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_answers_in_english_under_en(client, path):
    html = html_of(client, "/en" + path)
    assert '<html lang="en"' in html
    assert ">Skip to content</a>" in html
    assert 'aria-label="Main navigation"' in html
    assert '<a href="/en/un/">UN Convention against Cybercrime</a>' in html
    assert '<a href="/en/budapest/">Budapest Convention</a>' in html
    assert '<a href="/en/budapest-p1/">First Additional Protocol</a>' in html
    for french in FRENCH_INTERFACE:
        assert french not in html, (path, french)
    # Every link of the page stays in English (no address loses its /en/ prefix).
    for address in re.findall(r'(?:href|hx-get|action)="(/[^"]*)"', without_language_links(html)):
        assert address.startswith(("/en/", "/static/", "/api/", "/admin/")), (path, address)


@pytest.mark.parametrize("path", PAGES)
def test_the_french_pages_keep_their_addresses_and_language(client, path):
    html = html_of(client, path)
    assert '<html lang="fr"' in html
    assert ">Aller au contenu</a>" in html
    assert not re.search(r'(?:href|hx-get|action)="/en/', without_language_links(html)), path


@pytest.mark.parametrize(
    "path",
    ["/un/art-25/", "/compare/un/art_25/budapest/art_16/", "/compare/un/art_40/budapest/art_27/?view=inline"],
)
def test_the_treaty_text_is_the_same_french_in_both_interfaces(client, path):
    french, english = french_text(html_of(client, path)), french_text(html_of(client, "/en" + path))
    assert english == french
    assert len(english) > 500


def test_the_article_text_is_marked_french_inside_the_english_page(client):
    html = html_of(client, "/en/un/art-25/")
    text = french_text(html)
    for provision in Provision.objects.filter(edition__instrument__slug="un", eid__startswith="art_25__").exclude(
        text=""
    ):
        assert " ".join(provision.text.split()) in text, provision.eid
    heading = Provision.objects.get(edition__instrument__slug="un", eid="art_25", edition__is_primary=True).heading
    assert f'<span class="article-title" lang="fr">{heading}</span>' in html


def test_search_excerpts_and_the_french_terms_searched_are_marked_french(client):
    html = html_of(client, "/en/search/?q=expedited+preservation")
    assert "(English term) → French terms searched:" in html
    assert '<span lang="fr">« conservation rapide »</span>' in html
    assert re.search(r'<p class="excerpt" lang="fr">', html)


def test_the_english_comparison_costs_the_queries_of_the_french_one(client, django_assert_num_queries):
    client.get("/en/compare/un/art_25/budapest/art_16/")  # warm the caches, as the French test does
    with django_assert_num_queries(11):
        response = client.get("/en/compare/un/art_25/budapest/art_16/")
    assert "Side by side" in response.content.decode()


def test_an_htmx_partial_under_en_is_english_and_keeps_the_prefix(client):
    response = client.get("/en/compare/un/art_25/budapest/art_16/?view=inline", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert '<strong aria-current="true">Single column</strong>' in html
    # The switches are relative to the page (?view=side), the other links carry the prefix.
    assert 'hx-get="?view=side"' in html and 'href="/en/glossary/?class=near"' in html
    concordance = client.get("/en/concordance/?from=un&chapter=chp_2", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in concordance and "Export this table:" in concordance


def test_an_unknown_page_under_en_is_an_english_404(client, settings):
    settings.DEBUG = False  # the site's own 404 page, as readers get it
    response = client.get("/en/un/art-999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en"' in html and "<h1>Page not found</h1>" in html
    assert 'the <a href="/en/">home page</a>' in html and "<code>/en/un/art-25/</code>" in html


def test_the_api_and_the_admin_are_not_under_en(client):
    assert client.get("/api/instruments/un/").status_code == 200
    assert client.get("/en/api/instruments/un/").status_code == 404
    assert client.get("/en/admin/").status_code == 404
