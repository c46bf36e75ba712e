"""The table of correspondences, read from one instrument's side.

A fixed number of queries whatever the number of articles: articles,
correspondences, themes and missing-counterpart records are fetched flat and
grouped in Python.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from concordance.corpus.models import Division, Edition, Instrument, Provision
from concordance.lib.comparison.sentence_pins import ONE_SENTENCE
from concordance.mapping.articles import ConcordanceArticles, concordance_articles, converse
from concordance.mapping.models import Correspondence, MissingCounterpart, Relation, Theme


@dataclass
class Counterpart:
    correspondence: Correspondence
    article: Provision  # the article on the other side
    provision: Provision  # the linked provision on the other side (article or paragraph)
    own: Provision  # the linked provision on this side
    relation: str

    @property
    def relation_label(self) -> str:
        return Relation(self.relation).label

    @property
    def is_article_level(self) -> bool:
        return self.provision.kind == "article" and self.own.kind == "article"

    @property
    def own_sentence(self) -> int | None:
        """The sentence of ``own`` a sentence pin names, if it names one."""
        c = self.correspondence
        return c.left_sentence if self.own.pk == c.left_id else c.right_sentence

    @property
    def sentence(self) -> int | None:
        """The sentence of ``provision`` (the other side) a sentence pin names, if it names one."""
        c = self.correspondence
        return c.left_sentence if self.provision.pk == c.left_id else c.right_sentence

    @property
    def own_citation(self) -> str:
        """``own`` as cited, with the sentence a pin names: "art. 67, par. 1, phrase 2"."""
        return with_sentence(self.own.display_citation, self.own_sentence)

    @property
    def citation(self) -> str:
        return with_sentence(self.provision.display_citation, self.sentence)


def with_sentence(citation: str, sentence: int | None) -> str:
    if sentence is None:
        return citation
    return _(ONE_SENTENCE) % {"citation": citation, "number": sentence}


@dataclass(frozen=True)
class Gap:
    """No counterpart of an article in one other instrument, and why."""

    other_instrument: Instrument
    reason: str


@dataclass
class ArticleConcordance:
    """One article of an instrument with what the concordance says of it: a line of the table."""

    article: Provision
    themes: list[Theme]
    counterparts: list[Counterpart] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)

    @property
    def article_counterparts(self) -> list[Counterpart]:
        return [c for c in self.counterparts if c.is_article_level]

    @property
    def paragraph_counterparts(self) -> list[Counterpart]:
        return [c for c in self.counterparts if not c.is_article_level]


@dataclass(frozen=True)
class ConcordanceFilters:
    chapter: str = ""  # a chapter's eid: its articles, those of its sections too
    theme: str = ""
    relation: str = ""
    missing: bool = False

    @property
    def active(self) -> bool:
        return bool(self.chapter or self.theme or self.relation or self.missing)


def primary_edition(instrument: Instrument) -> Edition:
    return Edition.objects.get(instrument=instrument, is_primary=True)


@dataclass(frozen=True)
class LinkedCorrespondence:
    """A correspondence with the article each of its provisions belongs to."""

    correspondence: Correspondence
    left_article: Provision
    right_article: Provision


def counterparts_by_article(
    edition: Edition, correspondences: list[LinkedCorrespondence]
) -> dict[str, list[Counterpart]]:
    """Group correspondences under the article of ``edition`` they touch."""
    grouped: dict[str, list[Counterpart]] = defaultdict(list)
    for linked in correspondences:
        correspondence = linked.correspondence
        for own, other, other_article, relation in (
            (correspondence.left, correspondence.right, linked.right_article, correspondence.relation),
            (
                correspondence.right,
                correspondence.left,
                linked.left_article,
                converse(correspondence.relation),
            ),
        ):
            if own.edition_id == edition.pk:
                grouped[own.article_eid].append(Counterpart(correspondence, other_article, other, own, relation))
    return grouped


def correspondences_of(edition: Edition) -> list[LinkedCorrespondence]:
    """Curated correspondences touching the edition, each with its article on both sides."""
    return _with_articles(Q(pk__in=touching_either_side(Q(edition=edition))))


def touching_either_side(provisions: Q, left: Q | None = None, right: Q | None = None) -> QuerySet[Correspondence]:
    """The ids of the correspondences whose left or right provision matches ``provisions``.

    Two indexed look-ups joined by UNION rather than one OR across the joins
    of both sides, which PostgreSQL can only answer by scanning the
    provisions and the correspondences (seconds at a hundred times the corpus).
    """
    # order_by(): the model's ordering would join both sides' instruments into each half.
    on_left = Correspondence.objects.filter(left or Q(), left__in=Provision.objects.filter(provisions))
    on_right = Correspondence.objects.filter(right or Q(), right__in=Provision.objects.filter(provisions))
    return on_left.values("pk").order_by().union(on_right.values("pk").order_by())


def correspondences_of_articles(articles: list[Provision]) -> list[LinkedCorrespondence]:
    """Curated correspondences touching the articles of these provisions, in one query plus articles."""
    provisions = Q(pk__in=[])
    for article in articles:
        provisions |= Q(edition_id=article.edition_id, article_eid=article.article_eid)
    return _with_articles(Q(pk__in=touching_either_side(provisions)))


def _with_articles(touching: Q) -> list[LinkedCorrespondence]:
    return with_articles(list(Correspondence.objects.curated().filter(touching).with_provisions()))


def with_articles(correspondences: list[Correspondence]) -> list[LinkedCorrespondence]:
    """Each correspondence with the articles of its two provisions (one query)."""
    wanted = {(p.edition_id, p.article_eid) for c in correspondences for p in (c.left, c.right)}
    if not wanted:
        return []
    # One term per edition, not one per article: the statement stays short
    # however many articles the correspondences reach.
    by_edition: dict[int, set[str]] = defaultdict(set)
    for edition_id, article_eid in wanted:
        by_edition[edition_id].add(article_eid)
    condition = Q()
    for edition_id, article_eids in sorted(by_edition.items()):
        condition |= Q(edition_id=edition_id, eid__in=sorted(article_eids))
    articles = {
        (a.edition_id, a.eid): a for a in Provision.objects.filter(condition).select_related("edition__instrument")
    }
    return [
        LinkedCorrespondence(
            c,
            articles[(c.left.edition_id, c.left.article_eid)],
            articles[(c.right.edition_id, c.right.article_eid)],
        )
        for c in correspondences
    ]


def filtered_articles(edition: Edition, filters: ConcordanceFilters) -> ConcordanceArticles:
    """The edition's articles the filters keep, as a query (``mapping.articles``)."""
    articles = concordance_articles().filter(edition=edition)
    if filters.chapter:
        articles = articles.in_chapter(filters.chapter)
    if filters.theme:
        articles = articles.under_theme(filters.theme)
    if filters.relation:
        articles = articles.with_relation(filters.relation)
    if filters.missing:
        articles = articles.without_counterpart()
    return articles


def concordance_rows(instrument: Instrument, filters: ConcordanceFilters) -> list[ArticleConcordance]:
    """The table's rows: the filters are conditions of the queries, not a pass over the whole table."""
    edition = primary_edition(instrument)
    selected = filtered_articles(edition, filters)
    articles = list(
        selected.select_related("division")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position")))
        .order_by("position")
    )
    # Only the rows kept: their provisions, as a subquery rather than a list of eids.
    own = Q(edition=edition, article_eid__in=selected.values("eid"))
    if filters.relation:
        # A row filtered by relation shows only its counterparts in that relation.
        touching = touching_either_side(
            own, left=Q(relation=filters.relation), right=Q(relation=converse(filters.relation))
        )
    else:
        touching = touching_either_side(own)
    counterparts = counterparts_by_article(edition, _with_articles(Q(pk__in=touching)))
    gaps = gaps_by_article(edition, articles=selected)
    return [
        ArticleConcordance(
            article=article,
            themes=list(article.themes.all()),
            counterparts=counterparts.get(article.eid, []),
            gaps=gaps.get(article.eid, []),
        )
        for article in articles
    ]


def gaps_by_article(
    edition: Edition, article_eid: str | None = None, articles: ConcordanceArticles | None = None
) -> dict[str, list[Gap]]:
    records = MissingCounterpart.objects.filter(article__edition=edition).select_related("other_instrument", "article")
    if article_eid is not None:
        records = records.filter(article__eid=article_eid)
    if articles is not None:
        records = records.filter(article__in=articles.values("pk"))
    grouped: dict[str, list[Gap]] = defaultdict(list)
    for record in records.order_by("article__position", "other_instrument__position"):
        grouped[record.article.eid].append(Gap(record.other_instrument, record.reason))
    return grouped


def chapters(instrument: Instrument) -> list[Division]:
    return list(
        Division.objects.filter(edition__instrument=instrument, edition__is_primary=True, kind="chapter").order_by(
            "position"
        )
    )


@dataclass
class ArticleCounterparts:
    curated: list[Counterpart]
    suggested: list[Counterpart]
    gaps: list[Gap]


def article_counterparts(instrument: Instrument, article_eid: str) -> ArticleCounterparts:
    """What the article page shows of the concordance (a fixed number of queries)."""
    edition = primary_edition(instrument)
    touching = touching_either_side(Q(edition=edition, article_eid=article_eid))
    correspondences = with_articles(list(Correspondence.objects.filter(pk__in=touching).with_provisions()))
    counterparts = counterparts_by_article(edition, correspondences).get(article_eid, [])
    return ArticleCounterparts(
        curated=[c for c in counterparts if c.correspondence.origin == "curated"],
        suggested=[c for c in counterparts if c.correspondence.origin == "suggested"],
        gaps=gaps_by_article(edition, article_eid).get(article_eid, []),
    )
