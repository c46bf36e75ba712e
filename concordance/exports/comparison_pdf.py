"""A comparison as PDF: the comparison page itself, drawn with the print stylesheet.

Built from the one pipeline (``comparison.page.comparison_page``, which calls
``pair_inputs`` and ``compare_pair``) and rendered from
``comparison/compare.html``, so the PDF shows what the page shows, with the
options of the address (``?changes=1``, ``?terms=hide``, ``?view=inline``).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, QueryDict
from django.urls import reverse

from concordance.comparison.forms import ComparisonOptions, ComparisonOptionsForm, option_query, shown_with
from concordance.comparison.page import ComparisonPage, comparison_page
from concordance.corpus.models import Provision


def page_address(left: Provision, right: Provision, options: ComparisonOptions) -> str:
    """The path of the comparison page a PDF is drawn from (the address printed at its foot)."""
    path = reverse(
        "compare",
        args=[left.edition.instrument.slug, left.eid, right.edition.instrument.slug, right.eid],
    )
    return path + option_query(options)


def comparison_context(left: Provision, right: Provision, query: QueryDict) -> dict[str, Any]:
    """What ``comparison/compare.html`` is rendered with, as the comparison page builds it."""
    pair: ComparisonPage = comparison_page(left, right)
    return {**shown_with(pair, ComparisonOptionsForm(query).filters()), "out_of_band": False}


def pdf_filename(left: Provision, right: Provision) -> str:
    return f"{left.edition.instrument.slug}-{left.eid}--{right.edition.instrument.slug}-{right.eid}.pdf"


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)
