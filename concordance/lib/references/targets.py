"""What a citation is read against (``Context``) and what it yields (``Reference``, ``Target``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    """Where the text sits: the instrument and, if known, the enclosing units."""

    instrument: str  # "un" | "budapest" | "budapest-p1"
    article: int | None = None
    paragraph: str | None = None  # label, e.g. "2"
    chapter: str | None = None  # eid, e.g. "chp_2"
    section: str | None = None  # eid, e.g. "chp_2__sec_1"


@dataclass(frozen=True)
class Target:
    instrument: str
    eid: str


@dataclass
class Reference:
    """A cross-reference: ``text == source[start:end]``.

    ``resolved`` is False when the words are clearly a reference but some
    target could not be built (missing context, unknown form) or was
    rejected by ``exists``; ``targets`` then keeps only the good ones.
    """

    start: int
    end: int
    text: str
    targets: list[Target]
    resolved: bool
