"""Automatic counterpart suggestions, from the pure aligner, for curators.

Suggestions are stored as correspondences of origin "suggested" so curators
can accept or dismiss them; every page that shows the concordance reads
curated correspondences only.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from concordance.corpus.models import Provision
from concordance.glossary import curated_glossary
from concordance.lib.aligner import ArticleText, Suggestion, agreement, suggest_counterparts
from concordance.mapping.models import Correspondence, Origin, Relation, Status

# Below this similarity the aligner's guesses are mostly noise (measured on
# the UN ↔ Budapest pairs: curated counterparts score 0.80 in median, wrong
# candidates 0.37), so they are not put before curators.
MIN_SCORE = 0.5


def article_texts(instrument_slug: str) -> list[ArticleText]:
    """Each article of the primary edition with the words of all its provisions."""
    texts: dict[str, list[str]] = defaultdict(list)
    headings: dict[str, str] = {}
    rows = (
        Provision.objects.filter(edition__instrument__slug=instrument_slug, edition__is_primary=True)
        .order_by("position")
        .values_list("article_eid", "kind", "heading", "text")
    )
    for article_eid, kind, heading, text in rows:
        if kind == "article":
            headings[article_eid] = heading
        texts[article_eid].append(text)
    return [ArticleText(eid, headings[eid], " ".join(texts[eid])) for eid in headings]


def equivalent_term(phrase: str) -> str:
    return curated_glossary().entry_id_of(phrase) or phrase


def suggest(left_slug: str, right_slug: str, top: int = 3) -> dict[str, list[Suggestion]]:
    return suggest_counterparts(
        article_texts(left_slug), article_texts(right_slug), top=top, equivalents=equivalent_term
    )


def curated_article_pairs(left_slug: str, right_slug: str) -> dict[str, set[str]]:
    pairs: dict[str, set[str]] = defaultdict(set)
    links = (
        Correspondence.objects.curated()
        .filter(left__kind="article", right__kind="article")
        .values_list("left__edition__instrument__slug", "left__eid", "right__edition__instrument__slug", "right__eid")
    )
    for a_slug, a_eid, b_slug, b_eid in links:
        if (a_slug, b_slug) == (left_slug, right_slug):
            pairs[a_eid].add(b_eid)
        elif (a_slug, b_slug) == (right_slug, left_slug):
            pairs[b_eid].add(a_eid)
    return pairs


def evaluate(left_slug: str = "un", right_slug: str = "budapest") -> tuple[float, float, int]:
    """(top-1 agreement, top-3 agreement, number of articles measured)."""
    curated = curated_article_pairs(left_slug, right_slug)
    top1, top3 = agreement(suggest(left_slug, right_slug), curated)
    return top1, top3, sum(1 for targets in curated.values() if targets)


@transaction.atomic
def store_suggestions(left_slug: str, right_slug: str, top: int = 3) -> int:
    """Replace the stored suggestions between two instruments; returns how many."""
    articles = {
        (p.edition.instrument.slug, p.eid): p
        for p in Provision.objects.filter(
            kind="article",
            edition__is_primary=True,
            edition__instrument__slug__in=[left_slug, right_slug],
        ).select_related("edition__instrument")
    }
    Correspondence.objects.suggested().filter(
        left__edition__instrument__slug=left_slug, right__edition__instrument__slug=right_slug
    ).delete()
    linked = {
        frozenset(pair)
        for pair in Correspondence.objects.filter(
            left__edition__instrument__slug__in=[left_slug, right_slug],
            right__edition__instrument__slug__in=[left_slug, right_slug],
        ).values_list("left_id", "right_id")
    }
    created = 0
    for left_eid, suggestions in suggest(left_slug, right_slug, top).items():
        left = articles[(left_slug, left_eid)]
        for suggestion in suggestions:
            right = articles[(right_slug, suggestion.eid)]
            if suggestion.score < MIN_SCORE or frozenset((left.pk, right.pk)) in linked:
                continue
            Correspondence.objects.create(
                left=left,
                right=right,
                relation=Relation.RELATED,
                status=Status.PROPOSED,
                origin=Origin.SUGGESTED,
                score=suggestion.score,
                note=f"Suggestion automatique (similarité {suggestion.score:.2f}).",
            )
            created += 1
    return created
