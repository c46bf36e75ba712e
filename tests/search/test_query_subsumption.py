"""A glossary variant that another variant already covers is left out of the tsquery: the same
rows match and every rank is the same, row by row, whatever the glossary term searched."""

import pytest
from django.db import connection

from concordance.glossary import search_glossary
from concordance.search import query as search_query
from concordance.search.query import compile_tsquery, glossary_variants, subsumes

# websearch_to_tsquery's output, as compile_tsquery reads it.
ENTRAIDE = "'entraid'"
ENTRAIDE_JUDICIAIRE_PHRASE = "'entraid' <-> 'judiciair'"


@pytest.mark.parametrize(
    ("broader", "narrower", "expected"),
    [
        (ENTRAIDE, ENTRAIDE_JUDICIAIRE_PHRASE, True),
        (ENTRAIDE, "'entraid' & 'judiciair'", True),
        ("'donne'", "'donne' & ( 'relat' <-> 'trafic' )", True),
        # The broader side must be a single word: ranks differ otherwise.
        ("'conserv' & 'rapid'", "'conserv' <-> 'rapid'", False),
        ("'part' & 'requer'", "'etat' <-> 'part' <-> 'requer'", False),
        (ENTRAIDE_JUDICIAIRE_PHRASE, ENTRAIDE, False),
        ("'entraid' <-> 'judiciair'", "'entraid' <-> 'judiciair' & 'penal'", False),
        ("'entraid' | 'extradit'", ENTRAIDE_JUDICIAIRE_PHRASE, False),
        # A word the narrower side does not require, or does not have.
        ("'relat'", "'donne' <2> 'trafic'", False),
        ("'preserv'", "'conserv' <-> 'rapid'", False),
        # Alternatives and exclusions are never read as required words.
        (ENTRAIDE, "'entraid' <-> 'judiciair' | 'extradit'", False),
        (ENTRAIDE, "'entraid' & !'penal'", False),
        ("'entraid' & !'penal'", "'entraid' <-> 'judiciair'", False),
    ],
)
def test_a_variant_is_left_out_only_when_another_requires_nothing_more(broader, narrower, expected):
    assert subsumes(broader, narrower) is expected


# Rows matched by one query and not the other; rows ranked differently; rows matched.
COMPARED = """
SELECT count(*) FILTER (WHERE (search_vector @@ %s::tsquery) <> (search_vector @@ %s::tsquery)),
       count(*) FILTER (WHERE search_vector @@ %s::tsquery
                        AND ts_rank_cd(search_vector, %s::tsquery, 1) <> ts_rank_cd(search_vector, %s::tsquery, 1)),
       count(*) FILTER (WHERE search_vector @@ %s::tsquery)
FROM {table}
"""


def every_glossary_query() -> list[str]:
    glossary = search_glossary()
    return sorted({term for entry in glossary.entries for forms in entry.terms.values() for term in forms})


def compiled_both_ways(text: str, monkeypatch) -> tuple[str, str]:
    variants, _ = glossary_variants(text, search_glossary())
    kept = compile_tsquery(variants)
    with monkeypatch.context() as patched:
        patched.setattr(search_query, "subsumes", lambda broader, narrower: False)
        every = compile_tsquery(variants)
    assert kept.highlight == every.highlight, "the left-out variant's words are still marked"
    return kept.tsquery, every.tsquery


@pytest.mark.django_db
def test_leaving_out_covered_variants_changes_no_match_and_no_rank(monkeypatch):
    shortened = 0
    for text in [*every_glossary_query(), "entraide", "entraide judiciaire", "conservation rapide"]:
        kept, every = compiled_both_ways(text, monkeypatch)
        if kept == every:
            continue
        shortened += 1
        for table in ("corpus_provision", "corpus_note"):
            with connection.cursor() as cursor:
                cursor.execute(COMPARED.format(table=table), [kept, every, kept, kept, every, kept])
                differing_matches, differing_ranks, matches = cursor.fetchone()
            assert (differing_matches, differing_ranks) == (0, 0), (text, table, kept, every)
            assert table == "corpus_note" or matches, text
    # The glossary has such terms: the comparison above is not vacuous.
    assert shortened >= 5
