"""Filling the analysis cache ahead of the first visitor."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from concordance.analysis.findings import findings
from concordance.analysis.terms import glossary_uses


def warm_caches() -> None:
    """Compute (or find) the glossary index, the quantities and every curated comparison.

    Worth calling after an ingest or a concordance import: the cache keys
    follow the content, so the first page after a change would otherwise pay
    for the whole analysis.
    """
    for language, _ in settings.LANGUAGES:  # each language has its addresses (/en/…)
        with translation.override(language):
            glossary_uses()
            findings()
