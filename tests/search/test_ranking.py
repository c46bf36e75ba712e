"""Ranking at any size of corpus: the best rows of both kinds, the total of every match, and the
SQL that does it (narrow ranking, excerpts of the rows shown only, write-through indexes)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Note, Provision
from concordance.search import sql
from concordance.search.query import SearchFilters, compile_tsquery
from concordance.search.sql import ranked, search_notes, search_provisions
from tests.search.pages import hits, page

pytestmark = pytest.mark.django_db


def tsquery(text: str) -> str:
    return compile_tsquery([text]).tsquery


def reference_ranking(query: str) -> tuple[list[tuple[str, int]], int]:
    """Every match of each kind ranked in full, merged as a reader expects: rank, then provisions
    before notes, then each kind's own order; and the number of matches."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT p.id, ts_rank_cd(p.search_vector, %s::tsquery, 1), i.position, p.position
               FROM corpus_provision p JOIN corpus_edition e ON e.id = p.edition_id
               JOIN corpus_instrument i ON i.id = e.instrument_id
               WHERE p.search_vector @@ %s::tsquery AND e.is_primary""",
            [query, query],
        )
        provisions = [(-rank, 0, ipos, pos, 0, "", 0, "provision", pk) for pk, rank, ipos, pos in cursor.fetchall()]
        cursor.execute(
            """SELECT n.id, ts_rank_cd(n.search_vector, %s::tsquery, 1), i.position, n.source_id, n.kind, n.position
               FROM corpus_note n JOIN corpus_instrument i ON i.id = n.instrument_id
               WHERE n.search_vector @@ %s::tsquery""",
            [query, query],
        )
        notes = [
            (-rank, 1, ipos, 0, src, kind, pos, "note", pk) for pk, rank, ipos, src, kind, pos in cursor.fetchall()
        ]
    merged = sorted(provisions + notes)
    return [(row[-2], row[-1]) for row in merged], len(merged)


@pytest.mark.parametrize("words", ["données", "conservation rapide", "entraide", "génocide"])
@pytest.mark.parametrize("per_page", [1, 7, 25])
def test_each_page_shows_the_next_best_of_every_match_and_the_total_counts_them_all(words, per_page, monkeypatch):
    monkeypatch.setattr(sql, "RESULTS_PER_PAGE", per_page)
    query = tsquery(words)
    order, total = reference_ranking(query)
    last = -(-total // per_page)
    for number in sorted({1, 2, last}):
        found = ranked(
            search_provisions(Provision.objects.all(), query, SearchFilters()),
            search_notes(Note.objects.all(), query, SearchFilters()),
            number,
        )
        assert [(kind, pk) for kind, pk, _ in found.hits] == order[(number - 1) * per_page : number * per_page]
        # The total counts the kind left out of the rows shown too.
        assert found.total == total


def test_a_page_past_the_last_shows_nothing_and_still_counts_every_match():
    query = tsquery("génocide")
    order, total = reference_ranking(query)
    past = ranked(
        search_provisions(Provision.objects.all(), query, SearchFilters()),
        search_notes(Note.objects.all(), query, SearchFilters()),
        -(-total // sql.RESULTS_PER_PAGE) + 1,
    )
    assert past.hits == [] and past.total == total > 0


def test_a_single_kind_is_ranked_alone():
    query = tsquery("données")
    only_notes = ranked(None, search_notes(Note.objects.all(), query, SearchFilters(kind="notes")))
    assert only_notes.hits and {kind for kind, _, _ in only_notes.hits} == {"note"}
    assert ranked(None, None).hits == []


def test_the_ranking_carries_no_text_and_excerpts_are_made_for_the_rows_shown_only(client):
    with CaptureQueriesContext(connection) as queries:
        shown = hits(page(client, q="données"))
    assert len(shown) == sql.RESULTS_PER_PAGE
    ranking = [q["sql"] for q in queries if "ts_rank_cd" in q["sql"]]
    assert len(ranking) == 1, "both kinds are ranked in one statement"
    # Counting every match over wide rows spilled to disk at a hundred times the corpus.
    assert '"text"' not in ranking[0] and '"heading"' not in ranking[0]
    headlines = [q["sql"] for q in queries if "ts_headline" in q["sql"]]
    assert headlines and all("= ANY(" in statement for statement in headlines)
    assert all("ts_headline" not in statement for statement in ranking)


def test_a_search_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    page(client, q="préservation")  # the glossary and the forms' choices cached first
    with django_assert_num_queries(QUERIES_OF_A_SEARCH):
        page(client, q="données relatives au trafic")
    with django_assert_num_queries(QUERIES_OF_A_SEARCH):
        page(client, q="génocide")


def test_the_search_indexes_are_written_through_without_a_pending_list():
    names = ["provision_search_vector_idx", "note_search_vector_idx", "search_word_trgm_idx"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)", [names])
        options = dict(cursor.fetchall())
    assert sorted(options) == sorted(names)
    assert all(value and "fastupdate=off" in value for value in options.values()), options


# The themes and instruments of the filter form; a savepoint, the statement
# timeout and its release; the tsquery; the ranking of both kinds; the
# provisions shown; the notes shown; their references.
QUERIES_OF_A_SEARCH = 10


# -- the vocabulary of the trigram fallback ------------------------------------

VOCABULARY_AS_COMPUTED = """
SELECT word, count(*) FROM (
    SELECT heading, text FROM corpus_provision UNION ALL SELECT heading, text FROM corpus_note
) AS r, unnest(tsvector_to_array(to_tsvector('simple', r.heading || ' ' || r.text))) AS word
GROUP BY word
"""


def vocabulary() -> tuple[dict[str, int], dict[str, int]]:
    """The vocabulary as the triggers kept it, and as the texts give it now."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, row_count FROM search_word")
        kept = dict(cursor.fetchall())
        cursor.execute(VOCABULARY_AS_COMPUTED)
        return kept, dict(cursor.fetchall())


def test_the_vocabulary_follows_every_change_of_the_texts():
    kept, computed = vocabulary()
    assert kept == computed and len(kept) > 1000
    provision = Provision.objects.filter(edition__is_primary=True).order_by("pk").first()
    assert sql.closest_spellings("zorglubaton") == "zorglubaton"
    Provision.objects.filter(pk=provision.pk).update(text=provision.text + " zorglubation")
    assert sql.closest_spellings("zorglubaton") == "zorglubation"
    Provision.objects.filter(pk=provision.pk).update(text=provision.text)
    assert sql.closest_spellings("zorglubaton") == "zorglubaton"
    Note.objects.filter(pk__in=Note.objects.order_by("pk").values("pk")[:5]).delete()
    kept, computed = vocabulary()
    assert kept == computed


def test_the_fallback_reads_the_vocabulary_not_the_texts(client):
    with CaptureQueriesContext(connection) as queries:
        shown = hits(page(client, q="génocyde"))
    assert shown
    respelling = [q["sql"] for q in queries if "similarity(" in q["sql"]]
    assert len(respelling) == 1
    assert "search_word" in respelling[0] and "corpus_provision" not in respelling[0]


def test_the_vocabulary_is_counted_again_after_a_truncate():
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE corpus_note CASCADE")
    kept, computed = vocabulary()
    assert kept == computed
