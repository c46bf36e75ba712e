"""Queries the search page must take in its stride: empty, punctuation only, too long, repetitive,
SQL-looking, with control characters or NUL bytes, common words only, exclusions only."""

import pytest
from django.db import connection

from concordance.corpus.models import Provision
from concordance.search import views
from concordance.search.query import MAX_QUERY_LENGTH, clean_query
from tests.search.pages import hits, page

pytestmark = pytest.mark.django_db


# -- bad queries --------------------------------------------------------------


def test_empty_query_shows_the_form(client):
    html = page(client, q="")
    assert 'id="search-q"' in html
    assert "Saisissez un ou plusieurs mots à chercher." in html
    assert "Saisissez un ou plusieurs mots à chercher." in page(client)
    assert "Saisissez un ou plusieurs mots à chercher." in page(client, q="   ")


def test_punctuation_only(client):
    html = page(client, q="?!;«»…&|:*()")
    assert "ne contient aucun mot à chercher" in html
    assert hits(html) == []


def test_very_long_query_is_truncated_and_says_so(client):
    html = page(client, q="préservation " * 800)  # 10 400 characters
    assert f"dépassait {MAX_QUERY_LENGTH} caractères" in html
    assert "/un/art-25/#art_25" in hits(html)
    query = clean_query("a" * 10_000)
    assert query.truncated and len(query.text) == MAX_QUERY_LENGTH
    words = clean_query("préservation " * 800)
    assert len(words.text) <= MAX_QUERY_LENGTH and words.text.endswith("préservation")


HANG = ("Etats Parties données système informatique " * 5)[:193]


def test_a_pasted_repetitive_query_is_searched_once_per_term_and_capped(client):
    # This query used to build a 16 825-character tsquery and take 140 s
    # (timed in bench/search_queries.py, not here).
    from concordance.glossary import curated_glossary
    from concordance.search.query import (
        MAX_TSQUERY_LENGTH,
        compile_tsquery,
        distinct_terms,
        glossary_variants,
    )

    assert distinct_terms(HANG) == "Etats Parties données système informatique"
    variants, _ = glossary_variants(distinct_terms(HANG), curated_glossary())
    assert len(compile_tsquery(variants).tsquery) <= MAX_TSQUERY_LENGTH
    html = page(client, q=HANG)
    assert "/budapest/art-32/#art_32__point_b" in hits(html)
    assert "Les mots répétés de votre recherche n'ont été cherchés qu'une fois." in html


def test_too_many_equivalents_are_cut_and_the_page_says_so(client):
    from concordance.glossary import curated_glossary
    from concordance.search.query import MAX_TSQUERY_LENGTH, compile_tsquery, glossary_variants

    query = (
        "préservation rapide données de trafic données de contenu système informatique "
        "fournisseur de services mineur possession diffusion entraide garanties détention"
    )
    compiled = compile_tsquery(glossary_variants(query, curated_glossary())[0])
    assert compiled.cut and len(compiled.tsquery) <= MAX_TSQUERY_LENGTH
    assert "seules les premières combinaisons d'équivalents ont été cherchées" in page(client, q=query)


def test_a_repeated_word_is_kept_when_or_gives_it_meaning():
    from concordance.search.query import distinct_terms

    assert distinct_terms("a or b a") == "a or b a"
    assert distinct_terms('"x y" z "x y" -z') == '"x y" z -z'


def test_a_search_postgresql_cancels_says_the_query_is_too_complex(client, monkeypatch):
    from concordance.search import searching

    def slow(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(2)")

    monkeypatch.setattr(searching, "STATEMENT_TIMEOUT_MS", 50)
    monkeypatch.setattr(searching, "search_provisions", slow)
    html = page(client, q="préservation")
    assert "Recherche trop complexe" in html
    # The connection is usable again: the next search answers.
    monkeypatch.undo()
    assert "/un/art-25/#art_25" in hits(page(client, q="préservation"))


def test_unbalanced_quotes(client):
    html = page(client, q='"préservation rapide')
    assert "/un/art-26/#art_26__point_a" in hits(html)
    assert hits(page(client, q='"""')) == []


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE corpus_provision; --",
        "1' OR '1'='1",
        "préservation') | ('x",
        "!!& | <-> :* 'a'",
        "<script>alert(1)</script>",
    ],
)
def test_sql_and_tsquery_looking_text_is_just_text(client, query):
    html = page(client, q=query)
    assert "<script>alert(1)</script>" not in html
    assert Provision.objects.filter(eid="art_25").exists()


def test_control_characters_are_removed_and_reported(client):
    html = page(client, q="préservation\x07 rapide\x1b\x7f")
    assert "Les caractères de contrôle ou invisibles de votre recherche ont été retirés." in html
    assert 'value="préservation rapide"' in html
    assert "/un/art-25/#art_25" in hits(html)


def test_a_nul_byte_in_the_query_gets_the_search_page_and_its_notice(client):
    response = client.get("/search/?q=pr%C3%A9servation%00%20rapide")
    html = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "Les caractères de contrôle ou invisibles de votre recherche ont été retirés." in html
    assert "/un/art-25/#art_25" in hits(html)
    # Elsewhere, even on the search page, NUL is still refused.
    assert client.get("/search/?q=x&theme=a%00").status_code == 400


def test_nul_bytes_are_removed_by_the_view_itself(rf):
    # The site-wide RejectNulCharacters middleware answers 400 before the
    # view; the view must not depend on it (psycopg refuses NUL).
    response = views.search(rf.get("/search/", {"q": "préservation\x00 rapide\x00"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Les caractères de contrôle ou invisibles de votre recherche ont été retirés." in html
    assert "/un/art-25/#art_25" in hits(html)
    only_nul = views.search(rf.get("/search/", {"q": "\x00\x00"})).content.decode()
    assert "ne contenait que des caractères de contrôle ou invisibles" in only_nul


def test_only_common_words(client):
    html = page(client, q="le la de")
    assert "trop courants pour être cherchés" in html


def test_a_doubled_dash_still_excludes(client):
    assert hits(page(client, q="préservation --trafic", exact="1")) == hits(
        page(client, q="préservation -trafic", exact="1")
    )


@pytest.mark.parametrize("query", ["-données", "--données", "-données -trafic"])
def test_a_query_of_exclusions_only_lists_nothing_and_says_why(client, query):
    html = page(client, q=query)
    assert "ne fait qu&#x27;exclure des mots" in html or "ne fait qu'exclure des mots" in html
    assert hits(html) == []
