from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from concordance.comparison import building
from concordance.comparison.forms import ComparisonOptionsForm, PairForm, option_fields, option_links, option_query
from concordance.htmx import is_partial, template_for
from concordance.lib.comparison import visible_rows


def compare(request: HttpRequest, left_slug: str, left_eid: str, right_slug: str, right_eid: str) -> HttpResponse:
    left = building.find(left_slug, left_eid)
    right = building.find(right_slug, right_eid)
    pair = building.compare(left, right)
    options = ComparisonOptionsForm(request.GET).options()
    context = {
        "pair": pair,
        "options": options,
        "rows": visible_rows(pair.comparison, changes_only=options["changes"], terms_shown=options["terms"] == "show"),
        "links": option_links(options),
        "option_fields": option_fields(options),
        "pair_form": PairForm(initial=building.form_initial(left, right)),
        # An in-place switch also refreshes what carries the options outside the rows.
        "out_of_band": is_partial(request),
    }
    return render(request, template_for(request, "comparison/compare.html", "rows"), context)


def choose(request: HttpRequest) -> HttpResponse:
    """The form for any two provisions; a valid one opens their comparison, shown as it was asked."""
    # A link with only unrelated parameters (?utm_source=…) gets the blank form, not four errors.
    asked = any(name in request.GET for name in PairForm.base_fields)
    form = PairForm(request.GET if asked else None)
    options = ComparisonOptionsForm(request.GET).options()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        eids = {side: (data[f"{side}_article_eid"], data[f"{side}_eid"]) for side in ("left", "right")}
        known = building.existing(
            [(data[side], eid) for side in ("left", "right") for eid in eids[side]]
        )
        for side, (article, eid) in eids.items():
            if (data[side], article) not in known:
                form.add_error(f"{side}_ref", "Cet instrument n'a pas cette disposition.")
            elif (data[side], eid) not in known:
                form.add_error(f"{side}_paragraph", "Cet article n'a pas ce paragraphe ou ce point.")
        if not form.errors:
            url = reverse("compare", args=[data["left"], eids["left"][1], data["right"], eids["right"][1]])
            return redirect(url + option_query(options))
    context = {"pair_form": form, "option_fields": option_fields(options)}
    return render(request, "comparison/choose.html", context, status=400 if form.errors else 200)
