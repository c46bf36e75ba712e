"""The glossary, one per process, until it has a service module of its own.

A pair's comparison is built in ``inputs`` (what it is computed from, and
its cache), ``page`` (the comparison page's model), ``counterparts`` and
``lookup``.
"""

from __future__ import annotations

import functools

from django.conf import settings

from concordance.lib.terminology import Glossary, load_glossary


@functools.cache
def glossary() -> Glossary:
    return load_glossary(settings.GLOSSARY_PATH)
