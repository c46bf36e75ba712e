"""Rendering diff pieces as HTML without adding or losing a character.

A template loop would put its own whitespace between pieces; these tags join
them exactly, so the words shown are the words of the source.  Internal
references become the same links as on the article pages: a link that runs
across two pieces is cut in two anchors, never moved.
"""

from __future__ import annotations

from django import template
from django.utils import translation
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from concordance.caching import cached
from concordance.comparison.page import display_unit_label
from concordance.crossrefs.linking import Link
from concordance.crossrefs.rendering import anchor_html
from concordance.glossary import curated_glossary
from concordance.languages import translate
from concordance.lib.comparison import Block, Comparison, MarkedPiece
from concordance.lib.terminology import GlossaryEntry

register = template.Library()


class CachedNode(template.Node):
    def __init__(self, nodelist: template.NodeList, namespace: str, inputs: list[template.base.FilterExpression]):
        self.nodelist = nodelist
        self.namespace = namespace
        self.inputs = inputs

    def render(self, context: template.Context) -> str:
        # The block's words are in the interface's language and its links carry
        # the language's prefix (/en/…): one rendering per language.
        inputs = (translation.get_language(), *(expression.resolve(context) for expression in self.inputs))
        return cached(self.namespace, inputs, lambda: self.nodelist.render(context))


@register.tag("cached")
def do_cached(parser: template.base.Parser, token: template.base.Token) -> CachedNode:
    """``{% cached "namespace" input … %}…{% endcached %}``: the rendered block, stored
    through ``caching.cached`` under the inputs it names, like every derived result."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a namespace and at least one input")
    nodelist = parser.parse(("endcached",))
    parser.delete_first_token()
    return CachedNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])


def linked(text: str, start: int, spans: list[tuple[int, int, Link]]) -> str:
    """``text`` (at ``start`` in its unit) escaped, the parts inside reference spans made links."""
    out = []
    position = 0
    for a, b, link in spans:
        lo, hi = max(a - start, position), min(b - start, len(text))
        if lo >= hi:
            continue
        out.append(escape(text[position:lo]))
        out.append(anchor_html(text[lo:hi], link))
        position = hi
    out.append(escape(text[position:]))
    return "".join(out)


def piece_html(piece: MarkedPiece, hide_terms: bool, spans: list | None = None, *, one_column: bool = False) -> str:
    if not piece.text:
        return ""
    inner = mark_safe(linked(piece.text, piece.start, spans or []))
    if one_column and piece.kind == "term" and piece.side == "left":
        return _left_term_in_one_column(piece, inner, hide_terms)
    if piece.kind == "deleted":
        return format_html('<del class="change">{}</del>', inner)
    if piece.kind == "inserted":
        return format_html('<ins class="change">{}</ins>', inner)
    if piece.kind == "term" and not hide_terms:
        other = piece.counterpart.strip()
        title = (
            gettext("terme équivalent : %(other)s") % {"other": other}
            if other
            else gettext("terme équivalent, sans mots en regard dans l'autre texte")
        )
        return format_html('<span class="term" title="{}">{}</span>', title, inner)
    if piece.kind == "near":
        return _near_html(piece, inner)
    if piece.kind == "reference":
        other = piece.counterpart.strip()
        title = gettext(
            "renvoi correspondant : l'autre texte renvoie ici à « %(other)s », l'article qui correspond"
        ) % {"other": other}
        return format_html('<span class="reference" title="{}">{}</span>', title, inner)
    if piece.kind == "form":
        other = piece.counterpart.strip()
        title = (
            gettext("mise en forme de liste (autre texte : « %(other)s »)") % {"other": other}
            if other
            else gettext("mise en forme de liste")
        )
        return format_html('<span class="form" title="{}">{}</span>', title, inner)
    return conditional_escape(inner)


def _near_html(piece: MarkedPiece, inner: str) -> str:
    """A near-equivalent term: a change, never hidden, with the glossary's reason in
    its title and written out below the rows (``aria-describedby``); the visible
    mark "≈" is drawn by the stylesheet, so that it never becomes a word of the text."""
    other = piece.counterpart.strip()
    why = curated_glossary().entry(piece.entry_id).why if piece.entry_id else ""
    title = (
        gettext("quasi-équivalent (autre texte : « %(other)s ») : %(why)s") % {"other": other, "why": why}
        if other
        else gettext("quasi-équivalent : %(why)s") % {"why": why}
    )
    return format_html(
        '<span class="near near-{}" title="{}" aria-describedby="near-{}">{}</span>',
        piece.side or "cell",
        title,
        piece.entry_id,
        inner,
    )


@register.simple_tag
def near_entries(comparison: Comparison) -> list[GlossaryEntry]:
    """The glossary entries of the near-equivalent terms of a comparison, to explain below its rows."""
    glossary = curated_glossary()
    return [glossary.entry(entry_id) for entry_id in comparison.near_entry_ids()]


def _left_term_in_one_column(piece: MarkedPiece, inner: str, hide_terms: bool) -> str:
    """The left text's wording of a term, in the one-column view.

    Marked, then the right's wording follows. With terminology hidden the
    right's wording stands alone, as unchanged text; words of a term that
    only the left text has stay visible and marked as the left's, so they
    never read as words both texts share.
    """
    other = piece.counterpart.strip()
    if hide_terms and other:
        return ""
    if hide_terms:
        return format_html(
            '<span class="term-left" title="{}">{}</span>',
            gettext("mots du seul texte de gauche, terminologiques"),
            inner,
        )
    title = (
        gettext("terme équivalent, texte de gauche ; à droite : %(other)s") % {"other": other}
        if other
        else gettext("terme équivalent, sans mots en regard dans l'autre texte")
    )
    return format_html('<span class="term term-left" title="{}">{}</span>', title, inner)


@register.simple_tag
def pieces(pieces: list[MarkedPiece], links: dict | None = None, terms: str = "show") -> SafeString:
    """Pieces of one column (the inline view), each with the references of its own unit linked."""
    links = links or {}
    return mark_safe(
        "".join(
            piece_html(piece, terms == "hide", links.get((piece.side, piece.eid)), one_column=True) for piece in pieces
        )
    )


@register.simple_tag
def unit_text(block: Block, side: str, links: dict, terms: str = "show") -> SafeString:
    """One unit's words, with its internal references linked."""
    spans = links.get((side, block.unit.eid), [])
    return mark_safe("".join(piece_html(piece, terms == "hide", spans) for piece in block.pieces))


@register.simple_tag
def quantity_badge(pair, verdicts, element: str = "span") -> SafeString:
    """A differing quantity pair: "divergent" when both govern the same thing in linked provisions,
    otherwise said to govern different things (``comparison.quantity_verdicts``)."""
    verdict = verdicts.of(pair)
    if verdict.divergent:
        return format_html('<{} class="badge badge-divergent">{}</{}>', element, pair.badge_in(translate), element)
    return format_html(
        '<{} class="badge badge-different" title="{}">{} — {}</{}>',
        element,
        verdict.reason,
        pair.badge_in(translate).replace("≠", "/"),
        verdict.reason,
        element,
    )


@register.simple_tag
def step_at(steps: list, position: int):
    """The presentation step of the row at ``position`` (1-based, ``forloop.counter``), or None."""
    return steps[position - 1] if 0 < position <= len(steps) else None


@register.filter
def unit_label(label: str) -> str:
    """A unit's label in the page's language (``comparison.page.display_unit_label``)."""
    return display_unit_label(label)
