"""The glossary with, for each term, the articles where each instrument uses it."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from concordance.analysis.inputs import ArticleRef, Texts, load_texts, per_data_version
from concordance.caching import cached
from concordance.glossary import curated_glossary
from concordance.languages import Bilingual
from concordance.lib.terminology import EnglishWording, TermClass, normalise_term

# What each class of the glossary means, as the page says it.
CLASS_LABELS: dict[TermClass, str] = {
    "equivalent": _("terme équivalent"),
    "near": _("quasi-équivalent"),
    "distinct": _("termes distincts"),
}


@dataclass(frozen=True)
class ArticleCount:
    article: ArticleRef
    count: int  # in the heading and the text
    first_eid: str  # the provision of the first occurrence in the article
    in_heading: bool = False  # "Falsification informatique" is only the heading of Budapest 7

    @property
    def url(self) -> str:
        return f"{self.article.url}#{self.first_eid}"


@dataclass(frozen=True)
class TermUse:
    form: str
    articles: tuple[ArticleCount, ...]

    @property
    def total(self) -> int:
        return sum(a.count for a in self.articles)


@dataclass(frozen=True)
class InstrumentTerms:
    instrument: str
    instrument_title: Bilingual
    terms: tuple[TermUse, ...]

    @property
    def total(self) -> int:
        return sum(term.total for term in self.terms)


@dataclass(frozen=True)
class EnglishTerms:
    instrument_title: Bilingual | str
    wording: EnglishWording


@dataclass(frozen=True)
class EntryUses:
    id: str
    concept: str
    note: str
    columns: tuple[InstrumentTerms, ...]
    term_class: TermClass = "equivalent"
    why: str = ""
    # The conventions' official English wording of the notion ("expedited preservation"…),
    # per instrument, each saying whether it was checked against the English text.
    english: tuple[EnglishTerms, ...] = ()

    @property
    def class_label(self) -> str:
        return str(CLASS_LABELS[self.term_class])

    def searchable(self) -> str:
        return folded(
            " ".join(
                [
                    self.concept,
                    *(form for english in self.english for form in english.wording.forms),
                    *(t.form for c in self.columns for t in c.terms),
                ]
            )
        )


def folded(text: str) -> str:
    """Case- and accent-insensitive form, so that "etat" finds "État"."""
    decomposed = unicodedata.normalize("NFD", text.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def build(texts: Texts) -> tuple[EntryUses, ...]:
    terms = curated_glossary()
    articles = texts.articles()
    titles = dict(texts.instruments)
    # (entry, instrument, form) -> article eid -> [count, first provision eid, in its heading]
    counts: dict[tuple[str, str, str], dict[str, list]] = defaultdict(dict)
    form_of: dict[tuple[str, str, str], str] = {}
    for entry in terms.entries:
        for instrument, _title in texts.instruments:
            for form in entry.forms(instrument):
                form_of.setdefault((entry.id, instrument, normalise_term(form, entry.case_sensitive)), form)
    for row in texts.provisions:
        for words, is_heading in ((row.heading if row.kind == "article" else "", True), (row.text, False)):
            for occurrence in terms.find(words, row.instrument) if words else ():
                entry = terms.entry(occurrence.entry_id)
                form = form_of.get(
                    (entry.id, row.instrument, normalise_term(occurrence.text, entry.case_sensitive)), occurrence.text
                )
                seen = counts[(entry.id, row.instrument, form)].setdefault(row.article_eid, [0, row.eid, False])
                seen[0] += 1
                seen[2] = seen[2] or is_heading
    entries = []
    for entry in terms.entries:
        columns = []
        for instrument, _title in texts.instruments:
            forms = entry.forms(instrument)
            if not forms:
                continue
            uses = tuple(
                TermUse(
                    form,
                    tuple(
                        ArticleCount(articles[(instrument, article_eid)], count, first_eid, in_heading)
                        for article_eid, (count, first_eid, in_heading) in counts.get(
                            (entry.id, instrument, form), {}
                        ).items()
                    ),
                )
                for form in forms
            )
            columns.append(InstrumentTerms(instrument, titles[instrument], uses))
        entries.append(
            EntryUses(
                entry.id,
                entry.concept,
                entry.note,
                tuple(columns),
                entry.term_class,
                entry.why,
                tuple(
                    EnglishTerms(titles.get(wording.instrument, wording.instrument), wording)
                    for wording in entry.english_wording()
                ),
            )
        )
    return tuple(entries)


def glossary_uses() -> tuple[EntryUses, ...]:
    """Every glossary entry with its uses (one query when cached: ``per_data_version``)."""
    return per_data_version("glossary", glossary_uses_by_content)


def glossary_uses_by_content() -> tuple[EntryUses, ...]:
    """Every glossary entry with its uses under a hash of the texts (three queries when cached)."""
    texts = load_texts()
    # Per interface language: the uses carry the articles' addresses (/en/…).
    return cached("glossary", (translation.get_language(), texts.key()), lambda: build(texts))


def select(
    entries: tuple[EntryUses, ...], instrument: str = "", text: str = "", term_class: str = ""
) -> list[EntryUses]:
    """Entries of ``term_class`` with terms in ``instrument`` (only its column kept) whose
    concept or terms contain ``text``."""
    wanted = folded(text.strip())
    chosen = []
    for entry in entries:
        if term_class and entry.term_class != term_class:
            continue
        if instrument:
            columns = tuple(c for c in entry.columns if c.instrument == instrument)
            if not columns:
                continue
            entry = dataclasses.replace(entry, columns=columns)
        if wanted and wanted not in entry.searchable():
            continue
        chosen.append(entry)
    return chosen
