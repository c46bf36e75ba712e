"""Rendering a collated text as HTML without adding or losing a character of either edition.

Each variant is wrapped so that its class can be read (and filtered) next
to its ``<del>``/``<ins>``; the pieces are joined exactly, as on the
comparison page, so the words shown are the words of the sources.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext_lazy

from concordance.crossrefs.rendering import render_spans
from concordance.languages import translate
from concordance.lib.collation import CLASS_LABELS, Collated

register = template.Library()

SHORT_LABELS = {
    "substantive": pgettext_lazy("variante, abrégé", "sens"),
    "punctuation": pgettext_lazy("variante, abrégé", "ponct."),
    "spelling": pgettext_lazy("variante, abrégé", "orth."),
    "number": pgettext_lazy("variante, abrégé", "nombre"),
    "typo": pgettext_lazy("variante, abrégé", "frappe"),
    "wording": pgettext_lazy("variante, abrégé", "rédac."),
}


def _variant_html(collated: Collated, index: int, inner: list[str], chosen: str) -> str:
    variant = collated.variants[index]
    dimmed = " variant-other" if chosen and variant.cls != chosen else ""
    return format_html(
        '<span class="variant variant-{}{}" title="{} : {}">{}<sup class="variant-tag">{}</sup></span>',
        variant.cls,
        dimmed,
        translate(CLASS_LABELS[variant.cls]),
        variant.reason,
        mark_safe("".join(inner)),
        SHORT_LABELS[variant.cls],
    )


@register.simple_tag
def collated(collated: Collated, chosen: str = "", left_links: tuple = (), right_links: tuple = ()) -> SafeString:
    """The collated text; ``left_links``/``right_links`` are link spans of each edition's text.

    Shared text is the left edition's and takes its links; an insertion is
    the right edition's and takes the right edition's links.
    """
    parts: list[str] = []
    left_at = right_at = 0
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
            parts.append(render_spans(piece.text, left_at, list(left_links)))
            left_at += len(piece.text)
            right_at += len(piece.right)
            left_space = piece.text[len(piece.text.rstrip()) :]
            right_space = piece.right[len(piece.right.rstrip()) :]
            owed_space = right_space if right_space and not left_space else ""
        elif piece.kind == "deleted":
            inner.append(
                format_html('<del class="change">{}</del>', render_spans(piece.text, left_at, list(left_links)))
            )
            left_at += len(piece.text)
        else:
            body = render_spans(piece.text, right_at, list(right_links))
            inner.append(format_html('<ins class="change">{}{}</ins>', owed_space, body))
            right_at += len(piece.text)
            owed_space = ""
    if current is not None:
        parts.append(_variant_html(collated, current, inner, chosen))
    return mark_safe("".join(parts))


@register.filter
def count_of(counts: dict[str, int], cls: str) -> int:
    return counts.get(cls, 0)
