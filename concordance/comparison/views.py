from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from concordance.comparison.forms import (
    ComparisonOptionsForm,
    PairForm,
    form_initial,
    option_fields,
    option_query,
    shown_with,
)
from concordance.comparison.lookup import find
from concordance.comparison.page import comparison_page
from concordance.comparison.presentation import presentation_steps
from concordance.htmx import is_partial, template_for


def compare(request: HttpRequest, left_slug: str, left_eid: str, right_slug: str, right_eid: str) -> HttpResponse:
    left = find(left_slug, left_eid)
    right = find(right_slug, right_eid)
    pair = comparison_page(left, right)
    options_form = ComparisonOptionsForm(request.GET)
    options = options_form.filters()
    shown = shown_with(pair, options)
    context = {
        **shown,
        "presenting": options.presentation,
        "steps": presentation_steps(shown["rows"]) if options.presentation else [],
        "options_form": options_form,
        "pair_form": PairForm(initial=form_initial(left, right)),
        "pair_form_folded": True,
        # An in-place switch also refreshes what carries the options outside the rows.
        "out_of_band": is_partial(request),
    }
    # A refused option is said on the page, which is shown with its default: 400, as a refused filter.
    template = template_for(request, "comparison/compare.html", "rows")
    return render(request, template, context, status=options_form.status)


def choose(request: HttpRequest) -> HttpResponse:
    """The form for any two provisions; a valid one opens their comparison, shown as it was asked."""
    # A link with only unrelated parameters (?utm_source=…) gets the blank form, not four errors.
    asked = any(name in request.GET for name in PairForm.base_fields)
    form = PairForm(request.GET if asked else None)
    # A refused option is left out: the comparison opens with its default.
    options = ComparisonOptionsForm(request.GET).filters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        url = reverse("compare", args=[data["left"], data["left_eid"], data["right"], data["right_eid"]])
        return redirect(url + option_query(options))
    context = {"pair_form": form, "option_fields": option_fields(options)}
    return render(request, "comparison/choose.html", context, status=400 if form.errors else 200)
