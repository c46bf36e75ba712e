"""How a provision is cited: the one place the citation text is built.

French legal style names the instrument, the date it was adopted and the
provision: "Convention des Nations Unies contre la cybercriminalité,
24 décembre 2024, art. 25, par. 2". The article pages, the comparison rows,
the search results, the exports and ``/api/cite/`` all take it from here.
On an English page it reads "United Nations Convention against Cybercrime,
24 December 2024, art. 25, para. 2" (the official English title).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_noop as N_

from concordance.languages import in_english, translate
from concordance.lib import eids
from concordance.lib.translatable import MONTHS

if TYPE_CHECKING:  # the models import this module for ``locator``
    from concordance.corpus.models import Instrument, Provision


def french_date(day: datetime.date) -> str:
    """ "24 décembre 2024", "1er février 2024": as French legal writing prints a date."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def written_date(day: datetime.date) -> str:
    """The date as the page's language writes it: "1er février 2024" in French, "1 February 2024" in English."""
    if not in_english():
        return french_date(day)
    return f"{day.day} {translate(MONTHS[day.month - 1])} {day.year}"


def cited_title(instrument: Instrument) -> str:
    """The instrument's title as it is cited, in the page's language: the UN title's second half
    (" ; Renforcement de la coopération…", "; Strengthening International Cooperation…") is the
    resolution's wording, not the treaty's name."""
    return str(instrument.display_title).split(" ; ")[0].split("; ")[0]


def locator(eid: str, words: Callable[[str], str] = str) -> str:
    """The provision inside its instrument, as a lawyer cites it: "art. 25, par. 2, b)".

    French by default, whatever the page: it is data that cached results keep
    (comparison unit labels, the analysis pages). ``words`` (``translate``)
    gives it in the page's language ("art. 25, para. 2, b)").
    """
    parts = []
    for kind, label in eids.levels(eid):
        if kind == "art":
            parts.append(f"art. {label}")
        elif kind == "para":
            parts.append(words(N_("par. %(number)s")) % {"number": label})
        elif kind in ("point", "subpoint"):
            parts.append(f"{label})")
    return ", ".join(parts)


def citation_text(instrument: Instrument, eid: str) -> str:
    """ "Convention des Nations Unies contre la cybercriminalité, 24 décembre 2024, art. 25, par. 2"."""
    return f"{cited_title(instrument)}, {written_date(instrument.adopted_on)}, {locator(eid, translate)}"


def permalink(instrument_slug: str, eid: str, edition_slug: str = "") -> str:
    """The address of a provision: its article's page (in that edition, unless primary), at its anchor."""
    number = int(eids.label_of(eids.article_of(eid)))
    query = f"?edition={edition_slug}" if edition_slug else ""
    return f"{reverse('article', args=[instrument_slug, number])}{query}#{eid}"


@dataclass(frozen=True)
class Citation:
    text: str  # "Convention …, 24 décembre 2024, art. 25, par. 2"
    path: str  # "/un/art-25/#art_25__para_2", made absolute by the caller that knows the host
    title: str
    issued: datetime.date
    locator: str  # "art. 25, par. 2"


def cite(provision: Provision) -> Citation:
    """The citation of ``provision`` (its edition's instrument must be loaded, or it costs a query)."""
    instrument = provision.edition.instrument
    return Citation(
        text=citation_text(instrument, provision.eid),
        path=permalink(instrument.slug, provision.eid),
        title=cited_title(instrument),
        issued=instrument.adopted_on,
        locator=locator(provision.eid),
    )
