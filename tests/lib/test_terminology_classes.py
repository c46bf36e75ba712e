"""Glossary classes (issue 14 §2): equivalent terms, near-equivalents, distinct terms.

A near-equivalent swap (same role, another scope) is a change of its own
kind, never terminology; a distinct entry is never paired, so its words are
substance; each non-equivalent entry says why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from concordance.lib.diffing import diff
from concordance.lib.terminology import TERM_CLASSES, Glossary, load_glossary, parse_glossary

GLOSSARY_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "glossary.json"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY_PATH)


def classify(glossary: Glossary, left: str, right: str):
    result = glossary.classify(diff(left, right), left_instrument="un", right_instrument="budapest")
    assert "".join(c.left for c in result) == left
    assert "".join(c.right for c in result) == right
    return result


def test_every_entry_has_a_class_and_a_reason():
    raw = json.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))
    for entry in raw["entries"]:
        assert entry["class"] in TERM_CLASSES, entry["id"]
        assert len(entry["why"].split()) >= 5, entry["id"]


def test_the_three_entries_the_review_found_are_not_synonyms(glossary):
    assert glossary.entry("procurement-for-use").term_class == "distinct"
    assert glossary.entry("access-code").term_class == "near"
    assert glossary.entry("child-sexual-abuse-material").term_class == "near"


def test_a_near_equivalent_swap_is_near_not_terminology(glossary):
    left = "la diffusion de justificatifs d'accès permettant d'accéder"
    right = "la diffusion de code d'accès permettant d'accéder"
    changed = [(c.kind, c.left.strip(), c.right.strip(), c.entry_id) for c in classify(glossary, left, right)]
    assert ("near", "justificatifs", "code", "access-code") in changed
    assert not any(kind == "terminology" for kind, *_ in changed)


def test_a_determiner_agreeing_with_a_near_term_goes_with_it(glossary):
    left = "des contenus présentant des abus sexuels sur enfant ou l'exploitation sexuelle d'enfants"
    right = "de la pornographie enfantine"
    changed = [c for c in classify(glossary, left, right) if c.kind != "equal"]
    assert [c.kind for c in changed] == ["near"]


def test_a_distinct_entry_is_substance(glossary):
    left = "la fourniture pour utilisation d'un dispositif"
    right = "l'obtention pour utilisation d'un dispositif"
    result = classify(glossary, left, right)
    assert {c.kind for c in result} == {"equal", "substantive"}
    assert any(c.kind == "substantive" and "fourniture" in c.left and "obtention" in c.right for c in result)
    assert glossary.equivalent("fourniture pour utilisation", "obtention pour utilisation") is None


def test_search_does_not_expand_a_distinct_term_into_the_other(glossary):
    assert glossary.expansions("obtention pour utilisation") == []
    assert glossary.expansions("code d'accès") == [("code d'accès", ["justificatifs d'accès"])]


def test_equivalent_terms_stay_terminology(glossary):
    result = classify(glossary, "Chaque État partie adopte", "Chaque Partie adopte")
    assert [c.kind for c in result if c.kind != "equal"] == ["terminology"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"class": "synonym"}, "is not one of"),
        ({"class": "near"}, "must say why"),
        ({"class": "distinct", "why": "  "}, "must say why"),
    ],
)
def test_a_bad_class_is_refused_with_the_entry_named(extra, message):
    entry = {"id": "x", "concept": "x", "terms": {"un": ["a b"], "budapest": ["c d"]}, **extra}
    with pytest.raises(ValueError, match=message) as refused:
        parse_glossary({"entries": [entry]})
    assert "'x'" in str(refused.value)
