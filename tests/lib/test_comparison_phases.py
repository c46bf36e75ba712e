"""The phases of lib.comparison, each on its own: plan, compare one row's texts, pair across rows."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from concordance.lib import quantities
from concordance.lib.comparison import (
    ComparedUnit,
    JoinedTexts,
    PairContext,
    QuantityReading,
    compare_texts,
    ordered_pairs,
    pair_one_sided,
    plan_rows,
)
from concordance.lib.comparison.plan import Leftover, link_groups
from concordance.lib.terminology import load_glossary

GLOSSARY = load_glossary(Path(__file__).resolve().parents[2] / "fixtures" / "glossary.json")
CONTEXT = PairContext(GLOSSARY, "un", "budapest")


def units(prefix: str, *texts: str) -> list[ComparedUnit]:
    return [ComparedUnit(f"{prefix}_{k}", f"par. {k + 1}", text) for k, text in enumerate(texts)]


def test_a_plan_keeps_the_links_that_keep_both_orders_as_rows_and_moves_the_crossing_one():
    left = units("l", "Un.", "Deux.", "Trois.")
    right = units("r", "Trois.", "Deux.", "Un.")
    plan = plan_rows(left, right, [(0, 2), (1, 1), (2, 0)])
    assert len(plan.pinned) == 1 and len(plan.moved) == 2
    placed_left = sorted(i for ls, _ in plan.rows for i in ls) + sorted(i for ls, _ in plan.moved for i in ls)
    assert sorted(placed_left) == [0, 1, 2]


def test_links_that_share_a_unit_are_one_group_and_a_second_run_is_a_leftover():
    groups, leftovers = link_groups([(0, 0), (0, 1), (3, 1)])
    assert groups == [((0,), (0, 1))]
    assert leftovers == [Leftover((3,), (1,), "left")]


def test_one_row_goes_through_every_phase_and_keeps_every_word():
    texts = JoinedTexts(
        tuple(units("l", "Chaque État partie conserve les données pendant 90 jours ;")),
        tuple(units("r", "chaque Partie conserve les données pendant quatre-vingt-dix jours.")),
    )
    compared = compare_texts(texts, CONTEXT)
    assert "".join(p.text for p in compared.pieces.left) == texts.left
    assert "".join(p.text for p in compared.pieces.right) == texts.right
    kinds = {p.kind for p in compared.pieces.left}
    assert "term" in kinds  # État partie / Partie, and 90 / quatre-vingt-dix
    assert "form" in kinds  # Chaque / chaque
    assert [pair.status for pair in compared.quantity_pairs] == ["same"]


def reading(text: str, heading: str = "Conservation rapide") -> QuantityReading:
    (quantity,) = quantities.extract_quantities(text)
    return QuantityReading.of(quantity, text, heading)


def test_one_sided_quantities_pair_in_document_order_each_once():
    lefts = [reading("conservées pendant une durée maximale de 90 jours")]
    rights = [
        reading("conservées pendant une durée d'au moins 60 jours"),
        reading("conservées pendant une durée de 30 jours"),
    ]
    assert pair_one_sided(lefts, rights) == [(0, 0)]
    assert pair_one_sided([], rights) == []


def longest_increasing(pairs: list[tuple[int, int]]) -> int:
    best: list[int] = []
    ordered = sorted(set(pairs))
    for k, (i, j) in enumerate(ordered):
        best.append(1 + max((best[m] for m in range(k) if ordered[m][0] < i and ordered[m][1] < j), default=0))
    return max(best, default=0)


@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=12))
def test_ordered_pairs_keep_both_orders_and_as_many_pairs_as_can_be(pairs):
    chosen = ordered_pairs(pairs)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(chosen, chosen[1:], strict=False))
    assert set(chosen) <= set(pairs)
    assert len(chosen) == longest_increasing(pairs)
