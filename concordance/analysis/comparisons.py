"""Every curated pair compared at once, in a fixed number of queries.

The pairs' inputs come from one ``CorpusSnapshot`` (two queries) and are
looked up in the cache in one batch, under the keys the comparison page uses:
a pair computed here is warm for the comparison page, and the reverse.
"""

from __future__ import annotations

from concordance.comparison.inputs import CorpusSnapshot, compare_pairs
from concordance.lib.comparison import Comparison


def compare_curated(snapshot: CorpusSnapshot) -> dict[int, Comparison]:
    """The comparison of each curated correspondence, by correspondence pk."""
    pairs = snapshot.curated_pairs()
    comparisons = compare_pairs([inputs for _, inputs in pairs])
    return {link.pk: comparison for (link, _), comparison in zip(pairs, comparisons, strict=True)}
