"""The interface language of the request being answered, for data that carries its own English.

Interface strings written in the code are translated by gettext; names
stored in the database (an instrument's English title, a theme's English
name) are chosen here. French is the source language and the fallback: an
English name not yet filled reads in French, never as an empty string.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_lazy


def in_english() -> bool:
    """Whether the active interface language is English ("en", "en-gb"…)."""
    return (get_language() or "").split("-")[0] == "en"


def localised(french: str, english: str) -> str:
    """``english`` on an English page when it is filled, else ``french``."""
    return english if english and in_english() else french


def translated(labels: Mapping[str, str]) -> dict[str, Promise]:
    """``labels`` (code → French label marked ``N_`` where it is written) read in the page's language.

    The labels stay lazy: a form field built at import time still shows them
    in the language of the request that renders it.
    """
    return {code: gettext_lazy(label) for code, label in labels.items()}


def translate(label: str) -> str:
    """A label marked ``N_`` in the active language; "" stays "" (gettext("") is the catalogue header)."""
    return gettext(label) if label else label


@dataclass(frozen=True)
class Bilingual:
    """A stored name in French and English, printed in the language of the page that prints it.

    For results computed once and cached for every reader (the analysis
    pages): they keep both names, and ``str()`` chooses at display time.
    """

    french: str
    english: str = ""

    def __str__(self) -> str:
        return localised(self.french, self.english)
