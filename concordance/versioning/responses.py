"""Stored responses: compressed once, served in the encoding each client offers.

Compression and BREACH. BREACH recovers a secret from a compressed HTTPS
response when the page carries the secret and reflects attacker-chosen text
beside it. The responses stored here carry no secret: they are stored only
for requests without a session and only when the page used no CSRF token
(the middleware checks), so they compress as they are. Pages that do carry
a token (the curator forms, the sign-in page) are compressed too, because
Django masks the CSRF token with a fresh random value in every response (its
compressed length tells nothing about the secret) and those pages are
compressed with up to 100 random bytes of padding in the gzip header, as
Django's own GZipMiddleware does ("Heal the BREACH"); the session identifier
is a cookie, never in a body.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from typing import ClassVar

from django.http import HttpRequest, HttpResponse
from django.utils.text import compress_string

try:  # Brotli is used when installed (pyproject installs it) and the client offers it.
    import brotli
except ImportError:  # pragma: no cover - exercised only without the package
    brotli = None

COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript", "image/svg+xml")
# Below this, compression saves less than its headers cost.
MIN_COMPRESSED_SIZE = 200
# Headers the middleware sets itself when it serves a stored response.
OWN_HEADERS = {"content-length", "content-encoding", "etag", "last-modified", "cache-control", "vary"}


def compressible(response: HttpResponse) -> bool:
    content_type = response.get("Content-Type", "").lower()
    return content_type.startswith(COMPRESSIBLE) and not response.has_header("Content-Encoding")


def offered_encodings(request: HttpRequest) -> set[str]:
    """The content codings the client accepts (a q of 0 refuses one)."""
    offered = set()
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _, parameters = item.strip().partition(";")
        quality = parameters.strip().removeprefix("q=").strip() if parameters.strip().startswith("q=") else "1"
        try:
            accepted = float(quality) > 0
        except ValueError:
            accepted = False
        if name and accepted:
            offered.add(name.strip().lower())
    return offered


def best_encoding(request: HttpRequest, available: tuple[str, ...]) -> str:
    offered = offered_encodings(request)
    for encoding in ("br", "gzip"):
        if encoding in available and (encoding in offered or "*" in offered):
            return encoding
    return "identity"


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A 200 response as stored: its own headers and its body in each encoding kept."""

    # The bodies are compressed: the file cache stores them without zlib (cache_backends).
    compressed_already: ClassVar[bool] = True

    headers: tuple[tuple[str, str], ...]
    # "identity" is kept only when the body is not compressed; otherwise it
    # is rebuilt from gzip for the rare client that offers no coding.
    bodies: tuple[tuple[str, bytes], ...]
    validator: str
    last_modified: float

    @classmethod
    def of(cls, response: HttpResponse, validator: str, last_modified: float) -> StoredResponse:
        headers = tuple((name, value) for name, value in response.items() if name.lower() not in OWN_HEADERS)
        content = response.content
        bodies: list[tuple[str, bytes]]
        if compressible(response) and len(content) >= MIN_COMPRESSED_SIZE:
            bodies = [("gzip", gzip.compress(content, compresslevel=6, mtime=0))]
            if brotli is not None:
                bodies.insert(0, ("br", brotli.compress(content, quality=5)))
        else:
            bodies = [("identity", content)]
        return cls(headers=headers, bodies=tuple(bodies), validator=validator, last_modified=last_modified)

    def body(self, encoding: str) -> bytes:
        kept = dict(self.bodies)
        if encoding in kept:
            return kept[encoding]
        return gzip.decompress(kept["gzip"])

    def encodings(self) -> tuple[str, ...]:
        return tuple(encoding for encoding, _ in self.bodies)

    def compressed(self) -> bool:
        return self.encodings() != ("identity",)


def etag(validator: str, encoding: str) -> str:
    """A strong ETag per representation: the same page gzip'd is another set of bytes."""
    return f'"{validator}"' if encoding == "identity" else f'"{validator}-{encoding}"'


def validator_of(etag_value: str) -> str:
    """The page validator an ETag names, whatever its encoding suffix."""
    bare = etag_value.strip().removeprefix("W/").strip('"')
    for suffix in ("-br", "-gzip"):
        if bare.endswith(suffix):
            return bare.removesuffix(suffix)
    return bare


def compress_private(request: HttpRequest, response: HttpResponse) -> None:
    """Compress a response that is not stored (curators, forms), padded against BREACH."""
    if response.streaming or not compressible(response) or len(response.content) < MIN_COMPRESSED_SIZE:
        return
    if "gzip" not in offered_encodings(request):
        return
    response.content = compress_string(response.content, max_random_bytes=100)
    response.headers["Content-Encoding"] = "gzip"
    response.headers["Content-Length"] = str(len(response.content))


def body_validator(response: HttpResponse) -> str:
    """A strong validator for a response that is not stored: a hash of its bytes as sent."""
    return hashlib.sha256(response.content).hexdigest()[:32]
