"""Every page type carries the security headers, and its HTML needs no
exception to the Content-Security-Policy: no inline script, no inline event
handler, no inline style, nothing loaded from another origin."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

# One URL of each page type. Pages still being built answer 404 until they
# land; their test is skipped until then, and asserts as soon as they exist.
PAGES = {
    "home": "/",
    "instrument": "/un/",
    "article": "/budapest/art-2/",
    "concordance": "/concordance/",
    "themes": "/themes/",
    "theme": "/themes/procedural-powers/",
    "compare": "/compare/un/art_25__para_2/budapest/art_29__para_7/",
    "compare form": "/compare/",
    "search": "/search/?q=donn%C3%A9es",
    "glossary": "/glossary/",
    "quantities": "/quantities/",
    "divergences": "/divergences/",
    "unresolved references": "/references/unresolved/",
    "editions": "/budapest/editions/",
    "login": "/accounts/login/",
    "admin login": "/admin/login/",
    "API JSON": "/api/instruments/",
    "OpenAPI description": "/api/openapi.json",
    "API docs": "/api/docs",
}
NOT_YET_BUILT = {"search", "glossary", "quantities", "divergences", "unresolved references", "editions"}


def get_page(client, name: str):
    response = client.get(PAGES[name])
    if response.status_code == 404 and name in NOT_YET_BUILT:
        pytest.skip(f"{PAGES[name]} answers 404: the {name} page has not landed yet")
    assert response.status_code == 200, (PAGES[name], response.status_code)
    return response


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_sends_the_security_headers(client, name):
    response = get_page(client, name)
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
            if name in {"src", "href", "action"} and value and value.startswith(("http:", "https:", "//")):
                if tag in {"script", "link", "img", "iframe", "form"}:
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


HTML_PAGES = [name for name in PAGES if name not in {"API JSON", "OpenAPI description"}]


@pytest.mark.parametrize("name", HTML_PAGES)
def test_no_page_needs_an_exception_to_the_policy(client, name):
    response = get_page(client, name)
    assert response["Content-Type"].startswith("text/html")
    parser = InlineCode()
    parser.feed(response.content.decode())
    assert parser.problems == []
    assert parser.scripts, "every page loads its scripts from files"
    assert all(src.startswith("/static/") for src in parser.scripts), parser.scripts


SITE_PAGES = [name for name in HTML_PAGES if name not in {"admin login", "API docs"}]


@pytest.mark.parametrize("name", SITE_PAGES)
def test_htmx_is_told_not_to_insert_styles_or_eval(client, name):
    parser = InlineCode()
    parser.feed(get_page(client, name).content.decode())
    assert parser.htmx_config == '{"includeIndicatorStyles":false,"allowEval":false}'


def test_the_api_docs_are_served_from_the_sites_own_files(client):
    # Swagger UI comes with django-ninja: "ninja" in INSTALLED_APPS makes it
    # serve its bundled copy instead of a CDN's.
    page = get_page(client, "API docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()


def test_htmx_config_names_exist_in_the_vendored_htmx():
    from django.conf import settings

    htmx = (settings.BASE_DIR / "static" / "js" / "htmx.min.js").read_text(encoding="utf-8")
    assert 'version:"2.' in htmx
    # Misspelt names would be ignored silently, and htmx would insert its style.
    assert "includeIndicatorStyles:true" in htmx and "allowEval:true" in htmx
