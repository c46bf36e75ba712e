"""Two provisions side by side: aligned rows, word differences, quantities.

Pure: takes the texts of the units to compare (one unit per paragraph,
point or sub-point that carries words) and returns rows ready to display.
The diff, glossary and quantity modules do the work; this one composes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from concordance.lib import quantities
from concordance.lib.diffing import align_paragraphs, diff
from concordance.lib.terminology import ClassifiedSegment, Glossary


@dataclass(frozen=True)
class Unit:
    eid: str
    label: str  # as a reader cites it inside the article: "par. 2", "a)", "2 b) ii)"
    text: str


@dataclass(frozen=True)
class Piece:
    """A run of text in one cell: ``kind`` is equal, deleted, inserted or term."""

    kind: str
    text: str
    counterpart: str = ""  # for a term: the words the other side uses


@dataclass
class Row:
    left: Unit | None
    right: Unit | None
    pinned: bool = False
    left_pieces: list[Piece] = field(default_factory=list)
    right_pieces: list[Piece] = field(default_factory=list)
    inline_pieces: list[Piece] = field(default_factory=list)
    quantity_pairs: list[quantities.QuantityPair] = field(default_factory=list)
    substantive_tokens: int = 0
    terminology_tokens: int = 0
    total_tokens: int = 0

    @property
    def has_substantive_change(self) -> bool:
        return self.left is None or self.right is None or self.substantive_tokens > 0

    @property
    def has_terminology_change(self) -> bool:
        return self.terminology_tokens > 0

    @property
    def divergent_quantities(self) -> list[quantities.QuantityPair]:
        return [pair for pair in self.quantity_pairs if pair.status == "divergent"]


@dataclass
class Comparison:
    rows: list[Row]

    @property
    def substantive_share(self) -> float:
        """Share of the words of both sides touched by a substantive change."""
        total = sum(row.total_tokens for row in self.rows)
        changed = sum(row.substantive_tokens for row in self.rows)
        return changed / total if total else 0.0

    @property
    def divergent_quantities(self) -> list[quantities.QuantityPair]:
        return [pair for row in self.rows for pair in row.divergent_quantities]


def number_in(span: str) -> int | None:
    words = span.strip()
    return int(words) if words.isdigit() else quantities.parse_french_number(words)


def same_quantity(left: str, right: str) -> bool:
    """True when two spans write the same number or quantities ("quatre-vingt-dix" / "90")."""
    number = number_in(left)
    if number is not None:
        return number == number_in(right)
    found_left = quantities.extract_quantities(left)
    found_right = quantities.extract_quantities(right)
    return bool(found_left) and [(q.value, q.unit) for q in found_left] == [
        (q.value, q.unit) for q in found_right
    ]


def word_count(text: str) -> int:
    return len(text.split())


def fill(row: Row, segments: list[ClassifiedSegment]) -> None:
    """The row's three renderings: left cell, right cell, and one inline column."""
    for segment in segments:
        if segment.kind == "equal":
            row.left_pieces.append(Piece("equal", segment.left))
            row.right_pieces.append(Piece("equal", segment.right))
            row.inline_pieces.append(Piece("equal", segment.right))
        elif segment.kind == "terminology":
            row.left_pieces.append(Piece("term", segment.left, segment.right))
            row.right_pieces.append(Piece("term", segment.right, segment.left))
            row.inline_pieces.append(Piece("term", segment.right, segment.left))
            row.terminology_tokens += word_count(segment.left) + word_count(segment.right)
        else:
            if segment.left:
                row.left_pieces.append(Piece("deleted", segment.left))
                row.inline_pieces.append(Piece("deleted", segment.left))
            if segment.right:
                row.right_pieces.append(Piece("inserted", segment.right))
                row.inline_pieces.append(Piece("inserted", segment.right))
            row.substantive_tokens += word_count(segment.left) + word_count(segment.right)


def compare_units(
    left: Sequence[Unit],
    right: Sequence[Unit],
    *,
    pinned: Sequence[tuple[int, int]] = (),
    glossary: Glossary,
    left_instrument: str,
    right_instrument: str,
) -> Comparison:
    alignment = align_paragraphs([u.text for u in left], [u.text for u in right], pinned=pinned)
    pinned_set = set(pinned)
    rows = []
    for i, j in alignment:
        row = Row(
            left=left[i] if i is not None else None,
            right=right[j] if j is not None else None,
            pinned=(i, j) in pinned_set,
        )
        if row.left and row.right:
            segments = glossary.classify(
                diff(row.left.text, row.right.text),
                left_instrument=left_instrument,
                right_instrument=right_instrument,
                same_quantity=same_quantity,
            )
            fill(row, segments)
            row.quantity_pairs = quantities.compare(
                quantities.extract_quantities(row.left.text),
                quantities.extract_quantities(row.right.text),
            )
        elif row.left:
            row.left_pieces = row.inline_pieces = [Piece("deleted", row.left.text)]
            row.substantive_tokens = word_count(row.left.text)
        else:
            row.right_pieces = row.inline_pieces = [Piece("inserted", row.right.text)]
            row.substantive_tokens = word_count(row.right.text)
        row.total_tokens = word_count(row.left.text if row.left else "") + word_count(
            row.right.text if row.right else ""
        )
        rows.append(row)
    return Comparison(rows)


def monotone(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subset of pairs increasing on both sides (curated links may cross)."""
    pairs = sorted(set(pairs))
    best: list[list[tuple[int, int]]] = []
    for pair in pairs:
        candidates = [chain for chain in best if chain[-1][0] < pair[0] and chain[-1][1] < pair[1]]
        longest = max(candidates, key=len, default=[])
        best.append(longest + [pair])
    return max(best, key=len, default=[])
