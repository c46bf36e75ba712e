"""The UN Convention's English terms (issue 18 §2): each says whether it was checked against the
official English text (A/RES/79/243, annex) and where, or why not; the corrected ones are understood."""

import json
from pathlib import Path

import pytest

from concordance.lib.terminology import Glossary, load_glossary
from concordance.lib.terminology.english import load_english_keywords

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def raw(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    curated = load_glossary(FIXTURES / "glossary.json")
    return Glossary(curated.entries, keywords=load_english_keywords(FIXTURES / "english_keywords.json").entries)


def unchecked(entry: dict) -> str | None:
    """Why ``entry``'s UN English is not accounted for, or None when it says where it was checked or why not."""
    check = entry.get("english_check", {}).get("un")
    if not isinstance(check, dict) or not isinstance(check.get("verified"), bool):
        return "no english_check.un with a verified flag"
    said = check.get("source") if check["verified"] else check.get("reason")
    return (
        None if isinstance(said, str) and said.strip() else "verified without a source, or unverified without a reason"
    )


def test_every_un_english_term_says_whether_it_was_checked_and_how():
    entries = [entry for entry in raw("glossary.json")["entries"] if entry.get("english", {}).get("un")]
    keywords = [keyword for keyword in raw("english_keywords.json")["keywords"] if "UN art." in keyword["concept"]]
    assert entries and keywords
    problems = {item["id"]: unchecked(item) for item in [*entries, *keywords] if unchecked(item)}
    assert problems == {}


def test_an_unverified_term_names_no_source_it_does_not_have():
    checks = [entry["english_check"]["un"] for entry in raw("glossary.json")["entries"] if "english_check" in entry]
    assert any(check["verified"] for check in checks) and any(not check["verified"] for check in checks)
    assert all(("source" in check) == check["verified"] for check in checks)


def test_the_un_offence_of_article_13_is_theft_or_fraud(glossary):
    # UN art. 13 is « Vol ou fraude en rapport avec les systèmes d'information et de communication ».
    (term,) = glossary.search_terms("information and communications technology system-related theft or fraud")
    assert term.english and term.entry_id == "computer-related-fraud"


def test_non_consensual_dissemination_of_intimate_images_names_un_article_16(glossary):
    (term,) = glossary.search_terms("non-consensual dissemination of intimate images")
    assert term.english and "diffusion non consentie d'images intimes" in term.forms


def test_child_sexual_abuse_material_is_the_un_term_against_child_pornography(glossary):
    (term,) = glossary.search_terms("child sexual abuse material")
    assert term.english and term.entry_id == "child-sexual-abuse-material"
    assert "pornographie enfantine" in term.forms
