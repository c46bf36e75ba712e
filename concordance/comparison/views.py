from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from concordance.comparison import building
from concordance.comparison.forms import ComparisonOptionsForm, PairForm, option_links
from concordance.corpus.models import Provision
from concordance.lib.comparison import visible_rows
from concordance.htmx import template_for


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
        "pair_form": PairForm(initial={
            "left": left_slug, "left_ref": left.citation, "right": right_slug, "right_ref": right.citation,
        }),
    }
    return render(request, template_for(request, "comparison/compare.html", "rows"), context)


def choose(request: HttpRequest) -> HttpResponse:
    """The form for any two provisions; a valid one opens their comparison."""
    form = PairForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        found = {
            side: Provision.objects.filter(
                edition__instrument__slug=data[side], edition__is_primary=True, eid=data[f"{side}_eid"]
            ).exists()
            for side in ("left", "right")
        }
        for side, exists in found.items():
            if not exists:
                form.add_error(f"{side}_ref", "Cet instrument n'a pas cette disposition.")
        if all(found.values()):
            return redirect(
                reverse("compare", args=[data["left"], data["left_eid"], data["right"], data["right_eid"]])
            )
    return render(request, "comparison/choose.html", {"pair_form": form}, status=400 if form.errors else 200)
