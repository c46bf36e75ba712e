"""The project's URL patterns, walked: every route, with hostile values.

Routes come from `get_resolver().url_patterns`, so a page added by any app is
walked as soon as its urls.py includes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock
from urllib.parse import quote

from django.core.handlers.wsgi import WSGIRequest
from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

SCRIPT = "<script>alert(1)</script>"

# Values that a path segment or a query parameter receives. "raw" values are
# put in the address as they are (the server decodes them); the others are
# percent-encoded, as a browser would.
HOSTILE: dict[str, tuple[str, bool]] = {
    "unknown": ("no-such-thing", False),
    "zero": ("0", False),
    "huge number": ("99999999999999999999999", False),
    "5000 characters": ("a" * 5000, False),
    "right-to-left": ("\u202eart_1\u202c\u200f", False),
    "emoji": ("\U0001f4a3\U0001f525", False),
    "combining": ("e\u0301\u0327\u0338", False),
    "unicode": ("\u202e\u05e9\u05dc\u05d5\u05dd\U0001f4a3e\u0301\u0338\ufeff", False),
    "dot segments": ("../../etc/passwd", True),
    "encoded dot segments": ("%2e%2e%2f%2e%2e%2f", True),
    "bad utf-8": ("%ff%fe", True),
    "nul": ("%00", True),
    "sql": ("' OR 1=1--", False),
    "script": (SCRIPT, False),
}
UNKNOWN = {"unknown", "zero", "huge number"}


def encoded(value: str, raw: bool) -> str:
    return value if raw else quote(value, safe="")


@dataclass(frozen=True)
class Route:
    """A URL pattern as a template: literal text and named parameters."""

    template: str  # "compare/{left_slug}/{left_eid}/…"
    parameters: tuple[str, ...]
    name: str | None
    module: str

    @property
    def ours(self) -> bool:
        return self.module.startswith("concordance.")

    @property
    def admin(self) -> bool:
        return self.template.startswith("admin/")

    def url(self, values: dict[str, str]) -> str:
        return "/" + self.template.format(**values)

    def __str__(self) -> str:
        return "/" + self.template


_CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
# A named group, or an unnamed one (capturing or not); one level of nesting.
_GROUP = re.compile(r"\((?:\?P<(?P<name>\w+)>|\?:)?(?:[^()]|\([^()]*\))*\)")


def _template(pattern) -> tuple[str, tuple[str, ...]]:
    if isinstance(pattern, RoutePattern):
        route = str(pattern._route)
        names = tuple(m["name"] for m in _CONVERTER.finditer(route))
        return _CONVERTER.sub(lambda m: "{" + m["name"] + "}", route.replace("{", "{{").replace("}", "}}")), names
    if isinstance(pattern, RegexPattern):
        regex = pattern._regex
        # Unnamed groups are positional arguments: named after their place.
        names = tuple(m["name"] or f"arg{i}" for i, m in enumerate(_GROUP.finditer(regex)))
        placeholders = iter(names)
        literal = _GROUP.sub(lambda m: "\0" + next(placeholders) + "\0", regex)
        literal = literal.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
        literal = re.sub(r"\\(.)", r"\1", literal)
        if re.search(r"[\[\]()*+?|^$]", literal):
            raise ValueError(f"cannot turn the pattern {regex!r} into an address")
        literal = literal.replace("{", "{{").replace("}", "}}")
        return re.sub("\0(\\w+)\0", r"{\1}", literal), names
    if isinstance(pattern, LocalePrefixPattern):
        # i18n_patterns: the active language's prefix ("" for French, the default).
        return pattern.language_prefix, ()
    raise TypeError(f"unknown pattern type {type(pattern).__name__}")


def routes(patterns=None, prefix: str = "", parameters: tuple[str, ...] = ()) -> Iterator[Route]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        template, names = _template(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, prefix + template, parameters + names)
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            module = getattr(callback, "__module__", "") or ""
            yield Route(prefix + template, parameters + names, entry.name, module)


def distinct_routes() -> list[Route]:
    """Every route, except that the admin's per-model pages (the same six
    views for each registered model) are walked for one model per app."""
    chosen: list[Route] = []
    seen_models: dict[str, str] = {}
    for route in routes():
        model = re.match(r"admin/(\w+)/(\w+)/", route.template)
        if model:
            app, name = model.groups()
            if seen_models.setdefault(app, name) != name:
                continue
        chosen.append(route)
    return chosen


@contextmanager
def recording_query_reads() -> Iterator[set[str]]:
    """The names of the query parameters views ask for, present or not:
    `request.GET.get("edition")` and a bound form's fields alike."""
    names: set[str] = set()

    class RecordingQueryDict(QueryDict):
        # A class attribute, so that copies (request.GET.copy()) record too.
        recorded = names

        def __init__(self, *args, **kwargs):
            # Parsing the query string looks keys up too: record only afterwards.
            self.reading = False
            super().__init__(*args, **kwargs)
            self.reading = True

        def record(self, key):
            if self.reading and isinstance(key, str):
                self.recorded.add(key)

        def get(self, key, default=None):
            self.record(key)
            return super().get(key, default)

        def getlist(self, key, default=None):
            self.record(key)
            return super().getlist(key, default)

        def __getitem__(self, key):
            self.record(key)
            return super().__getitem__(key)

        def __contains__(self, key):
            self.record(key)
            return super().__contains__(key)

    def recording_get(request: WSGIRequest) -> QueryDict:
        if "_recording_get" not in request.__dict__:
            query = request.environ.get("QUERY_STRING", "").encode("iso-8859-1")
            request.__dict__["_recording_get"] = RecordingQueryDict(query, encoding=request._encoding)
        return request.__dict__["_recording_get"]

    with mock.patch.object(WSGIRequest, "GET", property(recording_get)):
        yield names


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content
