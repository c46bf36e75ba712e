"""What curators do to the concordance: change it, and go back in its history.

Every change goes through django-simple-history, so an earlier state of a
correspondence, deleted or not, can always be brought back.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from concordance.corpus.models import Provision
from concordance.lib.citations import parse_citation
from concordance.mapping.models import Correspondence, Origin, Relation, Status, Theme


def find_provision(instrument_slug: str, typed: str) -> Provision | None:
    """The provision of an instrument's primary edition a person typed ("25.2")."""
    eid = parse_citation(typed)
    if eid is None:
        return None
    return (
        Provision.objects.filter(edition__instrument__slug=instrument_slug, edition__is_primary=True, eid=eid)
        .select_related("edition__instrument")
        .first()
    )


@transaction.atomic
def save_correspondence(correspondence: Correspondence, themes: list[Theme]) -> Correspondence:
    correspondence.save()
    if {t.pk for t in correspondence.themes.all()} != {t.pk for t in themes}:
        correspondence.themes.set(themes)
    return correspondence


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    record: object  # a HistoricalCorrespondence row
    changes: list[Change]

    @property
    def action(self) -> str:
        return {"+": "création", "~": "modification", "-": "suppression"}[self.record.history_type]


# The reverse accessor simple-history gives the m2m rows of a history record;
# unlike ``record.themes`` it can be prefetched.
THEME_ROWS = "historicalcorrespondence_themes_set"

TRACKED = {
    "left_id": "disposition de gauche",
    "right_id": "disposition de droite",
    "relation": "relation",
    "note": "note",
    "status": "statut",
    "origin": "origine",
}


def history_of(records: list) -> list[HistoryEntry]:
    """The records of one correspondence, newest first, each with what changed.

    ``records`` must have their theme rows prefetched (``THEME_ROWS``); provisions and theme
    names are read in one query each, whatever the length of the history.
    """
    provision_ids = {getattr(r, name) for r in records for name in ("left_id", "right_id")}
    provisions = {
        p.pk: f"{p.edition.instrument.slug} {p.citation}"
        for p in Provision.objects.filter(pk__in=provision_ids).select_related("edition__instrument")
    }
    theme_names = dict(Theme.objects.values_list("pk", "name"))

    labels = {"relation": dict(Relation.choices), "status": dict(Status.choices), "origin": dict(Origin.choices)}

    def shown(name: str, value) -> str:
        if name in ("left_id", "right_id"):
            return provisions.get(value, f"#{value}")
        if name in labels:
            return labels[name].get(value, value)
        return str(value) if value not in (None, "") else "—"

    def themes_of(record) -> str:
        return ", ".join(sorted(theme_names.get(row.theme_id, "?") for row in getattr(record, THEME_ROWS).all())) or "—"

    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            changes = [
                Change(label, shown(name, getattr(previous, name)), shown(name, getattr(record, name)))
                for name, label in TRACKED.items()
                if getattr(previous, name) != getattr(record, name)
            ]
            if themes_of(previous) != themes_of(record):
                changes.append(Change("thèmes", themes_of(previous), themes_of(record)))
        entries.append(HistoryEntry(record, changes))
    return entries


@transaction.atomic
def restore(record) -> Correspondence:
    """Bring a correspondence back to the state a history record holds.

    Works for a deleted correspondence too: it comes back with its old id.
    Restoring is itself a change, recorded in the history.
    """
    if record.history_type == "-" and record.prev_record is not None:
        # The deletion record holds no theme rows: the state before the
        # deletion is the record that precedes it.
        record = record.prev_record
    correspondence = record.instance
    left, right = correspondence.left_id, correspondence.right_id
    # A link read the other way round is the same link: restoring would duplicate it.
    if (
        Correspondence.objects.filter(Q(left=left, right=right) | Q(left=right, right=left))
        .exclude(pk=correspondence.pk)
        .exists()
    ):
        raise ValueError(
            "Une autre correspondance relie déjà ces deux dispositions (dans un sens ou dans l'autre) : "
            "modifiez ou supprimez celle-ci avant de restaurer cette version."
        )
    correspondence.save()
    correspondence.themes.set([row.theme for row in getattr(record, THEME_ROWS).all()])
    return correspondence


def deleted_records():
    """The last state of each correspondence that no longer exists."""
    live = Correspondence.objects.values("pk")
    return (
        Correspondence.history.filter(history_type="-")
        .exclude(id__in=live)
        .order_by("-history_date")
        .select_related("history_user")
    )


def accept_suggestion(correspondence: Correspondence) -> Correspondence:
    """Take a suggestion into the concordance; ValueError if a record says the article has no counterpart there."""
    try:
        correspondence.refuse_recorded_gaps()
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None
    correspondence.origin = Origin.CURATED
    correspondence.status = Status.PROPOSED
    correspondence.score = None
    correspondence.save()
    return correspondence
