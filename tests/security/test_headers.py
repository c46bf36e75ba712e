"""Every page type carries the security headers, and its HTML needs no
exception to the Content-Security-Policy: no inline script, no inline event
handler, no inline style, nothing loaded from another origin.

Development settings here (no HSTS); tests/ops/test_production_serving.py
asks the same of production settings under gunicorn."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client

from concordance.mapping.models import Correspondence

pytestmark = pytest.mark.django_db

VISITOR, CURATOR = "visitor", "curator"
HTMX = {"HTTP_HX_REQUEST": "true"}

# One address of each page type, as (address, who asks, extra headers,
# expected status). {pk} and {history_id} name an existing correspondence and
# one of its past versions.
PAGES = {
    "home": ("/", VISITOR, {}, 200),
    "instrument": ("/un/", VISITOR, {}, 200),
    "article": ("/budapest/art-2/", VISITOR, {}, 200),
    "concordance": ("/concordance/", VISITOR, {}, 200),
    "themes": ("/themes/", VISITOR, {}, 200),
    "theme": ("/themes/procedural-powers/", VISITOR, {}, 200),
    "compare": ("/compare/un/art_25__para_2/budapest/art_29__para_7/", VISITOR, {}, 200),
    "compare form": ("/compare/", VISITOR, {}, 200),
    "search": ("/search/?q=donn%C3%A9es", VISITOR, {}, 200),
    "glossary": ("/glossary/", VISITOR, {}, 200),
    "quantities": ("/quantities/", VISITOR, {}, 200),
    "divergences": ("/divergences/", VISITOR, {}, 200),
    "unresolved references": ("/references/unresolved/", VISITOR, {}, 200),
    "editions": ("/budapest/editions/", VISITOR, {}, 200),
    "correspondence history": ("/concordance/correspondences/{pk}/history/", VISITOR, {}, 200),
    "deleted correspondences": ("/concordance/deleted/", VISITOR, {}, 200),
    "login": ("/accounts/login/", VISITOR, {}, 200),
    "admin login": ("/admin/login/", VISITOR, {}, 200),
    # What only curators see.
    "new correspondence": ("/concordance/correspondences/new/", CURATOR, {}, 200),
    "edit correspondence": ("/concordance/correspondences/{pk}/", CURATOR, {}, 200),
    "delete correspondence": ("/concordance/correspondences/{pk}/delete/", CURATOR, {}, 200),
    "curator's concordance": ("/concordance/", CURATOR, {}, 200),
    "admin index": ("/admin/", CURATOR, {}, 200),
    "admin list": ("/admin/mapping/correspondence/", CURATOR, {}, 200),
    "admin change form": ("/admin/mapping/correspondence/{pk}/change/", CURATOR, {}, 200),
    "admin history": ("/admin/mapping/correspondence/{pk}/history/", CURATOR, {}, 200),
    "admin past version": ("/admin/mapping/correspondence/{pk}/history/{history_id}/", CURATOR, {}, 200),
    # htmx fragments: one part of a page, swapped in place.
    "concordance fragment": ("/concordance/?theme=procedural-powers", VISITOR, HTMX, 200),
    "comparison fragment": ("/compare/un/art_25__para_2/budapest/art_29__para_7/?view=inline", VISITOR, HTMX, 200),
    "search fragment": ("/search/?q=secret", VISITOR, HTMX, 200),
    "quantities fragment": ("/quantities/?subject=age", VISITOR, HTMX, 200),
    "reference preview": ("/references/preview/budapest/art_2/", VISITOR, HTMX, 200),
    # Error pages.
    "404": ("/no-such-instrument/", VISITOR, {}, 404),
    "404 of an article": ("/un/art-999/", VISITOR, {}, 404),
    "400 (NUL)": ("/un/?edition=%00", VISITOR, {}, 400),
    "403 (admin, no permission)": ("/admin/auth/user/", CURATOR, {}, 403),
    "302 to sign in": ("/concordance/correspondences/new/", VISITOR, {}, 302),
    # Not HTML.
    "concordance CSV": ("/concordance.csv", VISITOR, {}, 200),
    "divergences CSV": ("/divergences.csv", VISITOR, {}, 200),
    "API JSON": ("/api/instruments/", VISITOR, {}, 200),
    "API 404": ("/api/instruments/nope/", VISITOR, {}, 404),
    "OpenAPI description": ("/api/openapi.json", VISITOR, {}, 200),
    "API docs": ("/api/docs", VISITOR, {}, 200),
}
FRAGMENTS = {name for name, (_, _, headers, _) in PAGES.items() if headers is HTMX}
NOT_HTML = {
    "concordance CSV",
    "divergences CSV",
    "API JSON",
    "API 404",
    "OpenAPI description",
    "400 (NUL)",
    "302 to sign in",
}


@pytest.fixture
def get_page(client, curator_client_factory):
    correspondence = Correspondence.objects.curated().order_by("pk").first()
    values = {"pk": correspondence.pk, "history_id": correspondence.history.earliest("history_id").history_id}
    curator = curator_client_factory()

    def get(name: str):
        address, who, headers, status = PAGES[name]
        response = (curator if who == CURATOR else client).get(address.format(**values), **headers)
        assert response.status_code == status, (address, response.status_code)
        return response

    return get


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_sends_the_security_headers(get_page, name):
    assert_headers(get_page(name))


def assert_headers(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    directives = policy(response)
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]
    # Scripts only from the site's own files: no inline code, no eval.
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"]
    assert not any("unsafe" in value for values in directives.values() for value in values)


class InlineCode(HTMLParser):
    """What the policy would block, or load from elsewhere, in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self.htmx_config: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"inline event handler <{tag} {name}={value!r}>")
            if name == "style":
                self.problems.append(f"inline style <{tag} style={value!r}>")
            if name in {"hx-on", "hx-vars"} or name.startswith("hx-on:") or name.startswith("hx-on::"):
                self.problems.append(f"htmx attribute that needs eval <{tag} {name}>")
            external = name in {"src", "href", "action"} and value and value.startswith(("http:", "https:", "//"))
            if external and tag in {"script", "link", "img", "iframe", "form"}:
                self.problems.append(f"resource from another origin <{tag} {name}={value!r}>")
        if tag == "script":
            if "src" in attributes:
                self.scripts.append(attributes["src"] or "")
            elif attributes.get("type") != "application/json":
                self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("inline <style>")
        if tag == "meta" and attributes.get("name") == "htmx-config":
            self.htmx_config = attributes.get("content")


HTML_PAGES = [name for name in PAGES if name not in NOT_HTML]
# Django's own error pages (the project has no template for them) load nothing.
BARE = {"404", "404 of an article", "403 (admin, no permission)"}


@pytest.mark.parametrize("name", HTML_PAGES)
def test_no_page_needs_an_exception_to_the_policy(get_page, name):
    response = get_page(name)
    assert response["Content-Type"].startswith("text/html")
    parser = InlineCode()
    parser.feed(response.content.decode())
    assert parser.problems == []
    if name not in FRAGMENTS | BARE:
        assert parser.scripts, "every page loads its scripts from files"
    # Same origin: the site's static files, or the admin's translation catalogue.
    assert all(src.startswith("/static/") or src == "/admin/jsi18n/" for src in parser.scripts), parser.scripts


SITE_PAGES = [name for name in HTML_PAGES if name not in FRAGMENTS | BARE and not name.startswith(("admin", "API"))]


@pytest.mark.parametrize("name", SITE_PAGES)
def test_htmx_is_told_not_to_insert_styles_or_eval(get_page, name):
    parser = InlineCode()
    parser.feed(get_page(name).content.decode())
    assert parser.htmx_config == '{"includeIndicatorStyles":false,"allowEval":false}'


@pytest.mark.parametrize("name", sorted(FRAGMENTS))
def test_htmx_fragments_are_parts_of_a_page_not_pages(get_page, name):
    page = get_page(name).content.decode()
    assert "<html" not in page and "<head" not in page and page.strip()


def test_the_sign_in_lockout_page_sends_the_security_headers(client, curator):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/accounts/login/", {"username": "curatrice", "password": "mauvais"})
    assert response.status_code == 429
    assert_headers(response)
    parser = InlineCode()
    parser.feed(response.content.decode())
    assert parser.problems == []


def test_the_csrf_failure_page_sends_the_security_headers(curator):
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"username": "curatrice"})
    assert response.status_code == 403
    assert_headers(response)


def test_the_api_docs_are_served_from_the_sites_own_files(get_page):
    # Swagger UI comes with django-ninja: "ninja" in INSTALLED_APPS makes it
    # serve its bundled copy instead of a CDN's.
    page = get_page("API docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()


def test_htmx_config_names_exist_in_the_vendored_htmx():
    htmx = (settings.BASE_DIR / "static" / "js" / "htmx.min.js").read_text(encoding="utf-8")
    assert 'version:"2.' in htmx
    # Misspelt names would be ignored silently, and htmx would insert its style.
    assert "includeIndicatorStyles:true" in htmx and "allowEval:true" in htmx
