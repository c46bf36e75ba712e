"""Search results as the page shows them: escaped, marked excerpts and the addresses of the hits.

Everything a result shows is HTML-escaped here; only the search's own
markers become ``<mark>`` and only references found by ``crossrefs``
become links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, override

from concordance.corpus import citations
from concordance.corpus.models import Note, Provision
from concordance.crossrefs.anchors import footnote_url, note_url
from concordance.crossrefs.linking import Link
from concordance.crossrefs.rendering import render_spans
from concordance.search.query import START_MARK, STOP_MARK
from concordance.search.sql import EXCERPT


def marked(headline: str) -> SafeString:
    """Escaped text in which only the search's own markers become ``<mark>``."""
    text = html.escape(headline)
    return mark_safe(text.replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>"))


def _unmarked(fragment: str) -> tuple[str, list[tuple[int, int]]]:
    """A headline fragment without its markers, and the spans they marked."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    length, opened = 0, None
    for ch in fragment:
        if ch == START_MARK:
            opened = length
        elif ch == STOP_MARK:
            if opened is not None:
                marks.append((opened, length))
            opened = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), marks


def excerpt(headline: str, text: str, links: Sequence[tuple[int, int, Link]] = ()) -> SafeString:
    """The marked headline, with "…" where it leaves out the start or end of ``text``.

    An excerpt must never read as the whole provision: the ellipses show
    where words were left out. ``links`` (spans of ``text``, from
    ``linking.link_spans``) make the references in the excerpt links; a
    link goes around the marks inside it, and everything is escaped.
    """
    delimiter = EXCERPT.fragment_delimiter
    fragments = [_unmarked(fragment) for fragment in headline.split(delimiter)]
    offsets, cursor = [], 0
    for plain, _ in fragments:
        found = text.find(plain, cursor)
        if found < 0:
            found = text.find(plain)
        offsets.append(found)
        cursor = max(found, 0) + len(plain)
    if any(offset < 0 for offset in offsets):
        # ts_headline leaves out what its parser takes for markup ("<b>"):
        # rather than show altered treaty text, show its opening words unmarked.
        words = text.split(" ")
        opening = " ".join(words[: EXCERPT.max_words])
        body = render_spans(opening, 0, list(links))
        return mark_safe(body + " …") if len(words) > EXCERPT.max_words else body
    body = mark_safe(
        html.escape(delimiter).join(
            render_spans(plain, offset, list(links), marks)
            for (plain, marks), offset in zip(fragments, offsets, strict=True)
        )
    )
    if fragments and not text.startswith(fragments[0][0]):
        body = mark_safe("… " + body)
    if fragments and not text.rstrip().endswith(fragments[-1][0].rstrip()):
        body = mark_safe(body + " …")
    return body


def escaped(text: str) -> SafeString:
    return mark_safe(html.escape(text))


@dataclass(frozen=True)
class Result:
    instrument_slug: str
    instrument_title: str
    instrument_position: int
    kind: str  # "text", "notes" or "commentary"
    label: str
    title_html: SafeString
    excerpt_html: SafeString
    url: str
    rank: float
    edition_label: str = ""
    # "Convention …, 24 décembre 2024, art. 25, par. 2" for a provision; empty for a note.
    citation: str = ""


@dataclass
class InstrumentResults:
    slug: str
    title: str
    results: list[Result] = field(default_factory=list)


def provision_result(row: Provision, marks: tuple[str, str], links: Sequence[tuple[int, int, Link]] = ()) -> Result:
    heading_html, excerpt_html = marks
    instrument = row.edition.instrument
    url = reverse("article", args=[instrument.slug, row.article_number])
    if not row.edition.is_primary:
        url += f"?edition={row.edition.slug}"
    url += f"#{row.eid}"
    label = f"Art. {row.article_num}"
    if row.kind != "article":
        label = row.display_citation.replace("art. ", "Art. ", 1)
    title_html = marked(heading_html) if row.heading else escaped(row.article_heading or "")
    return Result(
        instrument_slug=instrument.slug,
        instrument_title=instrument.display_short_title,
        instrument_position=instrument.position,
        kind="text",
        label=label,
        title_html=title_html,
        excerpt_html=excerpt(excerpt_html, row.text, links) if row.text else escaped(""),
        url=url,
        rank=row.rank,
        edition_label="" if row.edition.is_primary else row.edition.display_label,
        citation=citations.citation_text(instrument, row.eid),
    )


_OPERATIVE_PARAGRAPH = re.compile(r"(\d+)\.\s")


def note_label(row: Note) -> str:
    """How a note is cited: "Résolution, par. 12", "Exposé des motifs, art. 19 (et 2 autres)"."""
    if row.kind == "resolution":
        number = _OPERATIVE_PARAGRAPH.match(row.text)
        return (
            gettext("Résolution, par. %(number)s") % {"number": number[1]}
            if number
            else gettext("Résolution, préambule")
        )
    label = row.get_kind_display().capitalize()
    if row.first_article_num:
        others = (row.article_count or 1) - 1
        label += f", art. {row.first_article_num}"
        if others:
            label += " " + ngettext("(et %(count)s autre)", "(et %(count)s autres)", others) % {"count": others}
    return label


def note_result(row: Note, marks: tuple[str, str], links: Sequence[tuple[int, int, Link]] = ()) -> Result:
    heading_html, excerpt_html = marks
    instrument = row.instrument
    # The commentary's heading is only its kind ("Exposé des motifs"): the
    # heading is the document's French, so it is compared with the French kind.
    with override("fr"):
        same_as_kind = row.heading.casefold() == row.get_kind_display().casefold()
    return Result(
        instrument_slug=instrument.slug,
        instrument_title=instrument.display_short_title,
        instrument_position=instrument.position,
        kind="commentary" if row.kind == "commentary" else "notes",
        label=note_label(row),
        title_html=escaped("") if same_as_kind else marked(heading_html),
        excerpt_html=excerpt(excerpt_html, row.text, links),
        url=(
            footnote_url(instrument.slug, line=row.line)
            if row.kind == "footnote"
            else note_url(row.kind, row.position, instrument.slug, row.first_article_eid)
        ),
        rank=row.rank,
    )


def group_by_instrument(results: Iterable[Result]) -> list[InstrumentResults]:
    """Results by instrument; instruments ordered by their best result."""
    groups: dict[str, InstrumentResults] = {}
    for result in sorted(results, key=lambda r: (-r.rank, r.instrument_position)):
        group = groups.setdefault(
            result.instrument_slug, InstrumentResults(result.instrument_slug, result.instrument_title)
        )
        group.results.append(result)
    return list(groups.values())


# The best hits are shown first, across instruments, when the results span
# several instruments: at most this many, and only those ranked at least
# this fraction of the best one.
BEST_LIMIT = 6
BEST_SHARE = 0.5


def best_results(results: Sequence[Result]) -> list[Result]:
    """The top of the ranking across instruments, in rank order.

    Grouping by instrument lists the whole of the first instrument before
    the second: without this block the best Budapest hit of a query can sit
    tenth on the page behind weak UN hits.
    """
    if len({result.instrument_slug for result in results}) < 2:
        return []
    ranked = sorted(results, key=lambda r: (-r.rank, r.instrument_position))
    top = ranked[0].rank
    return [result for result in ranked[:BEST_LIMIT] if result.rank >= top * BEST_SHARE]
