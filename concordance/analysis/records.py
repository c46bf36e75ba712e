"""What the analysis pages show: quantities where they are written, the pairs
they form, the article pairs' shares of substantive change, the articles
without counterpart, and the ``Findings`` that gather them.

Plain frozen records, computed once by ``findings`` and cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from concordance.analysis.inputs import ArticleRef
from concordance.corpus import citations
from concordance.corpus.models import Provision
from concordance.languages import Bilingual, translate
from concordance.lib import quantities
from concordance.lib.quantities import BOUNDS, SUBJECT_LABELS, Quantity
from concordance.mapping.models import Relation


@dataclass(frozen=True)
class ProvisionRef:
    article: ArticleRef
    eid: str
    citation: str  # "art. 25, par. 2": French, as the cached results keep it
    url: str

    @property
    def display_citation(self) -> str:
        """``citation`` in the page's language ("art. 25, para. 2" on English pages)."""
        return citations.locator(self.eid, translate)


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
        return translate(SUBJECT_LABELS[self.subject])

    @property
    def bound_label(self) -> str:
        return translate(BOUNDS[self.bound])

    @property
    def bounded_label(self) -> str:
        return self.quantity.bounded_label_in(translate) if self.quantity else translate(self.label)

    @property
    def display_label(self) -> str:
        """``label`` (no bound) in the page's language: "5 États", "5 States"."""
        return self.quantity.label_in(translate) if self.quantity else translate(self.label)

    @property
    def dimension(self) -> str:
        return self.quantity.dimension if self.quantity else ""


STATUS_LABELS = {"same": _("identique"), "divergent": _("divergent")}


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
    # One-sided: whether the provision it is set against governs the same thing (has a quantity of the
    # same subject); when not, the page says no provision of that instrument governs it.
    counterpart_governs: bool = True

    @property
    def status_label(self) -> str:
        if self.status == "left-only":
            return gettext("seulement %(instrument)s") % {"instrument": self.left_provision.article.instrument_title}
        if self.status == "right-only":
            return gettext("seulement %(instrument)s") % {"instrument": self.right_provision.article.instrument_title}
        return str(STATUS_LABELS[self.status])

    @property
    def one_sided(self) -> bool:
        return self.left is None or self.right is None

    @property
    def units_caption(self) -> str:
        """Said under a pair counted in different units: converted, or only set side by side."""
        if not self.across_units or self.left is None or self.right is None:
            return ""
        if self.left.quantity is None or self.right.quantity is None:
            return gettext("unités différentes")
        if quantities.common_unit(self.left.quantity, self.right.quantity):
            return gettext("unités différentes, comparées dans une unité commune")
        return gettext("unités différentes, mises en regard sans conversion")

    @property
    def badge(self) -> str:
        """ "1 an ≠ 3 mois", "au plus 90 jours = au plus 90 jours"; one value when one-sided."""
        if self.left is None or self.right is None:
            one_side = self.left or self.right
            assert one_side is not None, "a quantity link has at least one side"
            return one_side.bounded_label
        return f"{self.left.bounded_label} {'=' if self.status == 'same' else '≠'} {self.right.bounded_label}"

    @property
    def subject(self) -> str:
        """What the pair governs: the subject of its first side (pairs share one but for thresholds)."""
        return self.subjects[0]

    @property
    def subject_label(self) -> str:
        return translate(SUBJECT_LABELS[self.subject])

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
    themes: tuple[tuple[str, Bilingual], ...]  # (slug, name)
    other_instrument: str = ""  # slug of the instrument it has no counterpart in
    other_instrument_title: Bilingual = Bilingual("")

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
