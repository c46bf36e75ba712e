"""The three source documents: where each instrument, context and note is.

Each source differs only by a few anchors (regular expressions on cleaned
lines) and its list layout; the cleaning, heading and list machinery is
shared. A missing anchor is a SourceError naming the line where the search
started.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .cleaning import Line, blocks, line_calls, paragraphs, split_lines, take_footnotes
from .commentary import mentioned_articles
from .provisions import Layout
from .structure import HEADINGS, BodyParser
from .tree import Footnote, Note, ParsedInstrument, ParsedSource, SourceError

_LETTER_SPACED = re.compile(r"\b(?:[A-ZÀ-Ý] ){2,}[A-ZÀ-Ý]\b")
_NOTE_HEADING = re.compile(r"^Articles?\s+\d+\b(?!.*[.;]$)")


@dataclass(frozen=True)
class InstrumentSpec:
    slug: str
    start: str  # first line of the instrument's title
    preamble: str  # first line of the preamble
    preamble_is_heading: bool  # "Préambule" is a heading, not a paragraph
    closing: str  # first line after the last article
    end: str | None  # first line after the instrument; None: end of file
    articles: int
    chapters: int
    layout: Layout = field(default_factory=Layout)


@dataclass
class _Doc:
    filename: str
    lines: list[Line]
    footnotes: list[Footnote]
    warnings: list[str] = field(default_factory=list)

    def find(self, pattern: str, start: int = 0, end: int | None = None) -> int:
        compiled = re.compile(pattern)
        stop = len(self.lines) if end is None else end
        for index in range(start, stop):
            if compiled.search(self.lines[index].text):
                return index
        line = self.lines[start].no if start < len(self.lines) else len(self.lines)
        raise SourceError(self.filename, line, f"expected a line matching {pattern!r} after this line")

    def title(self, start: int, end: int) -> tuple[list[str], list[Footnote]]:
        """A title's lines: one per block, the lines of a block joined.

        Letter-spacing ("C O N V E N T I O N") is typography: undone."""
        found = blocks(self.lines[start:end])
        texts = [" ".join(line.text for line in block) for block in found]
        # The title is stored as its blocks joined by line breaks: one text.
        calls, shift = [], 0
        for block in found:
            for line in block:
                calls.extend(line_calls(line, shift))
                shift += len(line.text) + 1
        notes = take_footnotes(calls, self.footnotes, "title")
        undone = [_LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text) for text in texts]
        if undone != texts:
            # Undoing the letter-spacing moved the characters: where a call
            # sat is no longer known.
            for note in notes:
                note.offset = None
        return undone, notes

    def prose(self, start: int, end: int, part: str) -> tuple[list[str], list[Footnote]]:
        found = paragraphs(self.lines[start:end])
        notes = [
            note
            for index, (_, _, calls) in enumerate(found)
            for note in take_footnotes(calls, self.footnotes, part, index)
        ]
        return [text for _, text, _ in found], notes


def _doc(text: str, filename: str, debris: tuple[str, ...] = ()) -> _Doc:
    lines, footnotes = split_lines(text, tuple(re.compile(pattern) for pattern in debris))
    return _Doc(filename, lines, footnotes)


def _instrument(doc: _Doc, spec: InstrumentSpec, start_at: int = 0) -> tuple[ParsedInstrument, int]:
    """Parse one instrument; return it and the index of the line after it."""
    start = doc.find(spec.start, start_at)
    preamble_at = doc.find(spec.preamble, start + 1)
    first_heading = _first_heading(doc, preamble_at + 1)
    closing_at = doc.find(spec.closing, first_heading)
    end = doc.find(spec.end, closing_at) if spec.end else len(doc.lines)
    title_lines, title_notes = doc.title(start, preamble_at)
    preamble, preamble_notes = doc.prose(preamble_at + int(spec.preamble_is_heading), first_heading, "preamble")
    body = BodyParser(doc.filename, spec.layout, doc.warnings, doc.footnotes).parse(doc.lines[first_heading:closing_at])
    closing, closing_notes = doc.prose(closing_at, end, "closing")
    instrument = ParsedInstrument(
        slug=spec.slug,
        title="\n".join(title_lines),
        preamble=preamble,
        body=body,
        closing=closing,
        footnotes=title_notes + preamble_notes + closing_notes,
    )
    _check_counts(doc, instrument, spec, closing_at)
    return instrument, end


def _first_heading(doc: _Doc, start: int) -> int:
    for index in range(start, len(doc.lines)):
        text = doc.lines[index].text
        if HEADINGS["chapter"].match(text) or HEADINGS["article"].match(text):
            return index
    raise SourceError(doc.filename, doc.lines[start].no, "no chapter or article heading after the preamble")


def _check_counts(doc: _Doc, instrument: ParsedInstrument, spec: InstrumentSpec, closing_at: int) -> None:
    articles = len(instrument.articles())
    chapters = sum(1 for node in instrument.divisions() if node.kind == "chapter")
    if (articles, chapters) != (spec.articles, spec.chapters):
        raise SourceError(
            doc.filename,
            doc.lines[closing_at].no,
            f"{spec.slug}: found {articles} articles in {chapters} chapters, "
            f"expected {spec.articles} in {spec.chapters}",
        )
    eids = Counter(node.eid for top in instrument.body for node in top.walk())
    duplicates = sorted(eid for eid, count in eids.items() if count > 1)
    if duplicates:
        raise SourceError(doc.filename, doc.lines[closing_at].no, f"{spec.slug}: duplicated eids {duplicates}")


def _finish(doc: _Doc, source: ParsedSource) -> ParsedSource:
    source.warnings = doc.warnings
    if doc.footnotes:
        unplaced = ", ".join(f"{note.marker} (line {note.line})" for note in doc.footnotes)
        source.warnings.append(f"footnotes without a call in the parsed text: {unplaced}")
    return source


# --- UN General Assembly resolution 79/243 --------------------------------

UN = InstrumentSpec(
    slug="un",
    start=r"^Convention des Nations Unies contre la cybercriminalité",
    preamble=r"^Préambule$",
    preamble_is_heading=True,
    closing=r"^EN FOI DE QUOI",
    end=r"^Annexe$",
    articles=68,
    chapters=9,
)


# The running head and job number of the UN printed document, in case a
# copy keeps them (this one does not).
UN_DEBRIS = (r"^\s*A/RES/79/243\s*$", r"^\s*\d{2}-\d{5}\s*$")


def parse_un_resolution(text: str, filename: str) -> ParsedSource:
    doc = _doc(text, filename, UN_DEBRIS)
    context_start = doc.find(r"^L'Assemblée générale,$")
    context_end = doc.find(r"^\d+e séance plénière", context_start)
    annex = doc.find(r"^Annexe$", context_end)
    context = _resolution(doc, context_start, context_end, annex)
    instrument, end = _instrument(doc, UN, annex + 1)
    notes_start = doc.find(r"^Notes interprétatives", end) + 1
    notes = _interpretative_notes(doc, notes_start)
    return _finish(doc, ParsedSource(filename, [instrument], context=context, notes=notes))


# The parts of the resolution, in the order the document prints them.
RESOLUTION_PARTS = ("En-tête", "Adoption", "Titre", "Préambule", "Dispositif", "Séance")
_OPERATIVE = re.compile(r"^\d+\. ")


def _resolution(doc: _Doc, preamble_at: int, meeting_at: int, annex: int) -> list[Note]:
    """Resolution 79/243, every word of it, one note per printed block.

    What precedes "L'Assemblée générale," is the document's header
    ("Assemblée générale", "Distr. générale 31 décembre 2024", session,
    agenda item and its title), the adoption line and the resolution's
    number and title; what follows the operative paragraphs is the meeting
    and date ("55e séance plénière (reprise)" / "24 décembre 2024"), whose
    line break is kept. No footnote is called from the resolution; one that
    were would stay unplaced and be reported in the warnings.
    """
    adopted_at = doc.find(r"^Résolution adoptée par", 0, preamble_at)
    title_at = doc.find(r"^\d+/\d+\. ", adopted_at, preamble_at)
    parts: list[tuple[str, int, str]] = []
    for first, last, heading in ((0, adopted_at, "En-tête"), (adopted_at, title_at, "Adoption")):
        for block in blocks(doc.lines[first:last]):
            parts.append((heading, block[0].no, " ".join(line.text for line in block)))
    title = blocks(doc.lines[title_at:preamble_at])
    parts.append(("Titre", title[0][0].no, "\n".join(" ".join(line.text for line in block) for block in title)))
    for no, paragraph, _ in paragraphs(doc.lines[preamble_at:meeting_at]):
        parts.append(("Dispositif" if _OPERATIVE.match(paragraph) else "Préambule", no, paragraph))
    meeting = [line for line in doc.lines[meeting_at:annex] if line.text]
    parts.append(("Séance", meeting[0].no, "\n".join(line.text for line in meeting)))
    return [Note("resolution", heading, text, [], no, position) for position, (heading, no, text) in enumerate(parts)]


def _interpretative_notes(doc: _Doc, start: int) -> list[Note]:
    notes: list[Note] = []
    bodies: list[list[Line]] = []
    for line in doc.lines[start:]:
        if _NOTE_HEADING.match(line.text):
            articles = [int(number) for number in re.findall(r"\d+", line.text)]
            notes.append(Note("interpretative", line.text, "", articles, line.no, len(notes)))
            bodies.append([])
        elif notes:
            bodies[-1].append(line)
        elif line.text:
            raise SourceError(
                doc.filename, line.no, f"interpretative note text before any article heading: {line.text[:60]!r}"
            )
    for note, body in zip(notes, bodies, strict=True):
        note.text = "\n\n".join(text for _, text, _ in paragraphs(body))
    return notes


# --- French bill n° 905 (2003) ----------------------------------------------

BUDAPEST_BILL = InstrumentSpec(
    slug="budapest",
    start=r"^C O N V E N T I O N$",
    preamble=r"^Préambule$",
    preamble_is_heading=True,
    closing=r"^En foi de quoi",
    end=None,
    articles=48,
    chapters=4,
    layout=Layout(indented_items=True),
)
# The web page's running title and copyright line.
BILL_DEBRIS = (r"^N° 905 - Projet de loi autorisant", r"^© Assemblée nationale\s*$")


def parse_budapest_bill(text: str, filename: str) -> ParsedSource:
    doc = _doc(text, filename, BILL_DEBRIS)
    start = doc.find(r"^EXPOSÉ DES MOTIFS$") + 1
    end = doc.find(r"^PROJET DE LOI$", start)
    notes = [
        Note(
            "commentary",
            "Exposé des motifs",
            paragraph,
            mentioned_articles(paragraph, BUDAPEST_BILL.articles),
            no,
            position,
        )
        for position, (no, paragraph, _) in enumerate(paragraphs(doc.lines[start:end]))
    ]
    instrument, _ = _instrument(doc, BUDAPEST_BILL, end)
    return _finish(doc, ParsedSource(filename, [instrument], notes=notes))


# --- Benin decree 2024-773 ----------------------------------------------------

BUDAPEST_COE = InstrumentSpec(
    slug="budapest",
    start=r"^Convention sur la cybercriminalité$",
    preamble=r"^Préambule$",
    preamble_is_heading=True,
    closing=r"^En foi de quoi",
    end=r"^Série des traités européens",
    articles=48,
    chapters=4,
)
PROTOCOL_COE = InstrumentSpec(
    slug="budapest-p1",
    start=r"^Série des traités européens",
    preamble=r"^Les Etats membres du Conseil de l'Europe",
    preamble_is_heading=False,
    closing=r"^En foi de quoi",
    end=None,
    articles=16,
    chapters=4,
)
# Navigation links of the Council of Europe web page the text was taken from.
DECREE_DEBRIS = (r"^\[(?:English|Rapport explicatif)\]\(#\)\s*$",)


def parse_benin_decree(text: str, filename: str) -> ParsedSource:
    doc = _doc(text, filename, DECREE_DEBRIS)
    # The decree's own "Article premier" and "Article 2" come before the annex.
    convention, end = _instrument(doc, BUDAPEST_COE, doc.find(r"^DÉCRÈTE$"))
    protocol, _ = _instrument(doc, PROTOCOL_COE, end)
    return _finish(doc, ParsedSource(filename, [convention, protocol]))
