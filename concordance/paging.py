"""Pages of a list that grows with the corpus: a count, page links that keep the filters, a clear 400.

A growing list (the instruments, a theme's articles and links, search
results, the concordance API) is cut into pages so
that a request costs what it shows, not what the corpus holds. The page
number is read from ``?page=``; anything but a whole number from 1 is bad
input (400), a number past the last page is a page that does not exist (404).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

T = TypeVar("T")

PAGE = "page"


class BadPage(ValueError):
    """The ``page`` parameter is not a page number (a 400)."""


class NoSuchPage(LookupError):
    """The page number is past the last page (a 404)."""


# No list has this many pages. A larger number is a page that does not exist,
# told before it reaches SQL (an OFFSET past 2^63 is an error there) or int()
# (which refuses over 4,300 digits).
MAX_PAGE = 1_000_000


def page_number(query: QueryDict, param: str = PAGE) -> int:
    """The page asked for in ``param``, 1 when none is."""
    raw = query.get(param, "")
    if raw == "":
        return 1
    if not raw.isascii() or not raw.isdigit() or not raw.strip("0"):
        raise BadPage(_("Numéro de page invalide : « %(value)s » (un nombre entier à partir de 1).") % {"value": raw})
    if len(raw.lstrip("0")) > len(str(MAX_PAGE)) or int(raw) > MAX_PAGE:
        raise NoSuchPage(_("Aucune liste n'a autant de pages."))
    return int(raw)


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, with what the links to the others need."""

    items: Sequence[T]
    number: int
    count: int  # items in the whole list
    per_page: int
    query: str  # the request's query string without ``param``: the filters (and other lists' pages) kept
    param: str = PAGE

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def first(self) -> int:
        """Position (from 1) of the page's first item in the list."""
        return (self.number - 1) * self.per_page + 1 if self.count else 0

    @property
    def last(self) -> int:
        return min(self.number * self.per_page, self.count)

    @property
    def has_other_pages(self) -> bool:
        return self.pages > 1

    def url(self, number: int) -> str:
        """The query string of another page, the filters kept (``?`` included)."""
        parts = [self.query] if self.query else []
        if number > 1:
            parts.append(urlencode({self.param: number}))
        return "?" + "&".join(parts) if parts else "?"

    @property
    def previous_url(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.pages else None

    @property
    def links(self) -> list[tuple[int, str] | None]:
        """The pages to link, each with its query string: the first, the last and those near this one.

        None stands for the pages left out between two of them.
        """
        wanted = sorted(n for n in {1, self.pages, *range(self.number - 2, self.number + 3)} if 1 <= n <= self.pages)
        shown: list[tuple[int, str] | None] = []
        for previous, number in zip([0, *wanted], wanted, strict=False):
            if previous and number - previous > 1:
                shown.append(None)
            shown.append((number, self.url(number)))
        return shown


def without(query: QueryDict, param: str = PAGE) -> str:
    """The query string without ``param``, in the order it came."""
    kept = query.copy()
    kept.pop(param, None)
    return kept.urlencode()


def window(number: int, count: int, per_page: int) -> slice:
    """The rows of page ``number`` when the list has ``count`` rows (counted by the database)."""
    pages = max(1, -(-count // per_page))
    if number > pages:
        raise NoSuchPage(_("Il n'y a que %(pages)d page(s).") % {"pages": pages})
    start = (number - 1) * per_page
    return slice(start, start + per_page)


def page_of(items: Sequence[T], count: int, number: int, per_page: int, query: QueryDict, param: str = PAGE) -> Page[T]:
    """A page of ``count`` items whose ``items`` were fetched with ``window`` (or cut from a list in memory)."""
    return Page(items, number, count, per_page, without(query, param), param)
