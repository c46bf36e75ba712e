"""Two provisions side by side: the pipeline from units to rows.

A pair is planned (``plan.plan_rows``), then each row's texts go through
the same phases: diff → classify → settle quantities → mark corresponding
references → mark form → fill.
Moved half-rows are put at their own side's place, and quantities that
answer each other across rows are paired last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from concordance.lib import quantities
from concordance.lib.comparison.across import pair_across_rows
from concordance.lib.comparison.corresponding import ArticlePair, mark_references
from concordance.lib.comparison.fill import FilledPieces, fill, fill_gap, fill_row
from concordance.lib.comparison.model import (
    SEPARATOR,
    AlignedRow,
    ComparedUnit,
    Comparison,
    Elsewhere,
)
from concordance.lib.comparison.plan import RowPlan, Side, plan_rows
from concordance.lib.comparison.refine import (
    mark_form,
    same_quantity,
    settle_quantities,
)
from concordance.lib.diffing import Group, Segment, diff
from concordance.lib.terminology import ClassifiedSegment, Glossary


@dataclass(frozen=True)
class PairContext:
    """What every row of a pair is classified with."""

    glossary: Glossary
    left_instrument: str
    right_instrument: str
    # Articles the curated concordance links, among those the pair's texts cite.
    corresponding_articles: frozenset[ArticlePair] = frozenset()


@dataclass(frozen=True)
class JoinedTexts:
    """The units of one row, each side's joined by ``SEPARATOR``: what the diff sees."""

    lefts: tuple[ComparedUnit, ...]
    rights: tuple[ComparedUnit, ...]

    @property
    def left(self) -> str:
        return SEPARATOR.join(u.text for u in self.lefts)

    @property
    def right(self) -> str:
        return SEPARATOR.join(u.text for u in self.rights)

    @property
    def are_points(self) -> bool:
        """Whether either side ends on a list item ("b)"), whose closing punctuation is form."""
        return any(bool(units) and ")" in units[-1].label for units in (self.lefts, self.rights))


@dataclass(frozen=True)
class ComparedTexts:
    """A row's texts compared: the pieces of its cells and its quantities set against each other."""

    pieces: FilledPieces
    quantity_pairs: list[quantities.QuantityPair]


def diff_texts(texts: JoinedTexts) -> list[Segment]:
    return diff(texts.left, texts.right)


def classify(segments: list[Segment], context: PairContext) -> list[ClassifiedSegment]:
    return context.glossary.classify(
        segments,
        left_instrument=context.left_instrument,
        right_instrument=context.right_instrument,
        same_quantity=same_quantity,
    )


def pair_quantities(texts: JoinedTexts) -> list[quantities.QuantityPair]:
    return quantities.pair_quantities(
        quantities.extract_quantities(texts.left), quantities.extract_quantities(texts.right)
    )


def compare_texts(texts: JoinedTexts, context: PairContext) -> ComparedTexts:
    """One row: diff → classify → settle quantities → mark corresponding references → mark form → fill."""
    pairs = pair_quantities(texts)
    segments = classify(diff_texts(texts), context)
    segments = settle_quantities(segments, pairs)
    segments = mark_references(
        segments,
        texts.lefts,
        texts.rights,
        (context.left_instrument, context.right_instrument),
        context.corresponding_articles,
    )
    segments = mark_form(segments, points=texts.are_points)
    return ComparedTexts(fill(segments, texts.lefts, texts.rights), pairs)


def compare_units(
    left: Sequence[ComparedUnit],
    right: Sequence[ComparedUnit],
    *,
    pinned: Sequence[tuple[int, int]] = (),
    glossary: Glossary,
    left_instrument: str,
    right_instrument: str,
    headings: tuple[str, str] = ("", ""),
    corresponding_articles: Sequence[ArticlePair] = (),
) -> Comparison:
    """The rows of a pair. ``headings``: the two articles' headings, which tell what a quantity governs;
    ``corresponding_articles``: the curated links between articles the texts cite (``corresponding``)."""
    context = PairContext(glossary, left_instrument, right_instrument, frozenset(corresponding_articles))
    pair = _Pair(left, right, context)
    plan = plan_rows(left, right, pinned, glossary=glossary, instruments=(left_instrument, right_instrument))
    rows = [pair.aligned_row(group, group in plan.pinned) for group in plan.rows]
    halves = pair.half_rows(plan)
    place_half_rows(rows, halves, left, right)
    return Comparison(rows, pair_across_rows(rows, headings))


@dataclass(frozen=True)
class HalfRow:
    """One side of a moved pair (or of a leftover run), shown at that side's place."""

    row: AlignedRow
    group: Group  # the pair's units, left and right
    side: Side


@dataclass(frozen=True)
class _Pair:
    left: Sequence[ComparedUnit]
    right: Sequence[ComparedUnit]
    context: PairContext

    def texts(self, group: Group) -> JoinedTexts:
        ls, rs = group
        return JoinedTexts(tuple(self.left[k] for k in ls), tuple(self.right[k] for k in rs))

    def aligned_row(self, group: Group, pinned: bool) -> AlignedRow:
        texts = self.texts(group)
        row = AlignedRow(list(texts.lefts), list(texts.rights), pinned=pinned)
        if texts.lefts and texts.rights:
            compared = compare_texts(texts, self.context)
            row.quantity_pairs = compared.quantity_pairs
            fill_row(row, compared.pieces, left=True, right=True)
        else:
            fill_gap(row)
        return row

    def half_rows(self, plan: RowPlan) -> list[HalfRow]:
        """Moved pairs: a half-row on each side; leftovers: a half-row on their own side only."""
        halves: list[HalfRow] = []
        for group in plan.moved:
            texts = self.texts(group)
            compared = compare_texts(texts, self.context)
            left_half = AlignedRow(list(texts.lefts), [], pinned=True, quantity_pairs=compared.quantity_pairs)
            right_half = AlignedRow([], list(texts.rights), pinned=True)
            fill_row(left_half, compared.pieces, left=True)
            fill_row(right_half, compared.pieces, right=True)
            halves += [HalfRow(left_half, group, "left"), HalfRow(right_half, group, "right")]
        for leftover in plan.leftovers:
            group = (leftover.lefts, leftover.rights)
            texts = self.texts(group)
            compared = compare_texts(texts, self.context)
            if leftover.side == "right":
                half = AlignedRow([], list(texts.rights), pinned=True)
                fill_row(half, compared.pieces, right=True)
            else:
                half = AlignedRow(list(texts.lefts), [], pinned=True)
                fill_row(half, compared.pieces, left=True)
            halves.append(HalfRow(half, group, leftover.side))
        return halves


def place_half_rows(
    rows: list[AlignedRow], halves: Sequence[HalfRow], left: Sequence[ComparedUnit], right: Sequence[ComparedUnit]
) -> None:
    """Put each half-row at its own side's place, then tell it where its partner is."""
    left_index = {u.anchor: k for k, u in enumerate(left)}
    right_index = {u.anchor: k for k, u in enumerate(right)}
    for half in halves:
        _insert(rows, half.row, half.side, left_index if half.side == "left" else right_index)
    for half in halves:
        ls, rs = half.group
        own = next(k for k, row in enumerate(rows) if row is half.row)
        partner_units = [right[k] for k in rs] if half.side == "left" else [left[k] for k in ls]
        at = next(
            k for k, row in enumerate(rows) if partner_units[0] in (row.rights if half.side == "left" else row.lefts)
        )
        where = Elsewhere(tuple(partner_units), "down" if at > own else "up")
        if half.side == "left":
            half.row.right_elsewhere = where
        else:
            half.row.left_elsewhere = where


def _insert(rows: list[AlignedRow], half: AlignedRow, side: Side, index: dict[str, int]) -> None:
    """Put a half-row at its own side's place; the other side's order is untouched (units by anchor:
    the parts of a provision a sentence pin cuts share its eid)."""
    mine = index[(half.lefts if side == "left" else half.rights)[0].anchor]
    for k, row in enumerate(rows):
        units = row.lefts if side == "left" else row.rights
        if units and index[units[0].anchor] > mine:
            rows.insert(k, half)
            return
    rows.append(half)
