""" "Citer": a provision's citation and permalink, selectable without JavaScript, copied in one click with it.

A ``<details>`` holds the citation as plain text and the permalink; the copy
button is hidden until ``static/js/cite.js`` (no inline script, so the CSP
holds) finds a clipboard and shows it. Built with ``format_html``, not an
included template: the instrument page shows hundreds of provisions.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from concordance.corpus import citations
from concordance.corpus.models import Edition, Instrument
from concordance.languages import in_english

register = template.Library()


def absolute(context: template.Context, path: str, *, is_absolute: bool) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if is_absolute and request is not None else path


@register.simple_tag(takes_context=True)
def cite_box(
    context: template.Context,
    instrument: Instrument,
    eid: str,
    edition: Edition | None = None,
    is_absolute: bool = True,
) -> SafeString:
    """The "Citer" box of the provision ``eid`` of ``instrument`` (the permalink names ``edition`` unless primary).

    ``is_absolute=False`` where the HTML is cached for every host (the
    comparison rows): the link stays a path, the script makes it whole.
    """
    text = citations.citation_text(instrument, eid)
    edition_slug = edition.slug if edition is not None and not edition.is_primary else ""
    path = citations.permalink(instrument.slug, eid, edition_slug)
    return citation_box(text, absolute(context, path, is_absolute=is_absolute))


@register.simple_tag(takes_context=True)
def cite_box_for(context: template.Context, text: str, path: str) -> SafeString:
    """The same box for a citation already made (a search result's)."""
    return citation_box(text, absolute(context, path, is_absolute=True))


def citation_box(text: str, url: str) -> SafeString:
    return format_html(
        '<details class="cite"{}><summary>{}</summary>'
        '<p class="cite-text"><span class="citation">{}</span>, <a class="cite-link" href="{}">{}</a> '
        '<button type="button" class="cite-copy" data-citation="{}" data-url="{}" hidden>{}</button></p>'
        "</details>",
        # Inside a provision marked French, the box is interface: English on an English page.
        mark_safe(' lang="en"') if in_english() else "",
        gettext("Citer"),
        text,
        url,
        url,
        text,
        url,
        gettext("Copier"),
    )
