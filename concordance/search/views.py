from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concordance.corpus.models import Instrument
from concordance.glossary import curated_glossary
from concordance.htmx import template_for
from concordance.mapping.models import Theme
from concordance.search import query as search_query
from concordance.search import searching
from concordance.search.forms import SearchFilterForm


def search(request: HttpRequest) -> HttpResponse:
    query = search_query.clean_query(request.GET.get("q", ""))
    form = SearchFilterForm(request.GET, instruments=list(Instrument.objects.all()), themes=list(Theme.objects.all()))
    exact = request.GET.get("exact") == "1"
    filters = form.filters()
    outcome = None
    if query.text:
        outcome = searching.search(query, filters, None if exact else curated_glossary())
    context = {
        "query": query,
        "form": form,
        "filters": filters,
        "exact": exact,
        "outcome": outcome,
        "max_length": search_query.MAX_QUERY_LENGTH,
    }
    return render(request, template_for(request, "search/search.html", "results"), context, status=form.status)
