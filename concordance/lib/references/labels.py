"""The labels of a compound ("9.1.a", "1(b)", "a) i)"): atoms, paths, roman numerals, ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from concordance.lib.references.grammar import _KIND_LEVELS, POINT, PROVISION, SUB


@dataclass(frozen=True)
class _Atom:
    shape: str  # num | pnum | uroman | letter | roman | amb (i, v, x: letter or roman)
    value: str  # as printed, lowercased


@dataclass
class _Item:
    """One target being assembled: labels by depth in its hierarchy."""

    hierarchy: tuple[str, ...]
    labels: dict[int, str]
    anchored: bool = False  # placed by context: belongs to the text's own instrument
    broken: bool = False


# A placed compound: (depth, shape, label) outermost first; shapes let a
# following sibling find its level ("9.1.a et c": c is a letter, like a).
_Path = tuple[tuple[int, str, str], ...]


def _atom(match: re.Match[str]) -> _Atom:
    if match["num"]:
        return _Atom("num", match["num"].replace(" ", ""))
    if match["first"]:
        return _Atom("num", "1")
    if match["uroman"]:
        return _Atom("uroman", match["uroman"].lower())
    value = match["paren"] or match["label"]
    if value.isdigit():
        return _Atom("pnum", value)
    if re.fullmatch(r"[ivx]+", value):
        return _Atom("amb" if len(value) == 1 else "roman", value)
    return _Atom("letter", value)


def _label(hierarchy: tuple[str, ...], depth: int, atom: _Atom) -> str:
    if atom.shape == "uroman":
        return str(_roman_to_int(atom.value))
    if hierarchy is PROVISION and depth == SUB and atom.shape == "pnum":
        return _int_to_roman(int(atom.value))  # Benin's "(a)(2)" is sub-point ii
    return atom.value


def _shape_at(depth: int, shape: str) -> str:
    return {POINT: "letter", SUB: "roman"}.get(depth, shape) if shape == "amb" else shape


_ROMAN_VALUES = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman_to_int(numeral: str) -> int:
    digits = [{"i": 1, "v": 5, "x": 10}[c] for c in numeral.lower()]
    return sum(-d if d < nxt else d for d, nxt in zip(digits, digits[1:] + [0], strict=True))


def _int_to_roman(number: int) -> str:
    out = ""
    for value, numeral in _ROMAN_VALUES:
        count, number = divmod(number, value)
        out += numeral * count
    return out


def _sequence(first: str, last: str, roman: bool) -> list[str] | None:
    """The labels from ``first`` to ``last``: "2 à 11", "a) à c)", "i à iii"."""
    if first.isdigit() and last.isdigit():
        values = [str(n) for n in range(int(first), int(last) + 1)]
    elif roman:
        values = [_int_to_roman(n) for n in range(_roman_to_int(first), _roman_to_int(last) + 1)]
    elif len(first) == len(last) == 1:
        values = [chr(c) for c in range(ord(first), ord(last) + 1)]
    else:
        return None
    return values if len(values) > 1 else None


def _item(hierarchy: tuple[str, ...], path: _Path) -> _Item:
    # An empty path stands for a range that could not be read.
    return _Item(hierarchy, {depth: label for depth, _, label in path}, broken=not path)


def _kind(word: str) -> tuple[tuple[str, ...], int]:
    return _KIND_LEVELS[word.lower().rstrip("s")]
