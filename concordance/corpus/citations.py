"""How a provision is cited: the one place the citation text is built.

French legal style names the instrument, the date it was adopted and the
provision: "Convention des Nations Unies contre la cybercriminalité,
24 décembre 2024, art. 25, par. 2". The article pages, the comparison rows,
the search results, the exports and ``/api/cite/`` all take it from here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse

from concordance.corpus.models import Instrument, Provision
from concordance.lib import eids

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(day: datetime.date) -> str:
    """ "24 décembre 2024", "1er février 2024": as French legal writing prints a date."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def cited_title(instrument: Instrument) -> str:
    """The instrument's title as it is cited: the UN title's second half
    (" ; Renforcement de la coopération…") is the resolution's wording, not the treaty's name."""
    return str(instrument.title).split(" ; ")[0]


def permalink(instrument_slug: str, eid: str) -> str:
    """The address of a provision: its article's page, at its anchor."""
    number = int(eids.label_of(eids.article_of(eid)))
    return f"{reverse('article', args=[instrument_slug, number])}#{eid}"


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
    title = cited_title(instrument)
    locator = provision.citation
    return Citation(
        text=f"{title}, {french_date(instrument.adopted_on)}, {locator}",
        path=permalink(instrument.slug, provision.eid),
        title=title,
        issued=instrument.adopted_on,
        locator=locator,
    )
