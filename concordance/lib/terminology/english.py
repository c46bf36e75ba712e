"""English search keywords that are no glossary entry (``fixtures/english_keywords.json``).

A glossary entry pairs French terms and carries the official English terms
of each instrument (its ``english`` key). Some things an English reader
searches for have no French pair to curate: the title of a provision only
one convention has ("solicitation or grooming", UN art. 15) or a theme
("jurisdiction"). Each keyword lists English terms and the French phrases
of the texts to search for them, and may name the theme it stands for::

    {"keywords": [
        {"id": "grooming", "concept": "…",
         "english": ["solicitation or grooming", "grooming"],
         "french": ["sollicitation", "manipulation psychologique"],
         "theme": "offences"},          # optional
        ...]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import NotRequired, TypedDict

from concordance.lib.terminology.entries import GlossaryEntry

# The key of a keyword's French phrases in ``GlossaryEntry.terms``: they are
# the words of every French text, of no one instrument.
FRENCH = "fr"


class EnglishKeywordData(TypedDict):
    id: str
    concept: str
    english: list[str]
    french: list[str]
    theme: NotRequired[str]
    english_check: NotRequired[dict[str, dict[str, object]]]  # as a glossary entry's


class EnglishKeywordsData(TypedDict):
    keywords: list[EnglishKeywordData]


@dataclass(frozen=True)
class EnglishKeywords:
    entries: tuple[GlossaryEntry, ...]  # for ``Glossary(keywords=…)``
    themes: MappingProxyType[str, str]  # keyword id → theme slug


def parse_english_keywords(data: EnglishKeywordsData) -> EnglishKeywords:
    entries: list[GlossaryEntry] = []
    themes: dict[str, str] = {}
    for raw in data["keywords"]:
        if not raw["english"] or not raw["french"]:
            raise ValueError(f"keyword {raw['id']!r} needs English terms and French phrases")
        entries.append(
            GlossaryEntry(
                id=raw["id"],
                concept=raw["concept"],
                terms=MappingProxyType({FRENCH: tuple(raw["french"])}),
                english=MappingProxyType({FRENCH: tuple(raw["english"])}),
            )
        )
        if "theme" in raw:
            themes[raw["id"]] = raw["theme"]
    return EnglishKeywords(tuple(entries), MappingProxyType(themes))


def load_english_keywords(path: str | Path) -> EnglishKeywords:
    with open(path, encoding="utf-8") as fh:
        return parse_english_keywords(json.load(fh))
