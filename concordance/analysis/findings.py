"""Quantities of every provision, and what comparing corresponding provisions finds.

Quantities are computed, not stored: they are a pure function of a
provision's text and its article's heading, so a table of them would be a
second copy of the corpus to keep in step with every ingest and with every
change of ``lib/quantities``. Computed from the texts and cached under a hash
of those texts (see ``state``), they cannot go stale, and a warm page reads
them from the cache in the queries that fetch the inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.urls import reverse

from concordance.analysis.comparisons import compare_curated
from concordance.comparison.inputs import CorpusSnapshot
from concordance.analysis.state import ArticleRef, Concordance, Texts, load_concordance, load_texts
from concordance.caching import cached
from concordance.corpus.models import Provision
from concordance.mapping.models import Relation
from concordance.lib import quantities
from concordance.lib.comparison import Comparison
from concordance.lib.quantities import SUBJECT_LABELS, BOUNDS, Quantity, QuantityPair


@dataclass(frozen=True)
class ProvisionRef:
    article: ArticleRef
    eid: str
    citation: str  # "art. 25, par. 2"
    url: str


def provision_ref(article: ArticleRef, eid: str) -> ProvisionRef:
    # Rendering reads these many times: they are worked out once, when cached.
    return ProvisionRef(article, eid, Provision(eid=eid).citation, f"{article.url}#{eid}")


@dataclass(frozen=True)
class QuantityEntry:
    """One quantity where it is written: ``text`` is the exact words of the source."""

    provision: ProvisionRef
    start: int
    text: str
    value: int | float
    unit: str
    kind: str
    bound: str
    subject: str
    label: str
    # Whether its clause says when something takes effect (lib.quantities.takes_effect):
    # of two delays of one subject, only those alike in this are counterparts.
    effect: bool = False
    quantity: Quantity | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.provision.article.instrument, self.provision.eid, self.start)

    @property
    def instrument(self) -> str:
        return self.provision.article.instrument

    @property
    def eid(self) -> str:
        return self.provision.eid

    @property
    def subject_label(self) -> str:
        return SUBJECT_LABELS[self.subject]

    @property
    def bound_label(self) -> str:
        return BOUNDS[self.bound]

    @property
    def bounded_label(self) -> str:
        return self.quantity.bounded_label if self.quantity else self.label

    @property
    def dimension(self) -> str:
        return self.quantity.dimension if self.quantity else ""


STATUS_LABELS = {"same": "identique", "divergent": "divergent"}


@dataclass(frozen=True)
class QuantityLink:
    """Two quantities of corresponding provisions set against each other, or one without counterpart.

    ``left_provision`` and ``right_provision`` are where each side was looked
    for: the aligned paragraphs, the paragraphs holding each quantity when it
    was paired across the rows of an article pair, or, for a quantity in a
    paragraph with no partner, the corresponding article on the other side.
    """

    status: str  # same, divergent, left-only, right-only (lib.quantities.QuantityPair)
    left: QuantityEntry | None
    right: QuantityEntry | None
    left_provision: ProvisionRef  # the aligned paragraphs, whether or not they hold the quantity
    right_provision: ProvisionRef
    compare_url: str
    themes: tuple[str, ...]
    spelled_differently: bool
    bound_differs: bool
    # Counted in different units ("un an" / "trois mois", "le quarantième
    # instrument" / "cinq Etats"); ``units_caption`` says whether they convert.
    across_units: bool = False

    @property
    def status_label(self) -> str:
        if self.status == "left-only":
            return f"seulement {self.left_provision.article.instrument_title}"
        if self.status == "right-only":
            return f"seulement {self.right_provision.article.instrument_title}"
        return STATUS_LABELS[self.status]

    @property
    def one_sided(self) -> bool:
        return self.left is None or self.right is None

    @property
    def units_caption(self) -> str:
        """Said under a pair counted in different units: converted, or only set side by side."""
        if not self.across_units or self.left is None or self.right is None:
            return ""
        if self.left.quantity is None or self.right.quantity is None:
            return "unités différentes"
        if quantities.common_unit(self.left.quantity, self.right.quantity):
            return "unités différentes, comparées dans une unité commune"
        return "unités différentes, mises en regard sans conversion"

    @property
    def badge(self) -> str:
        """"1 an ≠ 3 mois", "au plus 90 jours = au plus 90 jours"; one value when one-sided."""
        if self.left is None or self.right is None:
            return (self.left or self.right).bounded_label  # type: ignore[union-attr]
        return f"{self.left.bounded_label} {'=' if self.status == 'same' else '≠'} {self.right.bounded_label}"

    @property
    def subject(self) -> str:
        """What the pair governs: the subject of its first side (pairs share one but for thresholds)."""
        return self.subjects[0]

    @property
    def subject_label(self) -> str:
        return SUBJECT_LABELS[self.subject]

    @property
    def sides(self) -> tuple[tuple[QuantityEntry | None, ProvisionRef], ...]:
        return ((self.left, self.left_provision), (self.right, self.right_provision))

    @property
    def subjects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.subject for q in (self.left, self.right) if q))

    @property
    def instruments(self) -> tuple[str, str]:
        return (self.left_provision.article.instrument, self.right_provision.article.instrument)


@dataclass(frozen=True)
class PairShare:
    """A curated article-level pair and how much of its wording differs in substance."""

    left: ArticleRef
    right: ArticleRef
    relation: str
    share: float
    compare_url: str
    themes: tuple[str, ...]

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    @property
    def relation_label(self) -> str:
        return Relation(self.relation).label


@dataclass(frozen=True)
class Missing:
    """An article recorded without counterpart in another instrument."""

    article: ArticleRef
    reason: str
    themes: tuple[tuple[str, str], ...]  # (slug, name)
    other_instrument: str = ""  # slug of the instrument it has no counterpart in
    other_instrument_title: str = ""

    @property
    def theme_slugs(self) -> tuple[str, ...]:
        return tuple(slug for slug, _ in self.themes)


@dataclass(frozen=True)
class Findings:
    articles: dict[tuple[str, str], ArticleRef]
    quantities: tuple[QuantityEntry, ...]
    links: tuple[QuantityLink, ...]
    shares: tuple[PairShare, ...]  # most different first
    missing: tuple[Missing, ...]
    divergent_keys: frozenset[tuple[str, str, int]] = field(default_factory=frozenset)


def extract(texts: Texts, articles: dict[tuple[str, str], ArticleRef]) -> list[QuantityEntry]:
    """Every quantity of every provision of the primary editions, in document order."""
    found = []
    for row in texts.provisions:
        if not row.text:
            continue
        article = articles[(row.instrument, row.article_eid)]
        for quantity in quantities.extract_quantities(row.text):
            found.append(
                QuantityEntry(
                    provision=provision_ref(article, row.eid),
                    start=quantity.start,
                    text=quantity.text,
                    value=quantity.value,
                    unit=quantity.unit,
                    kind=quantity.kind,
                    bound=quantity.bound,
                    subject=quantities.subject_of(quantity, row.text, article.heading),
                    label=quantity.label,
                    effect=quantities.takes_effect(quantity, row.text),
                    quantity=quantity,
                )
            )
    return found


def link_quantities(
    concordance: Concordance,
    articles: dict[tuple[str, str], ArticleRef],
    entries: dict[tuple[str, str, int], QuantityEntry],
    comparisons: dict[int, Comparison],
) -> list[QuantityLink]:
    """The quantity pairs of every curated correspondence, each pair once.

    A quantity is paired, against each other instrument, by the most specific
    correspondence that finds it a counterpart: a curated paragraph link says
    which paragraph answers which, where an article-level comparison only has
    the aligner's guess. So pairs with both sides come first, paragraph-level
    before article-level, and one-sided ones last: the curated link UN art. 67
    §1 ↔ Budapest art. 47 §1 leaves "un an" alone, yet Budapest states the
    delay of denunciation in §2, which the article pair finds. A later pair
    that would re-pair a quantity already paired with the same instrument is
    left out.
    """
    themes_of = concordance.themes_of_correspondence()
    by_provision: dict[tuple[str, str], list[QuantityEntry]] = {}
    for entry in entries.values():
        by_provision.setdefault((entry.instrument, entry.eid), []).append(entry)
    candidates = []
    for correspondence in concordance.correspondences:
        left_article = articles[(correspondence.left_instrument, correspondence.left_eid.split("__")[0])]
        right_article = articles[(correspondence.right_instrument, correspondence.right_eid.split("__")[0])]
        compare_url = reverse(
            "compare",
            args=[correspondence.left_instrument, correspondence.left_eid, correspondence.right_instrument, correspondence.right_eid],
        )
        article_level = "__" not in correspondence.left_eid and "__" not in correspondence.right_eid
        found: list[QuantityLink] = []
        for row in comparisons[correspondence.pk].rows:
            if row.left and row.right:
                found.extend(
                    to_link(pair, left_eid, right_eid, left_article, right_article, entries, compare_url)
                    for pair, left_eid, right_eid in row.located_quantity_pairs()
                )
                continue
            # A paragraph with no partner: its quantities have none in this
            # row, but may have one elsewhere in the other article.
            for unit in row.lefts or row.rights:
                left_eid = unit.eid if row.left else correspondence.left_eid
                right_eid = unit.eid if row.right else correspondence.right_eid
                instrument = left_article.instrument if row.left else right_article.instrument
                for entry in by_provision.get((instrument, unit.eid), ()):
                    pair = quantities.pair(entry.quantity, None) if row.left else quantities.pair(None, entry.quantity)
                    found.append(to_link(pair, left_eid, right_eid, left_article, right_article, entries, compare_url))
        for link in pair_across(found):
            candidates.append(((link.one_sided, article_level, correspondence.pk), link, themes_of.get(correspondence.pk, ())))
    links: dict[tuple, QuantityLink] = {}
    claimed: set[tuple] = set()
    for _, link, themes in sorted(candidates, key=lambda candidate: candidate[0]):
        left_instrument, right_instrument = link.instruments
        identity = (
            link.left.key if link.left else (left_instrument, link.left_provision.eid),
            link.right.key if link.right else (right_instrument, link.right_provision.eid),
        )
        if identity in links:
            known = links[identity]
            links[identity] = replace_themes(known, tuple(dict.fromkeys(known.themes + themes)))
            continue
        sides = []
        if link.left:
            sides.append((link.left.key, right_instrument))
        if link.right:
            sides.append((link.right.key, left_instrument))
        if any(side in claimed for side in sides):
            continue
        claimed.update(sides)
        links[identity] = replace_themes(link, themes)
    return sorted(links.values(), key=link_order)


def by_subject(links: list[QuantityLink]) -> list[tuple[str, str, list[QuantityLink]]]:
    """(subject, label, links) in ``SUBJECT_LABELS`` order, each link under each subject it touches.

    The one grouping of /quantities/ and /divergences/: both file a pair under
    the subjects ``lib.quantities.subject_of`` gives its quantities.
    """
    groups = []
    for subject, label in SUBJECT_LABELS.items():
        found = [link for link in links if subject in link.subjects]
        if found:
            groups.append((subject, label, found))
    return groups


def link_order(link: QuantityLink) -> tuple:
    """Document order of the left side, then of the right."""
    return (
        link.left_provision.article.instrument_position,
        link.left_provision.article.number,
        link.left.start if link.left else -1,
        link.right_provision.article.number,
        link.right.start if link.right else -1,
    )


def pair_across(links: list[QuantityLink]) -> list[QuantityLink]:
    """Pair the one-sided quantities of one correspondence across its rows.

    ``lib.quantities.compare`` pairs the quantities of one aligned row; a
    quantity whose counterpart sits in another paragraph (UN art. 67 §1 "un
    an", Budapest art. 47 §2 "trois mois") or in a paragraph with no partner
    stays one-sided there. Here a left-only and a right-only quantity are
    paired, in document order, when they are lapses of time, ages or
    penalties governing the same subject
    (``lib.quantities.counterparts_across``, which the comparison page's
    ``lib.comparison.pair_across_rows`` applies too); what is left over is
    one-sided for good.
    """
    rights = [link for link in links if link.left is None]
    merged: dict[int, QuantityLink] = {}
    used: set[int] = set()
    for left in (link for link in links if link.right is None):
        right = next((r for r in rights if id(r) not in used and counterparts(left.left, r.right)), None)
        if right is None:
            continue
        used.update({id(left), id(right)})
        pair = quantities.pair(left.left.quantity, right.right.quantity)  # type: ignore[union-attr]
        merged[id(left)] = replace(
            left,
            status=pair.status,
            right=right.right,
            right_provision=right.right_provision,
            spelled_differently=pair.spelled_differently,
            bound_differs=pair.bound_differs,
            across_units=pair.across_units,
        )
    return [merged.get(id(link), link) for link in links if id(link) in merged or id(link) not in used]


def counterparts(left: QuantityEntry | None, right: QuantityEntry | None) -> bool:
    return (
        left is not None
        and right is not None
        and left.quantity is not None
        and right.quantity is not None
        and quantities.counterparts_across(
            left.quantity, right.quantity, subjects=(left.subject, right.subject), effects=(left.effect, right.effect)
        )
    )


def to_link(
    pair: QuantityPair,
    left_eid: str,
    right_eid: str,
    left_article: ArticleRef,
    right_article: ArticleRef,
    entries: dict[tuple[str, str, int], QuantityEntry],
    compare_url: str,
) -> QuantityLink:
    left = entries[(left_article.instrument, left_eid, pair.left.start)] if pair.left else None
    right = entries[(right_article.instrument, right_eid, pair.right.start)] if pair.right else None
    return QuantityLink(
        status=pair.status,
        left=left,
        right=right,
        left_provision=provision_ref(left_article, left_eid),
        right_provision=provision_ref(right_article, right_eid),
        compare_url=compare_url,
        themes=(),
        spelled_differently=pair.spelled_differently,
        bound_differs=pair.bound_differs,
        across_units=pair.across_units,
    )


def replace_themes(link: QuantityLink, themes: tuple[str, ...]) -> QuantityLink:
    return replace(link, themes=themes)


def pair_shares(
    concordance: Concordance,
    articles: dict[tuple[str, str], ArticleRef],
    comparisons: dict[int, Comparison],
) -> list[PairShare]:
    themes_of = concordance.themes_of_correspondence()
    shares = [
        PairShare(
            left=articles[(c.left_instrument, c.left_eid)],
            right=articles[(c.right_instrument, c.right_eid)],
            relation=c.relation,
            share=comparisons[c.pk].substantive_share,
            compare_url=reverse("compare", args=[c.left_instrument, c.left_eid, c.right_instrument, c.right_eid]),
            themes=themes_of.get(c.pk, ()),
        )
        for c in concordance.correspondences
        if "__" not in c.left_eid and "__" not in c.right_eid
    ]
    # Ties keep the concordance's order.
    return sorted(shares, key=lambda s: -s.share)


def build(texts: Texts, concordance: Concordance) -> Findings:
    articles = texts.articles()
    found = extract(texts, articles)
    entries = {entry.key: entry for entry in found}
    comparisons = compare_curated(CorpusSnapshot())
    links = link_quantities(concordance, articles, entries, comparisons)
    divergent = frozenset(
        q.key for link in links if link.status == "divergent" for q in (link.left, link.right) if q
    )
    article_themes = concordance.themes_of_article()
    missing = tuple(
        Missing(articles[(instrument, eid)], reason, article_themes.get((instrument, eid), ()), other, other_title)
        for instrument, eid, other, other_title, reason in concordance.missing
    )
    shares = tuple(pair_shares(concordance, articles, comparisons))
    return Findings(articles, tuple(found), tuple(links), shares, missing, divergent)


def findings() -> Findings:
    """The findings for the database as it is now (seven queries when cached)."""
    texts, concordance = load_texts(), load_concordance()
    return cached("findings", (texts.key(), concordance.key()), lambda: build(texts, concordance))
