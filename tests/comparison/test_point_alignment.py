"""Points and closing words inside the real corpus's linked pairs, aligned by content.

A table of what a reader checks on the comparison pages (the review of
6 December 2026 found the first rows wrong when points were aligned by
position), and the whole-text property over every curated pair.
"""

from __future__ import annotations

import pytest

from concordance.analysis.comparisons import compare_curated
from concordance.comparison.inputs import CorpusSnapshot, DatabaseSource, pair_inputs
from concordance.corpus.models import Provision
from concordance.lib.comparison import Comparison

pytestmark = pytest.mark.django_db


def article(slug: str, eid: str) -> Provision:
    return Provision.objects.get(edition__instrument__slug=slug, edition__is_primary=True, eid=eid)


def compared(un_article: str, budapest_article: str) -> Comparison:
    inputs = pair_inputs(article("un", un_article), article("budapest", budapest_article), DatabaseSource())
    return inputs.compare()


def partners(comparison: Comparison, label: str, side: str) -> tuple[str, ...]:
    """The labels of the units facing the unit ``label`` of ``side`` in its row."""
    for row in comparison.rows:
        own, other = (row.lefts, row.rights) if side == "left" else (row.rights, row.lefts)
        if label in [unit.label for unit in own]:
            return tuple(unit.label for unit in other)
    raise AssertionError(f"no row shows {label!r} on the {side}")


# (UN article, Budapest article, side, unit, the units it must face: none is "no partner")
TABLE = [
    # UN 40 §21 b) (sovereignty, security, ordre public) faces Budapest's sovereignty ground,
    ("art_40", "art_27", "left", "par. 21, b)", ("par. 4, b)",)),
    # ... and "contrary to the legal system" nothing, nor does the political offence.
    ("art_40", "art_27", "left", "par. 21, d)", ()),
    ("art_40", "art_27", "right", "par. 4, a)", ()),
    # Electronic transmission is not the Council of Europe's register,
    ("art_40", "art_27", "left", "par. 14", ()),
    # and the safe conduct of UN 40 §29 not Budapest's urgent channels.
    ("art_40", "art_27", "left", "par. 29", ()),
    # One UN point says what two Budapest points say: notification, then the register.
    ("art_40", "art_27", "left", "par. 12, c)", ("par. 2, c)", "par. 2, d)")),
    # The UN has no "communiquent directement".
    ("art_40", "art_27", "right", "par. 2, b)", ()),
    # The purpose clauses that close the two lists of UN 11 and Budapest 6.
    ("art_11", "art_6", "left", "fin", ("fin",)),
    ("art_11", "art_6", "left", "par. 1, a), ii)", ("par. 1, a), ii)",)),
    # A child in the presence of a sexual act is not a person who appears to be a minor:
    # two cases of the definitions that share only their lists' words (review finding 4).
    ("art_14", "art_9", "left", "par. 2, b)", ()),
    ("art_14", "art_9", "right", "par. 2, b)", ()),
    # Sexualised torture is the UN's alone.
    ("art_14", "art_9", "left", "par. 2, d)", ()),
    ("art_14", "art_9", "left", "par. 2, a)", ("par. 2, a)",)),
    # Search and seizure: each measure faces the same measure.
    ("art_28", "art_19", "left", "par. 3, b)", ("par. 3, b)",)),
    ("art_28", "art_19", "left", "par. 3, d)", ("par. 3, d)",)),
    # The contents of a preservation request, point by point.
    ("art_42", "art_29", "left", "par. 3, a)", ("par. 2, a)",)),
    ("art_42", "art_29", "left", "par. 3, f)", ("par. 2, f)",)),
    ("art_44", "art_31", "left", "par. 3, a)", ("par. 3, a)",)),
    # Closed user groups, and real-time collection by the provider.
    ("art_23", "art_14", "left", "par. 3, b), ii)", ("par. 3, b), ii)",)),
    ("art_30", "art_21", "left", "par. 1, b), ii)", ("par. 1, b), ii)",)),
]


@pytest.mark.parametrize(("un", "budapest", "side", "label", "expected"), TABLE)
def test_a_point_faces_the_point_that_says_the_same_thing(un, budapest, side, label, expected):
    assert partners(compared(un, budapest), label, side) == expected


def test_every_curated_pair_shows_each_text_whole_once_and_in_order():
    snapshot = CorpusSnapshot()
    pairs = {link.pk: pair for link, pair in snapshot.curated_pairs()}
    comparisons = compare_curated(snapshot)
    assert len(comparisons) > 200
    for pk, comparison in comparisons.items():
        pair = pairs[pk]
        for side, units in (("left", pair.left_units), ("right", pair.right_units)):
            shown = [
                (block.unit.eid, "".join(piece.text for piece in block.pieces))
                for row in comparison.rows
                for block in (row.left_blocks if side == "left" else row.right_blocks)
            ]
            assert shown == [(unit.eid, unit.text) for unit in units], (pk, side)
