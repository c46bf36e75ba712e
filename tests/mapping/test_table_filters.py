"""The concordance table's filters are conditions of its queries (issue 16, §2), with the same rows as before."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Edition, Instrument
from concordance.lib import eids
from concordance.mapping import table
from concordance.mapping.articles import concordance_articles
from concordance.mapping.models import Relation, Theme

pytestmark = pytest.mark.django_db


def filtered_in_python(row: table.ArticleConcordance, filters: table.ConcordanceFilters):
    """The filter as it was applied to every row of the whole table: the reference the queries must match."""
    if filters.chapter and not (row.article.division and eids.is_within(row.article.division.eid, filters.chapter)):
        return None
    if filters.missing and not row.gaps:
        return None
    if filters.theme:
        in_theme = any(t.slug == filters.theme for t in row.themes) or any(
            any(t.slug == filters.theme for t in c.correspondence.themes.all()) for c in row.counterparts
        )
        if not in_theme:
            return None
    if filters.relation:
        matching = [c for c in row.counterparts if c.relation == filters.relation]
        if not matching:
            return None
        row = table.ArticleConcordance(row.article, row.themes, matching, row.gaps)
    return row


def summary(rows: list[table.ArticleConcordance]) -> list[tuple]:
    return [
        (
            row.article.eid,
            [t.slug for t in row.themes],
            sorted((c.correspondence.pk, c.own.eid, c.provision.eid, c.relation) for c in row.counterparts),
            [(g.other_instrument.slug, g.reason) for g in row.gaps],
        )
        for row in rows
    ]


def every_filter(instrument: Instrument) -> list[table.ConcordanceFilters]:
    found = [table.ConcordanceFilters(missing=True)]
    found += [table.ConcordanceFilters(chapter=c.eid) for c in table.chapters(instrument)]
    found += [table.ConcordanceFilters(theme=t.slug) for t in Theme.objects.all()]
    found += [table.ConcordanceFilters(relation=r) for r in Relation.values]
    found += [
        table.ConcordanceFilters(chapter=table.chapters(instrument)[-1].eid, theme="final-clauses", missing=True),
        table.ConcordanceFilters(theme="procedural-powers", relation=Relation.BROADER),
    ]
    return found


@pytest.mark.parametrize("slug", ["un", "budapest", "budapest-p1"])
def test_the_rows_the_database_keeps_are_those_the_python_filter_kept(slug):
    instrument = Instrument.objects.get(slug=slug)
    everything = table.concordance_rows(instrument, table.ConcordanceFilters())
    kept_somewhere = 0
    for filters in every_filter(instrument):
        expected = [r for r in (filtered_in_python(row, filters) for row in everything) if r is not None]
        assert summary(table.concordance_rows(instrument, filters)) == summary(expected), filters
        kept_somewhere += bool(expected) and len(expected) < len(everything)
    assert kept_somewhere > 5  # the filters do narrow the table


def un_articles():
    return concordance_articles().filter(edition=Edition.objects.get(instrument__slug="un", is_primary=True))


def eids_of(articles) -> set[str]:
    return set(articles.values_list("eid", flat=True))


def test_in_chapter_keeps_the_articles_of_its_sections_too():
    chapter = eids_of(un_articles().in_chapter("chp_4"))
    assert {"art_23", "art_25"} <= chapter
    assert "art_40" not in chapter and "art_1" not in chapter
    budapest = concordance_articles().filter(edition__instrument__slug="budapest", edition__is_primary=True)
    # Budapest's chapter II is in sections: substantive law (art. 2-13), procedure (14-21), jurisdiction (22).
    assert {"art_2", "art_16", "art_22"} <= eids_of(budapest.in_chapter("chp_2"))
    assert {"art_1", "art_23"}.isdisjoint(eids_of(budapest.in_chapter("chp_2")))
    in_sections = budapest.in_chapter("chp_2").select_related("division")
    assert all(row.division.eid.startswith("chp_2__") for row in in_sections)


def test_under_theme_keeps_articles_filed_under_it_or_linked_under_it():
    assert {"art_25", "art_26", "art_29"} <= eids_of(un_articles().under_theme("procedural-powers"))
    assert "art_7" not in eids_of(un_articles().under_theme("procedural-powers"))
    assert eids_of(un_articles().under_theme("no-such-theme")) == set()


def test_with_relation_reads_the_relation_from_the_articles_side():
    from_un = eids_of(un_articles().with_relation(Relation.BROADER))
    budapest = concordance_articles().filter(edition__instrument__slug="budapest", edition__is_primary=True)
    # Each broader link from the UN is a narrower one from Budapest, and the other way round.
    assert from_un
    narrower_from_budapest = eids_of(budapest.with_relation(Relation.NARROWER))
    assert narrower_from_budapest
    assert eids_of(un_articles().with_relation(Relation.EQUIVALENT)) >= {"art_25"}


def test_without_counterpart_keeps_the_recorded_gaps():
    assert "art_16" in eids_of(un_articles().without_counterpart())
    assert "art_25" not in eids_of(un_articles().without_counterpart())


def test_a_filtered_table_reads_only_the_rows_it_shows():
    un = Instrument.objects.get(slug="un")
    with CaptureQueriesContext(connection) as captured:
        rows = table.concordance_rows(un, table.ConcordanceFilters(chapter="chp_4"))
    assert rows and all(eids.is_within(row.article.division.eid, "chp_4") for row in rows)
    counterparts = {c.correspondence.pk for row in rows for c in row.counterparts}
    # The correspondences fetched are those of the rows kept, not the table's.
    fetched = table.concordance_rows(un, table.ConcordanceFilters())
    assert counterparts < {c.correspondence.pk for row in fetched for c in row.counterparts}
    assert max(len(q["sql"]) for q in captured.captured_queries) < 4_000
