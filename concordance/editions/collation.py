"""Collating an instrument's two French editions, article by article, with a cache.

What the page shows of a collation is ``editions.page``.

Everything both editions print is collated: the title, the preamble, each
division's number and heading, every article, the closing formula.

The primary edition is the left side (what ``<del>`` marks), the other one
the right side (``<ins>``).  Provisions are aligned by eid; a provision
printed in one edition only is placed by similarity
(``collation.align_units``).

The cache key is a hash of everything the collation depends on (both
editions' texts, the lexicon, the classifier's version), so a re-ingested
text is a new key and nothing is invalidated by hand.  A page costs one
query for the provisions of both editions, whatever their number, on a
cache hit or a miss.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import Value
from django.http import Http404
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop as N_

from concordance.caching import cached
from concordance.corpus.models import Division, Edition, Instrument, Provision
from concordance.languages import display_number, translate
from concordance.lib import eids
from concordance.lib.collation import CLASSES, CollatedRow, EditionUnit, collate_units, lexicon_of

# What a collated part of the text is: an article, or the text around and
# between the articles that the two editions print too.
PART_LABELS = {"title": _("Titre"), "preamble": _("Préambule"), "closing": _("Clauses finales")}
DIVISION_LABELS = {"chp": _("Chapitre"), "sec": _("Section"), "title": _("Titre")}  # by the eid's kind
# Where the instrument page shows a part that is not an article.
PART_ANCHORS = {"title": "", "preamble": "preambule", "closing": "clauses-finales"}


@dataclass(frozen=True)
class ArticleCollation:
    """One part of the text collated: an article, the title, the preamble, a division heading, the closing."""

    eid: str
    num: str
    heading: str
    rows: tuple[CollatedRow, ...]
    # "article", "title", "preamble", "division" or "closing"; for a
    # division, ``num`` is its printed number ("II"), its kind is its eid's.
    kind: str = "article"

    @property
    def is_article(self) -> bool:
        return self.kind == "article"

    @property
    def number(self) -> int:
        return int(self.eid.removeprefix("art_"))

    @property
    def label(self) -> str:
        if self.kind == "article":
            return f"Article {display_number(self.num)}"
        if self.kind == "division":
            kind = eids.last_level(self.eid).kind
            number = display_number(self.num, roman=True)
            return f"{DIVISION_LABELS[kind]} {number}" if kind in DIVISION_LABELS else number
        return str(PART_LABELS[self.kind])

    @property
    def anchor(self) -> str:
        """The id of this part on the instrument page (articles have their own page)."""
        return self.eid if self.kind == "division" else PART_ANCHORS.get(self.kind, "")

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(v.cls for row in self.rows for v in row.variants)
        return {cls: found.get(cls, 0) for cls in CLASSES}

    @property
    def variant_count(self) -> int:
        return sum(len(row.variants) for row in self.rows)

    def has(self, cls: str) -> bool:
        return any(v.cls == cls for row in self.rows for v in row.variants)


@dataclass(frozen=True)
class EditionCollation:
    """Plain data (no model instances), so that it can be cached as it is."""

    instrument: str
    left: str
    right: str
    articles: tuple[ArticleCollation, ...]

    @property
    def differing(self) -> list[ArticleCollation]:
        return [article for article in self.articles if article.variant_count]

    @property
    def article_count(self) -> int:
        return sum(1 for article in self.articles if article.is_article)

    @property
    def differing_article_count(self) -> int:
        return sum(1 for article in self.differing if article.is_article)

    @property
    def differing_other_count(self) -> int:
        """Differing parts outside the articles: title, preamble, division headings, closing."""
        return sum(1 for article in self.differing if not article.is_article)

    @property
    def totals(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for article in self.articles:
            total.update(article.counts)
        return {cls: total.get(cls, 0) for cls in CLASSES}


# --------------------------------------------------------------------------
# Lexicon: words attested in at least two source documents
# --------------------------------------------------------------------------


def _source_files() -> list[Path]:
    return sorted(Path(settings.SOURCES_DIR).glob("*.txt"))


@functools.cache
def _lexicon_for(files: tuple[tuple[str, int, int], ...]) -> tuple[frozenset[str], str]:
    texts = [Path(name).read_text(encoding="utf-8") for name, _, _ in files]
    digest = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]
    return lexicon_of(texts), digest


def lexicon() -> tuple[frozenset[str], str]:
    """The known words and their digest; re-read only when a source file changes."""
    files = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in _source_files())
    return _lexicon_for(files)


# --------------------------------------------------------------------------
# Units and collation
# --------------------------------------------------------------------------


def two_editions(instrument: Instrument) -> tuple[Edition, Edition] | None:
    """The primary edition and the other one, or None when there are not exactly two."""
    editions = list(instrument.editions.all())  # prefetched by texts.get_instrument
    primary = [e for e in editions if e.is_primary]
    others = [e for e in editions if not e.is_primary]
    if len(primary) != 1 or len(others) != 1:
        return None
    return primary[0], others[0]


def unit_label(eid: str, words: Callable[[str], str] = str) -> str:
    """ "art_6__para_1__point_a__subpoint_ii" → "par. 1, a), ii)"; the article itself → "texte".

    In French as stored in the cached collation; ``words`` (gettext) gives it
    in the page's language (``displayed_unit_label``).
    """
    parts = []
    for kind, label in eids.below_article(eid):
        if kind == "para":
            parts.append(words(N_("par. %(number)s")) % {"number": label})
        elif kind in ("point", "subpoint"):
            parts.append(f"{label})")
        elif kind == "alinea":
            parts.append(words(N_("alinéa %(number)s")) % {"number": label})
        elif kind == "wrapup":
            parts.append(words(N_("fin")))
    return ", ".join(parts) or words(N_("texte"))


def displayed_unit_label(unit: EditionUnit) -> str:
    """A collated unit's label in the page's language, from its identifier (the cached label is French)."""
    base, _, part = unit.eid.partition("#")
    if part == "heading":
        return gettext("intitulé")
    if part == "num" and (not base.startswith("art_") or not eids.below_article(base)):
        return gettext("numéro de l'article") if base.startswith("art_") else gettext("numéro")
    if part == "num":
        return gettext("%(unit)s — numéro imprimé") % {"unit": unit_label(base, translate)}
    if base == "title":
        return gettext("titre")
    if base == "closing":
        return gettext("texte")
    if base.startswith("preamble_"):
        return pgettext("préambule", "alinéa %(number)s") % {"number": int(base.removeprefix("preamble_")) + 1}
    return unit_label(base, translate)


@dataclass
class _Article:
    num: str = ""
    heading: str = ""
    units: dict[int, list[EditionUnit]] = field(default_factory=lambda: defaultdict(list))
    kind: str = "article"


def _edition_parts(edition: Edition) -> dict[str, list[EditionUnit]]:
    """The title, preamble and closing of an edition as units, by part."""
    return {
        # The labels are French, as stored; the page shows ``displayed_unit_label``.
        "title": [EditionUnit("title", N_("titre"), edition.title)] if edition.title.strip() else [],
        "preamble": [
            EditionUnit(f"preamble_{n}", N_("alinéa %(number)s") % {"number": n + 1}, text)
            for n, text in enumerate(edition.preamble)
            if text.strip()
        ],
        # One unit: the editions break the closing into different
        # paragraphs, which is layout, not a difference of words.
        "closing": [EditionUnit("closing", N_("texte"), "\n".join(edition.closing))] if any(edition.closing) else [],
    }


def _articles(left: Edition, right: Edition) -> dict[str, _Article]:
    """Every part of both editions as units, in the primary edition's order (one query).

    The title and preamble come first, the closing last; each division's
    heading comes before its first article. A provision gives a unit for
    its text and, for an article, its heading; its printed number (or a
    division's) gets a unit only where the two editions print different
    numbers, so that a misprinted marker is a variant too.
    """
    provisions = Provision.objects.filter(edition_id__in=[left.pk, right.pk]).values_list(
        Value("provision"),
        "edition_id",
        "eid",
        "article_eid",
        "kind",
        "num",
        "heading",
        "text",
        "position",
        "division__eid",
    )
    divisions = Division.objects.filter(edition_id__in=[left.pk, right.pk]).values_list(
        Value("division"),
        "edition_id",
        "eid",
        Value(""),
        "kind",
        "num",
        "heading",
        Value(""),
        "position",
        "parent__eid",
    )
    rows = sorted(provisions.union(divisions, all=True), key=lambda r: (r[1] != left.pk, r[0], r[8]))
    return _Parts(left, right, rows).in_order()


class _Parts:
    """The parts of two editions, placed in the primary edition's order as their rows come."""

    def __init__(self, left: Edition, right: Edition, rows: list[tuple]):
        self.left, self.right, self.rows = left, right, rows
        self.nums: dict[tuple[str, int, str], str] = {(r[0], r[1], r[2]): r[5] for r in rows}
        self.division_rows = {(r[1], r[2]): r for r in rows if r[0] == "division"}
        self.by_part: dict[str, _Article] = {}

    def other_side(self, edition_id: int) -> int:
        return self.right.pk if edition_id == self.left.pk else self.left.pk

    def in_order(self) -> dict[str, _Article]:
        parts = {edition.pk: _edition_parts(edition) for edition in (self.left, self.right)}
        for part in ("title", "preamble"):
            article = self.by_part[part] = _Article(kind=part)
            for pk in (self.left.pk, self.right.pk):
                article.units[pk] = parts[pk][part]
        for row in self.rows:
            if row[0] != "division":
                self.add_provision(row)
        for edition_id, eid in self.division_rows:
            self.add_division(edition_id, eid)  # a division without articles
        closing = self.by_part["closing"] = _Article(kind="closing")
        for pk in (self.left.pk, self.right.pk):
            closing.units[pk] = parts[pk]["closing"]
        return self.by_part

    def add_division(self, edition_id: int, eid: str | None) -> None:
        """The heading of division ``eid`` and of its parents not yet placed, outermost first."""
        if not eid or eid in self.by_part or (edition_id, eid) not in self.division_rows:
            return
        _, _, _, _, _kind, num, heading, _, _, parent = self.division_rows[(edition_id, eid)]
        self.add_division(edition_id, parent)
        division = self.by_part[eid] = _Article(num, heading, kind="division")
        for side in (self.left.pk, self.right.pk):
            if (side, eid) not in self.division_rows:
                continue
            side_num, side_heading = self.division_rows[(side, eid)][5], self.division_rows[(side, eid)][6]
            other = self.nums.get(("division", self.other_side(side), eid))
            if other is not None and other != side_num:
                division.units[side].append(EditionUnit(f"{eid}#num", N_("numéro"), side_num, kind="num"))
            if side_heading.strip():
                division.units[side].append(EditionUnit(f"{eid}#heading", N_("intitulé"), side_heading))

    def add_provision(self, row: tuple) -> None:
        _, edition_id, eid, article_eid, kind, num, heading, text, _, division = row
        if kind == "article":
            self.add_division(edition_id, division)
        article = self.by_part.setdefault(article_eid, _Article())
        if kind == "article" and not article.num:
            article.num, article.heading = num, heading
        if kind == "article" and heading:
            article.units[edition_id].append(EditionUnit(f"{eid}#heading", N_("intitulé"), heading))
        other = self.nums.get(("provision", self.other_side(edition_id), eid))
        if num and other is not None and other != num:
            label = (
                N_("numéro de l'article")
                if kind == "article"
                else N_("%(unit)s — numéro imprimé") % {"unit": unit_label(eid)}
            )
            article.units[edition_id].append(EditionUnit(f"{eid}#num", label, num, kind="num"))
        if text.strip():
            article.units[edition_id].append(EditionUnit(eid, unit_label(eid), text))


def collation_of(instrument: Instrument) -> EditionCollation:
    editions = two_editions(instrument)
    if editions is None:
        raise Http404(f"{instrument.short_title} n'a pas deux éditions françaises à collationner.")
    left, right = editions
    articles = _articles(left, right)
    words, words_digest = lexicon()
    inputs = (
        instrument.slug,
        left.slug,
        right.slug,
        words_digest,
        [
            (eid, a.kind, a.num, a.heading, a.units.get(left.pk, []), a.units.get(right.pk, []))
            for eid, a in articles.items()
        ],
    )
    return cached(
        "editions-collation",
        inputs,
        lambda: EditionCollation(
            instrument=instrument.slug,
            left=left.label,
            right=right.label,
            articles=tuple(
                ArticleCollation(
                    eid,
                    a.num,
                    a.heading,
                    tuple(collate_units(a.units.get(left.pk, []), a.units.get(right.pk, []), words)),
                    a.kind,
                )
                for eid, a in articles.items()
            ),
        ),
    )


def article_variant_counts(instrument: Instrument) -> dict[str, int]:
    """Article eid → number of variants between the two editions, for differing articles only.

    One query (cached collation) for an instrument with two editions, none
    for an instrument with one; ``instrument.editions`` should be prefetched.
    """
    if two_editions(instrument) is None:
        return {}
    return {article.eid: article.variant_count for article in collation_of(instrument).differing if article.is_article}
