"""What the shape of a document cannot say: the provisions, themes and instruments it names exist.

``schema.parse`` has checked the shape; the checks here need the database
(a provision exists, it is an article, a theme is known) or the whole
document (nothing is listed twice). Each problem is named by its JSON path.
"""

from __future__ import annotations

from typing import Any

from concordance.corpus.models import Instrument, Provision
from concordance.lib.sentences import sentence_spans
from concordance.mapping.interchange.export import key_of
from concordance.mapping.interchange.schema import SECTIONS, ConcordanceDocument, Entries, Key, parse
from concordance.mapping.models import Theme


class ConcordanceDataError(ValueError):
    """The document is invalid; nothing was imported."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def primary_provisions() -> dict[Key, Provision]:
    rows = Provision.objects.filter(edition__is_primary=True).select_related("edition__instrument")
    return {key_of(row): row for row in rows}


def validate(
    document: Any, provisions: dict[Key, Provision], *, replace: bool = False
) -> tuple[ConcordanceDocument | None, list[str]]:
    """The document, if it can be imported; else every problem, each named by its JSON path."""
    problems: list[str] = []
    if replace and isinstance(document, dict):
        absent = [name for name in SECTIONS if name not in document]
        if absent:
            problems.append(
                f"--replace needs every section, so that nothing is deleted by omission; missing: {absent}."
            )
    parsed, shape_problems = parse(document)
    problems += shape_problems
    if not isinstance(document, dict):
        return None, problems
    entries = Entries.of(parsed) if parsed is not None else Entries.well_formed(document)
    problems += References(entries, provisions, replace).problems()
    return (None if problems else parsed), problems


class References:
    """The checks of one document against the database."""

    def __init__(self, document: Entries, provisions: dict[Key, Provision], replace: bool):
        self.document = document
        self.provisions = provisions
        self.found: list[str] = []
        self.instruments = set(Instrument.objects.values_list("slug", flat=True))
        self.theme_slugs = self.listed_themes()
        if not replace:
            self.theme_slugs |= set(Theme.objects.values_list("slug", flat=True))

    def problems(self) -> list[str]:
        self.correspondences()
        self.without_counterpart()
        self.article_themes()
        return self.found

    def listed_themes(self) -> set[str]:
        slugs: set[str] = set()
        for index, entry in enumerate(self.document.themes):
            if entry is None:
                continue
            if entry.slug in slugs:
                self.found.append(f"themes[{index}]: theme {entry.slug!r} listed twice.")
            slugs.add(entry.slug)
        return slugs

    def provision(self, where: str, key: Key) -> Provision | None:
        found = self.provisions.get(key)
        if found is None:
            self.found.append(f"{where}: {key} is not a provision.")
        return found

    def article(self, where: str, key: Key) -> None:
        article = self.provision(where, key)
        if article is not None and article.kind != "article":
            self.found.append(f"{where}: {article.eid} is not an article.")

    def theme_list(self, where: str, slugs: list[str]) -> None:
        unknown = set(slugs) - self.theme_slugs
        if unknown:
            self.found.append(f"{where}: unknown themes {sorted(unknown)}.")

    def correspondences(self) -> None:
        seen: set[frozenset[int]] = set()
        for index, entry in enumerate(self.document.correspondences):
            if entry is None:
                continue
            where = f"correspondences[{index}]"
            left = self.provision(f"{where}.left", Key(entry.left.instrument, entry.left.eid))
            right = self.provision(f"{where}.right", Key(entry.right.instrument, entry.right.eid))
            self.theme_list(f"{where}.themes", entry.themes)
            if left and right:
                if left.edition.instrument_id == right.edition.instrument_id:
                    self.found.append(f"{where}: both sides are in {left.edition.instrument.slug}.")
                self.sentence(f"{where}.left_sentence", left, entry.left_sentence)
                self.sentence(f"{where}.right_sentence", right, entry.right_sentence)
                pair = frozenset((left.pk, right.pk))
                if pair in seen:
                    self.found.append(f"{where}: duplicates an earlier correspondence.")
                seen.add(pair)

    def sentence(self, where: str, provision: Provision, number: int | None) -> None:
        """A sentence pin names one of the provision's sentences (a provision of one sentence has none to name)."""
        if number is None:
            return
        count = len(sentence_spans(provision.text))
        if count < 2:
            self.found.append(f"{where}: {key_of(provision)} has a single sentence; link the provision itself.")
        elif number > count:
            self.found.append(f"{where}: {key_of(provision)} has {count} sentences, not {number}.")

    def without_counterpart(self) -> None:
        seen: set[tuple[Key, str]] = set()
        for index, entry in enumerate(self.document.without_counterpart):
            if entry is None:
                continue
            where = f"without_counterpart[{index}]"
            key = Key(entry.instrument, entry.eid)
            self.article(where, key)
            other = entry.other_instrument
            if other not in self.instruments:
                self.found.append(f"{where}.other_instrument: {other!r} is not an instrument.")
            elif other == entry.instrument:
                self.found.append(
                    f"{where}.other_instrument: an article cannot lack a counterpart in its own instrument."
                )
            if (key, other) in seen:
                self.found.append(f"{where}: listed twice.")
            seen.add((key, other))

    def article_themes(self) -> None:
        for slug, by_eid in self.document.article_themes.items():
            for eid, themes in by_eid.items():
                where = f"article_themes.{slug}.{eid}"
                self.article(where, Key(slug, eid))
                self.theme_list(where, themes)
