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

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from concordance.corpus.models import Provision
from concordance.mapping.interchange.export import correspondence_entry, key_of
from concordance.mapping.models import Correspondence, MissingCounterpart, Theme
from concordance.paging import NoSuchPage, window

PER_PAGE = 500


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
    article_themes: dict[str, dict[str, list[str]]] = {}
    ordered_themes = Prefetch("themes", queryset=Theme.objects.order_by("position"))
    page_articles = list(themed[_part(counts["themed"], number)])
    articles = Provision.objects.filter(pk__in=page_articles).order_by("pk")
    for article in articles.select_related("edition__instrument").prefetch_related(ordered_themes):
        by_eid = article_themes.setdefault(article.edition.instrument.slug, {})
        by_eid[article.eid] = [theme.slug for theme in article.themes.all()]
    return {
        "count": counts["correspondences"],
        "page": number,
        "pages": pages,
        "themes": [{"slug": t.slug, "name": t.name, "name_en": t.name_en} for t in Theme.objects.all()],
        "article_themes": article_themes,
        "correspondences": [
            correspondence_entry(c) for c in correspondences.with_provisions()[_part(counts["correspondences"], number)]
        ],
        "without_counterpart": [
            {**key_of(m.article).as_json(), "other_instrument": m.other_instrument.slug, "reason": m.reason}
            for m in missing.with_instruments()[_part(counts["missing"], number)]
        ],
    }
