from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concordance.corpus import texts
from concordance.editions import collation
from concordance.editions.forms import CollationFilterForm
from concordance.editions.page import collation_page
from concordance.htmx import template_for


def editions(request: HttpRequest, slug: str) -> HttpResponse:
    """The two French editions of an instrument collated, optionally one class of variant."""
    instrument = texts.get_instrument(slug)
    result = collation.collation_of(instrument)
    form = CollationFilterForm(request.GET)
    filters = form.filters()
    context = {
        "instrument": instrument,
        "form": form,
        "page": collation_page(result, filters.variant_class, collation.two_editions(instrument)),
    }
    return render(request, template_for(request, "editions/collation.html", "collation"), context, status=form.status)
