"""Tracked changes and comments written into a python-docx paragraph.

python-docx (1.2) reads and writes runs, styles, tables and comments but not
revisions, and ``docx-revisions`` is not on the package index this project
installs from; so the ``w:ins`` / ``w:del`` wrappers are built here with
python-docx's own oxml API (``OxmlElement``, ``qn``), the one place the
document is touched below the library's level. Everything else goes through
python-docx.

A deletion holds its words in ``w:delText``, not ``w:t``: that is what makes
Word and LibreOffice show them struck through and drop them on "Accept all".
"""

from __future__ import annotations

from datetime import UTC, datetime

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph


class Revisions:
    """Numbering shared by every tracked change of one document (ids must be unique)."""

    def __init__(self, document: Document, when: datetime) -> None:
        self.document = document
        # In UTC with a "Z", the form Word itself writes.
        self.when = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._next_id = 1
        # python-docx finds a style by name through the whole styles part each
        # time; a comparison has hundreds of runs, so each id is looked up once.
        self._style_ids: dict[str, str] = {}

    def _id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    def plain(self, paragraph: Paragraph, text: str, style: str | None = None) -> BaseOxmlElement:
        """An ordinary run, the same whether the changes are accepted or rejected."""
        run = paragraph.add_run(text)
        if style:
            run._r.style = self.style_id(style)
        return run._r

    def inserted(self, paragraph: Paragraph, text: str, author: str, style: str | None = None) -> BaseOxmlElement:
        return self._tracked(paragraph, "w:ins", "w:t", text, author, style)

    def deleted(self, paragraph: Paragraph, text: str, author: str, style: str | None = None) -> BaseOxmlElement:
        return self._tracked(paragraph, "w:del", "w:delText", text, author, style)

    def _tracked(
        self, paragraph: Paragraph, wrapper_tag: str, text_tag: str, text: str, author: str, style: str | None
    ) -> BaseOxmlElement:
        wrapper = OxmlElement(
            wrapper_tag, attrs={qn("w:id"): self._id(), qn("w:author"): author, qn("w:date"): self.when}
        )
        run = OxmlElement("w:r")
        if style:
            properties = OxmlElement("w:rPr")
            properties.append(OxmlElement("w:rStyle", attrs={qn("w:val"): self.style_id(style)}))
            run.append(properties)
        words = OxmlElement(text_tag)
        words.text = text
        # Leading or trailing spaces are words' boundaries: keep them.
        words.set(qn("xml:space"), "preserve")
        run.append(words)
        wrapper.append(run)
        paragraph._p.append(wrapper)
        return wrapper

    def style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = str(self.document.styles[name].style_id)
        return self._style_ids[name]

    def comment(
        self, first: BaseOxmlElement, last: BaseOxmlElement, text: str, author: str, initials: str = ""
    ) -> None:
        """A comment over the elements ``first`` to ``last`` of one paragraph (runs or tracked changes).

        Its range marks and reference run stand outside the tracked changes,
        so accepting or rejecting them keeps the comment.
        """
        comment = self.document.comments.add_comment(text, author=author, initials=initials)
        identifier = {qn("w:id"): str(comment.comment_id)}
        first.addprevious(OxmlElement("w:commentRangeStart", attrs=identifier))
        reference = OxmlElement("w:r")
        reference.append(OxmlElement("w:commentReference", attrs=identifier))
        last.addnext(reference)
        last.addnext(OxmlElement("w:commentRangeEnd", attrs=identifier))
