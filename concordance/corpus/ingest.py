"""Loading the parsed sources into the database.

Everything is parsed before the database is touched, and written in one
transaction: a source that cannot be parsed leaves the database as it was.
Rows are upserted on their natural keys, so a second run changes nothing and
every provision keeps its primary key.

Cross-references are not resolved here: they belong to ``crossrefs``, an app
above this one. The ``ingest`` command resolves them as its own step, inside
the same transaction, so a text stored without its references never commits.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Model, ProtectedError

from concordance.corpus.catalogue import INSTRUMENTS, SOURCES, SourceEntry
from concordance.corpus.models import Division, Edition, Instrument, Note, Provision, Source
from concordance.lib.parsing.tree import DIVISION_KINDS, Node, ParsedSource

Progress = Callable[[str], None]

# Part of every source's fingerprint: bump it when what ingest stores from a
# parse changes, so that existing databases are re-stored.
STORAGE_VERSION = "4"


class IngestError(Exception):
    """The corpus could not be loaded; the database is unchanged."""


@dataclass
class ParsedFile:
    entry: SourceEntry
    sha256: str
    fingerprint: str
    parsed: ParsedSource


@dataclass
class IngestReport:
    skipped: bool = False
    counts: dict[str, int] = field(default_factory=dict)


def parse_sources(sources_dir: Path, progress: Progress = lambda message: None) -> list[ParsedFile]:
    parsed_files = []
    for entry in SOURCES:
        path = sources_dir / entry.filename
        if not path.is_file():
            raise IngestError(f"{path}: source document missing (the project ships it in fixtures/sources/).")
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise IngestError(f"{entry.filename}, line {line}: not valid UTF-8.") from error
        progress(f"parsing {entry.filename}")
        parsed = entry.parse(text, entry.filename)
        missing = set(entry.editions) - {instrument.slug for instrument in parsed.instruments}
        if missing:
            raise IngestError(f"{entry.filename}: no text found for {', '.join(sorted(missing))}.")
        # The catalogue's facts about the source are part of it too: a
        # corrected date or title is stored even when the file is unchanged.
        catalogue = [entry.title, entry.issuer, entry.issued_on.isoformat(), entry.editions, titles_of(entry)]
        fingerprint = hashlib.sha256(
            (
                STORAGE_VERSION
                + json.dumps([dataclasses.asdict(parsed), catalogue], sort_keys=True, ensure_ascii=False)
            ).encode()
        ).hexdigest()
        parsed_files.append(ParsedFile(entry, hashlib.sha256(raw).hexdigest(), fingerprint, parsed))
    return parsed_files


def titles_of(entry: SourceEntry) -> list[list[str]]:
    """The titles of the instruments a source prints, French and English: a new title is stored too."""
    return [
        [i.slug, i.title, i.short_title, i.title_en, i.short_title_en] for i in INSTRUMENTS if i.slug in entry.editions
    ]


def is_up_to_date(parsed_files: list[ParsedFile]) -> bool:
    stored = {
        filename: (sha256, fingerprint)
        for filename, sha256, fingerprint in Source.objects.values_list("filename", "sha256", "parse_fingerprint")
    }
    return stored == {f.entry.filename: (f.sha256, f.fingerprint) for f in parsed_files}


def ingest(sources_dir: Path, *, force: bool = False, progress: Progress = lambda m: None) -> IngestReport:
    parsed_files = parse_sources(sources_dir, progress)
    if not force and is_up_to_date(parsed_files):
        return IngestReport(skipped=True)
    report = IngestReport()
    try:
        with transaction.atomic():
            instruments = store_instruments()
            for parsed_file in parsed_files:
                progress(f"storing {parsed_file.entry.filename}")
                store_source(parsed_file, instruments, report)
    except ProtectedError as error:
        raise IngestError(
            "the new text no longer has provisions that correspondences point to: "
            + ", ".join(sorted({str(obj) for obj in error.protected_objects})[:10])
        ) from error
    return report


def store_instruments() -> dict[str, Instrument]:
    instruments: dict[str, Instrument] = {}
    for position, entry in enumerate(INSTRUMENTS):
        instruments[entry.slug], _ = Instrument.objects.update_or_create(
            slug=entry.slug,
            defaults={
                "title": entry.title,
                "short_title": entry.short_title,
                "title_en": entry.title_en,
                "short_title_en": entry.short_title_en,
                "issuer": entry.issuer,
                "adopted_at": entry.adopted_at,
                "adopted_on": entry.adopted_on,
                "parent": instruments.get(entry.parent) if entry.parent else None,
                "position": position,
            },
        )
    return instruments


def store_source(parsed_file: ParsedFile, instruments: dict[str, Instrument], report: IngestReport) -> None:
    entry = parsed_file.entry
    source, _ = Source.objects.update_or_create(
        filename=entry.filename,
        defaults={
            "title": entry.title,
            "issuer": entry.issuer,
            "issued_on": entry.issued_on,
            "sha256": parsed_file.sha256,
            "parse_fingerprint": parsed_file.fingerprint,
            "warnings": parsed_file.parsed.warnings,
        },
    )
    for parsed_instrument in parsed_file.parsed.instruments:
        if parsed_instrument.slug not in entry.editions:
            continue
        slug, label, is_primary = entry.editions[parsed_instrument.slug]
        edition, _ = Edition.objects.update_or_create(
            instrument=instruments[parsed_instrument.slug],
            slug=slug,
            defaults={
                "source": source,
                "label": label,
                "is_primary": is_primary,
                "title": parsed_instrument.title,
                "preamble": parsed_instrument.preamble,
                "closing": parsed_instrument.closing,
                "footnotes": [dataclasses.asdict(note) for note in parsed_instrument.footnotes],
            },
        )
        store_tree(edition, parsed_instrument.body, report)
    store_notes(source, parsed_file.parsed, instruments, entry, report)


def upsert(model: type[Model], rows: list[Model], unique_fields: list[str]) -> list[Model]:
    if not rows:
        return []
    update_fields = [f.name for f in model._meta.concrete_fields if not f.primary_key and f.name not in unique_fields]
    return model.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=unique_fields, update_fields=update_fields
    )


def by_depth(body: list[Node]) -> Iterator[tuple[int, list[tuple[int, Node, Node | None]]]]:
    """(depth, nodes): the nodes of each depth, shallowest first, each with its
    position in document order and its parent node, so that parents are
    stored before children."""
    levels: dict[int, list[tuple[int, Node, Node | None]]] = {}
    position = 0

    def visit(node: Node, parent: Node | None, depth: int) -> None:
        nonlocal position
        levels.setdefault(depth, []).append((position, node, parent))
        position += 1
        for child in node.children:
            visit(child, node, depth + 1)

    for top in body:
        visit(top, None, 0)
    for depth in sorted(levels):
        yield depth, levels[depth]


def store_tree(edition: Edition, body: list[Node], report: IngestReport) -> None:
    division_pk: dict[str, int] = {}
    provision_pk: dict[str, int] = {}
    enclosing_division: dict[str, str] = {}
    article_of: dict[str, str] = {}
    for depth, level in by_depth(body):
        divisions, provisions = [], []
        for position, node, parent in level:
            parent_eid = parent.eid if parent else None
            if node.kind in DIVISION_KINDS:
                divisions.append(
                    Division(
                        edition=edition,
                        parent_id=division_pk.get(parent_eid) if parent_eid else None,
                        eid=node.eid,
                        kind=node.kind,
                        num=node.num,
                        heading=node.heading,
                        position=position,
                        line=node.line,
                    )
                )
                enclosing_division[node.eid] = node.eid
                continue
            if node.kind == "article":
                article_of[node.eid] = node.eid
                division_eid = enclosing_division.get(parent_eid) if parent_eid else None
            else:
                assert parent_eid is not None, "the parser puts every part of an article inside it"
                article_of[node.eid] = article_of[parent_eid]
                division_eid = None
            provisions.append(
                Provision(
                    edition=edition,
                    parent_id=provision_pk.get(parent_eid) if parent_eid else None,
                    division_id=division_pk.get(division_eid) if division_eid else None,
                    eid=node.eid,
                    article_eid=article_of[node.eid],
                    kind=node.kind,
                    num=node.num,
                    marker=node.marker,
                    heading=node.heading,
                    text=node.text,
                    footnotes=[dataclasses.asdict(note) for note in node.footnotes],
                    position=position,
                    depth=depth,
                    line=node.line,
                )
            )
        for row in upsert(Division, divisions, ["edition", "eid"]):
            division_pk[row.eid] = row.pk
        for row in upsert(Provision, provisions, ["edition", "eid"]):
            provision_pk[row.eid] = row.pk
    Provision.objects.filter(edition=edition).exclude(eid__in=provision_pk).delete()
    Division.objects.filter(edition=edition).exclude(eid__in=division_pk).delete()
    slug = edition.instrument.slug
    report.counts[f"{slug}/{edition.slug} divisions"] = len(division_pk)
    report.counts[f"{slug}/{edition.slug} provisions"] = len(provision_pk)


def store_notes(
    source: Source,
    parsed: ParsedSource,
    instruments: dict[str, Instrument],
    entry: SourceEntry,
    report: IngestReport,
) -> None:
    # Notes belong to the instrument the source was published for: the UN
    # Convention for the resolution, the Budapest Convention for the bill.
    instrument = instruments[next(iter(entry.editions))]
    rows = [
        Note(
            source=source,
            instrument=instrument,
            kind=note.kind,
            position=note.position,
            heading=note.heading,
            text=note.text,
            line=note.line,
        )
        for note in [*parsed.context, *parsed.notes]
    ]
    # Footnotes of an instrument's title, preamble or closing: rows too, so
    # that their references can be resolved and linked like a note's (where
    # each call was printed stays on Edition.footnotes).
    footnotes = [
        (instruments[parsed_instrument.slug], footnote)
        for parsed_instrument in parsed.instruments
        if parsed_instrument.slug in entry.editions
        for footnote in parsed_instrument.footnotes
    ]
    rows += [
        Note(
            source=source,
            instrument=owner,
            kind="footnote",
            position=position,
            heading=footnote.marker,
            text=footnote.text,
            line=footnote.line,
        )
        for position, (owner, footnote) in enumerate(footnotes)
    ]
    stored = upsert(Note, rows, ["source", "kind", "position"])
    Note.objects.filter(source=source).exclude(pk__in=[note.pk for note in stored]).delete()
    articles = {
        provision.article_number: provision
        for provision in Provision.objects.filter(
            edition__instrument=instrument, edition__is_primary=True, kind="article"
        )
    }
    through = Note.articles.through
    wanted: set[tuple[int, int]] = set()
    # The stored rows follow `rows`: the context, then the notes, then the footnotes.
    note_rows = stored[len(parsed.context) : len(parsed.context) + len(parsed.notes)]
    for note, parsed_note in zip(note_rows, parsed.notes, strict=True):
        for number in dict.fromkeys(parsed_note.articles):
            if number not in articles:
                raise IngestError(
                    f"{entry.filename}, line {parsed_note.line}: the note names article "
                    f"{number}, which {instrument.slug} does not have."
                )
            wanted.add((note.pk, articles[number].pk))
    # Only what changed is written, so an unchanged link keeps its row.
    existing = {
        (note_id, provision_id): pk
        for pk, note_id, provision_id in through.objects.filter(note__source=source).values_list(
            "pk", "note_id", "provision_id"
        )
    }
    through.objects.filter(pk__in=[pk for link, pk in existing.items() if link not in wanted]).delete()
    through.objects.bulk_create(
        [
            through(note_id=note_id, provision_id=provision_id)
            for note_id, provision_id in sorted(wanted - set(existing))
        ]
    )
    report.counts[f"{entry.filename} notes"] = len(stored)
