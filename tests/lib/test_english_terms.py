"""English terms of the glossary and English keywords, as search finds them; French number spelling."""

import json
from pathlib import Path

import pytest

from concordance.lib.quantities.numbers import number_spellings, parse_french_number, spell_french_number
from concordance.lib.terminology import Glossary, load_glossary, parse_glossary
from concordance.lib.terminology.english import load_english_keywords

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    curated = load_glossary(FIXTURES / "glossary.json")
    return Glossary(curated.entries, keywords=load_english_keywords(FIXTURES / "english_keywords.json").entries)


def test_every_glossary_entry_has_english_terms():
    data = json.loads((FIXTURES / "glossary.json").read_text(encoding="utf-8"))
    missing = [entry["id"] for entry in data["entries"] if not any(entry.get("english", {}).values())]
    assert missing == []


def test_an_english_term_gives_every_french_form_of_its_entry(glossary):
    (term,) = glossary.search_terms("Expedited Preservations")
    assert term.english and term.entry_id == "expedited-preservation"
    assert set(term.forms) == {"préservation accélérée", "préservation rapide", "conservation rapide"}
    (french,) = glossary.search_terms("conservation rapide")
    assert not french.english


def test_english_terms_keep_the_case_rule_of_their_entry(glossary):
    assert glossary.search_terms("tout ou partie") == []
    assert [t.entry_id for t in glossary.search_terms("requesting State Party")] == ["requesting-party"]


def test_a_keyword_names_french_phrases_that_are_not_expanded_back(glossary):
    (term,) = glossary.search_terms("solicitation or grooming")
    assert term.forms == ("sollicitation", "manipulation psychologique")
    assert glossary.search_terms("sollicitation") == []


def test_an_english_term_owned_twice_is_refused():
    entry = {"id": "x", "concept": "x", "terms": {"un": ["alpha"]}, "english": {"un": ["same"]}}
    with pytest.raises(ValueError, match="same"):
        parse_glossary({"entries": [entry, {**entry, "id": "y", "terms": {"un": ["beta"]}}]})
    with pytest.raises(ValueError, match="unknown instruments"):
        parse_glossary({"entries": [{**entry, "english": {"eu": ["z"]}}]})


def test_closest_terms_prefer_shared_words_then_spelling(glossary):
    assert glossary.closest_terms("traffic dta")[0] == "traffic data"
    assert glossary.closest_terms("groomingg") == ["grooming"]
    assert glossary.closest_terms("zzyzx") == []


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (90, "quatre-vingt-dix"),
        (71, "soixante et onze"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (21, "vingt et un"),
        (200, "deux cents"),
        (201, "deux cent un"),
        (1000, "mille"),
        (80_000, "quatre-vingt mille"),
    ],
)
def test_numbers_are_spelled_as_the_treaties_spell_them(value, words):
    assert spell_french_number(value) == words


def test_every_spelled_number_reads_back():
    assert all(parse_french_number(spell_french_number(n)) == n for n in range(0, 100_000, 3))


def test_number_spellings_in_a_query():
    assert number_spellings("90 jours") == [(0, 2, "quatre-vingt-dix")]
    assert number_spellings("quatre-vingt-dix jours") == [(0, 16, "90")]
    # "un" alone is an article, not a number.
    assert number_spellings("un système informatique") == []
