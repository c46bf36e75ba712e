"""The interface's two languages: French at the site's addresses, English under ``/en/``.

The language is read from the address alone. Not from ``Accept-Language``
and not from a cookie: a French address always answers in French, so a link
sent by an English-speaking negotiator to a French colleague shows the same
page to both, search engines index each language at its own address, and the
whole-response cache (``concordance.versioning``) needs no ``Vary:
Accept-Language`` and no per-browser copies; the address (and the language,
which it names) is in the cache key. Whoever wants the other language
follows the switch every page carries (``alternates`` below, base.html).

The treaty texts are French in both languages; only the interface is
translated (``locale/en/LC_MESSAGES/django.po``). The JSON API and the admin
are not under ``i18n_patterns`` and answer in the default language.

Interface strings written in the code are translated by gettext; names
stored in the database (an instrument's English title, a theme's English
name) are chosen here. French is the source language and the fallback: an
English name not yet filled reads in French, never as an empty string.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse, translate_url
from django.utils import translation
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


# The French texts number a first article or division in words ("Article premier",
# "Article 1er", "Chapitre Ier"); their English texts say "Article 1", "Chapter I".
FIRST_NUMBERS = frozenset({"premier", "1er", "Ier"})


def display_number(num: str, *, roman: bool = False) -> str:
    """A provision's or division's number as the page's language writes it: "premier" is "1" (or "I") in English."""
    if num in FIRST_NUMBERS and in_english():
        return "I" if roman else "1"
    return num


def language_of_path(path: str) -> str:
    """The language an address names: its ``/en/`` prefix, else the default (French)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


class LanguageFromAddress:
    """Django's LocaleMiddleware, less its guesses from the browser.

    It must run before the response cache (which keys pages on the active
    language) and before URL resolution (``i18n_patterns`` matches the prefix
    of the active language): settings place it just above the cache.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        language = language_of_path(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


@dataclass(frozen=True, slots=True)
class Alternate:
    """The same page in one of the interface's languages."""

    code: str
    name: str
    url: str
    current: bool


def alternates(request: HttpRequest) -> dict[str, object]:
    """Context processor: the current page (and its query) in each language, for the switch.

    ``translate_url`` resolves the address and reverses it under the other
    language's prefix; an address that resolves to no page (a 404) falls
    back to that language's home page rather than to a broken link.
    """
    current = translation.get_language() or settings.LANGUAGE_CODE
    full_path = request.get_full_path()
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            url = full_path
        else:
            url = translate_url(full_path, code)
            if url == full_path:
                with translation.override(code):
                    url = reverse("home")
        links.append(Alternate(code=code, name=name, url=url, current=code == current))
    return {"language_alternates": links}
