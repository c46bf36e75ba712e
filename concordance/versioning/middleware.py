"""Whole responses cached under the data version; validators and 304s for every GET.

An anonymous GET (no session cookie, no pending message) is looked up under
its scheme, host, path and query string, its htmx headers, the language, the
data version (``versions.published()``, from the cache: no query) and the
site's version (code, templates, static files, glossary). A hit is served
without touching the database or the session; a miss is rendered by the
views below and stored compressed when it can be shared: a 200 that sets no
cookie, used no CSRF token, varies on no cookie and was not marked private.
Anonymous responses say ``Cache-Control: public, no-cache``: browsers and
proxies keep them and revalidate each time, and the answer is a 304 when
the ETag they hold is current, which costs one cache read.

A request with a session (a signed-in curator) or a response that cannot
be shared goes through untouched but for ``Cache-Control: private,
no-store``, an ETag of its bytes and gzip (see ``responses`` for BREACH).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_etags

from concordance.caching import code_version
from concordance.languages import language_of_path
from concordance.versioning import versions
from concordance.versioning.responses import (
    StoredResponse,
    best_encoding,
    body_validator,
    compress_private,
    etag,
    validator_of,
)

# Request headers a page's content depends on besides its address (concordance.htmx).
VARIANT_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_BOOSTED", "HTTP_HX_HISTORY_RESTORE_REQUEST")
PUBLIC = "public, no-cache"
PRIVATE = "private, no-store"
# Larger bodies (exports of a grown corpus) are served but not stored.
MAX_STORED_BYTES = 8 * 1024 * 1024


@functools.cache
def site_version() -> tuple[str, float]:
    """What, besides the data, a page is made of: the code, the templates, the
    interface's translations, the project's static files (their hashed names
    are in the pages); and the time the newest of them changed, for Last-Modified."""
    digest = hashlib.sha256(code_version().encode())
    newest = 0.0
    base = Path(settings.BASE_DIR)
    for folder in (base / "templates", *map(Path, settings.LOCALE_PATHS), *map(Path, settings.STATICFILES_DIRS)):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
                newest = max(newest, path.stat().st_mtime)
    package = Path(settings.BASE_DIR) / "concordance"
    newest = max([newest, *(path.stat().st_mtime for path in package.rglob("*.py"))])
    return digest.hexdigest(), newest


def has_session(request: HttpRequest) -> bool:
    """Whether the page may depend on who asks: a session, or a message waiting to be shown."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def shareable(request: HttpRequest, response: HttpResponseBase) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    vary = response.get("Vary", "").lower()
    return (
        request.method == "GET"
        and response.status_code == 200
        and isinstance(response, HttpResponse)
        and not response.streaming
        # A page that used a CSRF token has its cookie set and varies on
        # Cookie (CsrfViewMiddleware does both), as has one that read the session.
        and not response.cookies
        and "cookie" not in vary
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and len(response.content) <= MAX_STORED_BYTES
    )


class ResponseCache:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        # A fresh process reads the database's version on its first request:
        # a write made while no server ran (a restore, psql) is seen at once.
        versions.forget_published()

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not getattr(settings, "RESPONSE_CACHE", True) or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if has_session(request):
            return self.private(request, self.get_response(request))
        version = versions.published()
        validator = self.validator(request, version)
        last_modified = max(version.changed_at.timestamp(), site_version()[1])
        held = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
        if any(tag != "*" and validator_of(tag) == validator for tag in held):
            # The client holds this very page at this version: no need to read it.
            matched = next(tag for tag in held if tag != "*" and validator_of(tag) == validator)
            return self.not_modified(matched, last_modified)
        key = f"page:{validator}"
        stored = cache.get(key)
        if not isinstance(stored, StoredResponse):
            response = self.get_response(request)
            if not shareable(request, response):
                return self.private(request, response) if response.status_code == 200 else response
            stored = StoredResponse.of(response, validator, last_modified)
            cache.set(key, stored, timeout=None)
        return self.serve(request, stored)

    @staticmethod
    def validator(request: HttpRequest, version: versions.Version) -> str:
        parts = [
            version.token,
            site_version()[0],
            request.scheme or "",
            request.get_host(),
            request.get_full_path(),
            # The interface's language, which the address names (concordance.languages):
            # /en/… and /… are different pages even where their paths would collide.
            language_of_path(request.path_info),
            *(request.META.get(header, "") for header in VARIANT_HEADERS),
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]

    @staticmethod
    def public_headers(response: HttpResponseBase, tag: str, last_modified: float) -> None:
        response.headers["ETag"] = tag
        response.headers["Last-Modified"] = http_date(last_modified)
        response.headers["Cache-Control"] = PUBLIC
        patch_vary_headers(response, ("Accept-Encoding", "HX-Request"))

    def not_modified(self, tag: str, last_modified: float) -> HttpResponseBase:
        response = HttpResponseNotModified()
        self.public_headers(response, tag, last_modified)
        return response

    def serve(self, request: HttpRequest, stored: StoredResponse) -> HttpResponseBase:
        encoding = best_encoding(request, stored.encodings())
        tag = etag(stored.validator, encoding)
        body = stored.body(encoding)
        response = HttpResponse(b"" if request.method == "HEAD" else body)
        for name, value in stored.headers:
            response.headers[name] = value
        if encoding != "identity":
            response.headers["Content-Encoding"] = encoding
        response.headers["Content-Length"] = str(len(body))
        self.public_headers(response, tag, stored.last_modified)
        if not stored.compressed():
            # Nothing to negotiate: the same bytes whatever the client offers.
            response.headers["Vary"] = "HX-Request"
        conditional = get_conditional_response(request, etag=tag, last_modified=int(stored.last_modified))
        if conditional is None:
            return response
        if conditional.status_code == 304:
            return self.not_modified(tag, stored.last_modified)
        return conditional  # 412: an If-Match or If-Unmodified-Since that fails

    @staticmethod
    def private(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        """A response for one reader only: never stored, by us or anyone."""
        response.headers["Cache-Control"] = PRIVATE
        if isinstance(response, HttpResponse) and not response.streaming and response.status_code == 200:
            compress_private(request, response)
            patch_vary_headers(response, ("Accept-Encoding",))
            response.headers["ETag"] = f'"{body_validator(response)}"'
        return response
