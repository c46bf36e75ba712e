"""Both diff engines on every aligned row of every curated pair of the real corpus."""

import pytest

from concordance.analysis.comparisons import Corpus, compare_curated
from concordance.lib.comparison import SEPARATOR
from concordance.lib.diffing import diff

pytestmark = pytest.mark.django_db


def test_the_fallback_engine_gives_the_same_segments_on_every_real_row():
    rows = {
        (SEPARATOR.join(u.text for u in row.lefts), SEPARATOR.join(u.text for u in row.rights))
        for comparison in compare_curated(Corpus()).values()
        for row in comparison.rows
        if row.lefts and row.rights
    }
    assert len(rows) > 200
    differing = [pair for pair in rows if diff(*pair, "rapidfuzz") != diff(*pair, "python")]
    assert differing == []
    for left, right in rows:
        segments = diff(left, right, "python")
        assert "".join(s.left for s in segments) == left and "".join(s.right for s in segments) == right
