"""The concordance as readable JSON: the curated fixture, exports and imports.

The document names provisions by instrument slug and eid. Importing a
document makes the database say exactly what it says, in one transaction,
touching only what differs, so that history records real changes only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from concordance.corpus.models import Provision
from concordance.mapping.models import (
    Correspondence,
    MissingCounterpart,
    Origin,
    Relation,
    Status,
    Theme,
)


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


def key_of(provision: Provision) -> Key:
    return Key(provision.edition.instrument.slug, provision.eid)


def primary_provisions() -> dict[Key, Provision]:
    rows = Provision.objects.filter(edition__is_primary=True).select_related("edition__instrument")
    return {key_of(row): row for row in rows}


def export_document() -> dict[str, Any]:
    correspondences = Correspondence.objects.with_provisions()
    missing = MissingCounterpart.objects.select_related("article__edition__instrument")
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
        "correspondences": [
            {
                "left": key_of(c.left).as_json(),
                "right": key_of(c.right).as_json(),
                "relation": c.relation,
                "note": c.note,
                "themes": [theme.slug for theme in c.themes.all()],
                "status": c.status,
                "origin": c.origin,
            }
            for c in correspondences
        ],
        "without_counterpart": [
            {**key_of(m.article).as_json(), "reason": m.reason} for m in missing
        ],
    }


def eid_sort_key(eid: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in eid.replace("__", "_").split("_"))


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0


def validate(document: dict[str, Any], provisions: dict[Key, Provision]) -> list[str]:
    problems: list[str] = []
    theme_slugs = {theme.get("slug") for theme in document.get("themes", [])}

    def provision(where: str, value: Any) -> Provision | None:
        if not isinstance(value, dict) or set(value) != {"instrument", "eid"}:
            problems.append(f"{where}: expected {{\"instrument\": …, \"eid\": …}}.")
            return None
        found = provisions.get(Key(value["instrument"], value["eid"]))
        if found is None:
            problems.append(f"{where}: {value['instrument']}:{value['eid']} is not a provision.")
        return found

    seen: set[frozenset[int]] = set()
    for index, entry in enumerate(document.get("correspondences", [])):
        where = f"correspondences[{index}]"
        left = provision(f"{where}.left", entry.get("left"))
        right = provision(f"{where}.right", entry.get("right"))
        if entry.get("relation") not in Relation.values:
            problems.append(f"{where}.relation: {entry.get('relation')!r} is not one of {Relation.values}.")
        if entry.get("status", Status.PROPOSED) not in Status.values:
            problems.append(f"{where}.status: {entry.get('status')!r} is not one of {Status.values}.")
        if entry.get("origin", Origin.CURATED) not in Origin.values:
            problems.append(f"{where}.origin: {entry.get('origin')!r} is not one of {Origin.values}.")
        unknown = set(entry.get("themes", [])) - theme_slugs
        if unknown:
            problems.append(f"{where}.themes: unknown themes {sorted(unknown)}.")
        if left and right:
            if left.edition.instrument_id == right.edition.instrument_id:
                problems.append(f"{where}: both sides are in {left.edition.instrument.slug}.")
            pair = frozenset((left.pk, right.pk))
            if pair in seen:
                problems.append(f"{where}: duplicates an earlier correspondence.")
            seen.add(pair)
    articles_seen: set[Key] = set()
    for index, entry in enumerate(document.get("without_counterpart", [])):
        where = f"without_counterpart[{index}]"
        key = {"instrument": entry.get("instrument"), "eid": entry.get("eid")}
        article = provision(where, key)
        if article is not None and article.kind != "article":
            problems.append(f"{where}: {article.eid} is not an article.")
        if not str(entry.get("reason", "")).strip():
            problems.append(f"{where}: a reason is required.")
        if Key(**key) in articles_seen:
            problems.append(f"{where}: listed twice.")
        articles_seen.add(Key(**key))
    for slug, eids in document.get("article_themes", {}).items():
        for eid, themes in eids.items():
            provision(f"article_themes.{slug}.{eid}", {"instrument": slug, "eid": eid})
            unknown = set(themes) - theme_slugs
            if unknown:
                problems.append(f"article_themes.{slug}.{eid}: unknown themes {sorted(unknown)}.")
    return problems


@transaction.atomic
def import_document(document: dict[str, Any]) -> ImportReport:
    provisions = primary_provisions()
    problems = validate(document, provisions)
    if problems:
        raise ConcordanceDataError(problems)
    report = ImportReport()
    themes = import_themes(document, provisions)

    existing = {(c.left_id, c.right_id): c for c in Correspondence.objects.prefetch_related("themes")}
    wanted = set()
    for entry in document.get("correspondences", []):
        left = provisions[Key(**entry["left"])]
        right = provisions[Key(**entry["right"])]
        wanted.add((left.pk, right.pk))
        values = {
            "relation": entry["relation"],
            "note": entry.get("note", ""),
            "status": entry.get("status", Status.PROPOSED),
            "origin": entry.get("origin", Origin.CURATED),
        }
        theme_rows = [themes[slug] for slug in entry.get("themes", [])]
        current = existing.get((left.pk, right.pk))
        if current is None:
            current = Correspondence.objects.create(left=left, right=right, **values)
            current.themes.set(theme_rows)
            report.created += 1
            continue
        changed = any(getattr(current, name) != value for name, value in values.items())
        themes_changed = {t.pk for t in current.themes.all()} != {t.pk for t in theme_rows}
        if changed:
            for name, value in values.items():
                setattr(current, name, value)
            current.save()
        if themes_changed:
            current.themes.set(theme_rows)
        if changed or themes_changed:
            report.updated += 1
        else:
            report.unchanged += 1
    for pair, correspondence in existing.items():
        if pair not in wanted:
            correspondence.delete()
            report.deleted += 1

    missing = {m.article_id: m for m in MissingCounterpart.objects.all()}
    wanted_missing = set()
    for entry in document.get("without_counterpart", []):
        article = provisions[Key(entry["instrument"], entry["eid"])]
        wanted_missing.add(article.pk)
        current = missing.get(article.pk)
        if current is None:
            MissingCounterpart.objects.create(article=article, reason=entry["reason"])
        elif current.reason != entry["reason"]:
            current.reason = entry["reason"]
            current.save()
    for article_pk, row in missing.items():
        if article_pk not in wanted_missing:
            row.delete()
    return report


def import_themes(document: dict[str, Any], provisions: dict[Key, Provision]) -> dict[str, Theme]:
    themes = {}
    for position, entry in enumerate(document.get("themes", [])):
        themes[entry["slug"]], _ = Theme.objects.update_or_create(
            slug=entry["slug"], defaults={"name": entry["name"], "position": position}
        )
    Theme.objects.exclude(slug__in=themes).delete()
    for theme in themes.values():
        theme.articles.clear()
    through = Theme.articles.through
    through.objects.bulk_create(
        [
            through(theme_id=themes[slug].pk, provision_id=provisions[Key(instrument, eid)].pk)
            for instrument, eids in document.get("article_themes", {}).items()
            for eid, slugs in eids.items()
            for slug in dict.fromkeys(slugs)
        ]
    )
    return themes
