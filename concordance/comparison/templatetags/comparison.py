"""Rendering diff pieces as HTML without adding or losing a character.

A template loop would put its own whitespace between pieces; this tag joins
them exactly, so the words shown are the words of the source.
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from concordance.lib.comparison import Piece

register = template.Library()


def piece_html(piece: Piece, hide_terms: bool) -> str:
    if not piece.text:
        return ""
    if piece.kind == "deleted":
        return format_html('<del class="change">{}</del>', piece.text)
    if piece.kind == "inserted":
        return format_html('<ins class="change">{}</ins>', piece.text)
    if piece.kind == "term" and not hide_terms:
        return format_html(
            '<span class="term" title="terme équivalent : {}">{}</span>', piece.counterpart.strip(), piece.text
        )
    return conditional_escape(piece.text)


@register.simple_tag
def pieces(pieces: list[Piece], terms: str = "show") -> SafeString:
    return mark_safe("".join(piece_html(piece, terms == "hide") for piece in pieces))
