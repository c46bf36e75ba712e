from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concordance.analysis import divergences as divergence_list
from concordance.analysis import quantities as quantity_groups
from concordance.analysis import terms
from concordance.analysis.findings import findings
from concordance.analysis.forms import DivergenceFilterForm, GlossaryFilterForm, QuantityFilterForm
from concordance.corpus.models import Instrument
from concordance.htmx import template_for
from concordance.mapping.models import Theme


def theme_choices() -> list[tuple[str, str]]:
    return [(theme.slug, theme.display_name) for theme in Theme.objects.order_by("position")]


def glossary(request: HttpRequest) -> HttpResponse:
    form = GlossaryFilterForm(request.GET, instruments=Instrument.objects.choices())
    filters = form.filters()
    entries = terms.select(
        terms.glossary_uses(), instrument=filters.instrument, text=filters.text, term_class=filters.term_class
    )
    context = {"form": form, "entries": entries}
    return render(request, template_for(request, "analysis/glossary.html", "results"), context, status=form.status)


def quantities(request: HttpRequest) -> HttpResponse:
    form = QuantityFilterForm(request.GET, instruments=Instrument.objects.choices())
    found = findings()
    filters = form.filters()
    groups = quantity_groups.groups(found, instrument=filters.instrument, subject=filters.subject)
    context = {
        "form": form,
        "groups": groups,
        "count": sum(len(g.quantities) for g in groups),
        "query": urlencode(form.in_query()),
    }
    return render(request, template_for(request, "analysis/quantities.html", "results"), context, status=form.status)


def divergences(request: HttpRequest) -> HttpResponse:
    form = DivergenceFilterForm(request.GET, themes=theme_choices())
    filters = form.filters()
    context = {
        "form": form,
        "found": divergence_list.divergences(findings(), theme=filters.theme, kind=filters.kind),
        # Only what was applied: a bad value must not lead the CSV link to a 400.
        "query": urlencode(form.in_query()),
    }
    return render(request, template_for(request, "analysis/divergences.html", "results"), context, status=form.status)


def divergences_csv(request: HttpRequest) -> HttpResponse:
    form = DivergenceFilterForm(request.GET, themes=theme_choices())
    if not form.is_valid():
        return HttpResponse(
            f"Filtre invalide — {form.problems()}\n", status=form.status, content_type="text/plain; charset=utf-8"
        )
    filters = form.filters()
    found = divergence_list.divergences(findings(), theme=filters.theme, kind=filters.kind)
    response = HttpResponse(
        divergence_list.as_csv(found, request.build_absolute_uri("/").rstrip("/")),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="divergences.csv"'
    return response
