"""What the analysis pages are computed from, and a cache keyed on it.

The glossary index, the quantities and the divergences are functions of the
texts of the primary editions, the curated concordance and the glossary
file. Their inputs are fetched as plain tuples (a fixed number of queries),
hashed, and the result looked up under that hash: a changed text,
correspondence or glossary is a new key, so nothing is invalidated by hand.

Fetching and hashing every text costs as much as the corpus is large (1.3 s
a request at a hundred times the corpus), so a request does neither:
``per_data_version`` first looks the result up under the data version
(``concordance.versioning``), which every writing transaction advances, and
hashes the inputs only for the first request of each version, which then
finds the result under its content key unless the change touched it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from django.urls import reverse
from django.utils import translation

from concordance.corpus.models import Division, Instrument, Provision
from concordance.languages import Bilingual, display_number
from concordance.lib import eids
from concordance.mapping.models import Correspondence, MissingCounterpart, Theme
from concordance.versioning import versions

T = TypeVar("T")


class ProvisionRow(NamedTuple):
    instrument: str
    eid: str
    article_eid: str
    kind: str
    num: str
    heading: str
    text: str
    division_eid: str | None


class ChapterRow(NamedTuple):
    instrument: str
    eid: str
    num: str
    heading: str


class CorrespondenceRow(NamedTuple):
    pk: int
    left_instrument: str
    left_eid: str
    right_instrument: str
    right_eid: str
    relation: str


@dataclass(frozen=True)
class ArticleRef:
    """An article as the analysis pages cite it."""

    instrument: str
    instrument_title: Bilingual
    eid: str
    num: str
    heading: str
    chapter: str  # "chap. III — Coopération internationale": tells domestic from international
    instrument_position: int
    url: str

    @property
    def display_num(self) -> str:
        """``num`` in the page's language ("premier" is "1" in English)."""
        return display_number(self.num)

    @property
    def number(self) -> int:
        return int(eids.label_of(self.eid))

    @property
    def scope(self) -> str:
        """ "international" or "national", as the heading and chapter tell it, else ""."""
        words = f"{self.heading} {self.chapter}".casefold()
        if "coopération internationale" in words or "entraide" in words:
            return "international"
        if "niveau national" in words or "mesures procédurales" in words or "incrimination" in words:
            return "national"
        return ""


@dataclass(frozen=True)
class Texts:
    instruments: tuple[tuple[str, Bilingual], ...]  # (slug, short title), in the instruments' order
    provisions: tuple[ProvisionRow, ...]
    chapters: tuple[ChapterRow, ...]

    def key(self) -> tuple:
        return (self.instruments, self.provisions, self.chapters)

    def articles(self) -> dict[tuple[str, str], ArticleRef]:
        titles = dict(self.instruments)
        positions = {slug: position for position, (slug, _) in enumerate(self.instruments)}
        chapters = {(c.instrument, c.eid): c for c in self.chapters}
        found = {}
        for row in self.provisions:
            if row.kind != "article":
                continue
            chapter = chapters.get((row.instrument, eids.top(row.division_eid or "")))
            found[(row.instrument, row.eid)] = ArticleRef(
                row.instrument,
                titles[row.instrument],
                row.eid,
                row.num,
                row.heading,
                f"chap. {chapter.num} — {chapter.heading}" if chapter else "",
                positions[row.instrument],
                reverse("article", args=[row.instrument, int(eids.label_of(row.eid))]),
            )
        return found


@dataclass(frozen=True)
class Concordance:
    correspondences: tuple[CorrespondenceRow, ...]
    correspondence_themes: tuple[tuple[int, str], ...]
    missing: tuple[
        tuple[str, str, str, Bilingual, str], ...
    ]  # (instrument, article eid, other instrument slug and title, reason)
    article_themes: tuple[tuple[str, str, str, Bilingual], ...]  # (instrument, article eid, theme slug, theme name)

    def key(self) -> tuple:
        return (self.correspondences, self.correspondence_themes, self.missing, self.article_themes)

    def themes_of_correspondence(self) -> dict[int, tuple[str, ...]]:
        themes: dict[int, list[str]] = {}
        for pk, slug in self.correspondence_themes:
            themes.setdefault(pk, []).append(slug)
        return {pk: tuple(slugs) for pk, slugs in themes.items()}

    def themes_of_article(self) -> dict[tuple[str, str], tuple[tuple[str, Bilingual], ...]]:
        """(slug, name) of each article's themes."""
        themes: dict[tuple[str, str], list[tuple[str, Bilingual]]] = {}
        for instrument, eid, slug, name in self.article_themes:
            themes.setdefault((instrument, eid), []).append((slug, name))
        return {key: tuple(slugs) for key, slugs in themes.items()}


def load_texts() -> Texts:
    """The primary editions' provisions and chapters (three queries)."""
    # Both titles: the results are cached for every reader and printed in each page's language.
    instruments = tuple(
        (slug, Bilingual(title, title_en))
        for slug, title, title_en in Instrument.objects.order_by("position").values_list(
            "slug", "short_title", "short_title_en"
        )
    )
    provisions = tuple(
        ProvisionRow(*row)
        for row in Provision.objects.filter(edition__is_primary=True)
        .order_by("edition__instrument__position", "position")
        .values_list(
            "edition__instrument__slug", "eid", "article_eid", "kind", "num", "heading", "text", "division__eid"
        )
    )
    chapters = tuple(
        ChapterRow(*row)
        for row in Division.objects.filter(edition__is_primary=True, kind="chapter")
        .order_by("edition__instrument__position", "position")
        .values_list("edition__instrument__slug", "eid", "num", "heading")
    )
    return Texts(instruments, provisions, chapters)


def load_concordance() -> Concordance:
    """The curated correspondences, their themes, the articles without counterpart (four queries)."""
    correspondences = tuple(
        CorrespondenceRow(*row)
        for row in Correspondence.objects.curated()
        .order_by("pk")
        .values_list(
            "pk",
            "left__edition__instrument__slug",
            "left__eid",
            "right__edition__instrument__slug",
            "right__eid",
            "relation",
        )
    )
    correspondence_themes = tuple(
        Correspondence.themes.through.objects.filter(correspondence__origin="curated")
        .order_by("correspondence_id", "theme__position")
        .values_list("correspondence_id", "theme__slug")
    )
    missing = tuple(
        (instrument, eid, other, Bilingual(title, title_en), reason)
        for instrument, eid, other, title, title_en, reason in MissingCounterpart.objects.order_by(
            "article__edition__instrument__position", "article__position", "other_instrument__position"
        ).values_list(
            "article__edition__instrument__slug",
            "article__eid",
            "other_instrument__slug",
            "other_instrument__short_title",
            "other_instrument__short_title_en",
            "reason",
        )
    )
    article_themes = tuple(
        (instrument, eid, slug, Bilingual(name, name_en))
        for instrument, eid, slug, name, name_en in Theme.articles.through.objects.filter(
            provision__edition__is_primary=True
        )
        .order_by("provision__edition__instrument__position", "provision__position", "theme__position")
        .values_list(
            "provision__edition__instrument__slug", "provision__eid", "theme__slug", "theme__name", "theme__name_en"
        )
    )
    return Concordance(correspondences, correspondence_themes, missing, article_themes)


def per_data_version(namespace: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per data version (``versions.per_data_version``). Each interface
    language has its own copy: the results carry addresses (``/en/…``)."""
    return versions.per_data_version(namespace, translation.get_language(), compute)
