"""A comparison as PDF: the comparison page itself, drawn with the print stylesheet.

Built from the one pipeline (``comparison.page.comparison_page``, which calls
``pair_inputs`` and ``compare_pair``) and rendered from
``comparison/compare.html``, so the PDF shows what the page shows, with the
options of the address (``?changes=1``, ``?terms=hide``, ``?view=inline``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.http import HttpRequest, QueryDict
from django.urls import reverse

from concordance.caching import content_key
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
    """What ``comparison/compare.html`` is rendered with, as the comparison page builds it, for print.

    On paper a reference is not a link (as in a handout) and there is no
    "Citer" box: both would only make WeasyPrint parse and lay out more.
    """
    pair = printed(comparison_page(left, right))
    return {**shown_with(pair, ComparisonOptionsForm(query).filters()), "out_of_band": False, "printing": True}


def printed(pair: ComparisonPage) -> ComparisonPage:
    """``pair`` as printed: its references not linked, its rendered rows cached apart from the page's."""
    return dataclasses.replace(pair, links={}, html_key=content_key("printed-rows", (pair.html_key,)))


def pdf_filename(left: Provision, right: Provision) -> str:
    return f"{left.edition.instrument.slug}-{left.eid}--{right.edition.instrument.slug}-{right.eid}.pdf"


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)
