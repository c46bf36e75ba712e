"""A theme's page: its articles side by side, a row per group of corresponding articles, and its links.

Both lists grow with the corpus (a hundred copies of the corpus put some
2,000 articles and 3,400 links under one theme), so both are paginated and
a page reads only its own articles and links. The grouping into rows
(``align_rows``) is greedy, in reading order, so a row depends on every row
before it: the whole theme is cut into rows once per data version, from
light keys (three short values per article, and the links among the
theme's own articles), and kept in the cache (``ThemeLayout``); a page then
takes its rows from it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Exists, OuterRef, Q
from django.http import QueryDict

from concordance.corpus.models import Instrument, Provision
from concordance.mapping.models import Correspondence, Theme
from concordance.mapping.table import LinkedCorrespondence, with_articles
from concordance.paging import Page, page_number, page_of, window
from concordance.versioning.versions import per_data_version

K = TypeVar("K", bound=Hashable)
ArticleKey = tuple[int, str]  # (edition id, article eid)

ROWS_PER_PAGE = 30
LINKS_PER_PAGE = 50
ROWS_PAGE = "page"
LINKS_PAGE = "links"

# How much of an article's opening words the theme page shows.
EXCERPT_CHARACTERS = 280


@dataclass(frozen=True)
class ThemeCell:
    article: Provision
    excerpt: str  # the article's opening words, verbatim


@dataclass(frozen=True)
class ThemeColumn:
    instrument: Instrument
    total: int  # the instrument's articles under the theme, on every page


@dataclass(frozen=True)
class ThemeArticles:
    """One page of the side-by-side table."""

    columns: list[ThemeColumn]  # the instruments with an article on this page
    rows: list[list[list[ThemeCell]]]
    page: Page[dict[int, list[ArticleKey]]]  # each row's articles by instrument id
    without_articles: list[Instrument]  # instruments with no article under the theme at all


def align_rows(columns: list[list[K]], linked: set[frozenset[K]]) -> list[list[list[K]]]:
    """Rows of articles, one list per column, aligned by correspondence.

    Each article appears once: in the row of the first article (column by
    column, in document order) that links to it, or in a row of its own.
    """
    return [[group.get(index, []) for index in range(len(columns))] for group in align_groups(columns, linked)]


def align_groups(columns: list[list[K]], linked: set[frozenset[K]]) -> list[dict[int, list[K]]]:
    """``align_rows``, each row only with its non-empty columns: a row of a
    hundred instruments' columns would be a hundred empty lists."""
    place: dict[K, tuple[int, int]] = {key: (c, i) for c, column in enumerate(columns) for i, key in enumerate(column)}
    # Each article's linked articles, in column then document order: the
    # order the table reads them in, without a pass over every other article.
    neighbours: dict[K, list[K]] = defaultdict(list)
    for pair in linked:
        if len(pair) == 2:
            one, other = pair
            if one in place and other in place:
                neighbours[one].append(other)
                neighbours[other].append(one)
    placed: set[K] = set()
    rows = []
    for index, column in enumerate(columns):
        for key in column:
            if key in placed:
                continue
            row: dict[int, list[K]] = {index: [key]}
            placed.add(key)
            for other in sorted(neighbours[key], key=place.__getitem__):
                if other not in placed and place[other][0] != index:
                    row.setdefault(place[other][0], []).append(other)
                    placed.add(other)
            rows.append(row)
    return rows


def _under(theme: Theme, side: str) -> Exists:
    """The correspondence's article on ``side`` is filed under the theme."""
    return Exists(
        Theme.articles.through.objects.filter(
            theme=theme,
            provision__edition_id=OuterRef(f"{side}__edition_id"),
            provision__eid=OuterRef(f"{side}__article_eid"),
        )
    )


@dataclass(frozen=True)
class ThemeLayout:
    """A theme cut into rows: what every page of its table needs but the articles themselves."""

    rows: list[dict[int, list[ArticleKey]]]  # each row's articles by instrument id
    totals: dict[int, int]  # each instrument's articles under the theme, by instrument id
    without_articles: list[int]  # the instruments with no article under the theme
    # The theme's curated correspondences in the order they are listed: sorting
    # them for each page cost 19 ms at a hundred times the corpus (3,400 links).
    links: list[int]


def theme_layout(theme: Theme) -> ThemeLayout:
    """The theme's rows and links, cut once per data version (a query to find them; four more to cut them)."""
    return per_data_version("theme-layout", theme.pk, lambda: _cut(theme))


def _cut(theme: Theme) -> ThemeLayout:
    keys = list(
        theme.articles.filter(edition__is_primary=True)
        .order_by("edition__instrument__position", "position")
        .values_list("edition__instrument_id", "edition_id", "eid")
    )
    by_instrument: dict[int, list[ArticleKey]] = defaultdict(list)
    for instrument_id, edition_id, eid in keys:
        by_instrument[instrument_id].append((edition_id, eid))
    order = list(Instrument.objects.order_by("position").values_list("pk", flat=True))
    present = [pk for pk in order if by_instrument.get(pk)]
    # The links between two articles of the theme only: no other can put two of them in one row.
    linked = {
        frozenset(((left_edition, left_article), (right_edition, right_article)))
        for left_edition, left_article, right_edition, right_article in Correspondence.objects.curated()
        .filter(_under(theme, "left"), _under(theme, "right"))
        .order_by()
        .values_list("left__edition_id", "left__article_eid", "right__edition_id", "right__article_eid")
    }
    groups = align_groups([by_instrument[pk] for pk in present], linked)
    return ThemeLayout(
        rows=[{present[index]: cell for index, cell in sorted(group.items())} for group in groups],
        totals={pk: len(by_instrument[pk]) for pk in present},
        without_articles=[pk for pk in order if not by_instrument.get(pk)],
        links=list(Correspondence.objects.curated().filter(themes=theme).values_list("pk", flat=True)),
    )


def theme_articles(layout: ThemeLayout, query: QueryDict) -> ThemeArticles:
    """The page of the side-by-side table that ``query`` asks for (three queries)."""
    number = page_number(query, ROWS_PAGE)
    count = len(layout.rows)
    page = page_of(layout.rows[window(number, count, ROWS_PER_PAGE)], count, number, ROWS_PER_PAGE, query, ROWS_PAGE)
    on_page = {pk for row in page.items for pk in row}
    instruments = Instrument.objects.filter(pk__in=[*on_page, *layout.without_articles]).order_by("position")
    shown = [i for i in instruments if i.pk in on_page]
    cells = _cells({key for row in page.items for keys in row.values() for key in keys})
    return ThemeArticles(
        columns=[ThemeColumn(i, layout.totals[i.pk]) for i in shown],
        rows=[[[cells[key] for key in row.get(i.pk, [])] for i in shown] for row in page.items],
        page=page,
        without_articles=[i for i in instruments if i.pk not in layout.totals],
    )


def _cells(keys: set[ArticleKey]) -> dict[ArticleKey, ThemeCell]:
    """The page's articles with their opening words (two queries; the statements grow with the page only)."""
    if not keys:
        return {}
    wanted: dict[int, list[str]] = defaultdict(list)
    for edition, eid in sorted(keys):
        wanted[edition].append(eid)
    articles_of = Q()
    texts_of = Q()
    for edition_id, article_eids in wanted.items():
        articles_of |= Q(edition_id=edition_id, eid__in=article_eids)
        texts_of |= Q(edition_id=edition_id, article_eid__in=article_eids)
    articles = {
        (a.edition_id, a.eid): a
        for a in Provision.objects.filter(articles_of, kind="article").select_related("edition__instrument")
    }
    excerpts: dict[ArticleKey, str] = defaultdict(str)
    texts = (
        Provision.objects.filter(texts_of)
        .exclude(text="")
        .order_by("edition_id", "position")
        .values_list("edition_id", "article_eid", "text")
    )
    for edition_id, article_eid, text in texts:
        key = (edition_id, article_eid)
        if len(excerpts[key]) < EXCERPT_CHARACTERS:
            excerpts[key] = f"{excerpts[key]} {text}".strip()
    return {key: ThemeCell(articles[key], excerpts[key]) for key in keys}


def theme_links(layout: ThemeLayout, query: QueryDict) -> Page[LinkedCorrespondence]:
    """The page of the theme's curated correspondences that ``query`` asks for (three queries)."""
    number = page_number(query, LINKS_PAGE)
    count = len(layout.links)
    ids = layout.links[window(number, count, LINKS_PER_PAGE)]
    by_id = {c.pk: c for c in Correspondence.objects.filter(pk__in=ids).with_provisions()}
    shown = [by_id[pk] for pk in ids]
    return page_of(with_articles(shown), count, number, LINKS_PER_PAGE, query, LINKS_PAGE)
