"""HTML pages drawn as PDF by WeasyPrint, with the site's print stylesheet.

The PDF of a page is the page itself as a browser would print it: the same
template, the same ``static/css/print.css`` (``@media print``). WeasyPrint
reads the stylesheets and images from the static files on disk, never over
the network: a PDF is drawn without the server calling itself, and a page
cannot make it fetch anything else.

The site's stylesheets are parsed once per process (``PRINT_STYLESHEETS``,
again only when a file changes) and handed to WeasyPrint already parsed: the
page still links them, but the fetcher answers those links with an empty
sheet. Parsing them on every request took about a sixth of a comparison's
PDF (UN 40 / Budapest 27).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse

from concordance.caching import cached

# Answered when the system libraries WeasyPrint needs are missing (scripts/pdf.sh installs them).
UNAVAILABLE = (
    "Les exports PDF ne sont pas disponibles sur ce serveur : les bibliothèques Pango et HarfBuzz manquent "
    "(scripts/pdf.sh ensure les installe ; sous Debian : apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0 fonts-dejavu-core)."
)


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot load its system libraries."""


@functools.cache
def _weasyprint() -> Any:
    try:
        import weasyprint
    except OSError as error:  # a missing Pango or HarfBuzz is an OSError at import time
        raise PdfUnavailable(f"{UNAVAILABLE} ({error})") from error
    return weasyprint


def available() -> bool:
    try:
        _weasyprint()
    except PdfUnavailable:
        return False
    return True


def static_file(url: str) -> Path | None:
    """The file on disk behind a static URL of this site, if there is one."""
    path = unquote(urlsplit(url).path)
    prefix = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL
    if not path.startswith(prefix):
        return None
    name = path.removeprefix(prefix)
    if not name or ".." in name.split("/"):
        return None
    try:
        found = finders.find(name)
    except SuspiciousFileOperation:
        return None
    if found:
        return Path(found)
    if settings.STATIC_ROOT:  # production: collected, hashed names included
        collected = Path(settings.STATIC_ROOT) / name
        if collected.is_file():
            return collected
    return None


# The stylesheets every page links (templates/base.html), in its order: given
# to WeasyPrint parsed once, never fetched and parsed again per request.
PRINT_STYLESHEETS = ("css/site.css", "css/print.css")


def _stylesheet_file(name: str) -> Path:
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(f"static file {name} not found")
    return Path(found)


@functools.cache
def _parsed(path: Path, modified: float) -> Any:
    """One stylesheet parsed for print; ``modified`` keys the cache, so an edited file is parsed anew."""
    return _weasyprint().CSS(filename=str(path), media_type="print")


def print_stylesheets() -> list[Any]:
    """``PRINT_STYLESHEETS`` parsed (once per process and version of each file)."""
    paths = [_stylesheet_file(name) for name in PRINT_STYLESHEETS]
    return [_parsed(path, path.stat().st_mtime) for path in paths]


def _preparsed_paths() -> set[str]:
    """The URL paths under which pages link ``PRINT_STYLESHEETS`` (hashed names in production)."""
    paths = set()
    for name in PRINT_STYLESHEETS:
        # Not collected (no manifest entry): the page links it unhashed, as below.
        with contextlib.suppress(ValueError):
            paths.add(unquote(urlsplit(staticfiles_storage.url(name)).path))
        paths.add(unquote(urlsplit(settings.STATIC_URL + name).path))
    return paths


def local_fetcher() -> Any:
    """A fetcher of static files from disk; anything else is refused (WeasyPrint then leaves it out).

    The stylesheets WeasyPrint is given parsed (``print_stylesheets``) are
    answered empty, so that a page's ``<link>`` to them costs nothing.
    """
    urls = _weasyprint().urls
    preparsed = _preparsed_paths()

    class StaticFilesFetcher(urls.URLFetcher):  # type: ignore[name-defined]  # weasyprint is imported lazily
        def fetch(self, url: str, headers: object = None) -> Any:
            if unquote(urlsplit(url).path) in preparsed:
                return urls.URLFetcherResponse(url, b"", {"Content-Type": "text/css"})
            found = static_file(url)
            if found is None:
                raise ValueError(f"not a static file of this site: {url}")
            mime_type, _ = mimetypes.guess_type(found.name)
            return urls.URLFetcherResponse(
                url, found.read_bytes(), {"Content-Type": mime_type or "application/octet-stream"}
            )

    return StaticFilesFetcher()


def html_to_pdf(html: str, base_url: str) -> bytes:
    """The PDF of a page's HTML; ``base_url`` is the page's address (its links stay absolute).

    The same HTML, stylesheets and WeasyPrint draw the same PDF, so it is
    cached under a hash of them (``caching.cached``): a document whose page
    did not change is drawn once, for a signed-in curator too, and survives
    data changes that do not touch it (the whole-response cache does not).
    The HTML carries the date it is printed on, so a cached PDF never
    outlives its day.
    """
    _weasyprint()  # PdfUnavailable (503) when the libraries are missing, cached or not
    digest = hashlib.sha256(html.encode()).hexdigest()
    return cached("pdf", (digest, base_url, _drawing_version()), lambda: draw_pdf(html, base_url))


def _drawing_version() -> tuple[object, ...]:
    """What draws a PDF besides its HTML: the stylesheets' versions and WeasyPrint's."""
    paths = [_stylesheet_file(name) for name in PRINT_STYLESHEETS]
    return (*(path.stat().st_mtime for path in paths), _weasyprint().__version__)


def draw_pdf(html: str, base_url: str) -> bytes:
    """WeasyPrint's drawing of ``html``, with the print stylesheets parsed once per process."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=local_fetcher(), media_type="print")
    pdf: bytes = document.write_pdf(stylesheets=print_stylesheets())
    return pdf


def pdf_response(html: str, base_url: str, filename: str) -> HttpResponse:
    """The page as a PDF download, or 503 with what to install when WeasyPrint cannot run."""
    try:
        pdf = html_to_pdf(html, base_url)
    except PdfUnavailable as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
