"""Layout of stored text on reading pages."""

from __future__ import annotations

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

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
