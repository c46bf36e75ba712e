"""One row of a comparison as tracked changes: what stays, what the left loses, what the right adds.

The row's one-column pieces (``AlignedRow.inline_pieces``) already say, in
reading order, which words are shared, deleted, inserted, terminology or
list form. They are laid here over the row's two texts (its units joined by
``SEPARATOR``), which gives each shared piece its left wording too: the one
column prints a shared piece as the right has it, and the left may space it
differently ("électroniques, y compris" against "électroniques spécifiées,
y compris"). So the plain and deleted text of a row is exactly the left
text, and the plain and inserted text exactly the right, spaces included
(the separator between two paragraphs reads as a space).

Should the pieces ever not lie over the texts, the row falls back to the
whole left text deleted and the whole right text inserted: coarser, still
exact. Pure Python: no Django.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from concordance.lib.comparison import SEPARATOR, AlignedRow, MarkedPiece

PLAIN, DELETED, INSERTED = "plain", "deleted", "inserted"


@dataclass(frozen=True)
class Change:
    """A run of the redline: ``category`` plain, deleted or inserted; ``kind`` the piece's
    kind in the comparison (equal, deleted, inserted, term, form) or "space"."""

    category: str
    text: str
    kind: str


class PiecesDoNotFit(ValueError):
    """The pieces of a row do not lie over its texts."""


def row_texts(row: AlignedRow) -> tuple[str, str]:
    """The row's left and right texts, each side's paragraphs joined by ``SEPARATOR``."""
    return SEPARATOR.join(u.text for u in row.lefts), SEPARATOR.join(u.text for u in row.rights)


def row_changes(row: AlignedRow) -> list[Change]:
    """The tracked changes of ``row``: plain + deleted is its left text, plain + inserted its right."""
    left, right = row_texts(row)
    try:
        changes = list(_Overlay(left, right).changes(row.inline_pieces, one_sided=not left or not right))
    except PiecesDoNotFit:
        changes = [Change(DELETED, left, "deleted"), Change(INSERTED, right, "inserted")]
    return [_readable(change) for change in changes if change.text]


def _readable(change: Change) -> Change:
    """The separator between two paragraphs of a row reads as a space."""
    return Change(change.category, change.text.replace(SEPARATOR, " "), change.kind)


def _skeleton(text: str) -> str:
    return "".join(text.split())


class _Overlay:
    def __init__(self, left: str, right: str) -> None:
        self.texts = {"left": left, "right": right}
        self.cursor = {"left": 0, "right": 0}
        self.pending = {"left": "", "right": ""}

    def changes(self, pieces: list[MarkedPiece], *, one_sided: bool) -> Iterator[Change]:
        for piece in pieces:
            if one_sided:
                side = "left" if self.texts["left"] else "right"
                yield from self.spaces()
                yield Change(DELETED if side == "left" else INSERTED, self.take(side, piece.text), piece.kind)
            elif piece.kind == "equal":
                yield from self.shared(piece)
            elif piece.kind == "form" and piece.side == "right" and piece.counterpart:
                # The one column prints list form as the right has it; the left's is its counterpart.
                yield from self.own("left", piece.counterpart, piece.kind)
                yield from self.own("right", piece.text, piece.kind)
            else:
                yield from self.own(piece.side or "right", piece.text, piece.kind)
        for side in ("left", "right"):
            rest = self.texts[side][self.cursor[side] :]
            if rest.strip():
                raise PiecesDoNotFit(f"{side} text left over: {rest!r}")
            self.pending[side] += rest
            self.cursor[side] = len(self.texts[side])
        yield from self.spaces()

    def own(self, side: str, text: str, kind: str) -> Iterator[Change]:
        taken = self.take(side, text)
        yield from self.spaces()
        yield Change(DELETED if side == "left" else INSERTED, taken, kind)

    def take(self, side: str, text: str) -> str:
        """``text`` at the side's cursor, the whitespace before it set aside as pending."""
        whole, at = self.texts[side], self.cursor[side]
        skipped = len(whole[at:]) - len(whole[at:].lstrip())
        for start in (at, at + skipped):
            if whole.startswith(text, start):
                self.pending[side] += whole[at:start]
                self.cursor[side] = start + len(text)
                return text
        raise PiecesDoNotFit(f"{text!r} is not at {side} offset {at}")

    def shared(self, piece: MarkedPiece) -> Iterator[Change]:
        """A shared piece: its right wording at the right cursor, the left's with the same characters but spaces."""
        right = self.take("right", piece.text)
        whole, at = self.texts["left"], self.cursor["left"]
        wanted = _skeleton(right)
        end, found = at, ""
        while len(found) < len(wanted) and end < len(whole):
            if not whole[end].isspace():
                found += whole[end]
            end += 1
        if found != wanted:
            raise PiecesDoNotFit(f"{right!r} is not at left offset {at}")
        left = whole[at:end]
        self.cursor["left"] = end
        lead = len(left) - len(left.lstrip())
        self.pending["left"] += left[:lead]
        yield from self.spaces()
        yield from _merge(left[lead:], right)

    def spaces(self) -> Iterator[Change]:
        """The whitespace set aside on each side: as much as both have, plain; the rest, one side's own."""
        yield from _merge(self.pending["left"], self.pending["right"], kind="space")
        self.pending = {"left": "", "right": ""}


def _merge(left: str, right: str, kind: str = "equal") -> Iterator[Change]:
    """Two texts with the same characters but whitespace, as plain runs and one side's own spaces."""
    i = j = 0
    runs: list[Change] = []

    def add(category: str, char: str) -> None:
        if runs and runs[-1].category == category:
            runs[-1] = Change(category, runs[-1].text + char, kind)
        else:
            runs.append(Change(category, char, kind))

    while i < len(left) or j < len(right):
        a = left[i] if i < len(left) else ""
        b = right[j] if j < len(right) else ""
        if a and b and (a == b or (a.isspace() and b.isspace())):
            add(PLAIN, b)
            i, j = i + 1, j + 1
        elif a.isspace() or (a and not b):
            add(DELETED, a)
            i += 1
        else:
            add(INSERTED, b)
            j += 1
    yield from runs
