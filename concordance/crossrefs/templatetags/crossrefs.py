"""Cross-reference links in the text of reading pages."""

from __future__ import annotations

from django import template
from django.templatetags.static import static
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from concordance.corpus.models import Edition, Note, Provision
from concordance.crossrefs.citing import CitingGroup, cited_by
from concordance.crossrefs.linking import link_text, page_references

register = template.Library()


@register.simple_tag(takes_context=True)
def linked_text(context: template.Context, source: Provision | Note | dict) -> SafeString:
    """The text of a provision, a note or a footnote, escaped, its internal references made links.

    A footnote is one of the ``edition.footnotes`` dicts (``{"marker",
    "text", "line"}``). The references of the whole page come from one
    query, made on the first call and kept on the page's edition.
    """
    edition: Edition | None = context.get("edition")
    text = source.get("text", "") if isinstance(source, dict) else source.text
    if not isinstance(edition, Edition):
        return conditional_escape(text)
    footnotes = list(edition.footnotes or [])
    if isinstance(source, dict):
        key = ("footnote", footnotes.index(source)) if source in footnotes else None
    elif isinstance(source, Note) and source.kind == "footnote":
        # A footnote row repeats one of the edition's footnotes, whose
        # references are resolved once, against the edition: find it by line.
        lines = [footnote.get("line") for footnote in footnotes]
        key = ("footnote", lines.index(source.line)) if source.line in lines else None
    else:
        key = ("note" if isinstance(source, Note) else "provision", source.pk)
    return link_text(text, page_references(edition).get(key, []) if key else [])


@register.simple_tag(takes_context=True)
def crossrefs_script(context: template.Context) -> SafeString | str:
    """The preview script, once per page however many articles include it."""
    edition = context.get("edition")
    if edition is None or getattr(edition, "_crossrefs_script", False):
        return ""
    edition._crossrefs_script = True
    return format_html('<script src="{}" defer></script>', static("js/crossrefs.js"))


@register.simple_tag
def citing_groups(edition: Edition, article: Provision) -> list[CitingGroup]:
    return cited_by(edition, article)
