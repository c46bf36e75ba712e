from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concordance.corpus import texts
from concordance.editions import collation
from concordance.htmx import template_for
from concordance.lib.collation import CLASS_LABELS, CLASSES


def editions(request: HttpRequest, slug: str) -> HttpResponse:
    """The two French editions of an instrument collated, optionally one class of variant."""
    instrument = texts.get_instrument(slug)
    result = collation.collation_of(instrument)
    chosen = request.GET.get("class", "")
    error = ""
    if chosen and chosen not in CLASSES:
        error = (
            f"Classe de variante inconnue : « {chosen} ». Classes possibles : "
            + ", ".join(f"{code} ({CLASS_LABELS[code]})" for code in CLASSES)
            + "."
        )
        chosen = ""
    context = {
        "instrument": instrument,
        "view": collation.view_of(result, chosen, collation.two_editions(instrument)),
        "error": error,
    }
    return render(
        request,
        template_for(request, "editions/collation.html", "collation"),
        context,
        status=400 if error else 200,
    )
