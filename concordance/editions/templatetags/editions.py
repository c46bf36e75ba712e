"""Rendering a collated text as HTML without adding or losing a character of either edition.

Each variant is wrapped so that its class can be read (and filtered) next
to its ``<del>``/``<ins>``; the pieces are joined exactly, as on the
comparison page, so the words shown are the words of the sources.
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from concordance.lib.collation import CLASS_LABELS, Collated

register = template.Library()

SHORT_LABELS = {
    "punctuation": "ponct.",
    "spelling": "orth.",
    "number": "nombre",
    "typo": "frappe",
    "wording": "rédac.",
}


def _variant_html(collated: Collated, index: int, inner: list[str], chosen: str) -> str:
    variant = collated.variants[index]
    dimmed = " variant-other" if chosen and variant.cls != chosen else ""
    return format_html(
        '<span class="variant variant-{}{}" title="{} : {}">{}<sup class="variant-tag">{}</sup></span>',
        variant.cls,
        dimmed,
        CLASS_LABELS[variant.cls],
        variant.reason,
        mark_safe("".join(inner)),
        SHORT_LABELS[variant.cls],
    )


@register.simple_tag
def collated(collated: Collated, chosen: str = "") -> SafeString:
    parts: list[str] = []
    current: int | None = None
    inner: list[str] = []
    # Shared text is shown with the left edition's spacing; when the right
    # edition has a space there the left lacks ("informatique" before "," /
    # "informatique " before "dans"), the space goes inside the insertion so
    # the right-hand reading is not glued together.
    owed_space = ""
    for piece in collated.pieces:
        if piece.variant != current and current is not None:
            parts.append(_variant_html(collated, current, inner, chosen))
            inner = []
        current = piece.variant
        if piece.kind == "same":
            parts.append(conditional_escape(piece.text))
            left_space = piece.text[len(piece.text.rstrip()):]
            right_space = piece.right[len(piece.right.rstrip()):]
            owed_space = right_space if right_space and not left_space else ""
        elif piece.kind == "deleted":
            inner.append(format_html('<del class="change">{}</del>', piece.text))
        else:
            inner.append(format_html('<ins class="change">{}{}</ins>', owed_space, piece.text))
            owed_space = ""
    if current is not None:
        parts.append(_variant_html(collated, current, inner, chosen))
    return mark_safe("".join(parts))


@register.filter
def count_of(counts: dict[str, int], cls: str) -> int:
    return counts.get(cls, 0)
