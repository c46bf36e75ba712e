"""Filling rows: classified segments of the joined texts become each unit's marked pieces.

The diff sees a side's units joined by ``SEPARATOR``; here the segments are
cut back along the units, the separators left out, so each unit's block
shows exactly its own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from concordance.lib.comparison.model import SEPARATOR, AlignedRow, Block, ComparedUnit, MarkedPiece
from concordance.lib.comparison.refine import segment_spans
from concordance.lib.terminology import ClassifiedSegment

# Classified kinds whose two sides are shown as a pair, and the piece kind each becomes.
_PAIRED = {"terminology": "term", "near": "near", "reference": "reference", "form": "form"}


def word_count(text: str) -> int:
    return len(text.split())


@dataclass
class FilledPieces:
    """A row's pieces before they are cut into units: each side's cell and the one-column view."""

    left: list[MarkedPiece]
    right: list[MarkedPiece]
    inline: list[MarkedPiece]
    counts: dict[str, list[int]]  # kind → [left words, right words]


def fill(
    segments: list[ClassifiedSegment], lunits: Sequence[ComparedUnit], runits: Sequence[ComparedUnit]
) -> FilledPieces:
    """The pieces each segment gives the two cells and the one column, and the words of each kind."""
    lcuts, rcuts = _cuts(lunits), _cuts(runits)
    left: list[MarkedPiece] = []
    right: list[MarkedPiece] = []
    inline: list[MarkedPiece] = []
    counts = {kind: [0, 0] for kind in ("substantive", "near", "terminology", "reference", "equal", "form")}
    for seg, (l0, _, r0, _) in zip(segments, segment_spans(segments), strict=True):
        lt, rt = _unjoin(seg.left, l0, lcuts), _unjoin(seg.right, r0, rcuts)
        counts[seg.kind][0] += word_count(lt)
        counts[seg.kind][1] += word_count(rt)
        if seg.kind == "equal":
            left.append(MarkedPiece("equal", seg.left))
            right.append(MarkedPiece("equal", seg.right))
            inline.extend(_located("equal", seg.right, r0, runits, "right"))
        elif seg.kind in _PAIRED:
            kind = _PAIRED[seg.kind]
            entry = seg.entry_id or ""
            left.append(MarkedPiece(kind, seg.left, rt, entry_id=entry))
            right.append(MarkedPiece(kind, seg.right, lt, entry_id=entry))
            # One column shows both wordings of a term (or a near-equivalent, or a
            # corresponding reference), the left's first (as a deletion before an
            # insertion); list formatting only as the right has it.
            both = kind != "form"
            if both or not seg.right:
                inline.extend(_located(kind, seg.left, l0, lunits, "left", rt if both else "", entry))
            inline.extend(_located(kind, seg.right, r0, runits, "right", lt, entry))
        else:
            if seg.left:
                left.append(MarkedPiece("deleted", seg.left))
                inline.extend(_located("deleted", seg.left, l0, lunits, "left"))
            if seg.right:
                right.append(MarkedPiece("inserted", seg.right))
                inline.extend(_located("inserted", seg.right, r0, runits, "right"))
    return FilledPieces(left, right, [p for p in inline if p.text], counts)


def fill_row(row: AlignedRow, filled: FilledPieces, *, left: bool = False, right: bool = False) -> None:
    """Give ``row`` the blocks and counts of the sides it shows (a moved half-row shows one)."""
    sides = [k for k, on in ((0, left), (1, right)) if on]
    if left:
        row.left_blocks = _cut(filled.left, row.lefts, "left")
    if right:
        row.right_blocks = _cut(filled.right, row.rights, "right")
    if left and right:
        row.inline_pieces = filled.inline
    elif left:
        row.inline_pieces = [p for block in row.left_blocks for p in block.pieces]
    else:
        row.inline_pieces = [p for block in row.right_blocks for p in block.pieces]
    row.substantive_tokens = sum(filled.counts["substantive"][k] for k in sides)
    row.near_tokens = sum(filled.counts["near"][k] for k in sides)
    row.terminology_tokens = sum(filled.counts["terminology"][k] for k in sides)
    row.reference_tokens = sum(filled.counts["reference"][k] for k in sides)
    row.total_tokens = sum(sum(filled.counts[kind][k] for k in sides) for kind in filled.counts)


def fill_gap(row: AlignedRow) -> None:
    """A row with one side only: its words are all deleted (left) or all inserted (right)."""
    if row.lefts:
        row.left_blocks = [Block(u, [MarkedPiece("deleted", u.text, "", u.offset, u.eid, "left")]) for u in row.lefts]
        row.inline_pieces = [b.pieces[0] for b in row.left_blocks]
        row.substantive_tokens = row.total_tokens = sum(word_count(u.text) for u in row.lefts)
    else:
        row.right_blocks = [
            Block(u, [MarkedPiece("inserted", u.text, "", u.offset, u.eid, "right")]) for u in row.rights
        ]
        row.inline_pieces = [b.pieces[0] for b in row.right_blocks]
        row.substantive_tokens = row.total_tokens = sum(word_count(u.text) for u in row.rights)


def _cut(pieces: list[MarkedPiece], units: Sequence[ComparedUnit], side: str) -> list[Block]:
    """Cut one side's pieces (over the units joined by SEPARATOR) into one block per unit."""
    blocks = []
    start = 0
    for unit in units:
        stop = start + len(unit.text)
        found = []
        pos = 0
        for piece in pieces:
            p0, p1 = pos, pos + len(piece.text)
            pos = p1
            lo, hi = max(p0, start), min(p1, stop)
            if lo < hi:
                found.append(
                    MarkedPiece(
                        piece.kind,
                        piece.text[lo - p0 : hi - p0],
                        piece.counterpart,
                        lo - start + unit.offset,
                        unit.eid,
                        side,
                        piece.entry_id,
                    )
                )
        blocks.append(Block(unit, found))
        start = stop + len(SEPARATOR)
    return blocks


def _located(
    kind: str, text: str, at: int, units: Sequence[ComparedUnit], side: str, counterpart: str = "", entry_id: str = ""
) -> list[MarkedPiece]:
    """``text`` (at ``at`` in the joined ``units``) as pieces of each unit it covers, separators left out."""
    out = []
    start = 0
    for unit in units:
        stop = start + len(unit.text)
        lo, hi = max(at, start), min(at + len(text), stop)
        if lo < hi:
            out.append(
                MarkedPiece(
                    kind, text[lo - at : hi - at], counterpart, lo - start + unit.offset, unit.eid, side, entry_id
                )
            )
        start = stop + len(SEPARATOR)
    return out


def _unjoin(text: str, start: int, cuts: Sequence[int]) -> str:
    """``text`` (at ``start`` in a joined side) without the separators at ``cuts``."""
    for cut in reversed(cuts):
        if start <= cut < start + len(text):
            text = text[: cut - start] + text[cut - start + len(SEPARATOR) :]
    return text


def _cuts(units: Sequence[ComparedUnit]) -> list[int]:
    out, pos = [], 0
    for unit in units[:-1]:
        pos += len(unit.text)
        out.append(pos)
        pos += len(SEPARATOR)
    return out
