"""What a comparison is made of: compared units, aligned rows of marked pieces.

Rows
----
A row holds one or more *consecutive* units of each side (or none: a gap),
diffed as one text; each unit keeps its own block, label and anchor.
A *moved* half-row shows one side of a pair at its own place, its other
cell naming the partner (``Elsewhere``): no text is ever reordered.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from concordance.lib import quantities

# Joins the units of a row for the diff.  Whitespace, so it only ever trails
# a token and never becomes one; it is cut out again before display (no
# provision text holds a newline).
SEPARATOR = "\n"


@dataclass(frozen=True)
class ComparedUnit:
    """A paragraph, point or sub-point that carries words, as one side of a comparison holds it."""

    eid: str
    label: str  # as a reader cites it inside the article: "par. 2", "a)", "2 b) ii)"
    text: str
    # A curated sentence pin cuts a provision into parts (``sentence_pins``):
    # where this part's text starts in the provision's, and the number of its
    # first sentence (1-based). A whole provision: 0 and 0.
    offset: int = 0
    sentence: int = 0

    def within(self, quantity: quantities.Quantity) -> quantities.Quantity:
        """``quantity``, at offsets of the provision, at offsets of this unit's text (a part's is shorter)."""
        return _shifted(quantity, -self.offset)

    def in_provision(self, quantity: quantities.Quantity) -> quantities.Quantity:
        """``quantity``, at offsets of this unit's text, at offsets of its provision's."""
        return _shifted(quantity, self.offset)

    @property
    def anchor(self) -> str:
        """The page anchor of this unit: its eid, the part's first sentence after it for a later part."""
        return self.eid if self.offset == 0 else f"{self.eid}-phrase-{self.sentence}"


@dataclass(frozen=True)
class MarkedPiece:
    """A run of text in one cell: ``kind`` is equal, deleted, inserted, term, near, reference or form.

    ``start`` is the offset of the text in the provision ``eid`` of ``side``
    ("left" or "right"; a sentence part's pieces count from its provision's
    start), which tells the page where its cross-references are.
    """

    kind: str
    text: str
    counterpart: str = ""  # for a term, near, reference or form: the words the other side uses
    start: int = 0
    eid: str = ""
    side: str = ""
    entry_id: str = ""  # for a term or a near-equivalent: its glossary entry


@dataclass
class Block:
    """One unit's words in a cell."""

    unit: ComparedUnit
    pieces: list[MarkedPiece]


@dataclass(frozen=True)
class Elsewhere:
    """Units of the other text, linked to this row but shown at their own place."""

    units: tuple[ComparedUnit, ...]
    direction: str  # "up" or "down": where they are, from this row

    @property
    def labels(self) -> str:
        return " + ".join(unit.label for unit in self.units)

    @property
    def anchor(self) -> str:
        """Where the first of them is on the page (a later sentence part has an anchor of its own)."""
        return self.units[0].anchor


@dataclass
class AlignedRow:
    lefts: list[ComparedUnit] = field(default_factory=list)
    rights: list[ComparedUnit] = field(default_factory=list)
    pinned: bool = False
    left_blocks: list[Block] = field(default_factory=list)
    right_blocks: list[Block] = field(default_factory=list)
    inline_pieces: list[MarkedPiece] = field(default_factory=list)
    # Offsets in the row's units joined by SEPARATOR (what the diff saw);
    # ``located_quantity_pairs`` makes them local to each paragraph.
    quantity_pairs: list[quantities.QuantityPair] = field(default_factory=list)
    # A moved half-row: its partner on the other side, shown at its own place.
    left_elsewhere: Elsewhere | None = None
    right_elsewhere: Elsewhere | None = None
    substantive_tokens: int = 0
    # Near-equivalent terms (same role, another scope): a change, counted apart.
    near_tokens: int = 0
    terminology_tokens: int = 0
    # Reference numbers that name corresponding articles: correspondence, not a change.
    reference_tokens: int = 0
    total_tokens: int = 0

    @property
    def left(self) -> ComparedUnit | None:
        """The first unit of the left side, the partner's when it is shown elsewhere."""
        units = self.lefts or (self.left_elsewhere.units if self.left_elsewhere else ())
        return units[0] if units else None

    @property
    def right(self) -> ComparedUnit | None:
        units = self.rights or (self.right_elsewhere.units if self.right_elsewhere else ())
        return units[0] if units else None

    @property
    def moved(self) -> bool:
        return self.left_elsewhere is not None or self.right_elsewhere is not None

    @property
    def curated(self) -> bool:
        """Whether a curated link placed this row's two sides together (a pinned paragraph or
        point pair), rather than the alignment by content."""
        return self.pinned and bool(self.lefts) and bool(self.rights) and not self.moved

    @property
    def has_substantive_change(self) -> bool:
        """A change of substance, near-equivalent terms included (a change of scope)."""
        return self.moved or not self.lefts or not self.rights or self.substantive_tokens + self.near_tokens > 0

    @property
    def has_near_change(self) -> bool:
        return self.near_tokens > 0

    @property
    def has_terminology_change(self) -> bool:
        return self.terminology_tokens > 0

    @property
    def divergent_quantities(self) -> list[quantities.QuantityPair]:
        return [pair for pair in self.quantity_pairs if pair.status == "divergent"]

    @property
    def elsewhere_units(self) -> tuple[ComparedUnit, ...]:
        """The partner's units of a moved half-row, on either side."""
        return (self.left_elsewhere.units if self.left_elsewhere else ()) + (
            self.right_elsewhere.units if self.right_elsewhere else ()
        )

    def located_quantity_pairs(self) -> list[tuple[quantities.QuantityPair, str, str]]:
        """Every pair of the row with the eids of the paragraphs its quantities lie in.

        A row may hold several paragraphs a side, diffed joined; the analysis
        pages place each quantity in its own paragraph, so the offsets are
        made local to it. A quantity-less side takes the side's first eid.
        """
        lefts = self.lefts or list(self.left_elsewhere.units if self.left_elsewhere else ())
        rights = self.rights or list(self.right_elsewhere.units if self.right_elsewhere else ())
        if not lefts or not rights:
            return []
        located = []
        for pair in self.quantity_pairs:
            left, left_eid = _in_unit(pair.left, lefts)
            right, right_eid = _in_unit(pair.right, rights)
            located.append((dataclasses.replace(pair, left=left, right=right), left_eid, right_eid))
        return located


def _shifted(quantity: quantities.Quantity, by: int) -> quantities.Quantity:
    return dataclasses.replace(quantity, start=quantity.start + by, end=quantity.end + by) if by else quantity


def _in_unit(
    quantity: quantities.Quantity | None, units: Sequence[ComparedUnit]
) -> tuple[quantities.Quantity | None, str]:
    """The quantity with offsets in the unit it lies in (units joined by SEPARATOR), and that unit's eid."""
    if quantity is None:
        return None, units[0].eid
    offset = 0
    for unit in units:
        end = offset + len(unit.text)
        if quantity.start < end:
            # Local to the provision: a part of one starts ``unit.offset`` into it.
            shift = offset - unit.offset
            return dataclasses.replace(quantity, start=quantity.start - shift, end=quantity.end - shift), unit.eid
        offset = end + len(SEPARATOR)
    raise ValueError(f"quantity {quantity.text!r} lies outside the row's paragraphs")


@dataclass(frozen=True)
class AcrossPair:
    """Two quantities set against each other from paragraphs in different rows
    (offsets local to each paragraph): see ``pair_across_rows``."""

    pair: quantities.QuantityPair
    left: ComparedUnit
    right: ComparedUnit


@dataclass
class Comparison:
    rows: list[AlignedRow]
    across: list[AcrossPair] = field(default_factory=list)

    @property
    def substantive_share(self) -> float:
        """Share of the words of both sides touched by a substantive change.

        A near-equivalent term changes the scope of a provision, so its words
        count as change (``near_share`` gives their part); terminology and
        corresponding reference numbers do not.
        """
        total = sum(row.total_tokens for row in self.rows)
        changed = sum(row.substantive_tokens + row.near_tokens for row in self.rows)
        return changed / total if total else 0.0

    @property
    def near_share(self) -> float:
        """Share of the words of both sides in near-equivalent terms (part of ``substantive_share``)."""
        total = sum(row.total_tokens for row in self.rows)
        return sum(row.near_tokens for row in self.rows) / total if total else 0.0

    def near_entry_ids(self) -> list[str]:
        """The glossary entries of the pair's near-equivalent terms, in the order they first appear."""
        found = {
            piece.entry_id: None
            for row in self.rows
            for piece in row.inline_pieces
            if piece.kind == "near" and piece.entry_id
        }
        return list(found)

    @property
    def divergent_quantities(self) -> list[quantities.QuantityPair]:
        """Every divergence of the pair, within a row or across rows."""
        return [pair for row in self.rows for pair in row.divergent_quantities] + [
            found.pair for found in self.across if found.pair.status == "divergent"
        ]

    @property
    def divergent_across(self) -> list[AcrossPair]:
        return [found for found in self.across if found.pair.status == "divergent"]


@dataclass(frozen=True)
class Collapsed:
    """Identical rows left out by "changes only"."""

    count: int


def visible_rows(comparison: Comparison, *, changes_only: bool, terms_shown: bool) -> list[AlignedRow | Collapsed]:
    """The rows to show; with ``changes_only``, each run of unchanged rows becomes one ``Collapsed``."""
    if not changes_only:
        return list(comparison.rows)
    shown: list[AlignedRow | Collapsed] = []
    hidden = 0
    for row in comparison.rows:
        if row.has_substantive_change or (terms_shown and row.has_terminology_change):
            if hidden:
                shown.append(Collapsed(hidden))
                hidden = 0
            shown.append(row)
        else:
            hidden += 1
    if hidden:
        shown.append(Collapsed(hidden))
    return shown
