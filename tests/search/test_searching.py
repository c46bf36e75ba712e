"""The query-building steps of the search, without the page."""

import pytest

from concordance.glossary import curated_glossary
from concordance.search.query import (
    MAX_VARIANTS,
    clean_query,
    compile_tsquery,
    glossary_variants,
    widen_lexemes,
)


def test_variants_replace_a_term_by_each_equivalent_as_a_phrase():
    variants, expansions = glossary_variants("préservation rapide des données", curated_glossary())
    assert variants[0] == "préservation rapide des données"
    assert '"conservation rapide" des données' in variants
    assert [e.term for e in expansions] == ["préservation rapide"]


def test_inside_quotes_the_equivalent_stays_inside_the_phrase():
    variants, _ = glossary_variants('"la préservation rapide"', curated_glossary())
    assert '"la conservation rapide"' in variants


def test_two_terms_are_replaced_together_and_the_variants_are_bounded():
    variants, expansions = glossary_variants("préservation rapide de données de trafic", curated_glossary())
    assert len(expansions) == 2
    assert '"conservation rapide" de "données relatives au trafic"' in variants
    assert len(variants) <= MAX_VARIANTS


def test_an_excluded_term_has_no_variant():
    variants, expansions = glossary_variants("données -préservation", curated_glossary())
    assert variants == ["données -préservation"] and expansions == []


def test_lexemes_are_widened_by_their_final_e():
    assert widen_lexemes("'preserv' & 'cybercriminalite'") == (
        "( 'preserv' | 'preserve' ) & ( 'cybercriminalite' | 'cybercriminalit' )"
    )


def test_short_stems_are_not_widened_into_other_words():
    # "données" is no form of "donner", "lié" none of "lie", "posé" none of "pose".
    assert widen_lexemes("'donne' & 'li' & 'pos'") == "'donne' & 'li' & 'pos'"


@pytest.mark.django_db
def test_a_query_of_common_words_compiles_to_nothing():
    assert compile_tsquery(["le la de", "!!"]).tsquery == ""
    assert "'preserv'" in compile_tsquery(["le la de", "préservées"]).tsquery


@pytest.mark.django_db
def test_excerpts_mark_every_lexeme_searched_but_not_the_excluded_ones():
    compiled = compile_tsquery(['"préservation rapide" -trafic', '"conservation rapide" -trafic'])
    marked_lexemes = set(compiled.highlight.split(" | "))
    assert {"'preserv'", "'rapid'", "'conserv'"} <= marked_lexemes
    assert "'trafic'" not in marked_lexemes and "&" not in compiled.highlight


def test_accentless_and_plural_terms_are_expanded():
    variants, expansions = glossary_variants("preservations rapides des donnees", curated_glossary())
    assert [e.term for e in expansions] == ["preservations rapides"]
    assert '"conservation rapide" des donnees' in variants


def test_clean_query_keeps_text_and_drops_control_characters():
    query = clean_query("  préservation\t\x00rapide\u200b ")
    assert query.text == "préservation rapide"
    assert query.had_control_characters and not query.truncated
