"""Computing the stored references from the stored texts.

``resolve_references()`` reads every provision (all editions), every note
(interpretative notes, commentary, the paragraphs of the UN resolution) and
every edition footnote, runs
``concordance.lib.references.find_references`` on each with the context the
text sits in, and brings the ``Reference``/``ReferenceTarget`` tables in line
with the result: rows that did not change keep their primary key, so running
it twice leaves the tables exactly as they were.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from concordance.corpus.models import Division, Edition, Instrument, Note, Provision
from concordance.crossrefs.models import Reference, ReferenceTarget
from concordance.lib import eids
from concordance.lib.references import Context, Target, find_references

EXCERPT_LENGTH = 300
# The resolution cites the articles of the Convention it adopts ("l'article
# 57 de la Convention"); its references to itself ("la présente résolution")
# are left alone by the resolver like any other instrument's.
NOTE_KINDS = ("interpretative", "commentary", "resolution")


@dataclass
class ResolutionReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    unresolved: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"references: {self.created} created, {self.updated} updated, {self.deleted} deleted, "
            f"{self.unchanged} unchanged, {len(self.unresolved)} unresolved"
        )


@dataclass(frozen=True)
class _TargetRow:
    instrument_id: int
    eid: str
    provision_id: int | None
    division_id: int | None
    excerpt: str


@dataclass(frozen=True)
class _ReferenceRow:
    instrument_id: int
    edition_id: int | None
    provision_id: int | None
    note_id: int | None
    start: int
    end: int
    text: str
    resolved: bool
    targets: tuple[_TargetRow, ...]
    footnote: int | None = None

    @property
    def key(self) -> tuple[int | None, int | None, int | None, int | None, int]:
        return _key(self.provision_id, self.note_id, self.edition_id, self.footnote, self.start)


def _key(
    provision_id: int | None, note_id: int | None, edition_id: int | None, footnote: int | None, start: int
) -> tuple[int | None, int | None, int | None, int | None, int]:
    """Where a reference sits; a footnote is known by its edition and index."""
    return (provision_id, note_id, edition_id if footnote is not None else None, footnote, start)


class _EditionIndex:
    """What one edition holds, by eid, with the excerpt each target shows."""

    def __init__(self, edition: Edition, provisions: list[Provision], divisions: list[Division]):
        self.edition = edition
        self.provisions = {p.eid: p for p in provisions}
        self.divisions = {d.eid: d for d in divisions}
        self.articles = {p.article_eid: p for p in provisions if p.kind == "article"}
        self.division_eids = {d.pk: d.eid for d in divisions}
        # Words of each provision with its descendants, in document order.
        words: dict[int, list[str]] = defaultdict(list)
        by_pk = {p.pk: p for p in provisions}
        for provision in provisions:  # already in document order
            if not provision.text:
                continue
            node: Provision | None = provision
            while node is not None:
                words[node.pk].append(provision.text)
                node = by_pk.get(node.parent_id)
        self.words = words

    def has(self, eid: str) -> bool:
        return eid in self.provisions or eid in self.divisions

    def target_row(self, instrument_id: int, eid: str) -> _TargetRow:
        if provision := self.provisions.get(eid):
            return _TargetRow(instrument_id, eid, provision.pk, None, excerpt(" ".join(self.words[provision.pk])))
        if division := self.divisions.get(eid):
            return _TargetRow(instrument_id, eid, None, division.pk, excerpt(f"{division} {division.heading}"))
        return _TargetRow(instrument_id, eid, None, None, "")

    def context(self, instrument: str, provision: Provision) -> Context:
        article = self.articles.get(provision.article_eid)
        division = self.division_eids.get(article.division_id) if article else None
        levels = eids.levels(division) if division else []
        return Context(
            instrument,
            article=provision.article_number,
            paragraph=eids.labels(provision.eid).get("para"),
            chapter=str(levels[0]) if levels else None,
            section=eids.join(*levels[:2]) if len(levels) > 1 and levels[1].kind == "sec" else None,
        )


def excerpt(text: str) -> str:
    """The first words of ``text``, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= EXCERPT_LENGTH:
        return text
    return text[:EXCERPT_LENGTH].rsplit(" ", 1)[0] + " …"


def compute() -> list[_ReferenceRow]:
    """Every reference of every stored text, as rows to store."""
    instruments = {i.pk: i for i in Instrument.objects.all()}
    editions = list(Edition.objects.all())
    provisions: dict[int, list[Provision]] = defaultdict(list)
    for provision in Provision.objects.order_by("edition", "position"):
        provisions[provision.edition_id].append(provision)
    divisions: dict[int, list[Division]] = defaultdict(list)
    for division in Division.objects.order_by("edition", "position"):
        divisions[division.edition_id].append(division)
    index = {e.pk: _EditionIndex(e, provisions[e.pk], divisions[e.pk]) for e in editions}
    primary = {instruments[e.instrument_id].slug: index[e.pk] for e in editions if e.is_primary}
    slugs = {i.slug: i.pk for i in instruments.values()}

    def where(target: Target, own: _EditionIndex | None) -> _EditionIndex | None:
        """The edition a link to ``target`` leads to from a text of edition ``own``."""
        if own is not None and target.instrument == instruments[own.edition.instrument_id].slug:
            return own
        return primary.get(target.instrument)

    def rows(
        text: str,
        context: Context,
        own: _EditionIndex | None,
        *,
        instrument_id: int,
        edition_id: int | None,
        provision_id: int | None,
        note_id: int | None,
        footnote: int | None = None,
    ) -> list[_ReferenceRow]:
        # The keywords name the citing text (``footnote`` for an edition's footnote).
        def exists(target: Target) -> bool:
            edition = where(target, own)
            return edition is not None and edition.has(target.eid)

        def target_row(target: Target) -> _TargetRow:
            edition = where(target, own)
            # The references name only the corpus's instruments, each with a primary edition.
            assert edition is not None, f"no edition of {target.instrument!r} to link to"
            return edition.target_row(slugs[target.instrument], target.eid)

        return [
            _ReferenceRow(
                instrument_id=instrument_id,
                edition_id=edition_id,
                provision_id=provision_id,
                note_id=note_id,
                footnote=footnote,
                start=reference.start,
                end=reference.end,
                text=reference.text,
                resolved=reference.resolved,
                targets=tuple(target_row(target) for target in reference.targets),
            )
            for reference in find_references(text, context, exists)
        ]

    result: list[_ReferenceRow] = []
    for edition in editions:
        slug = instruments[edition.instrument_id].slug
        for provision in provisions[edition.pk]:
            if provision.text:
                context = index[edition.pk].context(slug, provision)
                result += rows(
                    provision.text,
                    context,
                    index[edition.pk],
                    instrument_id=edition.instrument_id,
                    edition_id=edition.pk,
                    provision_id=provision.pk,
                    note_id=None,
                )
    for note in Note.objects.filter(kind__in=NOTE_KINDS).order_by("pk"):
        slug = instruments[note.instrument_id].slug
        # Outside the articles: a bare "paragraphe 1" is read against the
        # article last named in the note itself.
        result += rows(
            note.text,
            Context(slug),
            primary.get(slug),
            instrument_id=note.instrument_id,
            edition_id=None,
            provision_id=None,
            note_id=note.pk,
        )
    for edition in editions:
        slug = instruments[edition.instrument_id].slug
        for number, footnote in enumerate(edition.footnotes or []):
            text = footnote.get("text", "") if isinstance(footnote, dict) else ""
            if text:
                result += rows(
                    text,
                    Context(slug),
                    index[edition.pk],
                    instrument_id=edition.instrument_id,
                    edition_id=edition.pk,
                    provision_id=None,
                    note_id=None,
                    footnote=number,
                )
    return result


def _stored_row(reference: Reference) -> _ReferenceRow:
    return _ReferenceRow(
        instrument_id=reference.instrument_id,
        edition_id=reference.edition_id,
        provision_id=reference.provision_id,
        note_id=reference.note_id,
        footnote=reference.footnote,
        start=reference.start,
        end=reference.end,
        text=reference.text,
        resolved=reference.resolved,
        targets=tuple(
            _TargetRow(t.instrument_id, t.eid, t.provision_id, t.division_id, t.excerpt)
            for t in sorted(reference.targets.all(), key=lambda t: t.position)
        ),
    )


def _target_objects(reference: Reference, row: _ReferenceRow) -> list[ReferenceTarget]:
    return [
        ReferenceTarget(
            reference=reference,
            position=position,
            instrument_id=target.instrument_id,
            eid=target.eid,
            provision_id=target.provision_id,
            division_id=target.division_id,
            excerpt=target.excerpt,
        )
        for position, target in enumerate(row.targets)
    ]


@transaction.atomic
def resolve_references() -> ResolutionReport:
    """Bring the stored references in line with the stored texts.

    Run after every ingest, inside the ingest's transaction (the ``ingest``
    command does): provisions' primary keys are stable across ingests, so
    unchanged references keep their rows and only what the new text changed
    is written.
    """
    report = ResolutionReport()
    wanted = {row.key: row for row in compute()}
    stored = {}
    for reference in Reference.objects.prefetch_related("targets"):
        key = _key(reference.provision_id, reference.note_id, reference.edition_id, reference.footnote, reference.start)
        stored[key] = reference

    stale = [ref.pk for key, ref in stored.items() if key not in wanted]
    report.deleted = Reference.objects.filter(pk__in=stale).delete()[1].get(Reference._meta.label, 0)

    fields = ["instrument_id", "edition_id", "end", "text", "resolved"]
    changed: list[tuple[Reference, _ReferenceRow]] = []
    created: list[tuple[Reference, _ReferenceRow]] = []
    for key, row in wanted.items():
        reference = stored.get(key)
        if reference is None:
            reference = Reference(
                provision_id=row.provision_id, note_id=row.note_id, footnote=row.footnote, start=row.start
            )
            created.append((reference, row))
        elif _stored_row(reference) != row:
            changed.append((reference, row))
        else:
            report.unchanged += 1
            continue
        for name in fields:
            setattr(reference, name, getattr(row, name))
    # PostgreSQL returns the new primary keys, which the targets need.
    Reference.objects.bulk_create([reference for reference, _ in created])
    Reference.objects.bulk_update([reference for reference, _ in changed], fields)
    ReferenceTarget.objects.filter(reference__in=[reference for reference, _ in changed]).delete()
    ReferenceTarget.objects.bulk_create(
        [target for reference, row in created + changed for target in _target_objects(reference, row)]
    )
    report.created, report.updated = len(created), len(changed)
    report.unresolved = [f"{row.key}: {row.text}" for row in wanted.values() if not row.resolved]
    return report
