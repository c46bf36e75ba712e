"""Turning stored references into links inside the text a page shows.

The text itself is never changed: ``link_text`` escapes it and wraps spans of
it in ``<a>`` elements, so stripping the tags and unescaping gives back the
exact source text. A reference with several targets ("articles 14 et 15")
becomes several links, one per label that can be found in its words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from concordance.corpus.models import Edition
from concordance.crossrefs.models import Reference, ReferenceTarget


@dataclass(frozen=True)
class Link:
    """Where one target of a reference leads, as seen from a page."""

    href: str
    preview: str
    title: str


@dataclass(frozen=True)
class PageReference:
    start: int
    end: int
    text: str
    targets: tuple[tuple[str, Link], ...]  # (eid, link), in the order of the words


def target_url(slug: str, eid: str, query: str = "") -> str:
    """``/<slug>/art-<n>/#eid`` for a provision, ``/<slug>/#eid`` for a division."""
    article = eid.split("__", 1)[0]
    if article.startswith("art_"):
        path = reverse("article", args=[slug, int(article.removeprefix("art_"))])
    else:
        path = reverse("instrument", args=[slug])
    return f"{path}{query}#{eid}"


def preview_url(slug: str, eid: str, query: str = "") -> str:
    return reverse("reference-preview", args=[slug, eid]) + query


def link_for(target: ReferenceTarget, page_edition: Edition) -> Link:
    """The link to ``target`` from a page showing ``page_edition``.

    A page of a non-primary edition keeps to that edition for its own
    instrument's provisions; other instruments are read in their primary
    edition.
    """
    slug = target.instrument.slug
    query = ""
    if not page_edition.is_primary and target.instrument_id == page_edition.instrument_id:
        query = "?" + urlencode({"edition": page_edition.slug})
    return Link(target_url(slug, target.eid, query), preview_url(slug, target.eid, query), target.excerpt)


def page_references(edition: Edition) -> dict[tuple[str, int], list[PageReference]]:
    """Every linkable reference of what a page of ``edition`` shows, in one query.

    Keyed by ``("provision", pk)``, ``("note", pk)`` and ``("footnote",
    index in edition.footnotes)``. Kept on the edition
    object, which every page builds once, so that the many provisions of an
    instrument page share the same query.
    """
    cached = getattr(edition, "_page_references", None)
    if cached is not None:
        return cached
    rows = (
        ReferenceTarget.objects.filter(
            Q(reference__edition=edition) | Q(reference__note__instrument_id=edition.instrument_id)
        )
        .select_related("reference", "instrument")
        .order_by("reference_id", "position")
    )
    grouped: dict[int, list[ReferenceTarget]] = defaultdict(list)
    for target in rows:
        grouped[target.reference_id].append(target)
    result: dict[tuple[str, int], list[PageReference]] = defaultdict(list)
    for targets in grouped.values():
        reference: Reference = targets[0].reference
        if reference.provision_id:
            key = ("provision", reference.provision_id)
        elif reference.note_id:
            key = ("note", reference.note_id)
        else:
            key = ("footnote", reference.footnote)
        result[key].append(
            PageReference(
                reference.start,
                reference.end,
                reference.text,
                tuple((t.eid, link_for(t, edition)) for t in targets),
            )
        )
    for references in result.values():
        references.sort(key=lambda r: r.start)
    edition._page_references = result
    return result


def _label_pattern(label: str) -> re.Pattern[str]:
    # A split number ("1 5" printed for 15) still names its target.
    body = r"\s?".join(map(re.escape, label)) if label.isdigit() else re.escape(label)
    return re.compile(rf"(?<![\w'’]){body}(?![\w'’])\)?")


def segments(reference: PageReference) -> list[tuple[int, int, Link]]:
    """Spans of the reference's words (offsets in its text) and the link of each.

    The first span starts with the words and the last ends with them; the
    ones between are the labels that name the other targets ("articles 14"
    → article 14, "15" → article 15). A target whose label is not printed
    (inside a range "2 à 11") gets no span of its own.
    """
    words = reference.text
    found: list[tuple[int, int, Link]] = []
    cursor = 0
    for eid, link in reference.targets:
        label = eid.rsplit("__", 1)[-1].split("_", 1)[-1]
        match = _label_pattern(label).search(words, cursor)
        if match:
            found.append((match.start(), match.end(), link))
            cursor = match.end()
    if len(found) < 2:
        return [(0, len(words), reference.targets[0][1])]
    spans = []
    for index, (start, end, link) in enumerate(found):
        spans.append((0 if index == 0 else start, len(words) if index == len(found) - 1 else end, link))
    return spans


def _anchor(text: str, link: Link) -> str:
    return format_html(
        '<a class="xref" href="{}" data-preview="{}"{}>{}</a>',
        link.href,
        link.preview,
        format_html(' title="{}"', link.title) if link.title else "",
        text,
    )


def link_text(text: str, references: list[PageReference]) -> SafeString:
    """``text`` escaped, with each reference's words made into links."""
    out: list[str] = []
    position = 0
    for reference in references:
        # A reference whose words are no longer there (text changed since
        # the references were computed) is skipped rather than misplaced.
        if reference.start < position or text[reference.start : reference.end] != reference.text:
            continue
        out.append(escape(text[position : reference.start]))
        inside = 0
        for start, end, link in segments(reference):
            out.append(escape(reference.text[inside:start]))
            out.append(_anchor(reference.text[start:end], link))
            inside = end
        out.append(escape(reference.text[inside:]))
        position = reference.end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))
