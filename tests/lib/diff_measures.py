"""Measures of a diff that only the tests take: the keys ``diff`` compares, and
the share of a text that changed (production reads ``Comparison.substantive_share``)."""

from __future__ import annotations

from collections.abc import Sequence

from concordance.lib.diffing import MarkerMode, tokenise
from concordance.lib.diffing.tokens import tokens_and_keys


def segment_keys(text: str, markers: MarkerMode = "label") -> list[str]:
    """Comparison keys of ``text`` as ``diff`` sees them (markers included)."""
    return tokens_and_keys(text, markers)[1]


def _token_count(text: str) -> int:
    return sum(1 for t in tokenise(text) if t.strip())


def change_share(segments: Sequence[object], *, ignore_terminology: bool = False) -> float:
    """Share (0..1) of tokens, counted on both sides, that sit in non-equal segments.

    Accepts ``Segment`` or anything with ``op``/``left``/``right`` (such as
    ``terminology.ClassifiedSegment``).  With ``ignore_terminology`` a
    segment whose ``kind`` is ``"terminology"`` counts as unchanged.
    """
    total = changed = 0
    for seg in segments:
        n = _token_count(seg.left) + _token_count(seg.right)
        total += n
        if seg.op == "equal":
            continue
        if ignore_terminology and getattr(seg, "kind", None) == "terminology":
            continue
        changed += n
    return changed / total if total else 0.0
