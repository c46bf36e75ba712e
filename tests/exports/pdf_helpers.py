"""Reading the PDF exports back: their text, their pages."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from concordance.corpus.models import Provision
from concordance.exports.pdf import UNAVAILABLE, available

needs_weasyprint = pytest.mark.skipif(not available(), reason=UNAVAILABLE)


def read_pdf(response) -> PdfReader:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def words_of(text: str) -> list[str]:
    return text.split()


def pdf_words(reader: PdfReader) -> list[str]:
    return words_of(" ".join(page.extract_text() for page in reader.pages))


def is_subsequence(wanted: list[str], words: list[str]) -> bool:
    """Every word of ``wanted`` appears in ``words``, in this order (others may come between)."""
    remaining = iter(words)
    return all(word in remaining for word in wanted)


def provision_units(slug: str, eid: str) -> list[str]:
    """The texts of a provision and of every provision inside it, in document order."""
    root = Provision.objects.get(edition__instrument__slug=slug, edition__is_primary=True, eid=eid)
    nodes = Provision.objects.filter(edition_id=root.edition_id, article_eid=root.article_eid).subtree(root)
    return [node.text for node in nodes.order_by("position") if node.text.strip()]


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)
