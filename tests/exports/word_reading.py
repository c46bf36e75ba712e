"""Reading a Word export back the way Word does: the table's columns, and the redline accepted or rejected."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn

from concordance.exports.word import DIVERGENCE, LABEL, NOTE

W_T, W_DEL_TEXT, W_INS, W_DEL = qn("w:t"), qn("w:delText"), qn("w:ins"), qn("w:del")


def words(text: str) -> list[str]:
    return text.split()


def open_docx(content: bytes):
    return Document(io.BytesIO(content))


def paragraph_words(paragraph, *, accept: bool) -> list[str]:
    """The words of a paragraph once every revision is accepted (or rejected), labels left out."""
    text = []
    for element in paragraph._p.iter(W_T, W_DEL_TEXT):
        run = element.getparent()
        style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if style is not None and style.get(qn("w:val")) == paragraph.part.document.styles[LABEL].style_id:
            continue
        wrapper = run.getparent().tag
        if (wrapper == W_INS and not accept) or (wrapper == W_DEL and accept):
            continue
        text.append(element.text or "")
    return words("".join(text))


def column_words(table, column: int) -> list[str]:
    """The provision's words in one column of the comparison table, in order (labels and notes left out)."""
    found = []
    for row in table.rows[1:]:
        for paragraph in row.cells[column].paragraphs:
            if paragraph.style.name in (NOTE, DIVERGENCE):
                continue
            found += words("".join(run.text for run in paragraph.runs if run.style.name != LABEL))
    return found


def redline_paragraphs(document):
    """The paragraphs of the redline: after its heading, one per row (notes apart)."""
    paragraphs = document.paragraphs
    start = next(k for k, p in enumerate(paragraphs) if p.text.startswith("Modifications suivies"))
    return [p for p in paragraphs[start + 1 :] if p.style.name not in (NOTE, DIVERGENCE)]


def redline_words(document, *, accept: bool) -> list[str]:
    return [word for p in redline_paragraphs(document) for word in paragraph_words(p, accept=accept)]
