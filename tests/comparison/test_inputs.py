"""A pair's inputs are the same whichever source builds them, and so is its cache key."""

import pytest
from django.core.cache import cache

from concordance.comparison.inputs import CorpusSnapshot, DatabaseSource, compare_pair, compare_pairs, pair_inputs
from concordance.comparison.lookup import find

pytestmark = pytest.mark.django_db


def test_the_database_and_the_snapshot_give_the_same_inputs_for_every_curated_pair(django_assert_num_queries):
    snapshot = CorpusSnapshot()
    pairs = snapshot.curated_pairs()
    assert len(pairs) > 100
    for link, inputs in pairs:
        left, right = find(inputs.left_instrument, link.left.eid), find(inputs.right_instrument, link.right.eid)
        assert pair_inputs(left, right, DatabaseSource()) == inputs, link
        assert pair_inputs(left, right, DatabaseSource()).cache_key == inputs.cache_key


def test_a_pair_from_the_database_costs_three_queries_and_one_for_headings_below_an_article(django_assert_num_queries):
    articles = find("un", "art_25"), find("budapest", "art_16")
    paragraphs = find("un", "art_25__para_2"), find("budapest", "art_29__para_7")
    with django_assert_num_queries(3):
        pair_inputs(*articles, DatabaseSource())
    with django_assert_num_queries(4):
        pair_inputs(*paragraphs, DatabaseSource())


def test_the_snapshot_costs_two_queries_for_every_pair(django_assert_num_queries):
    with django_assert_num_queries(2):
        CorpusSnapshot().curated_pairs()


def test_a_batch_and_a_single_comparison_share_the_cache():
    cache.clear()
    pairs = CorpusSnapshot().curated_pairs()[:5]
    batch = compare_pairs([inputs for _, inputs in pairs])
    for (_, inputs), comparison in zip(pairs, batch, strict=True):
        assert cache.get(inputs.cache_key) is not None
        assert compare_pair(inputs) == comparison


def test_the_links_of_a_pair_are_indexed_lookups_joined_by_union_not_an_or_across_joins():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from concordance.corpus.models import Provision

    left = Provision.objects.get(edition__instrument__slug="un", edition__is_primary=True, eid="art_40")
    right = Provision.objects.get(edition__instrument__slug="budapest", edition__is_primary=True, eid="art_27")
    with CaptureQueriesContext(connection) as captured:
        pair_inputs(left, right, DatabaseSource())
    links = [q["sql"] for q in captured.captured_queries if '"mapping_correspondence"' in q["sql"]]
    assert links and all(" UNION " in sql and " OR " not in sql for sql in links), links
