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


def _targets_by_reference(condition: Q, *related: str) -> list[list[ReferenceTarget]]:
    """The targets matching ``condition`` in one query, one list per reference, each in citing order."""
    rows = (
        ReferenceTarget.objects.filter(condition)
        .select_related("reference", "instrument", *related)
        .order_by("reference_id", "position")
    )
    grouped: dict[int, list[ReferenceTarget]] = defaultdict(list)
    for target in rows:
        grouped[target.reference_id].append(target)
    return list(grouped.values())


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
    edition._page_references = _page_references(
        Q(reference__edition=edition) | Q(reference__note__instrument_id=edition.instrument_id), edition
    )
    return edition._page_references


def provision_references(edition: Edition, provision_ids: list[int]) -> dict[tuple[str, int], list[PageReference]]:
    """The references of these provisions only, keyed as ``page_references`` keys them, in one query.

    A comparison shows a few provisions of each edition; reading every
    reference of the edition for them cost a tenth of a second per page.
    """
    return _page_references(Q(reference__provision_id__in=provision_ids), edition)


def _page_references(condition: Q, edition: Edition) -> dict[tuple[str, int], list[PageReference]]:
    result: dict[tuple[str, int], list[PageReference]] = defaultdict(list)
    for targets in _targets_by_reference(condition):
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
    return result


def _label_pattern(label: str) -> re.Pattern[str]:
    # A split number ("1 5" printed for 15) still names its target.
    body = r"\s?".join(map(re.escape, label)) if label.isdigit() else re.escape(label)
    return re.compile(rf"(?<![\w'’]){body}(?![\w'’])\)?")


def segments(reference: PageReference) -> list[tuple[int, int, Link]]:
    """Spans of the reference's words (offsets in its text) and the link of each.

    The first span starts with the words and the last ends with them; the
    ones between are the labels that name the other targets ("articles 14"
    → article 14, "15" → article 15). A span also takes the words that
    place its label, up to the connectors before the next label: "alinéa g)
    du paragraphe 5 de l'article 57" is one link, " et aux articles " none.
    A target whose label is not printed (inside a range "2 à 11") gets no
    span of its own.
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
        if index == len(found) - 1:
            end = len(words)
        else:
            between = words[end : found[index + 1][0]]
            end += len(_TRAILING_CONNECTORS.sub("", between))
        spans.append((0 if index == 0 else start, end, link))
    return spans


# Words that join one target's label to the next ("et aux articles", ", ").
_TRAILING_CONNECTORS = re.compile(
    r"(?:[\s,;]|\b(?:et|ou|à|aux|au|les|la|le|des|du|de|l'|d'|articles?|paragraphes?|alinéas?"
    r"|sous-alinéas?|chapitres?|sections?|titres?)(?![\w]))*$",
    re.IGNORECASE,
)


def anchor_html(text: str, link: Link) -> str:
    """The markup of one reference link, which the preview script (static/js/crossrefs.js) recognises."""
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
            out.append(anchor_html(reference.text[start:end], link))
            inside = end
        out.append(escape(reference.text[inside:]))
        position = reference.end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))


# --------------------------------------------------------------------------
# Links inside pieces of a text: collated editions, search excerpts
# --------------------------------------------------------------------------


def link_spans(text: str, references: list[PageReference]) -> list[tuple[int, int, Link]]:
    """``(start, end, link)`` in ``text`` of every link ``link_text`` would make, in order.

    Pages that cut a text into pieces (a collation's shared and changed
    runs, a search excerpt) place these spans on their pieces with
    ``render_spans``.
    """
    spans: list[tuple[int, int, Link]] = []
    position = 0
    for reference in references:
        if reference.start < position or text[reference.start : reference.end] != reference.text:
            continue
        for start, end, link in segments(reference):
            spans.append((reference.start + start, reference.start + end, link))
        position = reference.end
    return spans


def render_spans(
    text: str,
    offset: int,
    links: list[tuple[int, int, Link]],
    marks: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> SafeString:
    """``text`` (found at ``offset`` of the whole text) escaped, with links and ``<mark>``s.

    ``links`` are spans of the whole text, ``marks`` spans of ``text``
    itself. A link is always outside a mark: a mark that crosses a link's
    edge is closed and opened again, so the tags nest and the text between
    them is exactly ``text``.
    """
    local = sorted(
        (max(start - offset, 0), min(end - offset, len(text)), link)
        for start, end, link in links
        if start < offset + len(text) and end > offset
    )
    regions: list[tuple[int, int, Link | None]] = []
    cursor = 0
    for start, end, link in local:
        if start < cursor:
            continue  # overlapping spans cannot both be links
        if start > cursor:
            regions.append((cursor, start, None))
        regions.append((start, end, link))
        cursor = end
    if cursor < len(text) or not regions:
        regions.append((cursor, len(text), None))
    out: list[str] = []
    for start, end, link in regions:
        inner = _marked(text, start, end, marks)
        out.append(anchor_html(inner, link) if link is not None else inner)
    return mark_safe("".join(out))


def _marked(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> SafeString:
    """``text[start:end]`` escaped, the parts inside ``marks`` in ``<mark>``."""
    out: list[str] = []
    cursor = start
    for mark_start, mark_end in sorted(marks):
        mark_start, mark_end = max(mark_start, cursor), min(mark_end, end)
        if mark_start >= mark_end:
            continue
        out.append(escape(text[cursor:mark_start]))
        out.append(f"<mark>{escape(text[mark_start:mark_end])}</mark>")
        cursor = mark_end
    out.append(escape(text[cursor:end]))
    return mark_safe("".join(out))


def references_of_rows(
    provision_editions: dict[int, Edition], note_ids: list[int]
) -> dict[tuple[str, int], list[PageReference]]:
    """The references of some provisions and notes, in one query, as ``page_references`` gives them.

    ``provision_editions`` maps each provision's pk to its edition, from
    which its links are seen. Notes are read with their instrument's
    primary edition.
    """
    if not provision_editions and not note_ids:
        return {}
    result: dict[tuple[str, int], list[PageReference]] = defaultdict(list)
    for targets in _targets_by_reference(
        Q(reference__provision_id__in=list(provision_editions)) | Q(reference__note_id__in=note_ids)
    ):
        reference: Reference = targets[0].reference
        if reference.provision_id:
            key, edition = ("provision", reference.provision_id), provision_editions[reference.provision_id]
            links = tuple((t.eid, link_for(t, edition)) for t in targets)
        else:
            key = ("note", reference.note_id)
            links = tuple(
                (t.eid, Link(target_url(t.instrument.slug, t.eid), preview_url(t.instrument.slug, t.eid), t.excerpt))
                for t in targets
            )
        result[key].append(PageReference(reference.start, reference.end, reference.text, links))
    for references in result.values():
        references.sort(key=lambda r: r.start)
    return result


def edition_provision_references(editions: list[Edition]) -> dict[tuple[int, str], list[PageReference]]:
    """The references of every provision of ``editions``, keyed by ``(edition pk, provision eid)``, in one query.

    For pages that know provisions by eid only (the collation of two
    editions, which is cached as plain data).
    """
    by_pk = {edition.pk: edition for edition in editions}
    result: dict[tuple[int, str], list[PageReference]] = defaultdict(list)
    for targets in _targets_by_reference(
        Q(reference__edition_id__in=list(by_pk), reference__provision__isnull=False), "reference__provision"
    ):
        reference: Reference = targets[0].reference
        edition = by_pk[reference.edition_id]
        result[(edition.pk, reference.provision.eid)].append(
            PageReference(
                reference.start, reference.end, reference.text, tuple((t.eid, link_for(t, edition)) for t in targets)
            )
        )
    for references in result.values():
        references.sort(key=lambda r: r.start)
    return result
