"""The home page's list of instruments: a page at a time, filtered by title.

The home page lists the instruments with their facts and editions. With
three instruments it is one short page; a corpus of three hundred (the
scale bench's hundred copies) made it 420 KB and 145 ms, all of it spent on
instruments nobody scrolls to. It now shows ``PER_PAGE`` of them in the
instruments' order (the three real ones first), with page links and a title
filter once there is more than one page, so that its cost follows the
instruments shown (two queries, as with three instruments).
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.db.models import F, Func, Subquery
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from concordance.corpus.models import Instrument
from concordance.filtering import FilterForm
from concordance.paging import Page, page_number, page_of, window

PER_PAGE = 24


@dataclass(frozen=True)
class InstrumentFilters:
    text: str = ""  # words of the title or short title, French or English


class InstrumentFilterForm(FilterForm[InstrumentFilters]):
    """``?q=budapest``: the instruments whose title holds those words."""

    filters_class = InstrumentFilters
    renamed = {"q": "text"}

    q = forms.CharField(label=_("Titre"), required=False, max_length=200, strip=True)


def instruments_page(filters: InstrumentFilters, query: QueryDict) -> Page[Instrument]:
    """The page of instruments ``query`` asks for, with their facts (two queries).

    The count rides along as a subquery PostgreSQL computes once; the facts
    (article counts, editions and sources) are read for the page's
    instruments alone. A page past the last one counts apart, to say how
    many there are.
    """
    number = page_number(query)
    matching = Instrument.objects.matching(filters.text)
    # COUNT as a plain function, not an aggregate: no GROUP BY, one number.
    count_of_all = Subquery(matching.order_by().annotate(count=Func(F("pk"), function="COUNT")).values("count"))
    start = (number - 1) * PER_PAGE
    # The page's ids picked on narrow rows, then the facts of those alone:
    # computed before the OFFSET, the facts of the pages before cost page 13
    # of 300 instruments 28 ms instead of 4.
    page_ids = matching.order_by("position", "pk").values("pk")[start : start + PER_PAGE]
    page = Instrument.objects.filter(pk__in=page_ids).with_facts().order_by("position", "pk")
    shown = list(page.annotate(matching_count=count_of_all))
    count = shown[0].matching_count if shown else (matching.count() if number > 1 else 0)
    window(number, count, PER_PAGE)  # past the last page: NoSuchPage
    return page_of(shown, count, number, PER_PAGE, query)
