"""The three French sources as the quantity tests read them, and the facts they compare."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from concordance.lib.quantities import Quantity, extract_quantities

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
FILES = {
    "un": "un-resolution-79-243-fr.txt",
    "bill": "budapest-bill-905-2003-fr.txt",
    "benin": "budapest-benin-decree-2024-773-fr.txt",
}
NBSP = "\u00a0"
TWO_THIRDS = 2 / 3


@cache
def source(name: str) -> str:
    return (SOURCES / FILES[name]).read_text(encoding="utf-8")


@cache
def source_quantities(name: str) -> tuple[Quantity, ...]:
    return tuple(extract_quantities(source(name)))


def facts(found: list[Quantity] | tuple[Quantity, ...]) -> list[tuple[object, ...]]:
    return [(q.text, q.value, q.unit, q.kind, q.bound) for q in found]


def line_with(name: str, fragment: str) -> str:
    """The whole source line (paragraph) containing ``fragment``."""
    return next(line for line in source(name).splitlines() if fragment in line)
