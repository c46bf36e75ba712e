"""Internal cross-references found in the stored texts, with their targets.

A ``Reference`` is a span of a provision's, a note's or an edition
footnote's text ("articles 14 et 15"); ``text == source.text[start:end]``
always. Its ``ReferenceTarget`` rows
say where it points, in order: the instrument and eid as the resolver read
them, and the provision or division of the edition the link leads to (the
citing edition for the text's own instrument, the primary edition for
another instrument). Rows are recomputed by
``concordance.crossrefs.resolution.resolve_references`` after each ingest.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext

from concordance.corpus.models import Division, Edition, Instrument, Note, Provision


class ReferenceQuerySet(models.QuerySet):
    def unresolved(self) -> ReferenceQuerySet:
        return self.filter(resolved=False)

    def of_instrument(self, slug: str | None) -> ReferenceQuerySet:
        return self.filter(instrument__slug=slug) if slug else self

    def in_reading_order(self) -> ReferenceQuerySet:
        return self.order_by(
            "instrument__position",
            "edition__slug",
            "provision__position",
            "note__kind",
            "note__position",
            "footnote",
            "start",
        )


class Reference(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="references")
    # The edition of the citing provision; a note has none (notes go with the
    # primary edition).
    edition = models.ForeignKey(Edition, null=True, blank=True, on_delete=models.CASCADE, related_name="references")
    provision = models.ForeignKey(Provision, null=True, blank=True, on_delete=models.CASCADE, related_name="references")
    note = models.ForeignKey(Note, null=True, blank=True, on_delete=models.CASCADE, related_name="references")
    # A footnote of the edition (called from its title, preamble or closing):
    # its index in ``edition.footnotes``, which are not rows of their own.
    footnote = models.PositiveSmallIntegerField(null=True, blank=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    # False when the words are a reference but some target could not be
    # built or does not exist: curators fix the text or the resolver.
    resolved = models.BooleanField()

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["instrument_id", "provision_id", "note_id", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(provision__isnull=False, note__isnull=True, footnote__isnull=True, edition__isnull=False)
                | Q(provision__isnull=True, note__isnull=False, footnote__isnull=True, edition__isnull=True)
                | Q(provision__isnull=True, note__isnull=True, footnote__isnull=False, edition__isnull=False),
                name="reference_one_source",
            ),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="reference_nonempty_span"),
            models.UniqueConstraint(
                fields=["provision", "start"],
                condition=Q(provision__isnull=False),
                name="reference_unique_in_provision",
            ),
            models.UniqueConstraint(
                fields=["note", "start"], condition=Q(note__isnull=False), name="reference_unique_in_note"
            ),
            models.UniqueConstraint(
                fields=["edition", "footnote", "start"],
                condition=Q(footnote__isnull=False),
                name="reference_unique_in_footnote",
            ),
        ]
        indexes = [
            models.Index(fields=["instrument", "resolved"], name="reference_instrument_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.source_label}: {self.text}"

    @property
    def source_kind(self) -> str:
        """ "provision", "note" or "footnote"."""
        if self.provision_id:
            return "provision"
        return "note" if self.note_id else "footnote"

    @property
    def source_key(self) -> str:
        """The citing text: a provision's eid, ``<kind>-<position>`` for a note, ``footnote-<n>`` for a footnote."""
        if self.provision_id:
            return self.provision.eid
        if self.note_id:
            return note_key(self.note)
        return f"footnote-{self.footnote}"

    @property
    def source_label(self) -> str:
        if self.provision_id:
            return self.provision.display_citation
        if self.note_id:
            return note_label(self.note)
        return footnote_label(self.edition, self.footnote)


def note_key(note: Note) -> str:
    return f"{note.kind}-{note.position}"


def note_label(note: Note) -> str:
    """ "Note interprétative — Article 17", "Exposé des motifs, § 16"."""
    label = note.get_kind_display().capitalize()
    if note.kind == "commentary":
        return f"{label}, § {note.position}"
    return f"{label} — {note.heading}" if note.heading else label


def footnote_label(edition: Edition, index: int | None) -> str:
    """ "Note de bas de page ¹" with the call mark the edition prints."""
    footnotes = edition.footnotes or []
    marker = footnotes[index].get("marker", "") if index is not None and 0 <= index < len(footnotes) else ""
    return (gettext("Note de bas de page %(marker)s") % {"marker": marker}).rstrip()


class ReferenceTarget(models.Model):
    reference = models.ForeignKey(Reference, on_delete=models.CASCADE, related_name="targets")
    # Order of the targets in the words ("articles 14 et 15": 14 first).
    position = models.PositiveSmallIntegerField()
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="+")
    eid = models.CharField(max_length=120)
    # What the link leads to; both empty when the eid exists nowhere.
    provision = models.ForeignKey(Provision, null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    division = models.ForeignKey(Division, null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    # The start of the target's text (with its sub-provisions), for the
    # link's title: a reader without JavaScript still sees what is cited.
    excerpt = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["reference_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["reference", "position"], name="reference_target_unique_position"),
            models.CheckConstraint(
                condition=Q(provision__isnull=True) | Q(division__isnull=True), name="reference_target_one_kind"
            ),
        ]
        indexes = [
            models.Index(fields=["instrument", "eid"], name="reference_target_eid_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id}:{self.eid}"
