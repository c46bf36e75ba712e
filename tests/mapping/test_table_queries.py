"""The concordance's look-ups keep the same shape as the corpus grows (issue 16, §2)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Edition, Instrument, Provision
from concordance.mapping import table

pytestmark = pytest.mark.django_db


def statements(call) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        call()
    return [query["sql"] for query in captured.captured_queries]


def test_the_correspondences_of_an_edition_are_two_indexed_lookups_not_an_or_across_joins():
    edition = Edition.objects.get(instrument__slug="un", is_primary=True)
    first = statements(lambda: table.correspondences_of(edition))[0]
    assert " UNION " in first
    assert " OR " not in first


def test_no_statement_grows_with_the_number_of_articles_reached():
    # The UN table reaches about a hundred articles: one OR term per article
    # made a 9,000-character statement here, and 450 KB at a hundred times
    # the corpus. One term per edition keeps it short.
    edition = Edition.objects.get(instrument__slug="un", is_primary=True)
    correspondences = table.correspondences_of(edition)
    articles = {(c.left_article.pk, c.right_article.pk) for c in correspondences}
    assert len(articles) > 50
    longest = max(len(sql) for sql in statements(lambda: table.correspondences_of(edition)))
    assert longest < 4_000


def test_the_correspondences_of_two_compared_articles_are_found_through_the_provisions_index():
    left = Provision.objects.get(edition__instrument__slug="un", edition__is_primary=True, eid="art_25")
    right = Provision.objects.get(edition__instrument__slug="budapest", edition__is_primary=True, eid="art_16")
    found = []
    first = statements(lambda: found.extend(table.correspondences_of_articles([left, right])))[0]
    assert " UNION " in first
    assert ("art_25", "art_16") in {(c.left_article.eid, c.right_article.eid) for c in found}


def test_the_article_counterparts_read_the_article_from_both_sides():
    un = Instrument.objects.get(slug="un")
    budapest = Instrument.objects.get(slug="budapest")
    from_un = table.article_counterparts(un, "art_25")
    from_budapest = table.article_counterparts(budapest, "art_16")
    assert "art_16" in {c.article.eid for c in from_un.curated}
    assert "art_25" in {c.article.eid for c in from_budapest.curated}
