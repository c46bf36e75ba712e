"""The curated glossary (``fixtures/glossary.json``), loaded once per process.

A shared service: search expands queries with it, the comparison tells
terminology from substance with it, the aligner and the analysis pages read
it. It lives below every app so that each of them can import it without
climbing; ``concordance.lib.terminology`` holds the pure ``Glossary`` itself.
(Not the glossary *page*, which is ``concordance.analysis.views.glossary``.)

Search also answers English queries: ``search_glossary`` adds to the curated
entries (which carry the official English terms) the English keywords of
``fixtures/english_keywords.json`` (provision titles and themes).
"""

from __future__ import annotations

import functools

from django.conf import settings

from concordance.lib.terminology import Glossary, load_glossary
from concordance.lib.terminology.english import EnglishKeywords, load_english_keywords


@functools.cache
def curated_glossary() -> Glossary:
    return load_glossary(settings.GLOSSARY_PATH)


@functools.cache
def english_keywords() -> EnglishKeywords:
    return load_english_keywords(settings.BASE_DIR / "fixtures" / "english_keywords.json")


@functools.cache
def search_glossary() -> Glossary:
    """The curated glossary with the English keywords, for search only."""
    return Glossary(curated_glossary().entries, keywords=english_keywords().entries)
