from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concordance.corpus import texts
from concordance.corpus.models import Note
from concordance.crossrefs.citing import cited_by
from concordance.crossrefs.linking import page_references
from concordance.editions.collation import article_variant_counts
from concordance.htmx import template_for
from concordance.mapping.table import article_counterparts
from concordance.paging import BadPage, NoSuchPage
from concordance.reading.instruments import InstrumentFilterForm, instruments_page


def home(request: HttpRequest) -> HttpResponse:
    form = InstrumentFilterForm(request.GET)
    try:
        page = instruments_page(form.filters(), request.GET)
    except BadPage as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    except NoSuchPage as error:
        raise Http404(str(error)) from error
    context = {"form": form, "instruments": page}
    return render(request, template_for(request, "reading/home.html", "instruments"), context, status=form.status)


def instrument(request: HttpRequest, slug: str) -> HttpResponse:
    instrument = texts.get_instrument(slug)
    edition = texts.choose_edition(instrument, request.GET.get("edition"))
    text = texts.instrument_text(instrument, edition)
    return render(
        request,
        "reading/instrument.html",
        {"instrument": instrument, "edition": edition, "text": text, "references": page_references(edition)},
    )


def article(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    canonical = reverse("article", args=[slug, number])
    if request.path != canonical:
        # "art-01" is art-1: one address per article, so links and caches agree.
        query = request.META.get("QUERY_STRING", "")
        return redirect(f"{canonical}?{query}" if query else canonical, permanent=True)
    instrument = texts.get_instrument(slug)
    edition = texts.choose_edition(instrument, request.GET.get("edition"))
    page = texts.article_page(instrument, edition, number)
    context = {
        "instrument": instrument,
        "edition": edition,
        "page": page,
        "article": page.article,
        "counterparts": article_counterparts(instrument, page.article.eid),
        "edition_variants": article_variant_counts(instrument).get(page.article.article_eid, 0),
        "references": page_references(edition),
        "cited_by": cited_by(edition, page.article),
    }
    return render(request, "reading/article.html", context)


# The notes an index lists: those that discuss articles (the resolution's
# paragraphs and footnotes are read in the instrument's text).
INDEXED_NOTE_KINDS = {"interpretative": _("Notes interprétatives"), "commentary": _("Exposé des motifs")}


def notes(request: HttpRequest, slug: str) -> HttpResponse:
    """The index of an instrument's interpretative notes and commentary, each under the articles it discusses."""
    instrument = texts.get_instrument(slug)
    indexed = (
        Note.objects.filter(instrument=instrument, kind__in=INDEXED_NOTE_KINDS)
        .select_related("instrument")
        .prefetch_related("articles")
        .order_by("kind", "position")
    )
    by_kind = {kind: [note for note in indexed if note.kind == kind] for kind in INDEXED_NOTE_KINDS}
    sections = [(label, by_kind[kind]) for kind, label in INDEXED_NOTE_KINDS.items() if by_kind[kind]]
    return render(request, "reading/notes.html", {"instrument": instrument, "sections": sections})
