"""The exports' views: fetch the pair or the instrument, build the document, send it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone

from concordance.comparison.forms import ComparisonOptionsForm, option_query
from concordance.comparison.lookup import find
from concordance.comparison.page import comparison_page
from concordance.corpus import texts
from concordance.exports import akn
from concordance.exports.word import CONTENT_TYPE, WordOptions, comparison_docx
from concordance.glossary import curated_glossary
from concordance.lib import eids
from concordance.lib.comparison import visible_rows


def file_stem(left_slug: str, left_eid: str, right_slug: str, right_eid: str) -> str:
    """ "un-25-2_budapest-16": what a downloaded file is named after."""

    def side(slug: str, eid: str) -> str:
        return "-".join([slug, *(label for _, label in eids.levels(eid))])

    return f"{side(left_slug, left_eid)}_{side(right_slug, right_eid)}"


def options_error(request: HttpRequest) -> HttpResponse | None:
    """A 400 naming what is wrong when an option has a value the page does not offer.

    The page itself falls back to the defaults for such values; a document
    taken away must show what was asked, or say why it cannot.
    """
    form = ComparisonOptionsForm(request.GET)
    if form.is_valid():
        return None
    problems = "; ".join(f"{name} : {' '.join(errors)}" for name, errors in form.errors.items())
    return HttpResponseBadRequest(f"Option invalide — {problems}", content_type="text/plain; charset=utf-8")


def comparison_word(
    request: HttpRequest, left_slug: str, left_eid: str, right_slug: str, right_eid: str
) -> HttpResponse:
    if (error := options_error(request)) is not None:
        return error
    left, right = find(left_slug, left_eid), find(right_slug, right_eid)
    pair = comparison_page(left, right)
    options = ComparisonOptionsForm(request.GET).filters()
    word_options = WordOptions(changes_only=options.changes, terms_shown=options.terms == "show")
    rows = visible_rows(pair.comparison, changes_only=word_options.changes_only, terms_shown=word_options.terms_shown)
    document = comparison_docx(
        pair,
        rows,
        word_options,
        glossary=curated_glossary(),
        made_at=timezone.localtime(),
        address=request.build_absolute_uri(
            reverse("compare", args=[left_slug, left_eid, right_slug, right_eid]) + option_query(options)
        ),
    )
    response = HttpResponse(document, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{file_stem(left_slug, left_eid, right_slug, right_eid)}.docx"'
    )
    return response


def instrument_akn(request: HttpRequest, slug: str) -> HttpResponse:
    """The instrument as Akoma Ntoso: its primary edition, or ``?edition=<slug>``; unknown ones are 404."""
    instrument = texts.get_instrument(slug)
    edition = texts.choose_edition(instrument, request.GET.get("edition"))
    document = akn.akn_document(instrument, edition, timezone.localdate())
    return HttpResponse(document, content_type=akn.CONTENT_TYPE)
