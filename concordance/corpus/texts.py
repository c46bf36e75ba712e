"""The texts of instruments and articles as trees, nested from flat rows.

What the reading pages (``concordance.reading``), the collated editions, the
reference previews and the API show of a text. (This module was
``corpus/reading.py``; the pages themselves now live in the reading app.)

Each function costs a fixed number of queries whatever the size of the
instrument: rows are fetched flat, in document order, and nested in Python.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404

from concordance.corpus.models import Division, Edition, Instrument, Note, Provision
from concordance.lib import eids


def get_instrument(slug: str) -> Instrument:
    try:
        return Instrument.objects.with_facts().select_related("parent").get(slug=slug)
    except Instrument.DoesNotExist:
        raise Http404(f"Aucun instrument « {slug} ».") from None


def choose_edition(instrument: Instrument, edition_slug: str | None) -> Edition:
    """The edition asked for, or the primary one; an unknown slug is a 404."""
    editions = list(instrument.editions.all())
    for edition in editions:
        if edition.slug == edition_slug or (not edition_slug and edition.is_primary):
            return edition
    raise Http404(f"Aucune édition « {edition_slug} » pour {instrument.slug}.")


def nest(provisions: list[Provision]) -> list[Provision]:
    """Attach ``subprovisions`` to each row and return the roots, in order."""
    by_pk = {provision.pk: provision for provision in provisions}
    roots: list[Provision] = []
    for provision in provisions:
        provision.subprovisions = []
    for provision in provisions:
        parent = by_pk.get(provision.parent_id)
        (parent.subprovisions if parent else roots).append(provision)
    return roots


@dataclass
class InstrumentNotes:
    by_article: dict[str, list[Note]]  # interpretative notes and commentary, by article eid
    resolution: list[Note]  # the text that adopted the instrument, if any
    # Commentary that names no article (the explanatory statement's general
    # observations): shown once, on the instrument page.
    general: list[Note] = field(default_factory=list)
    # Footnotes of the title, preamble or closing, by source (= edition).
    footnotes: dict[int, list[Note]] = field(default_factory=dict)


def instrument_notes(instrument: Instrument) -> InstrumentNotes:
    """All the notes of an instrument in two queries, grouped for the pages.

    Notes are attached to the primary edition's articles; another edition's
    article shares its eid, so notes are keyed by eid.
    """
    notes = (
        Note.objects.filter(instrument=instrument)
        .order_by("kind", "position")
        .prefetch_related(Prefetch("articles", queryset=Provision.objects.only("pk", "eid")))
    )
    by_article: dict[str, list[Note]] = defaultdict(list)
    resolution, general = [], []
    footnotes: dict[int, list[Note]] = defaultdict(list)
    for note in notes:
        note.instrument = instrument
        articles = note.articles.all()
        if note.kind == "resolution":
            resolution.append(note)
        elif note.kind == "footnote":
            footnotes[note.source_id].append(note)
        elif not articles:
            general.append(note)
        for article in articles:
            by_article[article.eid].append(note)
    return InstrumentNotes(by_article, resolution, general, dict(footnotes))


@dataclass
class DivisionEntry:
    division: Division
    children: list[DivisionEntry] = field(default_factory=list)
    articles: list[Provision] = field(default_factory=list)


def outline(edition: Edition, articles: list[Provision]) -> list[DivisionEntry]:
    """Chapters → sections → titles, each with the articles it holds directly."""
    divisions = list(Division.objects.filter(edition=edition).order_by("position"))
    entries = {division.pk: DivisionEntry(division) for division in divisions}
    roots: list[DivisionEntry] = []
    for division in divisions:
        parent = entries.get(division.parent_id)
        (parent.children if parent else roots).append(entries[division.pk])
    loose = DivisionEntry(Division(kind="chapter", num="", heading=""))
    for article in articles:
        entries.get(article.division_id, loose).articles.append(article)
    return roots + ([loose] if loose.articles else [])


@dataclass
class InstrumentText:
    edition: Edition
    outline: list[DivisionEntry]
    articles: list[Provision]
    # The text that adopted the instrument (resolution 79/243 for the UN).
    resolution: list[Note]
    general_commentary: list[Note]
    # The footnotes of the edition's title, preamble and closing, each with
    # ``has_call``: whether the page shows its call mark to link back to.
    footnotes: list[Note]


def instrument_text(instrument: Instrument, edition: Edition) -> InstrumentText:
    provisions = list(Provision.objects.filter(edition=edition).order_by("position"))
    articles = nest(provisions)
    notes = instrument_notes(instrument)
    for article in articles:
        article.attached_notes = notes.by_article.get(article.eid, [])
    placed = {footnote["line"] for footnote in edition.footnotes if footnote.get("offset") is not None}
    footnotes = notes.footnotes.get(edition.source_id, [])
    for footnote in footnotes:
        footnote.has_call = footnote.line in placed
    return InstrumentText(edition, outline(edition, articles), articles, notes.resolution, notes.general, footnotes)


@dataclass
class ArticlePage:
    article: Provision
    division_path: list[Division]
    previous: Provision | None
    next: Provision | None


def article_page(instrument: Instrument, edition: Edition, number: int) -> ArticlePage:
    eid = eids.child("", "art", number)
    provisions = list(Provision.objects.of_article(edition, eid).select_related("division"))
    if not provisions:
        raise Http404(f"{instrument.short_title} n'a pas d'article {number}.")
    [article] = nest(provisions)
    article.attached_notes = instrument_notes(instrument).by_article.get(eid, [])
    siblings = list(
        Provision.objects.articles()
        .filter(edition=edition)
        .order_by("position")
        .only("eid", "num", "heading", "article_eid", "position")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.eid == eid)
    return ArticlePage(
        article=article,
        division_path=division_path(article.division),
        previous=siblings[index - 1] if index > 0 else None,
        next=siblings[index + 1] if index + 1 < len(siblings) else None,
    )


def division_path(division: Division | None) -> list[Division]:
    """The divisions enclosing an article, outermost first (one query)."""
    if division is None:
        return []
    return list(
        Division.objects.filter(edition_id=division.edition_id, eid__in=eids.ancestors(division.eid)).order_by(
            "position"
        )
    )
