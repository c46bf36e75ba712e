"""Both diff engines on every aligned row of every curated pair of the real corpus."""

import pytest

from concordance.analysis.comparisons import compare_curated
from concordance.comparison.inputs import CorpusSnapshot
from concordance.lib.comparison import SEPARATOR
from concordance.lib.diffing import diff
from tests.lib.diff_measures import segment_keys

pytestmark = pytest.mark.django_db


def matched_tokens(segments):
    return sum(len(segment_keys(s.left, "none")) for s in segments if s.op == "equal")


@pytest.fixture(scope="module")
def real_rows(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return {
            (SEPARATOR.join(u.text for u in row.lefts), SEPARATOR.join(u.text for u in row.rights))
            for comparison in compare_curated(CorpusSnapshot()).values()
            for row in comparison.rows
            if row.lefts and row.rights
        }


def test_the_difflib_fallback_rebuilds_every_real_row(real_rows):
    assert len(real_rows) > 200
    for left, right in real_rows:
        segments = diff(left, right, "difflib")
        assert "".join(s.left for s in segments) == left
        assert "".join(s.right for s in segments) == right


def test_difflib_differs_from_rapidfuzz_only_where_it_misses_the_longest_matching(real_rows):
    # Where difflib's blocks are as good as rapidfuzz's, the canonical form
    # must make the segments identical; a difference is only allowed where
    # difflib matched fewer tokens (its greedy blocks missed the LCS).
    differing = []
    for left, right in real_rows:
        if diff(left, right, "rapidfuzz") != diff(left, right, "difflib"):
            lcs = matched_tokens(diff(left, right, "rapidfuzz", cleanup=False))
            greedy = matched_tokens(diff(left, right, "difflib", cleanup=False))
            assert greedy < lcs, (left, right)
            differing.append((left, right))
    # Nearly every row reads the same whichever engine computed it.
    assert len(differing) <= len(real_rows) // 20
