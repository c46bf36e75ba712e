"""The concordance as readable JSON: the curated fixture, exports and imports.

The document names provisions by instrument slug and eid. An import adds
and updates what the document says, in one transaction, touching only what
differs, so that history records real changes only. It deletes what the
document leaves out only when asked to (``replace``): a partial document
must never wipe the curators' work by omission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from concordance.corpus.models import Instrument, Provision
from concordance.mapping.models import (
    Correspondence,
    MissingCounterpart,
    Origin,
    Relation,
    Status,
    Theme,
)

SECTIONS = ("themes", "article_themes", "correspondences", "without_counterpart")
CORRESPONDENCE_FIELDS = {"left", "right", "relation", "note", "themes", "status", "origin", "score"}
GAP_FIELDS = {"instrument", "eid", "other_instrument", "reason"}


class ConcordanceDataError(ValueError):
    """The document is invalid; nothing was imported."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Key:
    instrument: str
    eid: str

    def as_json(self) -> dict[str, str]:
        return {"instrument": self.instrument, "eid": self.eid}

    def __str__(self) -> str:
        return f"{self.instrument}:{self.eid}"


def key_of(provision: Provision) -> Key:
    return Key(provision.edition.instrument.slug, provision.eid)


def primary_provisions() -> dict[Key, Provision]:
    rows = Provision.objects.filter(edition__is_primary=True).select_related("edition__instrument")
    return {key_of(row): row for row in rows}


def export_document(include_suggested: bool = False) -> dict[str, Any]:
    """The concordance as a document; the aligner's suggestions only when asked for.

    Suggestions are machine guesses, not curated statements: a public export
    that mixed them in would present them as the concordance.
    """
    # A total order, so that two exports of the same concordance are byte-identical.
    correspondences = Correspondence.objects.with_provisions().order_by(
        "left__edition__instrument__position", "left__position",
        "right__edition__instrument__position", "right__position", "pk",
    )
    if not include_suggested:
        correspondences = correspondences.curated()
    missing = MissingCounterpart.objects.with_instruments()
    article_themes: dict[str, dict[str, list[str]]] = {}
    for theme in Theme.objects.prefetch_related("articles__edition__instrument"):
        for article in theme.articles.all():
            instrument = article_themes.setdefault(article.edition.instrument.slug, {})
            instrument.setdefault(article.eid, []).append(theme.slug)
    return {
        "themes": [{"slug": t.slug, "name": t.name} for t in Theme.objects.all()],
        "article_themes": {
            slug: dict(sorted(eids.items(), key=lambda item: eid_sort_key(item[0])))
            for slug, eids in article_themes.items()
        },
        "correspondences": [correspondence_entry(c) for c in correspondences],
        "without_counterpart": [
            {
                **key_of(m.article).as_json(),
                "other_instrument": m.other_instrument.slug,
                "reason": m.reason,
            }
            for m in missing
        ],
    }


def correspondence_entry(c: Correspondence) -> dict[str, Any]:
    entry = {
        "left": key_of(c.left).as_json(),
        "right": key_of(c.right).as_json(),
        "relation": c.relation,
        "note": c.note,
        "themes": [theme.slug for theme in c.themes.all()],
        "status": c.status,
        "origin": c.origin,
    }
    if c.origin == Origin.SUGGESTED:
        entry["score"] = c.score
    return entry


def eid_sort_key(eid: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in eid.replace("__", "_").split("_"))


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    # Existing entries the document does not contain, kept because no replace was asked.
    kept: int = 0
    changes: list[str] = field(default_factory=list)


# --- validation -------------------------------------------------------------

def validate(document: Any, provisions: dict[Key, Provision], *, replace: bool = False) -> list[str]:
    """Every problem of the document, each named by its JSON path; empty if it can be imported."""
    if not isinstance(document, dict):
        return [f"the document must be a JSON object with the keys {list(SECTIONS)}, not {type(document).__name__}."]
    problems: list[str] = []
    unknown = sorted(set(document) - set(SECTIONS))
    if unknown:
        problems.append(f"unknown top-level keys {unknown}; expected {list(SECTIONS)}.")
    if replace:
        absent = [name for name in SECTIONS if name not in document]
        if absent:
            problems.append(
                f"--replace needs every section, so that nothing is deleted by omission; missing: {absent}."
            )
    expected_types = {"themes": list, "article_themes": dict, "correspondences": list, "without_counterpart": list}
    for name, kind in expected_types.items():
        if name in document and not isinstance(document[name], kind):
            problems.append(f"{name}: expected a JSON {'array' if kind is list else 'object'}.")
    if problems:
        return problems

    instruments = set(Instrument.objects.values_list("slug", flat=True))
    theme_slugs = validate_themes(document.get("themes", []), problems)
    theme_slugs |= set(Theme.objects.values_list("slug", flat=True)) if not replace else set()

    def provision(where: str, value: Any) -> Provision | None:
        if (
            not isinstance(value, dict)
            or set(value) != {"instrument", "eid"}
            or not all(isinstance(v, str) for v in value.values())
        ):
            problems.append(f'{where}: expected {{"instrument": "…", "eid": "…"}}, got {value!r}.')
            return None
        found = provisions.get(Key(value["instrument"], value["eid"]))
        if found is None:
            problems.append(f"{where}: {value['instrument']}:{value['eid']} is not a provision.")
        return found

    def theme_list(where: str, value: Any) -> None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{where}: expected a list of theme slugs.")
            return
        unknown = set(value) - theme_slugs
        if unknown:
            problems.append(f"{where}: unknown themes {sorted(unknown)}.")

    seen: set[frozenset[int]] = set()
    for index, entry in enumerate(document.get("correspondences", [])):
        where = f"correspondences[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected an object, got {entry!r}.")
            continue
        extra = sorted(set(entry) - CORRESPONDENCE_FIELDS)
        if extra:
            problems.append(f"{where}: unknown fields {extra}.")
        left = provision(f"{where}.left", entry.get("left"))
        right = provision(f"{where}.right", entry.get("right"))
        if entry.get("relation") not in Relation.values:
            problems.append(f"{where}.relation: {entry.get('relation')!r} is not one of {Relation.values}.")
        if not isinstance(entry.get("note", ""), str):
            problems.append(f"{where}.note: expected a string, got {entry['note']!r}.")
        if entry.get("status", Status.PROPOSED) not in Status.values:
            problems.append(f"{where}.status: {entry.get('status')!r} is not one of {Status.values}.")
        origin = entry.get("origin", Origin.CURATED)
        if origin not in Origin.values:
            problems.append(f"{where}.origin: {origin!r} is not one of {Origin.values}.")
        score = entry.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))):
            problems.append(f"{where}.score: expected a number or null, got {score!r}.")
        elif score is not None and origin != Origin.SUGGESTED:
            problems.append(f"{where}.score: only a suggested correspondence has a score.")
        theme_list(f"{where}.themes", entry.get("themes", []))
        if left and right:
            if left.edition.instrument_id == right.edition.instrument_id:
                problems.append(f"{where}: both sides are in {left.edition.instrument.slug}.")
            pair = frozenset((left.pk, right.pk))
            if pair in seen:
                problems.append(f"{where}: duplicates an earlier correspondence.")
            seen.add(pair)

    gaps_seen: set[tuple[Key, str]] = set()
    for index, entry in enumerate(document.get("without_counterpart", [])):
        where = f"without_counterpart[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected an object, got {entry!r}.")
            continue
        if set(entry) != GAP_FIELDS:
            problems.append(f"{where}: expected the fields {sorted(GAP_FIELDS)}, got {sorted(entry)}.")
            continue
        article = provision(where, {"instrument": entry["instrument"], "eid": entry["eid"]})
        if article is not None and article.kind != "article":
            problems.append(f"{where}: {article.eid} is not an article.")
        other = entry["other_instrument"]
        if other not in instruments:
            problems.append(f"{where}.other_instrument: {other!r} is not an instrument.")
        elif other == entry["instrument"]:
            problems.append(f"{where}.other_instrument: an article cannot lack a counterpart in its own instrument.")
        if not isinstance(entry["reason"], str) or not entry["reason"].strip():
            problems.append(f"{where}.reason: a reason (non-empty text) is required.")
        key = (Key(str(entry["instrument"]), str(entry["eid"])), str(other))
        if key in gaps_seen:
            problems.append(f"{where}: listed twice.")
        gaps_seen.add(key)

    for slug, eids in document.get("article_themes", {}).items():
        if not isinstance(eids, dict):
            problems.append(f"article_themes.{slug}: expected an object mapping article eids to theme lists.")
            continue
        for eid, themes in eids.items():
            article = provision(f"article_themes.{slug}.{eid}", {"instrument": slug, "eid": eid})
            if article is not None and article.kind != "article":
                problems.append(f"article_themes.{slug}.{eid}: {eid} is not an article.")
            theme_list(f"article_themes.{slug}.{eid}", themes)
    return problems


def validate_themes(themes: list, problems: list[str]) -> set[str]:
    slugs: set[str] = set()
    for index, entry in enumerate(themes):
        where = f"themes[{index}]"
        if not isinstance(entry, dict) or set(entry) != {"slug", "name"}:
            problems.append(f'{where}: expected {{"slug": "…", "name": "…"}}, got {entry!r}.')
            continue
        slug, name = entry["slug"], entry["name"]
        if not isinstance(slug, str) or not slug or slugify(slug) != slug:
            problems.append(f"{where}.slug: {slug!r} is not a slug (lower-case letters, digits, hyphens).")
            continue
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}.name: a name (non-empty text) is required.")
        if slug in slugs:
            problems.append(f"{where}: theme {slug!r} listed twice.")
        slugs.add(slug)
    return slugs


# --- import -----------------------------------------------------------------

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
    problems = validate(document, provisions, replace=replace)
    if problems:
        raise ConcordanceDataError(problems)
    report = ImportReport()
    themes = import_themes(document, provisions, replace, report)
    import_correspondences(document, provisions, themes, replace, reason, report)
    import_gaps(document, provisions, replace, reason, report)
    contradictions = contradictory_gaps()
    if contradictions:
        raise ConcordanceDataError(contradictions)
    if dry_run:
        raise DryRun(report)
    return report


def with_reason(instance, reason: str):
    instance._change_reason = reason[:100]
    return instance


def import_correspondences(document, provisions, themes, replace, reason, report) -> None:
    existing = {(c.left_id, c.right_id): c for c in Correspondence.objects.with_provisions()}
    wanted: set[tuple[int, int]] = set()
    entries = document.get("correspondences", [])
    for entry in entries:
        wanted.add((provisions[Key(**entry["left"])].pk, provisions[Key(**entry["right"])].pk))
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
    for entry in entries:
        left = provisions[Key(**entry["left"])]
        right = provisions[Key(**entry["right"])]
        origin = entry.get("origin", Origin.CURATED)
        values = {
            "relation": entry["relation"],
            "note": entry.get("note", ""),
            "status": entry.get("status", Status.PROPOSED),
            "origin": origin,
            "score": entry.get("score") if origin == Origin.SUGGESTED else None,
        }
        theme_rows = [themes[slug] for slug in entry.get("themes", [])]
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


def import_gaps(document, provisions, replace, reason, report) -> None:
    instruments = {i.slug: i for i in Instrument.objects.all()}
    existing = {(m.article_id, m.other_instrument_id): m for m in MissingCounterpart.objects.with_instruments()}
    wanted = set()
    for entry in document.get("without_counterpart", []):
        article = provisions[Key(entry["instrument"], entry["eid"])]
        other = instruments[entry["other_instrument"]]
        wanted.add((article.pk, other.pk))
        label = f"without counterpart {key_of(article)} in {other.slug}"
        current = existing.get((article.pk, other.pk))
        if current is None:
            with_reason(
                MissingCounterpart(article=article, other_instrument=other, reason=entry["reason"]), reason
            ).save()
            report.created += 1
            report.changes.append(f"+ {label}")
        elif current.reason != entry["reason"]:
            current.reason = entry["reason"]
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
    for left_edition, left_article, left_instrument, right_edition, right_article, right_instrument in (
        Correspondence.objects.curated().values_list(
            "left__edition_id", "left__article_eid", "left__edition__instrument_id",
            "right__edition_id", "right__article_eid", "right__edition__instrument_id",
        )
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
    document: dict[str, Any], provisions: dict[Key, Provision], replace: bool, report: ImportReport
) -> dict[str, Theme]:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    listed = document.get("themes", [])
    for position, entry in enumerate(listed):
        current = themes.get(entry["slug"])
        if current is None:
            themes[entry["slug"]] = Theme.objects.create(slug=entry["slug"], name=entry["name"], position=position)
            report.changes.append(f"+ theme {entry['slug']}")
        elif (current.name, current.position) != (entry["name"], position):
            current.name, current.position = entry["name"], position
            current.save()
            report.changes.append(f"~ theme {entry['slug']}")
    if replace:
        dropped = [slug for slug in themes if slug not in {e["slug"] for e in listed}]
        for slug in dropped:
            themes.pop(slug).delete()
            report.changes.append(f"- theme {slug}")

    article_themes = document.get("article_themes", {})
    wanted = {
        provisions[Key(instrument, eid)].pk: list(dict.fromkeys(slugs))
        for instrument, eids in article_themes.items()
        for eid, slugs in eids.items()
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
    return themes
