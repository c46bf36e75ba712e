"""The grammar of the identifiers the whole site uses for a place in a treaty.

An identifier (an *eid*, after Akoma Ntoso's) is a path of levels joined by
``__``, each level a kind and a label joined by ``_``:

- provisions: ``art_25``, ``art_25__para_2``, ``art_25__para_2__point_b``,
  ``art_2__point_e__subpoint_ii``, ``art_2__alinea_1``, ``art_13__wrapup``,
  ``art_13__wrapup_2`` (a closing passage has a kind and, after the first,
  a number);
- divisions: ``chp_2``, ``chp_2__sec_1``.

This module is the only one that knows the separators; every other module
asks it. It is pure: no Django, no database.
"""

from __future__ import annotations

import re
from typing import NamedTuple

SEPARATOR = "__"

# A provision identifier as a person may type it in a form or an address.
PROVISION = re.compile(r"^art_\d+(__(para_\d+|point_[a-z]+|subpoint_[ivxlc]+|alinea_\d+|wrapup(_\d+)?))*$")


class Level(NamedTuple):
    """One level of an identifier: ``para_2`` is Level("para", "2")."""

    kind: str
    label: str

    def __str__(self) -> str:
        return f"{self.kind}_{self.label}" if self.label else self.kind


def levels(eid: str) -> list[Level]:
    """``art_25__para_2`` → [Level("art", "25"), Level("para", "2")]; ``wrapup`` has no label."""
    if not eid:
        return []
    return [Level(*segment.partition("_")[::2]) for segment in eid.split(SEPARATOR)]


def join(*parts: str | Level) -> str:
    """The identifier of these levels: ``join("art_25", Level("para", "2"))`` → ``art_25__para_2``."""
    return SEPARATOR.join(str(part) for part in parts if str(part))


def child(parent: str, kind: str, label: str | int = "") -> str:
    """The identifier of a level below ``parent`` (or at the top when ``parent`` is empty)."""
    return join(parent, Level(kind, str(label)))


def top(eid: str) -> str:
    """The outermost level: the article of a provision, the chapter of a section."""
    return eid.split(SEPARATOR, 1)[0]


article_of = top


def parent(eid: str) -> str | None:
    """The identifier one level up, or None for a top level."""
    head, separator, _ = eid.rpartition(SEPARATOR)
    return head if separator else None


def ancestors(eid: str) -> list[str]:
    """Every identifier from the top down to ``eid`` itself: ``a__b__c`` → [a, a__b, a__b__c]."""
    segments = eid.split(SEPARATOR)
    return [SEPARATOR.join(segments[: i + 1]) for i in range(len(segments))]


def depth(eid: str) -> int:
    """0 for a top level (an article, a chapter), 1 for a paragraph, …"""
    return eid.count(SEPARATOR)


def is_top_level(eid: str) -> bool:
    """True for an article (or a chapter): an identifier of one level."""
    return SEPARATOR not in eid


def is_within(eid: str, root: str) -> bool:
    """True when ``eid`` is ``root`` or a level inside it (``art_25__para_2`` is within ``art_25``)."""
    return eid == root or eid.startswith(root + SEPARATOR)


def descendants_prefix(eid: str) -> str:
    """What every identifier strictly inside ``eid`` begins with (for a database prefix match)."""
    return eid + SEPARATOR


def last_level(eid: str) -> Level:
    """The innermost level: ``art_29__para_5__point_b`` → Level("point", "b")."""
    return levels(eid)[-1]


def label_of(eid: str) -> str:
    """The label of the innermost level: ``art_29__para_5__point_b`` → ``b``."""
    return last_level(eid).label


def labels(eid: str) -> dict[str, str]:
    """Each level's label by kind: ``chp_2__sec_1`` → {"chp": "2", "sec": "1"}."""
    return {level.kind: level.label for level in levels(eid)}


def below_article(eid: str) -> list[Level]:
    """The levels under the article: ``art_25__para_2__point_b`` → [para 2, point b]."""
    return levels(eid)[1:]


def is_provision(text: str) -> bool:
    """True when ``text`` is a well-formed provision identifier."""
    return PROVISION.match(text) is not None


def sort_key(eid: str) -> tuple[tuple[int, int | str], ...]:
    """Orders identifiers as the text does: ``art_2`` before ``art_10``, ``para_2`` before ``para_10``."""
    key: list[tuple[int, int | str]] = []
    for level in levels(eid):
        key.append((1, level.kind))
        if level.label:
            key.append((0, int(level.label)) if level.label.isdigit() else (1, level.label))
    return tuple(key)
