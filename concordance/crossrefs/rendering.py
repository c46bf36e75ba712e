"""Writing stored references as links inside the text a page shows.

The text itself is never changed: ``link_text`` escapes it and wraps spans of
it in ``<a>`` elements, so stripping the tags and unescaping gives back the
exact source text. A reference with several targets ("articles 14 et 15")
becomes several links, one per label that can be found in its words.
Loading the references a page needs is ``linking``'s job; this module only
places and writes them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from concordance.crossrefs.linking import Link, PageReference
from concordance.lib import eids


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
        level = eids.last_level(eid)
        label = level.label or level.kind  # a closing passage ("wrapup") is named by its kind
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
    marks: Sequence[tuple[int, int]] = (),
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
    for start, end, region_link in regions:
        inner = _marked(text, start, end, marks)
        out.append(anchor_html(inner, region_link) if region_link is not None else inner)
    return mark_safe("".join(out))


def _marked(text: str, start: int, end: int, marks: Sequence[tuple[int, int]]) -> SafeString:
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
