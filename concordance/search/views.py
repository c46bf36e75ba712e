from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render

from concordance.corpus.models import Instrument
from concordance.glossary import english_keywords, search_glossary
from concordance.htmx import template_for
from concordance.mapping.models import Theme
from concordance.paging import BadPage, NoSuchPage, Page, page_number, page_of
from concordance.search import query as search_query
from concordance.search import searching
from concordance.search.forms import SearchFilterForm


def search(request: HttpRequest) -> HttpResponse:
    query = search_query.clean_query(request.GET.get("q", ""))
    themes = list(Theme.objects.all())
    form = SearchFilterForm(request.GET, instruments=Instrument.objects.choices(), themes=themes)
    exact = request.GET.get("exact") == "1"
    filters = form.filters()
    outcome = None
    try:
        number = page_number(request.GET)
        if query.text:
            outcome = searching.search(query, filters, None if exact else search_glossary(), number)
    except BadPage as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    except NoSuchPage as error:
        raise Http404(str(error)) from error
    context = {
        "query": query,
        "form": form,
        "filters": filters,
        "exact": exact,
        "outcome": outcome,
        "page": _page(outcome, request),
        "themes_named": _themes_named(outcome, themes),
        "max_length": search_query.MAX_QUERY_LENGTH,
    }
    return render(request, template_for(request, "search/search.html", "results"), context, status=form.status)


def _page(outcome: searching.SearchOutcome | None, request: HttpRequest) -> Page | None:
    """The page of results shown, for the page links (which keep the query and the filters)."""
    if outcome is None:
        return None
    return page_of(outcome.results, outcome.total, outcome.page, searching.RESULTS_PER_PAGE, request.GET)


def _themes_named(outcome: searching.SearchOutcome | None, themes: list[Theme]) -> list[Theme]:
    """The themes whose English keywords the query named ("jurisdiction"), each once."""
    if outcome is None:
        return []
    by_slug = {theme.slug: theme for theme in themes}
    keyword_themes = english_keywords().themes
    slugs = dict.fromkeys(keyword_themes[e.entry_id] for e in outcome.expansions if e.entry_id in keyword_themes)
    return [by_slug[slug] for slug in slugs if slug in by_slug]
