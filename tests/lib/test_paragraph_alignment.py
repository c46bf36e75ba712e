"""Paragraph alignment: which paragraphs of two texts face each other (concordance.lib.diffing.align)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordance.lib.diffing import align, align_paragraphs, paragraph_similarity
from concordance.lib.diffing.engines import python_ratio
from concordance.lib.diffing.similarity import sorted_words
from tests.lib.diff_cases import BUDAPEST_16_1, BUDAPEST_ART_16, ENGINES, UN_25_1, UN_ART_25

# ---------------------------------------------------------------- paragraph alignment


def assert_valid_rows(rows, n_left, n_right):
    lefts = [i for i, _ in rows if i is not None]
    rights = [j for _, j in rows if j is not None]
    assert lefts == list(range(n_left))
    assert rights == list(range(n_right))
    assert all(i is not None or j is not None for i, j in rows)


@pytest.mark.parametrize("engine", ENGINES)
def test_align_real_articles_with_an_extra_paragraph(engine):
    rows = align_paragraphs(UN_ART_25, BUDAPEST_ART_16, engine=engine)
    assert rows == [(0, 0), (1, 1), (2, 2), (None, 3)]


@pytest.mark.parametrize("engine", ENGINES)
def test_align_leaves_a_gap_in_the_middle(engine):
    right = [BUDAPEST_ART_16[0], BUDAPEST_ART_16[3], BUDAPEST_ART_16[1], BUDAPEST_ART_16[2]]
    rows = align_paragraphs(UN_ART_25, right, engine=engine)
    assert rows == [(0, 0), (None, 1), (1, 2), (2, 3)]


def test_pinned_pairs_win_over_similarity():
    # Curators pinned UN § 3 to Budapest § 4; similarity would have paired § 3 with § 3.
    rows = align_paragraphs(UN_ART_25, BUDAPEST_ART_16, pinned=[(2, 3)])
    assert (2, 3) in rows
    assert rows == [(0, 0), (1, 1), (None, 2), (2, 3)]
    assert_valid_rows(rows, 3, 4)


def test_pinned_pairs_are_kept_even_when_dissimilar():
    rows = align_paragraphs(["alpha"], ["omega"], pinned=[(0, 0)])
    assert rows == [(0, 0)]
    assert align_paragraphs(["alpha"], ["omega"]) == [(0, None), (None, 0)]


def test_crossing_or_out_of_range_pins_are_rejected():
    with pytest.raises(ValueError, match="cross"):
        align_paragraphs(UN_ART_25, BUDAPEST_ART_16, pinned=[(0, 2), (1, 1)])
    with pytest.raises(ValueError, match="out of range"):
        align_paragraphs(UN_ART_25, BUDAPEST_ART_16, pinned=[(5, 0)])


def test_align_empty_sides():
    assert align_paragraphs([], []) == []
    assert align_paragraphs(["a b c"], []) == [(0, None)]
    assert align_paragraphs([], ["a b c"]) == [(None, 0)]


def test_similarity_ignores_markers_case_and_accents():
    assert paragraph_similarity("a) Chaque ÉTAT partie", "- b. chaque etat partie") == 1.0
    assert paragraph_similarity("a) Chaque ÉTAT partie", "b) chaque etat partie", "difflib") == 1.0
    assert paragraph_similarity("Chaque Partie", "Extradition") < 0.5


paragraphs = st.lists(st.sampled_from(UN_ART_25 + BUDAPEST_ART_16 + ["Extradition", "Champ d'application"]), max_size=7)


@given(paragraphs, paragraphs, st.data())
@settings(max_examples=100, deadline=None)
def test_alignment_is_a_complete_order_preserving_cover(left, right, data):
    pins: list[tuple[int, int]] = []
    if left and right:
        i = data.draw(st.integers(0, len(left) - 1))
        j = data.draw(st.integers(0, len(right) - 1))
        pins = [(i, j)]
    rows = align_paragraphs(left, right, pinned=pins)
    assert_valid_rows(rows, len(left), len(right))
    for pin in pins:
        assert pin in rows


# ---------------------------------------------------------------- the steps of a group alignment


def test_group_steps_are_traced_back_from_the_full_prefixes():
    # (1, 1) everywhere it can, a lone left paragraph in the middle.
    moves = [[None, (0, 1)], [(1, 0), (1, 1)], [(1, 0), (1, 0)]]
    assert align._steps(moves) == [(0, 1, 0, 1), (1, 2, 1, 1)]


def test_unpartnered_paragraphs_come_before_the_next_row_left_first():
    steps = [(0, 1, 0, 0), (0, 0, 0, 1), (1, 3, 1, 2), (3, 4, 2, 2)]
    assert align._rows(steps, [10, 11, 12, 13], [20, 21]) == [
        ((10,), ()),
        ((), (20,)),
        ((11, 12), (21,)),
        ((13,), ()),
    ]


def test_a_pair_alike_only_in_function_words_has_no_similarity():
    left = ["Les données de la Partie et les données des États pour le paragraphe.", UN_25_1]
    right = ["Les mesures de la Partie et les mesures des États pour le paragraphe.", BUDAPEST_16_1]
    lnorm = [sorted_words(p) for p in left]
    rnorm = [sorted_words(p) for p in right]
    assert python_ratio(lnorm[0], rnorm[0], 0.0) > 0.7
    single = align._single_similarities([0, 1], [0, 1], left, right, lnorm, rnorm, 0.5, python_ratio)
    assert single[0][0] == 0.0
    assert single[1][1] == python_ratio(lnorm[1], rnorm[1], 0.0) > 0.5
