"""Glossary of equivalent terms and classification of diffs (concordance.lib.terminology)."""

from __future__ import annotations

import json
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordance.lib.diffing import diff
from concordance.lib.terminology import (
    INSTRUMENTS,
    QUANTITY_ENTRY,
    ClassifiedSegment,
    Glossary,
    load_glossary,
    normalise_term,
    parse_glossary,
)
from tests.lib.diff_cases import BUDAPEST_16_1, UN_25_1
from tests.lib.diff_measures import change_share

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY_PATH = ROOT / "fixtures" / "glossary.json"
SOURCES = ROOT / "fixtures" / "sources"
P1_HEADING = "Protocole additionnel à la Convention sur la cybercriminalité, relatif"


@cache
def source_texts() -> dict[str, str]:
    """Instrument slug → its French text(s), read from the project's source copies."""
    un = (SOURCES / "un-resolution-79-243-fr.txt").read_text(encoding="utf-8")
    bill = (SOURCES / "budapest-bill-905-2003-fr.txt").read_text(encoding="utf-8")
    benin = (SOURCES / "budapest-benin-decree-2024-773-fr.txt").read_text(encoding="utf-8")
    cut = benin.index(P1_HEADING)  # the decree carries the Convention, then the First Protocol
    return {"un": un, "budapest": bill + "\n" + benin[:cut], "budapest-p1": benin[cut:]}


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY_PATH)


def kinds(classified: list[ClassifiedSegment]) -> list[tuple[str, str, str, str | None]]:
    return [(c.kind, c.left.strip(), c.right.strip(), c.entry_id) for c in classified]


def changes(classified: list[ClassifiedSegment]) -> list[tuple[str, str, str, str | None]]:
    return [k for k in kinds(classified) if k[0] != "equal"]


def classify(glossary: Glossary, left: str, right: str, **kw) -> list[ClassifiedSegment]:
    result = glossary.classify(diff(left, right), left_instrument="un", right_instrument="budapest", **kw)
    assert "".join(c.left for c in result) == left
    assert "".join(c.right for c in result) == right
    return result


# ---------------------------------------------------------------- the file


def test_glossary_file_is_valid_and_large_enough(glossary):
    raw = json.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))
    ids = [e["id"] for e in raw["entries"]]
    assert len(ids) >= 25
    assert len(set(ids)) == len(ids)
    assert len(glossary) == len(ids)
    for entry in raw["entries"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry["id"]), entry["id"]
        assert entry["concept"].strip() and entry["note"].strip()
        assert set(entry["terms"]) <= set(INSTRUMENTS)
        # An equivalence needs both sides: the UN text and a Council of Europe text.
        assert entry["terms"].get("un"), entry["id"]
        assert entry["terms"].get("budapest") or entry["terms"].get("budapest-p1"), entry["id"]
        for forms in entry["terms"].values():
            assert len(set(forms)) == len(forms), entry["id"]


def _occurs(form: str, text: str, case_sensitive: bool) -> bool:
    # Independent of the library's matcher: plain regex over whitespace/apostrophe-normalised text.
    text = re.sub(r"\s+", " ", text.replace("’", "'"))
    pattern = r"(?<!\w)" + re.escape(form).replace(r"\ ", " ") + r"(?!\w)"
    return re.search(pattern, text, 0 if case_sensitive else re.IGNORECASE) is not None


def test_every_term_occurs_in_its_instruments_text():
    raw = json.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))
    texts = source_texts()
    missing = [
        (entry["id"], instrument, form)
        for entry in raw["entries"]
        for instrument, forms in entry["terms"].items()
        for form in forms
        if not _occurs(form, texts[instrument], entry.get("case_sensitive", False))
    ]
    assert missing == []


def test_the_brief_equivalences_are_in_the_glossary(glossary):
    expected = {
        ("système informatique", "système d'information et de communication"): "computer-system",
        ("systèmes informatiques", "systèmes d'information et de communication"): "computer-system",
        ("données informatiques", "données électroniques"): "computer-data",
        ("données relatives au trafic", "données de trafic"): "traffic-data",
        ("Partie", "État partie"): "party",
        ("Parties", "États parties"): "party",
        ("Etat", "État"): "state-spelling",
        ("conservation", "préservation"): "preservation",
        ("sauvegardes", "garanties"): "safeguards",
        ("fournisseur de service", "fournisseur de services"): "service-provider",
        ("données relatives aux abonnés", "informations relatives aux personnes abonnées"): "subscriber-information",
        ("entraide", "entraide judiciaire"): "mutual-assistance",
        (
            "pornographie enfantine",
            "contenus présentant des abus sexuels sur enfant ou l'exploitation sexuelle d'enfants",
        ): "child-sexual-abuse-material",
    }
    for (a, b), entry_id in expected.items():
        assert glossary.equivalent(a, b) == entry_id, (a, b)
        assert glossary.equivalent(b, a) == entry_id, (b, a)


# ---------------------------------------------------------------- equivalent / occurrences / expansions


def test_equivalent_is_case_insensitive_but_accent_sensitive_except_for_etat(glossary):
    assert (
        glossary.equivalent("SYSTÈME INFORMATIQUE", "Système d’information  et de communication") == "computer-system"
    )
    assert glossary.equivalent("Etats parties", "Parties") == "party"
    assert glossary.equivalent("données electroniques", "données informatiques") is None
    assert glossary.equivalent("système informatique", "données électroniques") is None
    assert glossary.equivalent("chat", "chien") is None


def test_entry_id_of_a_phrase(glossary):
    assert glossary.entry_id_of("Systèmes d’information et de communication") == "computer-system"
    assert glossary.entry_id_of("Etat partie") == "party"
    assert glossary.entry_id_of("système") is None


def test_party_is_case_sensitive(glossary):
    # "tout ou partie d'un système" is a portion, not a contracting Party.
    assert glossary.equivalent("partie", "État partie") is None
    text = "à tout ou partie d'un système informatique. Chaque Partie adopte"
    start = text.index("système")
    party = text.index("Partie")
    assert glossary.occurrences(text) == [
        ("computer-system", start, start + len("système informatique")),
        ("party", party, party + len("Partie")),
    ]


def test_occurrences_prefer_the_longest_form(glossary):
    text = "l'État partie requis informe l’État partie requérant et les États parties"
    found = glossary.occurrences(text, "un")
    assert [(e, text[s:t]) for e, s, t in found] == [
        ("requested-party", "État partie requis"),
        ("requesting-party", "État partie requérant"),
        ("party", "États parties"),
    ]


def test_occurrences_respect_the_instrument(glossary):
    text = "des données électroniques et des données informatiques"
    assert [e for e, _, _ in glossary.occurrences(text, "un")] == ["computer-data"]
    assert [text[s:t] for _, s, t in glossary.occurrences(text, "budapest")] == ["données informatiques"]
    # The Protocol borrows the Convention's terms when it has none of its own.
    assert [text[s:t] for _, s, t in glossary.occurrences(text, "budapest-p1")] == ["données informatiques"]
    assert len(glossary.occurrences(text)) == 2


def test_occurrences_span_line_breaks_and_curly_apostrophes(glossary):
    text = "au moyen d’un système d’information\net de communication"
    assert [(e, text[s:t]) for e, s, t in glossary.occurrences(text)] == [
        ("computer-system", "système d’information\net de communication")
    ]


def test_expansions_for_search(glossary):
    assert glossary.expansions("conservation rapide de données informatiques") == [
        ("conservation rapide", ["préservation accélérée", "préservation rapide"]),
        ("données informatiques", ["données électroniques"]),
    ]
    term, others = glossary.expansions("Parties")[0]
    assert term == "Parties"
    # "États parties" is "État partie" to a search, which stems the plural.
    assert others == ["État partie"]
    assert glossary.expansions("extradition") == []


def test_expansions_ignore_accents_case_and_plurals(glossary):
    for typed in ("preservation rapide", "Préservations rapides", "PRESERVATION RAPIDE"):
        assert glossary.expansion_spans(f"la {typed} des données") == [
            (3, 3 + len(typed), ["conservation rapide", "préservation accélérée"])
        ]
    assert glossary.expansions("donnees informatiques") == [("donnees informatiques", ["données électroniques"])]
    # Case still matters where the glossary says so: "tout ou partie" is no Party.
    assert glossary.expansions("tout ou partie") == []


def test_glossary_rejects_inconsistent_data():
    base = {"id": "x", "concept": "c", "terms": {"un": ["alpha"], "budapest": ["beta"]}}
    with pytest.raises(ValueError, match="duplicate"):
        parse_glossary({"entries": [base, base]})
    with pytest.raises(ValueError, match="belongs to both"):
        parse_glossary({"entries": [base, {**base, "id": "y"}]})
    with pytest.raises(ValueError, match="unknown instruments"):
        parse_glossary({"entries": [{**base, "terms": {"eu": ["alpha"]}}]})
    with pytest.raises(ValueError, match="reserved"):
        parse_glossary({"entries": [{**base, "id": QUANTITY_ENTRY}]})


def test_normalise_term():
    assert normalise_term("Etats  Parties") == normalise_term("États parties") == "états parties"
    assert normalise_term("l’Etat", case_sensitive=True) == "l'État"
    assert normalise_term("Etatique") == "etatique"


# ---------------------------------------------------------------- classification on real pairs


def test_party_substitution_is_terminology(glossary):
    result = classify(
        glossary,
        "Chaque État partie adopte les mesures législatives et autres",
        "Chaque Partie adopte les mesures législatives et autres",
    )
    assert changes(result) == [("terminology", "État partie", "Partie", "party")]
    assert change_share(result) > 0
    assert change_share(result, ignore_terminology=True) == 0.0


def test_different_number_of_days_is_substantive(glossary):
    result = classify(glossary, "au maximum de 90 jours", "au maximum de 60 jours")
    assert changes(result) == [("substantive", "90", "60", None)]
    assert change_share(result, ignore_terminology=True) > 0


def test_number_spelling_hook(glossary):
    def same_quantity(a: str, b: str) -> bool:
        numbers = {"90": 90, "quatre-vingt-dix": 90, "60": 60, "soixante": 60}
        return a in numbers and numbers.get(a) == numbers.get(b)

    left, right = "au maximum de 90 jours", "au maximum de quatre-vingt-dix jours"
    assert changes(classify(glossary, left, right)) == [("substantive", "90", "quatre-vingt-dix", None)]
    assert changes(classify(glossary, left, right, same_quantity=same_quantity)) == [
        ("terminology", "90", "quatre-vingt-dix", QUANTITY_ENTRY)
    ]
    assert changes(classify(glossary, left, "au maximum de soixante jours", same_quantity=same_quantity)) == [
        ("substantive", "90", "soixante", None)
    ]


def test_split_term_is_classified_at_phrase_level(glossary):
    # The diff keeps "système" equal and only replaces the rest of the term.
    left = "stockées au moyen d'un système d'information et de communication, notamment"
    right = "stockées au moyen d'un système informatique, notamment"
    segs = diff(left, right)
    assert [s.op for s in segs] == ["equal", "replace", "equal"]
    result = classify(glossary, left, right)
    assert changes(result) == [("terminology", "d'information et de communication", "informatique", "computer-system")]


def test_term_split_around_an_equal_word(glossary):
    # "données [relatives au] trafic": the change sits inside the term.
    result = classify(
        glossary, "y compris des données de trafic, stockées", "y compris des données relatives au trafic, stockées"
    )
    assert changes(result) == [("terminology", "de", "relatives au", "traffic-data")]


def test_insertion_inside_a_phrase_term(glossary):
    result = classify(
        glossary,
        "adopte les mesures législatives et autres nécessaires pour",
        "adopte les mesures législatives et autres qui se révèlent nécessaires pour",
    )
    assert changes(result) == [("terminology", "", "qui se révèlent", "necessary-measures")]


def test_determiner_agreement_goes_with_the_term(glossary):
    result = classify(glossary, "Lorsqu'un État partie donne effet", "Lorsqu'une Partie donne effet")
    assert changes(result) == [("terminology", "un État partie", "une Partie", "party")]


def test_etat_spelling_is_terminology_even_next_to_another_term(glossary):
    result = glossary.classify(
        diff("les autres États parties à la Convention", "les autres Etats parties à la Convention"),
        left_instrument="un",
        right_instrument="budapest-p1",
    )
    assert changes(result) == [("terminology", "États", "Etats", "state-spelling")]


def test_mixed_change_is_split_into_terminology_and_substantive(glossary):
    result = classify(glossary, "Un État partie peut exiger", "Une Partie doit exiger")
    assert changes(result) == [
        ("terminology", "Un État partie", "Une Partie", "party"),
        ("substantive", "peut", "doit", None),
    ]


def test_unrelated_term_swap_is_substantive(glossary):
    # Both are glossary terms, but not of the same entry.
    result = classify(
        glossary, "au moyen d'un système d'information et de communication", "au moyen de données informatiques"
    )
    assert all(c.kind != "terminology" for c in result)


UN_2_B = (
    "b) Par « données électroniques », on entend toute représentation de faits, d'informations ou de concepts "
    "sous une forme qui se prête au traitement par un système d'information et de communication, y compris un "
    "programme propre à déclencher l'exécution d'une fonction par un tel système ;"
)
BUDAPEST_1_B = (
    "b  l'expression « données informatiques » désigne toute représentation de faits, d'informations ou de "
    "concepts sous une forme qui se prête à un traitement informatique, y compris un programme de nature à "
    "faire en sorte qu'un système informatique exécute une fonction ;"
)


def test_definition_un_2_b_against_budapest_1_b(glossary):
    result = classify(glossary, UN_2_B, BUDAPEST_1_B)
    terms = [(c.left.strip(), c.right.strip(), c.entry_id) for c in result if c.kind == "terminology"]
    assert ("données électroniques", "données informatiques", "computer-data") in terms
    assert ("système d'information et de communication", "système informatique", "computer-system") in terms
    substantive = " ".join(c.left + "|" + c.right for c in result if c.kind == "substantive")
    # The definition's wording really differs: these must stay substantive.
    assert "on entend" in substantive and "désigne" in substantive
    assert "déclencher" in substantive
    assert 0 < change_share(result, ignore_terminology=True) < change_share(result)


def test_un_25_against_budapest_16(glossary):
    result = classify(glossary, UN_25_1, BUDAPEST_16_1)
    terms = {c.entry_id for c in result if c.kind == "terminology"}
    # "obtenir de façon similaire" / "imposer d'une autre manière": same role, another scope.
    assert {c.entry_id for c in result if c.kind == "near"} == {"order-or-obtain"}
    assert {
        "party",
        "necessary-measures",
        "expedited-preservation",
        "traffic-data",
        "computer-system",
        "loss-or-modification",
    } <= terms
    substantive = [(c.left.strip(), c.right.strip()) for c in result if c.kind == "substantive"]
    # The UN text adds content data and subscriber information: a real difference.
    assert any(
        "données de contenu" in left and "informations relatives aux personnes abonnées" in left
        for left, _ in substantive
    )
    assert ("", "spécifiées") in substantive
    # Markers "1." vs "1  " and the shared wording are equal, not changes.
    assert result[0].kind == "equal" and result[0].left.startswith("1. Chaque")
    # Most of the raw change is terminology.
    assert change_share(result, ignore_terminology=True) < change_share(result) / 2


def test_identical_text_is_all_equal(glossary):
    result = classify(glossary, UN_25_1, UN_25_1)
    assert [c.kind for c in result] == ["equal"]


# ---------------------------------------------------------------- classification properties

WORDS = [
    "Chaque",
    "État partie",
    "Partie",
    "adopte",
    "les",
    "de",
    "la",
    "données électroniques",
    "données informatiques",
    "système informatique",
    "système d'information et de communication",
    "données de trafic",
    "données relatives au trafic",
    "90",
    "jours",
    ",",
    "«",
    "»",
    "Etats",
    "États",
]
phrase = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)


@given(phrase, phrase, st.sampled_from([None, "un"]), st.sampled_from([None, "budapest", "budapest-p1"]))
@settings(max_examples=300, deadline=None)
def test_classification_rebuilds_both_texts_and_labels_consistently(left, right, left_inst, right_inst):
    glossary = load_glossary(GLOSSARY_PATH)
    result = glossary.classify(
        diff(left, right), left_instrument=left_inst, right_instrument=right_inst, same_quantity=lambda a, b: False
    )
    assert "".join(c.left for c in result) == left
    assert "".join(c.right for c in result) == right
    for c in result:
        assert c.left or c.right
        if c.kind == "equal":
            assert c.op == "equal"
            assert all(s.op == "equal" for s in diff(c.left, c.right, markers="none"))
        else:
            assert c.op != "equal"
            assert (c.entry_id is not None) == (c.kind == "terminology")
    for a, b in pairwise(result):
        assert (a.kind, a.entry_id) != (b.kind, b.entry_id)
    assert 0.0 <= change_share(result, ignore_terminology=True) <= change_share(result) <= 1.0
