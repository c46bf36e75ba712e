"""What a pair's comparison is computed from, built one way from two sources.

``pair_inputs`` assembles a pair's ``PairInputs`` (both sides' units, the
curated paragraph links between them, the instruments, the articles'
headings, the curated links between articles the two texts cite) from an
``InputSource``: the database, a few queries a pair (the comparison page),
or a ``CorpusSnapshot`` fetched once for every pair (the analysis pages).
The inputs name everything the comparison depends on, so they are its cache
key: a pair computed by one page is warm for the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from django.db.models import Q, QuerySet

from concordance.caching import cached, cached_many, content_key
from concordance.corpus.models import Provision
from concordance.glossary import curated_glossary
from concordance.lib import eids
from concordance.lib.comparison import ArticlePair, ComparedUnit, Comparison, cited_articles, compare_units
from concordance.lib.comparison.sentence_pins import Pin, cut_at_sentences, pinned_sentences, pinned_unit
from concordance.mapping.models import Correspondence

NAMESPACE = "comparison"


@dataclass(frozen=True)
class PairInputs:
    """Everything a pair's comparison depends on but the code and the glossary (which the cache key adds)."""

    # A provision with a pinned sentence comes as its parts (``sentence_pins``).
    left_units: tuple[ComparedUnit, ...]
    right_units: tuple[ComparedUnit, ...]
    # Curated paragraph, point and sentence links inside the pair, as (left, right) unit indices.
    pinned: tuple[tuple[int, int], ...]
    left_instrument: str
    right_instrument: str
    # The two articles' headings, which tell what a quantity governs.
    headings: tuple[str, str]
    # Curated links between an article the left text cites and one the right
    # text cites ("article 25" in UN 26, "article 16" in Budapest 17): their
    # numbers are correspondence, not substance. Sorted.
    corresponding_articles: tuple[ArticlePair, ...] = ()

    @property
    def cache_key(self) -> str:
        return content_key(NAMESPACE, self)

    def compare(self) -> Comparison:
        return compare_units(
            self.left_units,
            self.right_units,
            pinned=self.pinned,
            glossary=curated_glossary(),
            left_instrument=self.left_instrument,
            right_instrument=self.right_instrument,
            headings=self.headings,
            corresponding_articles=self.corresponding_articles,
        )


# An article of an instrument, as a cross-reference cites it: ("un", "art_25").
Article = tuple[str, str]


@dataclass(frozen=True)
class PairLinks:
    """The curated links a pair's comparison reads: inside the pair, and between the articles its texts cite."""

    paragraphs: list[Pin]  # inside the pair, left end first, with the sentences they name
    articles: list[ArticlePair]  # (left instrument, left article, right instrument, right article)


def corresponding(
    link: tuple[str, str, str, str], cited: tuple[frozenset[Article], frozenset[Article]]
) -> list[ArticlePair]:
    """A curated link (instrument, article eid of each end) as the article pairs it makes between cited articles."""
    a_instrument, a_article, b_instrument, b_article = link
    a, b = (a_instrument, a_article), (b_instrument, b_article)
    left, right = cited
    found: list[ArticlePair] = []
    if a in left and b in right:
        found.append((*a, *b))
    if b in left and a in right:
        found.append((*b, *a))
    return found


class InputSource(Protocol):
    def subtree(self, root: Provision) -> list[Provision]:
        """The provision and every provision inside it, in document order."""

    def links_between(
        self,
        left_nodes: list[Provision],
        right_nodes: list[Provision],
        cited: tuple[frozenset[Article], frozenset[Article]],
    ) -> PairLinks:
        """Curated links between two subtrees, and between the articles each side cites."""

    def headings(self, left: Provision, right: Provision) -> tuple[str, str]:
        """The headings of the two provisions' articles."""


def pair_inputs(left: Provision, right: Provision, source: InputSource) -> PairInputs:
    """The inputs of the comparison of ``left`` with ``right``."""
    left_nodes, right_nodes = source.subtree(left), source.subtree(right)
    left_units, right_units = units_of(left, left_nodes), units_of(right, right_nodes)
    instruments = left.edition.instrument.slug, right.edition.instrument.slug
    cited = cited_articles(left_units, instruments[0]), cited_articles(right_units, instruments[1])
    links = source.links_between(left_nodes, right_nodes, cited)
    left_sentences, right_sentences = pinned_sentences(links.paragraphs)
    left_units = cut_at_sentences(left_units, left_sentences)
    right_units = cut_at_sentences(right_units, right_sentences)
    return PairInputs(
        tuple(left_units),
        tuple(right_units),
        tuple(pinned_pairs(left_units, right_units, links.paragraphs)),
        *instruments,
        source.headings(left, right),
        tuple(sorted(set(links.articles))),
    )


def compare_pair(inputs: PairInputs) -> Comparison:
    """The comparison of one pair, computed once per distinct inputs."""
    return cached(NAMESPACE, inputs, inputs.compare)


def compare_pairs(inputs: Sequence[PairInputs]) -> list[Comparison]:
    """The comparisons of many pairs, in order, looked up and stored in one batch."""
    return cached_many(NAMESPACE, inputs, PairInputs.compare)


# --------------------------------------------------------------------------
# From provisions to units
# --------------------------------------------------------------------------


def unit_label(root: Provision, node: Provision) -> str:
    if node.pk == root.pk:
        return "texte" if root.kind == "article" else root.citation.split(", ")[-1]
    if node.kind == "wrapup":
        return "fin"
    if node.kind == "alinea":
        return "alinéa"
    return node.citation.removeprefix(root.citation + ", ")


def units_of(root: Provision, nodes: list[Provision]) -> list[ComparedUnit]:
    return [ComparedUnit(node.eid, unit_label(root, node), node.text) for node in nodes if node.text.strip()]


def pinned_pairs(
    left_units: list[ComparedUnit], right_units: list[ComparedUnit], links: list[Pin]
) -> list[tuple[int, int]]:
    """Curated links inside the pair, given by eids (and sentences), as unit indices.

    Sorted: the links' order says nothing, and both sources must give the same inputs.
    """
    pairs = set()
    for link in links:
        i = pinned_unit(left_units, link.left_eid, link.left_sentence)
        j = pinned_unit(right_units, link.right_eid, link.right_sentence)
        # An article-level link says nothing about rows, unless it names a
        # sentence of an article that is one unit.
        left_says = i is not None or not eids.is_top_level(link.left_eid)
        right_says = j is not None or not eids.is_top_level(link.right_eid)
        i = first_unit_within(left_units, link.left_eid) if i is None else i
        j = first_unit_within(right_units, link.right_eid) if j is None else j
        if i is not None and j is not None and left_says and right_says:
            pairs.add((i, j))
    # Crossing links are kept: compare_units shows them as moved rows.
    return sorted(pairs)


def first_unit_within(units: list[ComparedUnit], eid: str) -> int | None:
    """The index of the first unit that is ``eid`` or lies inside it."""
    return next((position for position, unit in enumerate(units) if eids.is_within(unit.eid, eid)), None)


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------


def oriented(
    ids: tuple[int, int], ends: tuple[tuple[str, int], tuple[str, int]], left_ids: set[int], right_ids: set[int]
) -> Pin | None:
    """A curated link's two ends (eid, sentence number or 0) as a pin, the left side's first,
    when it joins the pair's two sides, whichever way it was recorded; None when it does not.
    Both sources read their links through it, so they cannot drift apart."""
    if ids[0] in left_ids and ids[1] in right_ids:
        return Pin(ends[0][0], ends[1][0], ends[0][1], ends[1][1])
    if ids[0] in right_ids and ids[1] in left_ids:
        return Pin(ends[1][0], ends[0][0], ends[1][1], ends[0][1])
    return None


class DatabaseSource:
    """One pair's inputs from the database (three or four queries); a subtree is fetched once."""

    def __init__(self) -> None:
        self._subtrees: dict[int, list[Provision]] = {}

    def subtree(self, root: Provision) -> list[Provision]:
        if root.pk not in self._subtrees:
            self._subtrees[root.pk] = list(
                Provision.objects.filter(edition_id=root.edition_id, article_eid=root.article_eid)
                .subtree(root)
                .order_by("position")
            )
        return self._subtrees[root.pk]

    def links_between(
        self,
        left_nodes: list[Provision],
        right_nodes: list[Provision],
        cited: tuple[frozenset[Article], frozenset[Article]],
    ) -> PairLinks:
        """One query: the links inside the pair and those between cited articles come together."""
        left_ids = {node.pk for node in left_nodes}
        right_ids = {node.pk for node in right_nodes}
        # Each part an indexed look-up, joined by UNION: an OR of them across
        # the joins to both sides' instruments scanned every correspondence
        # (300 ms a comparison at a hundred times the corpus).
        curated = Correspondence.objects.curated().order_by()
        parts = [
            curated.filter(left_id__in=left_ids, right_id__in=right_ids),
            curated.filter(left_id__in=right_ids, right_id__in=left_ids),
            *(_between(curated, one, other) for one, other in (cited, cited[::-1]) if one and other),
        ]
        ids = parts[0].values("pk").union(*(part.values("pk") for part in parts[1:]))
        rows = (
            Correspondence.objects.filter(pk__in=ids)
            .order_by(*Correspondence._meta.ordering)
            .values_list(
                "left_id",
                "right_id",
                "left__eid",
                "right__eid",
                "left_sentence",
                "right_sentence",
                "left__edition__instrument__slug",
                "left__article_eid",
                "right__edition__instrument__slug",
                "right__article_eid",
            )
        )
        paragraphs, articles = [], []
        for left_id, right_id, a, b, a_sentence, b_sentence, *ends in rows:
            link_ends = ((a, a_sentence or 0), (b, b_sentence or 0))
            if (inside_pair := oriented((left_id, right_id), link_ends, left_ids, right_ids)) is not None:
                paragraphs.append(inside_pair)
            articles += corresponding((ends[0], ends[1], ends[2], ends[3]), cited)
        return PairLinks(paragraphs, articles)

    def headings(self, left: Provision, right: Provision) -> tuple[str, str]:
        """One query when a side is below its article, none otherwise."""
        below = [p for p in (left, right) if p.kind != "article"]
        found: dict[tuple[int, str], str] = {}
        if below:
            articles = Q(pk__in=[])
            for provision in below:
                articles |= Q(edition_id=provision.edition_id, eid=provision.article_eid)
            rows = Provision.objects.filter(articles).values_list("edition_id", "eid", "heading")
            found = {(edition, eid): heading for edition, eid, heading in rows}
        return (
            self._heading(left, found),
            self._heading(right, found),
        )

    @staticmethod
    def _heading(provision: Provision, found: dict[tuple[int, str], str]) -> str:
        if provision.kind == "article":
            return provision.heading
        return found.get((provision.edition_id, provision.article_eid), "")


def _between(curated: QuerySet[Correspondence], left: frozenset[Article], right: frozenset[Article]) -> QuerySet:
    """Curated links from one of the ``left`` articles to one of the ``right`` ones (a superset:
    instruments and articles are matched apart; ``corresponding`` keeps the exact pairs)."""

    def provisions(articles: frozenset[Article]) -> QuerySet[Provision]:
        return Provision.objects.filter(
            edition__instrument__slug__in={i for i, _ in articles}, article_eid__in={a for _, a in articles}
        ).values("pk")

    return curated.filter(left__in=provisions(left), right__in=provisions(right))


class CorpusSnapshot:
    """The primary editions' provisions and the curated links, fetched once (two queries)."""

    def __init__(self) -> None:
        provisions = list(
            Provision.objects.filter(edition__is_primary=True)
            .select_related("edition__instrument")
            .order_by("position")
        )
        self.by_pk = {p.pk: p for p in provisions}
        self.by_article: dict[tuple[int, str], list[Provision]] = defaultdict(list)
        for provision in provisions:
            self.by_article[(provision.edition_id, provision.article_eid)].append(provision)
        self.curated = list(Correspondence.objects.curated().order_by("pk"))

    def subtree(self, root: Provision) -> list[Provision]:
        return [
            node for node in self.by_article[(root.edition_id, root.article_eid)] if eids.is_within(node.eid, root.eid)
        ]

    def links_between(
        self,
        left_nodes: list[Provision],
        right_nodes: list[Provision],
        cited: tuple[frozenset[Article], frozenset[Article]],
    ) -> PairLinks:
        left_ids = {node.pk for node in left_nodes}
        right_ids = {node.pk for node in right_nodes}
        paragraphs, articles = [], []
        for link in self.curated:
            a, b = self.by_pk[link.left_id], self.by_pk[link.right_id]
            link_ends = ((a.eid, link.left_sentence or 0), (b.eid, link.right_sentence or 0))
            if (inside_pair := oriented((link.left_id, link.right_id), link_ends, left_ids, right_ids)) is not None:
                paragraphs.append(inside_pair)
            ends = (a.edition.instrument.slug, a.article_eid, b.edition.instrument.slug, b.article_eid)
            articles += corresponding(ends, cited)
        return PairLinks(paragraphs, articles)

    def headings(self, left: Provision, right: Provision) -> tuple[str, str]:
        return self._article(left).heading, self._article(right).heading

    def _article(self, provision: Provision) -> Provision:
        """The article a provision belongs to: the first of its article's provisions."""
        return self.by_article[(provision.edition_id, provision.article_eid)][0]

    def curated_pairs(self) -> list[tuple[Correspondence, PairInputs]]:
        """Every curated correspondence with its pair's inputs, in the order of their keys (pk)."""
        return [(link, pair_inputs(self.by_pk[link.left_id], self.by_pk[link.right_id], self)) for link in self.curated]
