"""Cross-reference numbers that name corresponding articles: correspondence, not substance.

UN art. 26 cites "l'article 25" where Budapest art. 17 cites "l'article 16":
each cites its own preservation article, and the curated concordance links
UN 25 with Budapest 16. The diff sees "25" against "16"; this step marks
such a change ``reference`` when the words on each side lie inside a
cross-reference, every article one side cites corresponds to one the other
cites, and the reverse. The pairs of corresponding articles come as data
(``ArticlePair``, from the pipeline's inputs): this module reads no database.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from concordance.lib import eids
from concordance.lib.comparison.model import SEPARATOR, ComparedUnit
from concordance.lib.comparison.refine import segment_spans
from concordance.lib.references import Context, find_references
from concordance.lib.terminology import ClassifiedSegment

# An article of an instrument: ("un", "art_25").
Article = tuple[str, str]
# Two articles the curated concordance links, left instrument's first:
# ("un", "art_25", "budapest", "art_16").
ArticlePair = tuple[str, str, str, str]


@dataclass(frozen=True)
class ReferenceSpan:
    """A cross-reference in a side's joined units, with the articles it cites."""

    start: int
    end: int
    articles: frozenset[Article]


def _article_number(eid: str) -> int | None:
    first = eids.levels(eid)[0] if eid else None
    return int(first.label) if first and first.kind == "art" and first.label.isdigit() else None


def reference_spans(units: Sequence[ComparedUnit], instrument: str) -> list[ReferenceSpan]:
    """The cross-references of ``units`` (offsets in the units joined by SEPARATOR) that cite articles only."""
    spans: list[ReferenceSpan] = []
    offset = 0
    for unit in units:
        context = Context(instrument, article=_article_number(unit.eid))
        for found in find_references(unit.text, context):
            targets = [t for t in found.targets if _article_number(t.eid) is not None]
            if found.resolved and targets and len(targets) == len(found.targets):
                articles = frozenset((t.instrument, eids.article_of(t.eid)) for t in targets)
                spans.append(ReferenceSpan(offset + found.start, offset + found.end, articles))
        offset += len(unit.text) + len(SEPARATOR)
    return spans


def cited_articles(units: Sequence[ComparedUnit], instrument: str) -> frozenset[Article]:
    """Every article the units cite: what the pipeline looks up corresponding pairs for."""
    return frozenset(article for span in reference_spans(units, instrument) for article in span.articles)


def _span_of(spans: Sequence[ReferenceSpan], start: int, text: str) -> ReferenceSpan | None:
    """The reference that holds the words of ``text`` (at ``start``), if one does."""
    words = text.strip()
    if not words:
        return None
    lo = start + text.index(words)
    hi = lo + len(words)
    return next((span for span in spans if span.start <= lo and hi <= span.end), None)


def _correspond(left: frozenset[Article], right: frozenset[Article], pairs: Collection[ArticlePair]) -> bool:
    linked = {((a, b), (c, d)) for a, b, c, d in pairs}
    return all(any((la, ra) in linked for ra in right) for la in left) and all(
        any((la, ra) in linked for la in left) for ra in right
    )


def mark_references(
    segments: list[ClassifiedSegment],
    lefts: Sequence[ComparedUnit],
    rights: Sequence[ComparedUnit],
    instruments: tuple[str, str],
    pairs: Collection[ArticlePair],
) -> list[ClassifiedSegment]:
    """Substantive replacements inside two cross-references citing corresponding articles become ``reference``."""
    if not pairs:
        return segments
    left_spans, right_spans = reference_spans(lefts, instruments[0]), reference_spans(rights, instruments[1])
    if not left_spans or not right_spans:
        return segments
    out = []
    for seg, (l0, _, r0, _) in zip(segments, segment_spans(segments), strict=True):
        if seg.kind == "substantive" and seg.op == "replace":
            left, right = _span_of(left_spans, l0, seg.left), _span_of(right_spans, r0, seg.right)
            if left and right and left.articles != right.articles and _correspond(left.articles, right.articles, pairs):
                seg = ClassifiedSegment(seg.op, seg.left, seg.right, "reference")
        out.append(seg)
    return out
