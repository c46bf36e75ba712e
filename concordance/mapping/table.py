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
from concordance.lib import eids
from concordance.mapping.models import Correspondence, MissingCounterpart, Relation, Theme

# A relation read from the right-hand side is the converse one.
CONVERSE = {Relation.BROADER: Relation.NARROWER, Relation.NARROWER: Relation.BROADER}


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
        return with_sentence(self.own.citation, self.own_sentence)

    @property
    def citation(self) -> str:
        return with_sentence(self.provision.citation, self.sentence)


def with_sentence(citation: str, sentence: int | None) -> str:
    return (
        citation
        if sentence is None
        else _("%(citation)s, phrase %(number)d")
        % {
            "citation": citation,
            "number": sentence,
        }
    )


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
                CONVERSE.get(correspondence.relation, correspondence.relation),
            ),
        ):
            if own.edition_id == edition.pk:
                grouped[own.article_eid].append(Counterpart(correspondence, other_article, other, own, relation))
    return grouped


def correspondences_of(edition: Edition) -> list[LinkedCorrespondence]:
    """Curated correspondences touching the edition, each with its article on both sides."""
    return _with_articles(Q(pk__in=touching_either_side(Q(edition=edition))))


def touching_either_side(provisions: Q) -> QuerySet[Correspondence]:
    """The ids of the correspondences whose left or right provision matches ``provisions``.

    Two indexed look-ups joined by UNION rather than one OR across the joins
    of both sides, which PostgreSQL can only answer by scanning the
    provisions and the correspondences (seconds at a hundred times the corpus).
    """
    # order_by(): the model's ordering would join both sides' instruments into each half.
    left = Correspondence.objects.filter(left__in=Provision.objects.filter(provisions)).values("pk").order_by()
    right = Correspondence.objects.filter(right__in=Provision.objects.filter(provisions)).values("pk").order_by()
    return left.union(right)


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


def concordance_rows(instrument: Instrument, filters: ConcordanceFilters) -> list[ArticleConcordance]:
    edition = primary_edition(instrument)
    articles = list(
        Provision.objects.articles()
        .filter(edition=edition)
        .select_related("division")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position")))
        .order_by("position")
    )
    counterparts = counterparts_by_article(edition, correspondences_of(edition))
    gaps = gaps_by_article(edition)
    rows = [
        ArticleConcordance(
            article=article,
            themes=list(article.themes.all()),
            counterparts=counterparts.get(article.eid, []),
            gaps=gaps.get(article.eid, []),
        )
        for article in articles
    ]
    return [row for row in (apply_filters(row, filters) for row in rows) if row is not None]


def gaps_by_article(edition: Edition, article_eid: str | None = None) -> dict[str, list[Gap]]:
    records = MissingCounterpart.objects.filter(article__edition=edition).select_related("other_instrument", "article")
    if article_eid is not None:
        records = records.filter(article__eid=article_eid)
    grouped: dict[str, list[Gap]] = defaultdict(list)
    for record in records.order_by("article__position", "other_instrument__position"):
        grouped[record.article.eid].append(Gap(record.other_instrument, record.reason))
    return grouped


def apply_filters(row: ArticleConcordance, filters: ConcordanceFilters) -> ArticleConcordance | None:
    if filters.chapter and not (row.article.division and eids.is_within(row.article.division.eid, filters.chapter)):
        return None
    if filters.missing and not row.gaps:
        return None
    if filters.theme:
        in_theme = any(t.slug == filters.theme for t in row.themes) or any(
            any(t.slug == filters.theme for t in c.correspondence.themes.all()) for c in row.counterparts
        )
        if not in_theme:
            return None
    if filters.relation:
        matching = [c for c in row.counterparts if c.relation == filters.relation]
        if not matching:
            return None
        row = ArticleConcordance(row.article, row.themes, matching, row.gaps)
    return row


def chapters(instrument: Instrument) -> list[Division]:
    return list(
        Division.objects.filter(edition__instrument=instrument, edition__is_primary=True, kind="chapter").order_by(
            "position"
        )
    )


@dataclass
class ThemeColumn:
    instrument: Instrument
    articles: list[Provision]


def theme_columns(theme: Theme, instruments: list[Instrument]) -> list[ThemeColumn]:
    """The articles of every instrument under one theme, instrument by instrument."""
    articles = (
        theme.articles.filter(edition__is_primary=True).select_related("edition__instrument").order_by("position")
    )
    by_instrument: dict[int, list[Provision]] = defaultdict(list)
    for article in articles:
        by_instrument[article.edition.instrument_id].append(article)
    return [ThemeColumn(instrument, by_instrument.get(instrument.pk, [])) for instrument in instruments]


# How much of an article's opening words the theme page shows.
EXCERPT_CHARACTERS = 280


@dataclass
class ThemeCell:
    article: Provision
    excerpt: str  # the article's opening words, verbatim


def align_rows(columns: list[list[str]], linked: set[frozenset[str]]) -> list[list[list[str]]]:
    """Rows of articles, one list per column, aligned by correspondence.

    Each article appears once: in the row of the first article (column by
    column, in document order) that links to it, or in a row of its own.
    """
    placed: set[str] = set()
    rows = []
    for index, column in enumerate(columns):
        for key in column:
            if key in placed:
                continue
            row: list[list[str]] = [[] for _ in columns]
            row[index].append(key)
            placed.add(key)
            for other_index, other_column in enumerate(columns):
                if other_index == index:
                    continue
                for other in other_column:
                    if other not in placed and frozenset((key, other)) in linked:
                        row[other_index].append(other)
                        placed.add(other)
            rows.append(row)
    return rows


def theme_rows(columns: list[ThemeColumn]) -> list[list[list[ThemeCell]]]:
    """The theme's articles side by side, a row per group of corresponding articles (two queries)."""
    articles = {f"{a.edition_id}:{a.eid}": a for column in columns for a in column.articles}
    if not articles:
        return []
    linked = set()
    for left_edition, left_article, right_edition, right_article in Correspondence.objects.curated().values_list(
        "left__edition_id", "left__article_eid", "right__edition_id", "right__article_eid"
    ):
        linked.add(frozenset((f"{left_edition}:{left_article}", f"{right_edition}:{right_article}")))
    excerpts: dict[str, str] = defaultdict(str)
    texts = (
        Provision.objects.filter(
            edition_id__in={a.edition_id for a in articles.values()},
            article_eid__in={a.eid for a in articles.values()},
        )
        .exclude(text="")
        .order_by("edition_id", "position")
        .values_list("edition_id", "article_eid", "text")
    )
    for edition_id, article_eid, text in texts:
        key = f"{edition_id}:{article_eid}"
        if key in articles and len(excerpts[key]) < EXCERPT_CHARACTERS:
            excerpts[key] = f"{excerpts[key]} {text}".strip()
    keys = [[f"{a.edition_id}:{a.eid}" for a in column.articles] for column in columns]
    return [
        [[ThemeCell(articles[key], excerpts[key]) for key in cell] for cell in row] for row in align_rows(keys, linked)
    ]


def theme_correspondences(theme: Theme) -> list[LinkedCorrespondence]:
    return with_articles(list(Correspondence.objects.curated().filter(themes=theme).with_provisions()))


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
