"""List markers at the start of a line: "1.", "- 1 ", "a)", "a.", "a  ", "ii)".

The three sources print the same lists in different styles; this module
reads the label and how sure we can be that it is a marker at all:

* ``strong``: followed by ``)`` or ``.``, by two spaces or more, by nothing
  (a marker alone on its line), or preceded by a list dash;
* weak: a bare label and one space ("2 Une Partie", "a soit"). French has a
  one-letter verb ("a rendu possible"), so the tree builder accepts a weak
  marker only where the list sequence expects exactly that label.

Whether a letter is a point or a roman sub-point ("i" after "h" is a point)
is also the builder's call: only the list state can tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")

_DASH = re.compile(r"^[-–]\s+")
_LABEL = re.compile(r"^(?P<label>\d{1,2}|[ivx]{1,4}|[a-z])(?P<after>[.)]|\s{2,}|\s|$)")


@dataclass(frozen=True)
class Marker:
    label: str
    strong: bool
    # The label with its printed punctuation: "a)", "a.", "1.", or the bare
    # "a", "1" of the bill and the Protocol. (A list dash is not part of it.)
    printed: str = ""

    @property
    def is_number(self) -> bool:
        return self.label.isdigit()

    @property
    def may_be_roman(self) -> bool:
        return self.label in ROMANS


@dataclass(frozen=True)
class Scan:
    markers: tuple[Marker, ...]
    text: str  # what follows the markers
    dashed: bool  # the line starts with a list dash
    undashed: str  # the whole line but its list dash


def scan(text: str) -> Scan:
    """Read the leading list dash and up to two nested markers of ``text``."""
    dash = _DASH.match(text)
    rest = undashed = text[dash.end() :] if dash else text
    if dash is None and text in ("-", "–"):
        return Scan((), "", True, "")
    markers: list[Marker] = []
    while len(markers) < 2:
        match = _LABEL.match(rest)
        if not match or not _plausible(match.group("label"), markers):
            break
        after = match.group("after")
        strong = after in (".", ")", "") or len(after) >= 2 or (dash is not None and not markers)
        if markers and not strong:
            break  # a second marker on a line must be unmistakable
        label = match.group("label")
        markers.append(Marker(label, strong, label + after if after in (".", ")") else label))
        rest = rest[match.end() :].lstrip()
    return Scan(tuple(markers), rest, dash is not None, undashed)


def _plausible(label: str, before: list[Marker]) -> bool:
    if not before:
        return True
    # Nested markers go one level deeper: number → letter, letter → roman.
    first = before[0]
    if first.is_number:
        return not label.isdigit()
    return label in ROMANS
