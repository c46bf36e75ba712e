"""Cross-reference links in the text of reading pages.

The tags only render: the page's view fetches the references
(``linking.page_references``) and what cites the article
(``citing.cited_by``) and passes them in the context.
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from concordance.corpus.models import Edition, Note, Provision
from concordance.crossrefs.linking import PageReference
from concordance.crossrefs.rendering import link_text

register = template.Library()

ReferencesByRow = dict[tuple[str, int], list[PageReference]]


@register.simple_tag(takes_context=True)
def linked_text(context: template.Context, source: Provision | Note | dict) -> SafeString:
    """The text of a provision, a note or a footnote, escaped, its internal references made links.

    A footnote is one of the ``edition.footnotes`` dicts (``{"marker",
    "text", "line"}``). The links come from the context's ``references``
    (``page_references(edition)``, fetched once by the view for the whole
    page); without them the text is only escaped.
    """
    edition: Edition | None = context.get("edition")
    references: ReferencesByRow | None = context.get("references")
    text = source.get("text", "") if isinstance(source, dict) else source.text
    if not isinstance(edition, Edition) or references is None:
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
    return link_text(text, references.get(key, []) if key else [])
