"""The articles of the concordance table, filtered by the database.

The table's filters (chapter, theme, relation, recorded without counterpart)
were once applied in Python to every row of the whole table; as methods of
this QuerySet they are ``EXISTS`` conditions PostgreSQL answers through the
indexes of the provisions, the correspondences and the theme links, so the
rows fetched are the rows shown.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from concordance.corpus.models import Provision, ProvisionQuerySet
from concordance.lib import eids
from concordance.mapping.models import Correspondence, CorrespondenceQuerySet, MissingCounterpart, Relation, Theme

# A relation read from the right-hand side is the converse one.
CONVERSE = {Relation.BROADER: Relation.NARROWER, Relation.NARROWER: Relation.BROADER}


def converse(relation: str) -> str:
    return CONVERSE.get(relation, relation)  # type: ignore[call-overload]


def _touching(correspondences: CorrespondenceQuerySet, side: str) -> Exists:
    """A correspondence of ``correspondences`` whose ``side`` provision lies in the outer article."""
    return Exists(
        correspondences.filter(
            **{f"{side}__edition_id": OuterRef("edition_id"), f"{side}__article_eid": OuterRef("eid")}
        ).order_by()
    )


class ConcordanceArticles(ProvisionQuerySet):
    """Articles (of one edition, as the table reads them) narrowed by the table's filters."""

    def in_chapter(self, chapter_eid: str) -> ConcordanceArticles:
        """The articles of a chapter, those of its sections too."""
        return self.filter(
            Q(division__eid=chapter_eid) | Q(division__eid__startswith=eids.descendants_prefix(chapter_eid))
        )

    def under_theme(self, slug: str) -> ConcordanceArticles:
        """Articles filed under the theme, or linked by a curated correspondence filed under it."""
        filed = Exists(Theme.articles.through.objects.filter(provision_id=OuterRef("pk"), theme__slug=slug))
        linked = Correspondence.objects.curated().filter(themes__slug=slug)
        return self.filter(filed | _touching(linked, "left") | _touching(linked, "right"))

    def with_relation(self, relation: str) -> ConcordanceArticles:
        """Articles with a curated counterpart in that relation, read from the article's side."""
        curated = Correspondence.objects.curated()
        return self.filter(
            _touching(curated.filter(relation=relation), "left")
            | _touching(curated.filter(relation=converse(relation)), "right")
        )

    def without_counterpart(self) -> ConcordanceArticles:
        """Articles recorded as having no counterpart in at least one other instrument."""
        return self.filter(Exists(MissingCounterpart.objects.filter(article_id=OuterRef("pk"))))


def concordance_articles() -> ConcordanceArticles:
    return ConcordanceArticles(model=Provision).articles()
