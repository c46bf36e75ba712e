"""A concordance document into the database.

An import adds and updates what the document says, in one transaction,
touching only what differs, so that history records real changes only. It
deletes what the document leaves out only when asked to (``replace``): a
partial document must never wipe the curators' work by omission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction

from concordance.corpus.models import Instrument, Provision
from concordance.mapping.interchange.export import key_of
from concordance.mapping.interchange.schema import ConcordanceDocument, CorrespondenceEntry, Key
from concordance.mapping.interchange.validate import ConcordanceDataError, primary_provisions, validate
from concordance.mapping.models import Correspondence, MissingCounterpart, Origin, Theme


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    # Existing entries the document does not contain, kept because no replace was asked.
    kept: int = 0
    changes: list[str] = field(default_factory=list)


class DryRun(Exception):
    """Raised inside the transaction to undo a dry run; carries its report."""

    def __init__(self, report: ImportReport):
        self.report = report


def import_document(
    document: Any, *, replace: bool = False, dry_run: bool = False, reason: str = "import"
) -> ImportReport:
    """Make the database say what the document says.

    Without ``replace``, entries the document does not contain are kept (and
    counted in ``report.kept``); with it, they are deleted. A dry run does
    everything, reports it, and rolls back.
    """
    try:
        return _import(document, replace=replace, dry_run=dry_run, reason=reason)
    except DryRun as undone:
        return undone.report
    except IntegrityError as error:
        # The database's own rules (mapping 0004's trigger, the unique pairs), for what a curator changed meanwhile.
        raise ConcordanceDataError([str(error).splitlines()[0]]) from None


@transaction.atomic
def _import(document: Any, *, replace: bool, dry_run: bool, reason: str) -> ImportReport:
    provisions = primary_provisions()
    parsed, problems = validate(document, provisions, replace=replace)
    if parsed is None:
        raise ConcordanceDataError(problems)
    report = ImportReport()
    themes = import_themes(parsed, provisions, replace, report)
    import_correspondences(parsed, provisions, themes, replace, reason, report)
    import_gaps(parsed, provisions, replace, reason, report)
    contradictions = contradictory_gaps()
    if contradictions:
        raise ConcordanceDataError(contradictions)
    if dry_run:
        raise DryRun(report)
    return report


def with_reason(instance, reason: str):
    instance._change_reason = reason[:100]
    return instance


def _sides(entry: CorrespondenceEntry, provisions: dict[Key, Provision]) -> tuple[Provision, Provision]:
    return (
        provisions[Key(entry.left.instrument, entry.left.eid)],
        provisions[Key(entry.right.instrument, entry.right.eid)],
    )


def import_correspondences(
    document: ConcordanceDocument,
    provisions: dict[Key, Provision],
    themes: dict[str, Theme],
    replace: bool,
    reason: str,
    report: ImportReport,
) -> None:
    existing = {(c.left_id, c.right_id): c for c in Correspondence.objects.with_provisions()}
    wanted: set[tuple[int, int]] = set()
    for entry in document.correspondences:
        left, right = _sides(entry, provisions)
        wanted.add((left.pk, right.pk))
    # Deletions first, so that a link turned round in the document can be recreated.
    for pair, correspondence in existing.items():
        if pair in wanted:
            continue
        if replace or (pair[1], pair[0]) in wanted:
            report.changes.append(f"- correspondence {key_of(correspondence.left)} ↔ {key_of(correspondence.right)}")
            with_reason(correspondence, reason).delete()
            report.deleted += 1
        else:
            report.kept += 1
    for entry in document.correspondences:
        left, right = _sides(entry, provisions)
        values = {
            "relation": entry.relation,
            "note": entry.note,
            "status": entry.status,
            "origin": entry.origin,
            "score": entry.score if entry.origin == Origin.SUGGESTED else None,
            "left_sentence": entry.left_sentence,
            "right_sentence": entry.right_sentence,
        }
        theme_rows = [themes[slug] for slug in entry.themes]
        label = f"correspondence {key_of(left)} ↔ {key_of(right)}"
        current = existing.get((left.pk, right.pk))
        if current is None:
            current = with_reason(Correspondence(left=left, right=right, **values), reason)
            current.save()
            current.themes.set(theme_rows)
            report.created += 1
            report.changes.append(f"+ {label}")
            continue
        changed = [name for name, value in values.items() if getattr(current, name) != value]
        themes_changed = {t.pk for t in current.themes.all()} != {t.pk for t in theme_rows}
        if changed:
            for name in changed:
                setattr(current, name, values[name])
            with_reason(current, reason).save()
        if themes_changed:
            current.themes.set(theme_rows)
            changed.append("themes")
        if changed:
            report.updated += 1
            report.changes.append(f"~ {label} ({', '.join(changed)})")
        else:
            report.unchanged += 1


def import_gaps(
    document: ConcordanceDocument, provisions: dict[Key, Provision], replace: bool, reason: str, report: ImportReport
) -> None:
    instruments = {i.slug: i for i in Instrument.objects.all()}
    existing = {(m.article_id, m.other_instrument_id): m for m in MissingCounterpart.objects.with_instruments()}
    wanted = set()
    for entry in document.without_counterpart:
        article = provisions[Key(entry.instrument, entry.eid)]
        other = instruments[entry.other_instrument]
        wanted.add((article.pk, other.pk))
        label = f"without counterpart {key_of(article)} in {other.slug}"
        current = existing.get((article.pk, other.pk))
        if current is None:
            with_reason(MissingCounterpart(article=article, other_instrument=other, reason=entry.reason), reason).save()
            report.created += 1
            report.changes.append(f"+ {label}")
        elif current.reason != entry.reason:
            current.reason = entry.reason
            with_reason(current, reason).save()
            report.updated += 1
            report.changes.append(f"~ {label} (reason)")
        else:
            report.unchanged += 1
    for pair, row in existing.items():
        if pair in wanted:
            continue
        if replace:
            report.changes.append(f"- without counterpart {key_of(row.article)} in {row.other_instrument.slug}")
            with_reason(row, reason).delete()
            report.deleted += 1
        else:
            report.kept += 1


def contradictory_gaps() -> list[str]:
    """Articles both linked to an instrument and recorded without counterpart in it."""
    linked: set[tuple[int, str, int]] = set()
    for (
        left_edition,
        left_article,
        left_instrument,
        right_edition,
        right_article,
        right_instrument,
    ) in Correspondence.objects.curated().values_list(
        "left__edition_id",
        "left__article_eid",
        "left__edition__instrument_id",
        "right__edition_id",
        "right__article_eid",
        "right__edition__instrument_id",
    ):
        linked.add((left_edition, left_article, right_instrument))
        linked.add((right_edition, right_article, left_instrument))
    problems = []
    for gap in MissingCounterpart.objects.with_instruments():
        if (gap.article.edition_id, gap.article.eid, gap.other_instrument_id) in linked:
            problems.append(
                f"without_counterpart {key_of(gap.article)} in {gap.other_instrument.slug}: "
                "this article also has a correspondence in that instrument; keep one or the other."
            )
    return problems


def import_themes(
    document: ConcordanceDocument, provisions: dict[Key, Provision], replace: bool, report: ImportReport
) -> dict[str, Theme]:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for position, entry in enumerate(document.themes):
        current = themes.get(entry.slug)
        if current is None:
            themes[entry.slug] = Theme.objects.create(
                slug=entry.slug, name=entry.name, name_en=entry.name_en or "", position=position
            )
            report.changes.append(f"+ theme {entry.slug}")
            continue
        name_en = current.name_en if entry.name_en is None else entry.name_en
        if (current.name, current.name_en, current.position) != (entry.name, name_en, position):
            current.name, current.name_en, current.position = entry.name, name_en, position
            current.save()
            report.changes.append(f"~ theme {entry.slug}")
    if replace:
        listed = {entry.slug for entry in document.themes}
        for slug in [slug for slug in themes if slug not in listed]:
            themes.pop(slug).delete()
            report.changes.append(f"- theme {slug}")
    import_article_themes(document, provisions, themes, replace, report)
    return themes


def import_article_themes(
    document: ConcordanceDocument,
    provisions: dict[Key, Provision],
    themes: dict[str, Theme],
    replace: bool,
    report: ImportReport,
) -> None:
    wanted = {
        provisions[Key(instrument, eid)].pk: list(dict.fromkeys(slugs))
        for instrument, by_eid in document.article_themes.items()
        for eid, slugs in by_eid.items()
    }
    through = Theme.articles.through
    current: dict[int, set[int]] = {}
    for provision_id, theme_id in through.objects.values_list("provision_id", "theme_id"):
        current.setdefault(provision_id, set()).add(theme_id)
    # Without replace, an article the document does not mention keeps its themes.
    touched = set(wanted) | (set(current) if replace else set())
    changed = [pk for pk in touched if current.get(pk, set()) != {themes[s].pk for s in wanted.get(pk, [])}]
    if changed:
        through.objects.filter(provision_id__in=changed).delete()
        through.objects.bulk_create(
            [through(theme_id=themes[slug].pk, provision_id=pk) for pk in changed for slug in wanted.get(pk, [])]
        )
        report.changes.append(f"~ themes of {len(changed)} article(s)")
