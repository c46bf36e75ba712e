"""The app as production serves it: DJANGO_DEBUG=0, gunicorn, whitenoise, collected static files.

What only production does is tested here: the manifest of hashed static
file names (a `{% static %}` missing from it is a 500 in production only),
whitenoise's far-future caching, HSTS, the redirect to HTTPS, Django's
plain error pages. One server, behind what a TLS proxy would send
(X-Forwarded-Proto: https, trusted because DJANGO_TRUST_X_FORWARDED_PROTO=1),
reads the test database that the rest of the suite uses, with the corpus
committed in it.
"""

from __future__ import annotations

import os
import re
import secrets
import sys
from html.parser import HTMLParser

import pytest
from django.db import connection

from tests.browser.helpers import corpus_ready
from tests.ops.helpers import ROOT, fetch, run, serving, with_database

HOST = "concordance.example.org"
BEHIND_TLS = {"Host": HOST, "X-Forwarded-Proto": "https"}
HTMX = {"HX-Request": "true"}

# (address, extra request headers, expected status, expected content type)
PAGES = {
    "home": ("/", {}, 200, "text/html"),
    "instrument": ("/un/", {}, 200, "text/html"),
    "article": ("/budapest/art-2/", {}, 200, "text/html"),
    "concordance": ("/concordance/", {}, 200, "text/html"),
    "concordance, htmx filter": ("/concordance/?theme=procedural-powers", HTMX, 200, "text/html"),
    "comparison": ("/compare/un/art_25__para_2/budapest/art_29__para_7/", {}, 200, "text/html"),
    "comparison, htmx options": (
        "/compare/un/art_25__para_2/budapest/art_29__para_7/?view=inline",
        HTMX,
        200,
        "text/html",
    ),
    "compare form": ("/compare/", {}, 200, "text/html"),
    "themes": ("/themes/", {}, 200, "text/html"),
    "theme": ("/themes/procedural-powers/", {}, 200, "text/html"),
    "glossary": ("/glossary/", {}, 200, "text/html"),
    "quantities": ("/quantities/", {}, 200, "text/html"),
    "divergences": ("/divergences/", {}, 200, "text/html"),
    "search": ("/search/?q=donn%C3%A9es", {}, 200, "text/html"),
    "search, htmx as you type": ("/search/?q=secret", HTMX, 200, "text/html"),
    "editions": ("/budapest/editions/", {}, 200, "text/html"),
    "unresolved references": ("/references/unresolved/", {}, 200, "text/html"),
    "reference preview": ("/references/preview/budapest/art_2/", HTMX, 200, "text/html"),
    "sign-in": ("/accounts/login/", {}, 200, "text/html"),
    "admin sign-in": ("/admin/login/", {}, 200, "text/html"),
    "curator page, anonymous": ("/concordance/correspondences/new/", {}, 302, None),
    "API": ("/api/instruments/", {}, 200, "application/json"),
    "API refusal": ("/api/instruments/nope/", {}, 404, "application/json"),
    "OpenAPI description": ("/api/openapi.json", {}, 200, "application/json"),
    "API docs": ("/api/docs", {}, 200, "text/html"),
    "concordance CSV": ("/concordance.csv", {}, 200, "text/csv"),
    "divergences CSV": ("/divergences.csv", {}, 200, "text/csv"),
    "unknown page": ("/no-such-instrument/", {}, 404, "text/html"),
    "unknown article": ("/un/art-999/", {}, 404, "text/html"),
    "NUL in the address": ("/un/?edition=%00", {}, 400, "text/plain"),
}
# Django's own error pages (no template of the project's) load nothing.
FULL_PAGES = [
    name for name, (_, headers, status, kind) in PAGES.items() if kind == "text/html" and not headers and status == 200
]

ONE_YEAR = 365 * 24 * 3600


class Resources(HTMLParser):
    """The stylesheets and scripts a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.found.append(attributes["src"])
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.found.append(attributes["href"])


@pytest.fixture(scope="module")
def production(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn with production settings on the test database, static files collected into a temporary folder."""
    with django_db_blocker.unblock():
        corpus_ready()
    folder = tmp_path_factory.mktemp("production")
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_TRUST_X_FORWARDED_PROTO="1",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        CONCORDANCE_CACHE_DIR=str(folder / "cache"),
        CONCORDANCE_LOG_DIR=str(folder / "log"),
        DATABASE_URL=with_database(os.environ["DATABASE_URL"], connection.settings_dict["NAME"]),
    )
    run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    assert (folder / "static" / "staticfiles.json").is_file(), "collectstatic wrote no manifest"
    with serving(env["DATABASE_URL"], workers=2, env=env) as port:
        yield port, folder / "static"


def get(production, address: str, headers: dict[str, str] | None = None):
    port, _ = production
    return fetch(port, address, {**BEHIND_TLS, **(headers or {})}, timeout=120)


def policy(header: str) -> dict[str, list[str]]:
    directives = {}
    for directive in header.split(";"):
        name, *values = directive.split()
        directives[name] = values
    return directives


def security_header_problems(headers: dict[str, str]) -> list[str]:
    problems = []
    expected = {
        "strict-transport-security": "max-age=31536000; includeSubDomains; preload",
        "x-content-type-options": "nosniff",
        "referrer-policy": "same-origin",
        "x-frame-options": "DENY",
        "cross-origin-opener-policy": "same-origin",
    }
    for name, value in expected.items():
        if headers.get(name) != value:
            problems.append(f"{name}: {headers.get(name)!r}, expected {value!r}")
    if "content-security-policy" not in headers:
        return [*problems, "no Content-Security-Policy"]
    directives = policy(headers["content-security-policy"])
    if directives.get("script-src") != ["'self'"] or directives.get("style-src") != ["'self'"]:
        problems.append(f"scripts or styles allowed from elsewhere: {headers['content-security-policy']}")
    if directives.get("frame-ancestors") != ["'none'"]:
        problems.append("frames allowed")
    if any("unsafe" in value for values in directives.values() for value in values):
        problems.append(f"an 'unsafe-…' source: {headers['content-security-policy']}")
    return problems


@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_answers_with_the_security_headers(production, name):
    address, headers, expected_status, content_type = PAGES[name]
    status, answered, body = get(production, address, headers)
    assert status == expected_status, (address, status, body[:500])
    if content_type:
        assert answered["content-type"].startswith(content_type), answered["content-type"]
    assert security_header_problems(answered) == []
    if headers == HTMX and name != "reference preview":
        # A fragment, not a page: the swap replaces one part of the page.
        assert b"<html" not in body and body.strip()


@pytest.mark.parametrize("name", FULL_PAGES)
def test_pages_load_hashed_static_files_that_whitenoise_serves_for_a_year(production, name):
    address, headers, _, _ = PAGES[name]
    _, _, body = get(production, address, headers)
    parser = Resources()
    parser.feed(body.decode())
    assert parser.found, "the page loads no stylesheet or script"
    for resource in parser.found:
        assert resource.startswith("/static/"), resource
        # The manifest's names carry a content hash: a changed file gets a new name.
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", resource), resource
        status, answered, content = get(production, resource)
        assert status == 200 and content, resource
        assert answered["cache-control"] == f"max-age={10 * ONE_YEAR}, public, immutable", resource
        assert answered["x-content-type-options"] == "nosniff"
        assert answered["strict-transport-security"].startswith("max-age=31536000")


def test_static_files_are_compressed_for_browsers_that_accept_it(production):
    _, static = production
    _, _, page = get(production, "/")
    stylesheet = next(r for r in re.findall(r'href="(/static/[^"]+\.css)"', page.decode()))
    status, answered, content = get(production, stylesheet, {"Accept-Encoding": "gzip"})
    assert status == 200 and answered["content-encoding"] == "gzip"
    assert len(content) < (static / stylesheet.removeprefix("/static/")).stat().st_size


def test_an_unknown_static_file_is_a_404(production):
    status, answered, _ = get(production, "/static/css/no-such-file.css")
    assert status == 404
    assert answered["x-content-type-options"] == "nosniff"


def test_error_pages_say_nothing_of_the_code(production):
    # DEBUG off: no traceback, no settings, no list of URL patterns.
    status, _, body = get(production, "/no-such-instrument/")
    assert status == 404
    assert b"URLconf" not in body and b"Traceback" not in body and b"DEBUG" not in body


def test_plain_http_is_sent_to_https(production):
    port, _ = production
    status, headers, _ = fetch(port, "/concordance/", {"Host": HOST})
    assert status == 301
    assert headers["location"] == f"https://{HOST}/concordance/"
    # HSTS only ever over HTTPS: browsers ignore it on plain HTTP.
    assert "strict-transport-security" not in headers


def test_an_unknown_host_is_refused(production):
    port, _ = production
    status, _, _ = fetch(port, "/", {"Host": "attacker.example", "X-Forwarded-Proto": "https"})
    assert status == 400


def test_the_collected_static_files_include_every_file_of_the_project(production):
    _, static = production
    sources = {p.relative_to(ROOT / "static") for p in (ROOT / "static").rglob("*") if p.is_file()}
    collected = {p.relative_to(static) for p in static.rglob("*") if p.is_file()}
    assert sources <= collected, sorted(sources - collected)[:5]
