"""What curators do to the concordance: change it, and go back in its history.

Every change goes through django-simple-history, so an earlier state of a
correspondence, deleted or not, can always be brought back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from concordance.corpus.models import Provision
from concordance.lib.citations import parse_citation
from concordance.mapping.models import (
    CORRESPONDENCE_HISTORY,
    Correspondence,
    MissingCounterpart,
    Origin,
    Relation,
    Status,
    Theme,
)


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


# The columns a history record compares; an edit that leaves them and the themes as they are is no change.
STORED = ("left_id", "right_id", "left_sentence", "right_sentence", "relation", "note", "status", "origin", "score")


@dataclass
class StoredState:
    fields: dict
    theme_ids: set[int]


def fields_of(correspondence: Correspondence) -> dict:
    return {name: getattr(correspondence, name) for name in STORED}


def stored_state(correspondence: Correspondence) -> StoredState | None:
    """What the database holds for this correspondence, None if it holds nothing (new, or deleted)."""
    if correspondence.pk is None:
        return None
    fields = Correspondence.objects.filter(pk=correspondence.pk).values(*STORED).first()
    if fields is None:
        return None
    theme_ids = set(
        Correspondence.themes.through.objects.filter(correspondence_id=correspondence.pk).values_list(
            "theme_id", flat=True
        )
    )
    return StoredState(fields, theme_ids)


@transaction.atomic
def save_correspondence(correspondence: Correspondence, themes: list[Theme]) -> bool:
    """Store fields and themes as one change: one history record, none when nothing differs.

    simple-history writes a record on save and another when the themes are set;
    both are silenced here and the single record is written once the themes are
    in place, so that it holds them. Whether anything changed is the answer.
    """
    before = stored_state(correspondence)
    themes_changed = before is None or before.theme_ids != {theme.pk for theme in themes}
    if before is not None and not themes_changed and before.fields == fields_of(correspondence):
        return False
    correspondence.skip_history_when_saving = True
    try:
        correspondence.save()
        if themes_changed:
            correspondence.themes.set(themes)
    finally:
        del correspondence.skip_history_when_saving
    CORRESPONDENCE_HISTORY.create_historical_record(correspondence, "+" if before is None else "~")
    return True


def record_themes(correspondence: Correspondence) -> None:
    """Make the latest history record hold the themes as they are now (they were set after it was written)."""
    latest = correspondence.history.order_by(*NEWEST_FIRST).first()
    getattr(latest, THEME_ROWS).all().delete()
    CORRESPONDENCE_HISTORY.create_historical_record_m2ms(latest, correspondence)


# What a database constraint or trigger refusing a change means to a curator.
CONSTRAINT_MESSAGES = {
    "correspondence_unique_pair": _("Cette correspondance existe déjà."),
    "correspondence_unique_unordered_pair": _("Cette correspondance existe déjà."),
}
# The trigger of migration 0004 names this constraint; its message names the article.
GAP_CONSTRAINT = "no_link_where_recorded_without_counterpart"


@contextmanager
def invariants_checked_now() -> Iterator[None]:
    """The database's check of links against "without counterpart" records, at each statement.

    It is deferred to the commit for imports, which may pass through a
    contradiction; a curator's change is refused at once, inside the savepoint
    whose IntegrityError becomes a message. Wrap the savepoint, not inside it.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SET CONSTRAINTS {GAP_CONSTRAINT} IMMEDIATE")
    try:
        yield
    finally:
        if not connection.needs_rollback:
            with connection.cursor() as cursor:
                cursor.execute(f"SET CONSTRAINTS {GAP_CONSTRAINT} DEFERRED")


def refusal(error: IntegrityError) -> str | None:
    """The curator's message for a change the database refused, or None if it is not one of ours."""
    diagnostic = getattr(error.__cause__, "diag", None)
    constraint = getattr(diagnostic, "constraint_name", None)
    if diagnostic is None or constraint is None:
        return None
    if constraint == GAP_CONSTRAINT:
        return str(diagnostic.message_primary)
    message = CONSTRAINT_MESSAGES.get(constraint)
    return None if message is None else str(message)


# --- versions ------------------------------------------------------------------
#
# The version a curator read is the id of the correspondence's latest history
# record: every change writes one (and only a change does), a deletion too, so
# it also says "deleted" or "restored since". Writers of the same correspondence
# are serialised by a transaction-scoped advisory lock, which exists even when
# the row does not (restoring a deleted correspondence). The admin's records
# "without counterpart" are versioned the same way, under a lock of their own.

LOCK_NAMESPACE = 17_0001
LOCK_NAMESPACES: dict[type, int] = {Correspondence: LOCK_NAMESPACE, MissingCounterpart: 17_0002}


class StaleVersion(Exception):
    """The correspondence changed after the curator read it; nothing was written."""

    def __init__(self, read, current):
        super().__init__("stale version")
        self.read = read  # the history record the curator read, None if the form named none
        self.current = current  # the latest history record
        self.records = None  # both, with their themes, once read_and_current has read them

    @property
    def deleted(self) -> bool:
        return self.current is not None and self.current.history_type == "-"


NEWEST_FIRST = ("-history_date", "-history_id")


def latest_record(pk: int, model: type = Correspondence):
    return model.history.filter(id=pk).select_related("history_user").order_by(*NEWEST_FIRST).first()  # type: ignore[attr-defined]


def version_of(record) -> str:
    return str(record.history_id) if record is not None else ""


def check_version(pk: int, version: str | None, model: type = Correspondence) -> None:
    """Inside a transaction: hold the record's lock, then refuse if it moved past ``version``."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACES[model], pk % 2**31])
    current = latest_record(pk, model)
    # A record written without history (raw SQL, a bulk load) has the empty version.
    if version_of(current) == (version or "").strip():
        return
    read = None
    if version and version.strip().isdigit():
        read = model.history.filter(id=pk, history_id=int(version)).first()  # type: ignore[attr-defined]
    raise StaleVersion(read, current)


def changes_since(stale: StaleVersion) -> list[Change]:
    """Field by field, what the correspondence became since the version the curator read."""
    records = read_and_current(stale)
    return history_of(records)[0].changes if records else []


def read_and_current(stale: StaleVersion) -> list:
    """The current record and the one the curator read, newest first, with their themes; [] if either is unknown."""
    if stale.read is None or stale.current is None or stale.deleted:
        return []
    if stale.records is None:
        stale.records = list(
            Correspondence.history.filter(history_id__in=[stale.current.history_id, stale.read.history_id])
            .prefetch_related(THEME_ROWS)
            .order_by(*NEWEST_FIRST)
        )
    return stale.records if len(stale.records) == 2 else []


def my_changes_over_current(stale: StaleVersion, typed: dict) -> dict | None:
    """The edit form's values that re-apply what the curator changed onto the current version.

    A field the curator left as they read it takes its current value (another
    curator's change to it is kept); a field they changed keeps their value.
    ``typed`` is the form's cleaned data; None when the version read is unknown.
    """
    records = read_and_current(stale)
    if not records:
        return None
    current, read = records

    def values(record) -> dict:
        return {
            "left_id": record.left_id,
            "right_id": record.right_id,
            "left_sentence": record.left_sentence,
            "right_sentence": record.right_sentence,
            "relation": record.relation,
            "note": record.note,
            "status": record.status,
            "themes": {row.theme_id for row in getattr(record, THEME_ROWS).all()},
        }

    mine = {
        "left_id": typed["left"].pk,
        "right_id": typed["right"].pk,
        "left_sentence": typed.get("left_sentence"),
        "right_sentence": typed.get("right_sentence"),
        "relation": typed["relation"],
        "note": typed["note"],
        "status": typed["status"],
        "themes": {theme.pk for theme in typed["themes"]},
    }
    before, now = values(read), values(current)
    merged = {name: now[name] if mine[name] == before[name] else mine[name] for name in mine}
    provisions = (
        Provision.objects.filter(pk__in=[merged["left_id"], merged["right_id"]])
        .select_related("edition__instrument")
        .in_bulk()
    )
    left, right = provisions[merged["left_id"]], provisions[merged["right_id"]]
    return {
        "left_instrument": left.edition.instrument.slug,
        "left_provision": left.eid,
        "right_instrument": right.edition.instrument.slug,
        "right_provision": right.eid,
        "left_sentence": merged["left_sentence"] or "",
        "right_sentence": merged["right_sentence"] or "",
        "relation": merged["relation"],
        "note": merged["note"],
        "status": merged["status"],
        "themes": sorted(merged["themes"]),
    }


@transaction.atomic
def save_edit(form, version: str | None) -> Correspondence | None:
    """Save a valid edit form if the correspondence is still at ``version``; StaleVersion otherwise."""
    check_version(form.instance.pk, version)
    return form.save()


@transaction.atomic
def delete(correspondence: Correspondence, version: str | None) -> None:
    check_version(correspondence.pk, version)
    correspondence.delete()


@dataclass
class Change:
    field: str
    old: str
    new: str
    # For a change of relation, the two ``Relation`` codes: the page shows them as badges linking to
    # their definitions, as everywhere else.
    relations: tuple[str, str] | None = None


@dataclass
class HistoryEntry:
    record: Any  # a HistoricalCorrespondence row: simple-history makes its class at run time
    changes: list[Change]

    @property
    def action(self) -> str:
        return str({"+": _("création"), "~": _("modification"), "-": _("suppression")}[self.record.history_type])


# The reverse accessor simple-history gives the m2m rows of a history record;
# unlike ``record.themes`` it can be prefetched.
THEME_ROWS = "historicalcorrespondence_themes_set"

TRACKED = {
    "left_id": _("disposition de gauche"),
    "right_id": _("disposition de droite"),
    "left_sentence": _("phrase de gauche"),
    "right_sentence": _("phrase de droite"),
    "relation": _("relation"),
    "note": _("note"),
    "status": _("statut"),
    "origin": _("origine"),
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
    theme_names = {theme.pk: theme.display_name for theme in Theme.objects.all()}

    labels = {"relation": dict(Relation.choices), "status": dict(Status.choices), "origin": dict(Origin.choices)}

    def shown(name: str, value) -> str:
        if name in ("left_id", "right_id"):
            return provisions.get(value, f"#{value}")
        if name in labels:
            return str(labels[name].get(value, value))
        return str(value) if value not in (None, "") else "—"

    def themes_of(record) -> str:
        return ", ".join(sorted(theme_names.get(row.theme_id, "?") for row in getattr(record, THEME_ROWS).all())) or "—"

    themes = [themes_of(record) for record in records]
    # A deletion record holds no theme rows (they are gone before it is
    # written): it had the themes of the state it ended, not "none".
    for index in range(len(records) - 2, -1, -1):
        if records[index].history_type == "-":
            themes[index] = themes[index + 1]

    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            changes = [
                Change(
                    str(label),
                    shown(name, getattr(previous, name)),
                    shown(name, getattr(record, name)),
                    (previous.relation, record.relation) if name == "relation" else None,
                )
                for name, label in TRACKED.items()
                if getattr(previous, name) != getattr(record, name)
            ]
            if themes[index + 1] != themes[index]:
                changes.append(Change(gettext("thèmes"), themes[index + 1], themes[index]))
        entries.append(HistoryEntry(record, changes))
    return entries


@transaction.atomic
def restore(record, version: str | None) -> bool:
    """Bring a correspondence back to the state a history record holds.

    Works for a deleted correspondence too: it comes back with its old id.
    Restoring is itself a change, recorded in the history (unless the state
    is already the current one: the answer says whether anything changed).
    The same rules as the forms hold: ValueError says which one refused it.
    """
    check_version(record.id, version)
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
            gettext(
                "Une autre correspondance relie déjà ces deux dispositions (dans un sens ou dans l'autre) : "
                "modifiez ou supprimez celle-ci avant de restaurer cette version."
            )
        )
    try:
        correspondence.check_sentences()
        if correspondence.origin == Origin.CURATED:
            correspondence.refuse_recorded_gaps()
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None
    try:
        with invariants_checked_now(), transaction.atomic():
            return save_correspondence(correspondence, [row.theme for row in getattr(record, THEME_ROWS).all()])
    except IntegrityError as error:
        message = refusal(error)
        if message is None:
            raise
        raise ValueError(message) from None


def deleted_records():
    """The last state of each correspondence that no longer exists."""
    live = Correspondence.objects.values("pk")
    return (
        Correspondence.history.filter(history_type="-")
        .exclude(id__in=live)
        .order_by("-history_date")
        .select_related("history_user", "left__edition__instrument", "right__edition__instrument")
    )


@transaction.atomic
def accept_suggestion(correspondence: Correspondence) -> Correspondence:
    """Take a suggestion into the concordance; ValueError if a record says the article has no counterpart there."""
    try:
        correspondence.refuse_recorded_gaps()
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None
    correspondence.origin = Origin.CURATED
    correspondence.status = Status.PROPOSED
    correspondence.score = None
    try:
        with invariants_checked_now(), transaction.atomic():
            correspondence.save()
    except IntegrityError as error:
        message = refusal(error)
        if message is None:
            raise
        raise ValueError(message) from None
    return correspondence
