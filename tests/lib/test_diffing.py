"""Word-level diff (concordance.lib.diffing): tokens, list markers, the diff and its invariants.

Paragraph alignment and the two engines have modules of their own
(test_paragraph_alignment.py, test_diff_engines.py).
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordance.lib.diffing import Segment, diff, strip_marker, tokenise
from tests.lib.diff_cases import BUDAPEST_16_1, ENGINES, UN_25_1, VOCAB, keys
from tests.lib.diff_measures import change_share, segment_keys


def cores(text: str) -> list[str]:
    return [t.strip() for t in tokenise(text)]


def check_invariants(left: str, right: str, segs: list[Segment]) -> None:
    assert "".join(s.left for s in segs) == left
    assert "".join(s.right for s in segs) == right
    for s in segs:
        if s.op == "equal":
            assert segment_keys(s.left, "none") == segment_keys(s.right, "none") or s is segs[0]
        elif s.op == "replace":
            assert s.left and s.right
        elif s.op == "delete":
            assert s.left and not s.right
        else:
            assert s.op == "insert" and s.right and not s.left
    for a, b in pairwise(segs):
        assert a.op != b.op
        # Canonical form: changes never touch each other, they are merged into one segment.
        assert a.op == "equal" or b.op == "equal"


# ---------------------------------------------------------------- tokeniser


def test_elisions_are_tokens_of_their_own_with_both_apostrophes():
    assert cores("l'accès d’un système jusqu'à lorsqu’il puisqu'elle qu'il n'est s'il j'ai") == [
        "l'",
        "accès",
        "d’",
        "un",
        "système",
        "jusqu'",
        "à",
        "lorsqu’",
        "il",
        "puisqu'",
        "elle",
        "qu'",
        "il",
        "n'",
        "est",
        "s'",
        "il",
        "j'",
        "ai",
    ]


def test_elision_keys_ignore_the_apostrophe_style():
    assert keys("d’information") == keys("d'information") == ["d'", "information"]


def test_elision_only_at_word_start():
    # "aujourd'hui" is one word, not "aujourd" + "'hui".
    assert cores("aujourd'hui") == ["aujourd'hui"]


def test_guillemets_and_punctuation_are_separate_tokens():
    assert cores("Par « données de trafic », on entend : (a) ;") == [
        "Par",
        "«",
        "données",
        "de",
        "trafic",
        "»",
        ",",
        "on",
        "entend",
        ":",
        "(",
        "a",
        ")",
        ";",
    ]


def test_compounds_and_decimal_numbers_stay_whole():
    assert cores("quatre-vingt-dix jours, 17,5 %, sous-jacent.") == [
        "quatre-vingt-dix",
        "jours",
        ",",
        "17,5",
        "%",
        ",",
        "sous-jacent",
        ".",
    ]


def test_whitespace_travels_with_the_preceding_token():
    assert tokenise("  Chaque\u00a0Partie \n\tadopte ") == ["  Chaque\u00a0", "Partie \n\t", "adopte "]
    assert tokenise("") == []
    assert tokenise(" \n ") == [" \n "]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "a",
        "«données»",
        "e\u0301te\u0301 – l’État\u202fpartie\r\n\r\n",
        "\u200b zero\u200bwidth \ufeff",
        "emoji 👩‍⚖️ mixte 𝔘𝔑",
        "tab\tand\x0bvertical\x0cfeed",
    ],
)
def test_rebuild_is_exact_on_odd_inputs(text):
    assert "".join(tokenise(text)) == text


@given(st.text())
def test_rebuild_is_exact_for_any_string(text):
    tokens = tokenise(text)
    assert "".join(tokens) == text
    assert all(tokens)
    # Only the first token may be whitespace-only (a text made of whitespace).
    assert all(t.strip() for t in tokens[1:])


def test_decomposed_and_composed_accents_compare_equal():
    assert keys("de\u0301fini") == keys("défini")


# ---------------------------------------------------------------- markers


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("a) Par « x »", "a) "),
        ("a. «système informatique»", "a. "),
        ("- a) De promouvoir", "- a) "),
        ("(b) Tout", "(b) "),
        ("1. Chaque État partie", "1. "),
        ("1  Chaque Partie", "1  "),
        ("- 1 Aux fins du présent Protocole", "- 1 "),
        ("    a  l'expression « système informatique »", "    a  "),
        ("d\n  « données relatives au trafic »", "d\n  "),
        ("ii) Qui traite", "ii) "),
        ("i  toute entité", "i  "),
    ],
)
def test_strip_marker_finds_leading_markers(text, marker):
    assert strip_marker(text) == (marker, text[len(marker) :])


@pytest.mark.parametrize(
    "text",
    ["90 jours au maximum", "y compris les données", "À l'obtention", "Chaque Partie", "a", "vu** la loi"],
)
def test_strip_marker_leaves_ordinary_text_alone(text):
    assert strip_marker(text) == ("", text)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("a) Par « données »", "a Par « données »"),
        ("a) Par « données »", "a. Par « données »"),
        ("a) Par « données »", "- a) Par « données »"),
        ("1. Chaque Partie", "1  Chaque Partie"),
        ("1. Chaque Partie", "1 Chaque Partie"),
    ],
)
def test_marker_formatting_is_not_a_difference(engine, left, right):
    segs = diff(left, right, engine)
    assert [s.op for s in segs] == ["equal"]
    assert change_share(segs) == 0.0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_different_label_is_a_difference_unless_markers_are_ignored(engine):
    left, right = "c) Par « données de trafic »", "d  « données de trafic »"
    assert diff(left, right, engine)[0] == Segment("replace", "c) Par ", "d  ")
    segs = diff(left, right, engine, markers="ignore")
    assert segs[0].op == "equal" and segs[0].left == "c) "
    assert [s.op for s in segs] == ["equal", "delete", "equal"]


@pytest.mark.parametrize("engine", ENGINES)
def test_marker_mid_text_is_ordinary_text(engine):
    # Only the start of a paragraph carries a marker: "alinéa a)" is content.
    segs = diff("visés à l'alinéa a) ci-dessus", "visés à l'alinéa b) ci-dessus", engine)
    assert Segment("replace", "a", "b") in segs


# ---------------------------------------------------------------- diff


@pytest.mark.parametrize("engine", ENGINES)
def test_real_sentence_pair_diff(engine):
    left = "Chaque État partie adopte les mesures législatives et autres nécessaires"
    right = "Chaque Partie adopte les mesures législatives et autres qui se révèlent nécessaires"
    assert diff(left, right, engine) == [
        Segment("equal", "Chaque ", "Chaque "),
        Segment("replace", "État partie ", "Partie "),
        Segment("equal", "adopte les mesures législatives et autres ", "adopte les mesures législatives et autres "),
        Segment("insert", "", "qui se révèlent "),
        Segment("equal", "nécessaires", "nécessaires"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_whitespace_and_apostrophe_differences_are_equal(engine):
    segs = diff("l'État  partie\n requis", "l’État partie requis", engine)
    assert segs == [Segment("equal", "l'État  partie\n requis", "l’État partie requis")]


@pytest.mark.parametrize("engine", ENGINES)
def test_case_and_accent_changes_are_shown(engine):
    assert diff("les Etats membres", "les États membres", engine)[1] == Segment("replace", "Etats ", "États ")


@pytest.mark.parametrize("engine", ENGINES)
def test_edge_cases(engine):
    assert diff("", "", engine) == []
    assert diff("", "Texte ajouté.", engine) == [Segment("insert", "", "Texte ajouté.")]
    assert diff("Texte supprimé.", "", engine) == [Segment("delete", "Texte supprimé.", "")]
    assert diff("alpha beta", "gamma delta", engine) == [Segment("replace", "alpha beta", "gamma delta")]


@pytest.mark.parametrize("engine", ENGINES)
def test_ambiguous_deletion_is_placed_leftmost(engine):
    # Either "de" could be the deleted one; both engines must say the same thing.
    assert diff("Chaque de de Partie", "Chaque de Partie", engine) == [
        Segment("equal", "Chaque ", "Chaque "),
        Segment("delete", "de ", ""),
        Segment("equal", "de Partie", "de Partie"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_cleanup_folds_stray_stopword_matches(engine):
    left = "sous une forme qui se prête au traitement par un système d'information et de communication"
    right = "sous une forme qui se prête à un traitement informatique"
    raw = diff(left, right, engine, cleanup=False)
    clean = diff(left, right, engine)
    assert len(clean) <= len(raw)
    check_invariants(left, right, clean)
    assert clean[0] == Segment("equal", "sous une forme qui se prête ", "sous une forme qui se prête ")


@pytest.mark.parametrize("engine", ENGINES)
def test_real_article_pair_keeps_shared_wording(engine):
    segs = diff(UN_25_1, BUDAPEST_16_1, engine)
    check_invariants(UN_25_1, BUDAPEST_16_1, segs)
    equal_text = " ".join(s.left for s in segs if s.op == "equal")
    assert "adopte les mesures législatives et autres" in equal_text
    assert "pour permettre à ses autorités compétentes d'ordonner ou d'" in equal_text
    assert Segment("replace", "d'information et de communication", "informatique") in segs


def test_unknown_engine_is_rejected():
    with pytest.raises(ValueError, match="unknown diff engine"):
        diff("a", "b", engine="myers")


# Hypothesis: texts drawn from a small French vocabulary (with punctuation,
# elisions and odd whitespace) so that matches and repeats are frequent.
SPACES = [" ", " ", " ", "  ", "\n", "\u00a0", ""]
french_text = st.lists(st.tuples(st.sampled_from(VOCAB), st.sampled_from(SPACES)), max_size=25).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)
any_text = st.one_of(french_text, st.text(max_size=60))


@pytest.mark.parametrize("engine", ENGINES)
@given(left=any_text, right=any_text)
@settings(max_examples=300, deadline=None)
def test_diff_invariants_hold_for_both_engines(engine, left, right):
    check_invariants(left, right, diff(left, right, engine))
    check_invariants(left, right, diff(left, right, engine, cleanup=False))


@pytest.mark.parametrize("engine", ENGINES)
@given(text=any_text)
@settings(max_examples=100, deadline=None)
def test_identical_texts_are_one_equal_segment(engine, text):
    segs = diff(text, text, engine)
    assert segs == ([Segment("equal", text, text)] if text else [])
    assert change_share(segs) == 0.0


# ---------------------------------------------------------------- change_share


def test_change_share_counts_tokens_of_both_sides():
    segs = diff("Chaque Partie adopte", "Chaque État partie adopte")
    # 3 + 4 tokens, of which "Partie" and "État partie" changed.
    assert change_share(segs) == pytest.approx(3 / 7)
    assert change_share([]) == 0.0
    assert change_share(diff("un deux", "trois quatre")) == 1.0


def test_change_share_can_ignore_terminology():
    from dataclasses import dataclass

    @dataclass
    class Classified:
        op: str
        left: str
        right: str
        kind: str = "equal"

    segs = [
        Classified("equal", "Chaque ", "Chaque "),
        Classified("replace", "Partie ", "État partie ", "terminology"),
        Classified("equal", "adopte", "adopte"),
    ]
    assert change_share(segs) == pytest.approx(3 / 7)
    assert change_share(segs, ignore_terminology=True) == 0.0
