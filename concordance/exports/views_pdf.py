"""The PDF exports: a comparison, and handouts of several."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from concordance.comparison.lookup import find
from concordance.exports import comparison_pdf
from concordance.exports.pdf import pdf_response


def comparison(request: HttpRequest, left_slug: str, left_eid: str, right_slug: str, right_eid: str) -> HttpResponse:
    left, right = find(left_slug, left_eid), find(right_slug, right_eid)
    context = comparison_pdf.comparison_context(left, right, request.GET)
    address = request.build_absolute_uri(comparison_pdf.page_address(left, right, context["options"]))
    context["print_address"] = address
    html = render_to_string("comparison/compare.html", context, request)
    return pdf_response(html, address, comparison_pdf.pdf_filename(left, right))
