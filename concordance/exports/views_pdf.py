"""The PDF exports: a comparison, and handouts of several."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext

from concordance.comparison.forms import ComparisonOptions, option_links
from concordance.comparison.lookup import find
from concordance.corpus.models import Edition, Instrument
from concordance.exports import comparison_pdf
from concordance.exports.handouts import HandoutError, HandoutForm
from concordance.exports.handouts import handout as handout_of
from concordance.exports.pdf import pdf_response
from concordance.exports.views import options_error
from concordance.mapping import table
from concordance.mapping.forms import choose_instrument
from concordance.mapping.models import Theme

# A handout shows every row, terminology marked, side by side.
HANDOUT_OPTIONS = ComparisonOptions()


def comparison(request: HttpRequest, left_slug: str, left_eid: str, right_slug: str, right_eid: str) -> HttpResponse:
    left, right = find(left_slug, left_eid), find(right_slug, right_eid)
    if (refused := options_error(request)) is not None:
        return refused
    context = comparison_pdf.comparison_context(left, right, request.GET)
    address = request.build_absolute_uri(comparison_pdf.page_address(left, right, context["options"]))
    context["print_address"] = address
    html = render_to_string("comparison/compare.html", context, request)
    return pdf_response(html, address, comparison_pdf.pdf_filename(left, right))


def handouts(request: HttpRequest) -> HttpResponse:
    """The form without a selection; with one, the handout as PDF (400 with the reason when it cannot be made)."""
    instruments = list(Instrument.objects.all())
    instrument = choose_instrument(instruments, request.GET.get("from"))
    if instrument is None:
        raise Http404(gettext("Instrument inconnu : « %(slug)s ».") % {"slug": request.GET.get("from")})
    form = HandoutForm(request.GET, chapters=table.chapters(instrument), themes=list(Theme.objects.all()))
    context = {"form": form, "instrument": instrument, "instruments": instruments, "problem": ""}
    if not any(request.GET.get(name) for name in ("chapter", "theme", "pairs", "relation", "missing")):
        return render(request, "exports/handout_form.html", context)
    try:
        made = handout_of(form, instrument)
    except LookupError as error:
        raise Http404(str(error)) from error
    except HandoutError as error:
        context["problem"] = str(error)
        return render(request, "exports/handout_form.html", context, status=400)
    address = request.build_absolute_uri()
    editions = Edition.objects.filter(pk__in=[e.pk for e in made.editions]).select_related("instrument", "source")
    html = render_to_string(
        "exports/handout.html",
        {
            "handout": made,
            "editions": sorted(editions, key=lambda edition: edition.instrument.position),
            "print_address": address,
            "options": HANDOUT_OPTIONS,
            "links": option_links(HANDOUT_OPTIONS),
            "out_of_band": False,
            "printing": True,
        },
        request,
    )
    return pdf_response(html, address, "polycopie.pdf")
