"""The curated links around a compared pair: its own, its articles', and the other counterparts of each side."""

from __future__ import annotations

from dataclasses import dataclass

from concordance.corpus.models import Provision
from concordance.mapping.models import Correspondence
from concordance.mapping.table import Counterpart, correspondences_of_articles, counterparts_by_article


@dataclass(frozen=True)
class PairCounterparts:
    # The link between the two provisions, if they are linked.
    correspondence: Correspondence | None
    # The link between the two articles when the pair itself is not linked
    # (a paragraph compared inside a linked article pair).
    article_correspondence: Correspondence | None
    # Each side's other counterparts, without the pair being compared.
    left: list[Counterpart]
    right: list[Counterpart]


def pair_counterparts(left: Provision, right: Provision) -> PairCounterparts:
    """Curated links touching either side's article (one query plus articles)."""
    correspondences = correspondences_of_articles([left, right])
    left_counterparts = counterparts_by_article(left.edition, correspondences).get(left.article_eid, [])
    right_counterparts = counterparts_by_article(right.edition, correspondences).get(right.article_eid, [])
    direct = next(
        (c.correspondence for c in left_counterparts if {c.own.pk, c.provision.pk} == {left.pk, right.pk}),
        None,
    )
    around = None
    if direct is None:
        around = next(
            (
                c.correspondence
                for c in left_counterparts
                if c.is_article_level
                and c.provision.edition_id == right.edition_id
                and c.provision.article_eid == right.article_eid
            ),
            None,
        )
    return PairCounterparts(
        direct, around, others(left_counterparts, left, right), others(right_counterparts, right, left)
    )


def others(counterparts: list[Counterpart], own: Provision, other: Provision) -> list[Counterpart]:
    """The counterparts of one side, without the pair being compared."""
    return [c for c in counterparts if {c.own.pk, c.provision.pk} != {own.pk, other.pk}]
