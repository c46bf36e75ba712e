"""A theme's rows, cut once per data version and kept in the cache, read a page at a time."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Provision
from concordance.mapping.models import Correspondence, Origin, Relation, Theme
from concordance.mapping.themes import align_rows, theme_layout

pytestmark = pytest.mark.django_db

Key = tuple[int, str]


def reference_rows(theme: Theme) -> list[list[Key]]:
    """The rows as ``align_rows`` cuts them, from the ORM: each row's articles in reading order."""
    keys = theme.articles.filter(edition__is_primary=True).order_by("edition__instrument__position", "position")
    columns: dict[int, list[Key]] = {}
    for instrument_id, edition_id, eid in keys.values_list("edition__instrument_id", "edition_id", "eid"):
        columns.setdefault(instrument_id, []).append((edition_id, eid))
    linked = {
        frozenset(((a, b), (c, d)))
        for a, b, c, d in Correspondence.objects.curated().values_list(
            "left__edition_id", "left__article_eid", "right__edition_id", "right__article_eid"
        )
    }
    return [[key for cell in row for key in cell] for row in align_rows(list(columns.values()), linked)]


def layout_rows(theme: Theme) -> list[list[Key]]:
    return [[key for keys in row.values() for key in keys] for row in theme_layout(theme).rows]


def test_every_theme_is_cut_into_the_rows_align_rows_gives():
    themes = list(Theme.objects.all())
    assert len(themes) > 5
    for theme in themes:
        assert layout_rows(theme) == reference_rows(theme), theme.slug
    all_rows = [row for theme in themes for row in reference_rows(theme)]
    assert any(len(row) > 2 for row in all_rows) and any(len(row) == 1 for row in all_rows)


def test_the_cut_is_kept_while_the_data_is_unchanged(django_assert_num_queries):
    theme = Theme.objects.get(slug="procedural-powers")
    rows = theme_layout(theme).rows
    with CaptureQueriesContext(connection) as queries:
        assert theme_layout(theme).rows == rows
    # One look at the data version; the theme's articles and links are not read again.
    assert len(queries) == 1 and "versioning_dataversion" in queries[0]["sql"]


def test_a_curators_link_regroups_the_rows_in_the_same_transaction():
    theme = Theme.objects.get(slug="procedural-powers")
    rows = layout_rows(theme)
    first = Provision.objects.get(edition_id=rows[0][0][0], eid=rows[0][0][1])
    # An article alone in its row, in another instrument than the first row's.
    alone = [row[0] for row in rows if len(row) == 1 and row[0][0] != first.edition_id]
    other = Provision.objects.get(edition_id=alone[-1][0], eid=alone[-1][1])
    Correspondence.objects.create(left=first, right=other, relation=Relation.PARTIAL, origin=Origin.CURATED)
    regrouped = layout_rows(theme)
    assert (other.edition_id, other.eid) in regrouped[0]
    assert len(regrouped) == len(rows) - 1
    assert regrouped == reference_rows(theme)


@pytest.fixture
def short_pages(monkeypatch):
    from concordance.mapping import themes

    monkeypatch.setattr(themes, "ROWS_PER_PAGE", 3)


@pytest.fixture
def long_theme():
    """A theme holding every article of every instrument."""
    theme = Theme.objects.get(slug="asset-recovery")
    theme.articles.set(Provision.objects.filter(kind="article", edition__is_primary=True))
    return theme


def page_articles(page: str) -> list[str]:
    table = page[page.index('class="concordance theme-side-by-side"') :]
    return re.findall(r'href="(/[a-z0-9-]+/art-\d+/)"', table[: table.index("</table>")])


def test_queries_do_not_grow_with_the_themes_size(client, short_pages, long_theme):
    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    last = -(-len(reference_rows(long_theme)) // 3)
    assert last > 20
    short = queries("/themes/procedural-powers/")
    assert queries("/themes/asset-recovery/") == short
    assert queries(f"/themes/asset-recovery/?page={last}") == short


def test_the_last_page_of_a_long_theme_shows_its_last_rows(client, short_pages, long_theme):
    rows = reference_rows(long_theme)
    assert len(rows) > 60
    last = -(-len(rows) // 3)
    page = client.get(f"/themes/asset-recovery/?page={last}").content.decode()
    articles = {
        (p.edition_id, p.eid): f"/{p.edition.instrument.slug}/art-{p.article_number}/"
        for p in Provision.objects.filter(kind="article", edition__is_primary=True).select_related(
            "edition__instrument"
        )
    }
    expected = rows[(last - 1) * 3 :]
    assert page_articles(page) == [articles[key] for row in expected for key in row]
    assert f"{len(rows) - len(expected) + 1}–{len(rows)} sur {len(rows)}" in page
    assert client.get(f"/themes/asset-recovery/?page={last + 1}").status_code == 404


def test_the_correspondences_are_listed_in_their_order_a_page_at_a_time(monkeypatch):
    from django.http import QueryDict

    from concordance.mapping import themes

    monkeypatch.setattr(themes, "LINKS_PER_PAGE", 4)
    theme = Theme.objects.get(slug="procedural-powers")
    layout = theme_layout(theme)
    pages = -(-len(layout.links) // 4)
    listed = [
        linked.correspondence.pk
        for number in range(1, pages + 1)
        for linked in themes.theme_links(layout, QueryDict(f"links={number}")).items
    ]
    expected = list(Correspondence.objects.curated().filter(themes=theme).values_list("pk", flat=True))
    assert listed == expected and len(set(listed)) == len(listed) > 8
