"""The concordance document in pages, for the JSON API (``/api/concordance/?page=N``).

The whole document grows with the corpus (9 MB and 5 s at a hundred times
the corpus), so the API gives it a page at a time: each page is a
``ConcordanceDocument`` carrying every theme and up to ``PER_PAGE`` entries
of each list, taken in the order of their ids, which the primary keys'
indexes give without sorting the whole list. Concatenating the pages'
``correspondences`` and ``without_counterpart`` and merging their
``article_themes`` gives the whole document (an article's themes are never
split between pages); ``manage.py export_concordance`` writes it in one piece,
in the document order.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from concordance.mapping.interchange.export import entry_of
from concordance.mapping.interchange.schema import Key
from concordance.mapping.models import Correspondence, MissingCounterpart, Theme
from concordance.paging import NoSuchPage, window

PER_PAGE = 500

M = TypeVar("M", Correspondence, MissingCounterpart)


def _pages(count: int) -> int:
    return max(1, -(-count // PER_PAGE))


def _part(count: int, number: int) -> slice:
    """The entries of page ``number`` of a list of ``count`` (none when the list ends before it)."""
    return window(number, count, PER_PAGE) if number <= _pages(count) else slice(0, 0)


def concordance_page(number: int) -> dict[str, Any]:
    """Page ``number`` (from 1) of the curated concordance, with ``count``, ``page`` and ``pages``.

    Raises ``NoSuchPage`` past the last page.
    """
    correspondences = Correspondence.objects.curated().order_by("pk")
    missing = MissingCounterpart.objects.order_by("pk")
    # The articles filed under a theme, counted and cut into pages on the
    # theme links' own index, not by a semi-join over every provision.
    themed = Theme.articles.through.objects.values_list("provision_id", flat=True).distinct().order_by("provision_id")
    counts = {"correspondences": correspondences.count(), "missing": missing.count(), "themed": themed.count()}
    pages = max(_pages(count) for count in counts.values())
    if number > pages:
        raise NoSuchPage(_("Il n'y a que %(pages)d page(s).") % {"pages": pages})
    return {
        "count": counts["correspondences"],
        "page": number,
        "pages": pages,
        "themes": [{"slug": t.slug, "name": t.name, "name_en": t.name_en} for t in Theme.objects.all()],
        "article_themes": _article_themes(list(themed[_part(counts["themed"], number)])),
        "correspondences": _correspondences(_on_page(correspondences, _part(counts["correspondences"], number))),
        "without_counterpart": [
            {**Key(instrument, eid).as_json(), "other_instrument": other, "reason": reason}
            for instrument, eid, other, reason in _on_page(missing, _part(counts["missing"], number)).values_list(
                "article__edition__instrument__slug", "article__eid", "other_instrument__slug", "reason"
            )
        ],
    }


def _on_page(entries: QuerySet[M], part: slice) -> QuerySet[M]:
    """The entries of ``part`` of a list in the order of ids, joined to nothing but themselves.

    The page's ids are picked on the primary key's index alone; joining
    first (to the provisions, editions and instruments the entries name)
    joined every entry before the page too: page 42 of 43 took 117 ms of SQL
    at a hundred times the corpus.
    """
    return entries.model._default_manager.filter(pk__in=entries.values("pk")[part]).order_by("pk")


# The page's entries are read as values, not models: building the 8,600
# model instances of a full page (each correspondence with its provisions,
# editions and instruments, whole texts included) was most of its 230 ms at
# a hundred times the corpus.


def _article_themes(articles: list[int]) -> dict[str, dict[str, list[str]]]:
    """The themes of the page's articles (ids in order), by instrument and article, each in the themes' order."""
    article_themes: dict[str, dict[str, list[str]]] = {}
    filed = (
        Theme.articles.through.objects.filter(provision_id__in=articles)
        .order_by("provision_id", "theme__position")
        .values_list("provision__edition__instrument__slug", "provision__eid", "theme__slug")
    )
    for instrument, eid, theme in filed:
        article_themes.setdefault(instrument, {}).setdefault(eid, []).append(theme)
    return article_themes


def _correspondences(page: QuerySet[Correspondence]) -> list[dict[str, Any]]:
    """The page's correspondences as the document writes them (two queries)."""
    rows = list(
        page.values_list(
            "pk",
            "left__edition__instrument__slug",
            "left__eid",
            "right__edition__instrument__slug",
            "right__eid",
            "relation",
            "note",
            "status",
            "origin",
            "score",
            "left_sentence",
            "right_sentence",
        )
    )
    themes: dict[int, list[str]] = defaultdict(list)
    filed = (
        Correspondence.themes.through.objects.filter(correspondence_id__in=[row[0] for row in rows])
        .order_by("correspondence_id", "theme__position")
        .values_list("correspondence_id", "theme__slug")
    )
    for pk, theme in filed:
        themes[pk].append(theme)
    return [
        entry_of(
            Key(left, left_eid), Key(right, right_eid), relation, note, themes[pk], status, origin, score, lsent, rsent
        )
        for pk, left, left_eid, right, right_eid, relation, note, status, origin, score, lsent, rsent in rows
    ]
