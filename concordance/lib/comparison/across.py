"""Quantities that answer each other from different rows of one pair.

A row pairs the quantities of its aligned paragraphs; the counterpart of one
may sit in another paragraph (a delay in a paragraph with no partner against
one in another row).  ``pair_one_sided`` is the one
rule that pairs them; the comparison page (``pair_across_rows``) and the
analysis pages both call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from concordance.lib import quantities
from concordance.lib.comparison.model import AcrossPair, AlignedRow, ComparedUnit


@dataclass(frozen=True)
class QuantityReading:
    """A quantity as its clause reads it: what it governs, and whether it says when something takes effect."""

    quantity: quantities.Quantity
    subject: str
    effect: bool

    @classmethod
    def of(cls, quantity: quantities.Quantity, text: str, heading: str) -> QuantityReading:
        """``quantity`` read in ``text``, the words of the provision, under its article's ``heading``."""
        return cls(quantity, quantities.subject_of(quantity, text, heading), quantities.takes_effect(quantity, text))


def pair_one_sided(lefts: Sequence[QuantityReading], rights: Sequence[QuantityReading]) -> list[tuple[int, int]]:
    """Pair quantities left without a counterpart, as (left index, right index).

    In document order, each left quantity takes the first right one not yet
    taken that ``quantities.counterparts_across`` says answers it.
    """
    used: set[int] = set()
    found = []
    for i, left in enumerate(lefts):
        for j, right in enumerate(rights):
            if j not in used and quantities.counterparts_across(
                left.quantity,
                right.quantity,
                subjects=(left.subject, right.subject),
                effects=(left.effect, right.effect),
            ):
                used.add(j)
                found.append((i, j))
                break
    return found


def pair_across_rows(rows: Sequence[AlignedRow], headings: tuple[str, str]) -> list[AcrossPair]:
    """Pair the quantities left without a counterpart in their own row.

    Left-only and right-only quantities, and those of paragraphs with no
    partner, are paired by ``pair_one_sided``. Moved half-rows count once, in
    the half that carries the pair's quantities.
    """
    lefts, rights = _one_sided(rows)
    # Quantities are at offsets of their provision; a unit may be a part of one (a sentence pin).
    left_readings = [QuantityReading.of(unit.within(q), unit.text, headings[0]) for q, unit in lefts]
    right_readings = [QuantityReading.of(unit.within(q), unit.text, headings[1]) for q, unit in rights]
    return [
        AcrossPair(quantities.pair(lefts[i][0], rights[j][0]), lefts[i][1], rights[j][1])
        for i, j in pair_one_sided(left_readings, right_readings)
    ]


Located = list[tuple[quantities.Quantity, ComparedUnit]]


def _one_sided(rows: Sequence[AlignedRow]) -> tuple[Located, Located]:
    """The quantities of each side without a counterpart in their row, with their unit, in document order."""
    lefts: Located = []
    rights: Located = []
    for row in rows:
        if row.quantity_pairs:
            units = {unit.eid: unit for unit in [*row.lefts, *row.rights, *row.elsewhere_units]}
            for pair, left_eid, right_eid in row.located_quantity_pairs():
                if pair.right is None and pair.left is not None:
                    lefts.append((pair.left, units[left_eid]))
                elif pair.left is None and pair.right is not None:
                    rights.append((pair.right, units[right_eid]))
        elif not row.moved and not (row.lefts and row.rights):
            for unit in row.lefts:
                lefts.extend((unit.in_provision(q), unit) for q in quantities.extract_quantities(unit.text))
            for unit in row.rights:
                rights.extend((unit.in_provision(q), unit) for q in quantities.extract_quantities(unit.text))
    return lefts, rights
