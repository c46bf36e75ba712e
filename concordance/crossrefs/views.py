from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from concordance.corpus.models import Instrument
from concordance.crossrefs.models import Reference
from concordance.crossrefs.preview import target_preview
from concordance.htmx import template_for


def preview(request: HttpRequest, slug: str, eid: str) -> HttpResponse:
    """A small HTML fragment: the text a link points to, for its popover."""
    return render(request, "crossrefs/preview.html", {"preview": target_preview(slug, eid, request.GET.get("edition"))})


def unresolved(request: HttpRequest) -> HttpResponse:
    """References whose words could not be resolved, for curators to fix."""
    instruments = list(Instrument.objects.order_by("position"))
    slug = request.GET.get("instrument") or None
    if slug and slug not in {i.slug for i in instruments}:
        raise Http404(f"Aucun instrument « {slug} ».")
    references = (
        Reference.objects.unresolved()
        .of_instrument(slug)
        .select_related("instrument", "edition", "provision", "note")
        .prefetch_related("targets")
        .in_reading_order()
    )
    context = {"instruments": instruments, "chosen": slug, "references": references}
    return render(request, template_for(request, "crossrefs/unresolved.html", "results"), context)
