"""Layout of stored text on reading pages."""

from __future__ import annotations

import datetime
import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from concordance.corpus import citations

register = template.Library()

_BLANK_LINE = re.compile(r"\n\s*\n")


@register.filter
def paragraphs(text: str) -> list[SafeString]:
    """A text whose paragraphs are separated by a blank line, one item per
    paragraph (an interpretative note is stored that way)."""
    # Escaping first keeps the markup of an already linked text: a link
    # never spans a blank line, so cutting there leaves every tag whole.
    escaped = conditional_escape(text)
    return [mark_safe(part.strip()) for part in _BLANK_LINE.split(escaped) if part.strip()]


@register.simple_tag
def with_footnote_calls(text: str, footnotes: list[dict], part: str, paragraph: int) -> SafeString:
    """``text`` escaped, with the call marks of ``footnotes`` put back where
    the source printed them, each a link to its note (``footnote-<line>``,
    the note's line in the source, as Note.anchor) and the target of the
    note's link back (``footnote-call-<line>``).

    The stored text has no marks: they are layout (see
    concordance.lib.parsing.tree.Footnote)."""
    calls = sorted(
        (note["offset"], note["line"], note["marker"])
        for note in footnotes
        if note.get("part") == part and note.get("paragraph") == paragraph and note.get("offset") is not None
    )
    out, at = [], 0
    for offset, number, marker in calls:
        out.append(conditional_escape(text[at:offset]))
        out.append(
            format_html(
                '<sup class="footnote-call">'
                '<a href="#footnote-{}" id="footnote-call-{}" aria-label="Note {}">{}</a></sup>',
                number,
                number,
                marker,
                marker,
            )
        )
        at = offset
    out.append(conditional_escape(text[at:]))
    return mark_safe("".join(out))


@register.filter(name="written_date")
def written_date_filter(value: datetime.date | None) -> str:
    """The date as the page's language writes it (``citations.written_date``): "1er février 2024", "1 February 2024"."""
    return citations.written_date(value) if value else ""
