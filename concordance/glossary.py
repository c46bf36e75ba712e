"""The curated glossary (``fixtures/glossary.json``), loaded once per process.

A shared service: search expands queries with it, the comparison tells
terminology from substance with it, the aligner and the analysis pages read
it. It lives below every app so that each of them can import it without
climbing; ``concordance.lib.terminology`` holds the pure ``Glossary`` itself.
(Not the glossary *page*, which is ``concordance.analysis.views.glossary``.)
"""

from __future__ import annotations

import functools

from django.conf import settings

from concordance.lib.terminology import Glossary, load_glossary


@functools.cache
def curated_glossary() -> Glossary:
    return load_glossary(settings.GLOSSARY_PATH)
