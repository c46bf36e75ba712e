"""Word-level diff engine and paragraph alignment (concordance.lib.diffing)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordance.lib import diffing
from concordance.lib.diffing import (
    Segment,
    align,
    align_paragraphs,
    diff,
    paragraph_similarity,
    strip_marker,
    token_key,
    tokenise,
)
from concordance.lib.diffing.engines import default_engine, python_ratio
from concordance.lib.diffing.similarity import sorted_words
from tests.lib.diff_measures import change_share, segment_keys
from tests.lib.without_rapidfuzz import import_without_rapidfuzz

ENGINES = ["rapidfuzz", "difflib"]

# Real paragraphs: UN art. 25 § 1 and Budapest art. 16 § 1 (2003 French bill).
UN_25_1 = (
    "1. Chaque État partie adopte les mesures législatives et autres nécessaires pour permettre à ses "
    "autorités compétentes d'ordonner ou d'obtenir de façon similaire la préservation rapide de certaines "
    "données électroniques, y compris des données de trafic, des données de contenu et des informations "
    "relatives aux personnes abonnées qui ont été stockées au moyen d'un système d'information et de "
    "communication, notamment lorsqu'il existe des raisons de penser que ces données électroniques sont "
    "particulièrement susceptibles d'être perdues ou modifiées."
)
BUDAPEST_16_1 = (
    "1  Chaque Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour permettre "
    "à ses autorités compétentes d'ordonner ou d'imposer d'une autre manière la conservation rapide de "
    "données électroniques spécifiées, y compris des données relatives au trafic, stockées au moyen d'un "
    "système informatique, notamment lorsqu'il y a des raisons de penser que celles-ci sont "
    "particulièrement susceptibles de perte ou de modification."
)


def cores(text: str) -> list[str]:
    return [t.strip() for t in tokenise(text)]


def keys(text: str) -> list[str]:
    return [token_key(t) for t in tokenise(text)]


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
VOCAB = [
    "Partie",
    "État",
    "partie",
    "de",
    "la",
    "données",
    "système",
    "informatique",
    "d'",
    "l’",
    ",",
    ";",
    "«",
    "»",
    "90",
    "jours",
    "a)",
    "1.",
]
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


# Structural agreement. The engines differ in how they *choose* among
# matchings (rapidfuzz: a longest common subsequence; difflib: longest
# contiguous block first, which can cross-match repeated words and miss the
# LCS).  Exact equality is promised when every token the two texts share
# occurs once on each side, in the same order -- the texts differ by
# insertions, deletions and replacements only -- plus the invariants above
# always.  Repeated shared words ("de", "la") can make them differ; the
# cleanup step makes that rare on real text (checked on real pairs below).
COMMON = [
    "Chaque",
    "Partie",
    "adopte",
    "les",
    "mesures",
    "législatives",
    "et",
    "autres",
    "nécessaires",
    "pour",
    "ériger",
    "en",
    "infraction",
    "pénale",
    ",",
    "«",
    "»",
    "d'",
    "l'",
    ";",
    "90",
    "jours",
]
fresh_left = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta"]), max_size=3)
fresh_right = st.lists(st.sampled_from(["un", "deux", "trois", "quatre"]), max_size=3)


@given(
    st.lists(st.sampled_from(COMMON), unique=True, max_size=len(COMMON)),
    st.lists(st.tuples(st.integers(0, len(COMMON)), fresh_left, fresh_right), max_size=5),
)
@settings(max_examples=400, deadline=None)
def test_engines_agree_when_shared_tokens_are_unique(common, edits):
    left_words, right_words = list(common), list(common)
    # Insert the edits from the back so that earlier positions stay valid.
    for pos, only_left, only_right in sorted(edits, key=lambda e: -e[0]):
        pos = min(pos, len(common))
        left_words[pos:pos] = only_left
        right_words[pos:pos] = only_right
    left, right = " ".join(left_words), " ".join(right_words)
    assert diff(left, right, "rapidfuzz") == diff(left, right, "difflib")
    # Marker detection off: "90 Chaque" would otherwise open with a list marker.
    raw = diff(left, right, "rapidfuzz", cleanup=False, markers="none")
    assert raw == diff(left, right, "difflib", cleanup=False, markers="none")
    # Before cleanup, the shared material is exactly what is reported equal.
    assert [k for s in raw if s.op == "equal" for k in keys(s.left)] == keys(" ".join(common))


@given(
    st.lists(st.sampled_from(VOCAB + ["alpha", "beta"]), max_size=12),
    st.lists(st.sampled_from(VOCAB + ["alpha", "beta"]), max_size=12),
)
@settings(max_examples=200, deadline=None)
def test_engines_agree_on_what_is_identical(left_words, right_words):
    # Even when they pick different matchings, neither engine may call equal
    # what differs, and both recognise full equality and full disjointness.
    left, right = " ".join(left_words), " ".join(right_words)
    a, b = diff(left, right, "rapidfuzz"), diff(left, right, "difflib")
    if keys(left) == keys(right):
        assert a == b == ([Segment("equal", left, right)] if left else [])
    if not set(keys(left)) & set(keys(right)):
        assert a == b


def test_engines_agree_on_real_article_pairs():
    pairs = [
        (UN_25_1, BUDAPEST_16_1),
        (
            "Chaque État partie adopte les mesures législatives et autres nécessaires pour conférer le caractère "
            "d'infraction pénale conformément à son droit interne, lorsque l'acte a été commis intentionnellement, "
            "au fait d'accéder à tout ou partie d'un système d'information et de communication sans droit.",
            "Chaque Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour ériger en "
            "infraction pénale, conformément à son droit interne, l'accès intentionnel et sans droit à tout ou "
            "partie d'un système informatique.",
        ),
    ]
    for left, right in pairs:
        assert diff(left, right, "rapidfuzz") == diff(left, right, "difflib")


def test_difflib_is_the_fallback_when_rapidfuzz_is_missing(monkeypatch):
    fallback = import_without_rapidfuzz(monkeypatch, "concordance.lib.diffing")
    assert fallback is not diffing
    assert fallback.engines.default_engine() == "difflib"
    left = "Chaque État partie adopte les mesures"
    right = "Chaque Partie adopte les mesures"
    assert [(s.op, s.left, s.right) for s in fallback.diff(left, right)] == [
        ("equal", "Chaque ", "Chaque "),
        ("replace", "État partie ", "Partie "),
        ("equal", "adopte les mesures", "adopte les mesures"),
    ]
    # Alignment uses the same similarity number without rapidfuzz.
    assert fallback.paragraph_similarity(UN_25_1, BUDAPEST_16_1) == pytest.approx(
        paragraph_similarity(UN_25_1, BUDAPEST_16_1, "rapidfuzz")
    )
    assert fallback.align_paragraphs(UN_ART_25, BUDAPEST_ART_16) == [(0, 0), (1, 1), (2, 2), (None, 3)]
    with pytest.raises(RuntimeError, match="rapidfuzz is not installed"):
        fallback.diff(left, right, "rapidfuzz")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_the_python_similarity_is_rapidfuzz_ratio(left, right):
    from rapidfuzz import fuzz

    assert python_ratio(left, right, 0.0) == pytest.approx(fuzz.ratio(left, right) / 100)


def test_default_engine_is_rapidfuzz_when_available():
    assert default_engine() == "rapidfuzz"


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


# ---------------------------------------------------------------- paragraph alignment

UN_ART_25 = [
    UN_25_1,
    "2. Lorsqu'un État partie donne effet au paragraphe 1 du présent article au moyen d'une injonction "
    "ordonnant à une personne de préserver certaines données électroniques stockées qui se trouvent en sa "
    "possession ou sous son contrôle, il adopte les mesures législatives et autres nécessaires pour obliger "
    "cette personne à préserver lesdites données électroniques et à en protéger l'intégrité pendant une durée "
    "aussi longue que nécessaire, au maximum de 90 jours, afin de permettre aux autorités compétentes "
    "d'obtenir leur divulgation. Un État partie peut prévoir qu'une telle injonction pourra être renouvelée.",
    "3. Chaque État partie adopte les mesures législatives et autres nécessaires pour obliger la personne "
    "détentrice des données électroniques ou une autre personne chargée de les préserver à garder le secret "
    "sur la mise en œuvre desdites procédures pendant la durée prévue par sa législation interne.",
]
BUDAPEST_ART_16 = [
    BUDAPEST_16_1,
    "2  Lorsqu'une Partie fait application du paragraphe 1 ci-dessus, au moyen d'une injonction ordonnant à "
    "une personne de conserver des données stockées spécifiées se trouvant en sa possession ou sous son "
    "contrôle, cette Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour obliger "
    "cette personne à conserver et à protéger l'intégrité desdites données pendant une durée aussi longue que "
    "nécessaire, au maximum de quatre-vingt-dix jours, afin de permettre aux autorités compétentes d'obtenir "
    "leur divulgation. Une Partie peut prévoir qu'une telle injonction soit renouvelée par la suite.",
    "3  Chaque Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour obliger le "
    "gardien des données ou une autre personne chargée de conserver celles-ci à garder le secret sur la mise "
    "en œuvre desdites procédures pendant la durée prévue par son droit interne.",
    "4  Les pouvoirs et procédures mentionnés dans le présent article doivent être soumis aux articles 14 et 15.",
]


def assert_valid_rows(rows, n_left, n_right):
    lefts = [i for i, _ in rows if i is not None]
    rights = [j for _, j in rows if j is not None]
    assert lefts == list(range(n_left))
    assert rights == list(range(n_right))
    assert all(i is not None or j is not None for i, j in rows)


@pytest.mark.parametrize("engine", ENGINES)
def test_align_real_articles_with_an_extra_paragraph(engine):
    rows = align_paragraphs(UN_ART_25, BUDAPEST_ART_16, engine=engine)
    assert rows == [(0, 0), (1, 1), (2, 2), (None, 3)]


@pytest.mark.parametrize("engine", ENGINES)
def test_align_leaves_a_gap_in_the_middle(engine):
    right = [BUDAPEST_ART_16[0], BUDAPEST_ART_16[3], BUDAPEST_ART_16[1], BUDAPEST_ART_16[2]]
    rows = align_paragraphs(UN_ART_25, right, engine=engine)
    assert rows == [(0, 0), (None, 1), (1, 2), (2, 3)]


def test_pinned_pairs_win_over_similarity():
    # Curators pinned UN § 3 to Budapest § 4; similarity would have paired § 3 with § 3.
    rows = align_paragraphs(UN_ART_25, BUDAPEST_ART_16, pinned=[(2, 3)])
    assert (2, 3) in rows
    assert rows == [(0, 0), (1, 1), (None, 2), (2, 3)]
    assert_valid_rows(rows, 3, 4)


def test_pinned_pairs_are_kept_even_when_dissimilar():
    rows = align_paragraphs(["alpha"], ["omega"], pinned=[(0, 0)])
    assert rows == [(0, 0)]
    assert align_paragraphs(["alpha"], ["omega"]) == [(0, None), (None, 0)]


def test_crossing_or_out_of_range_pins_are_rejected():
    with pytest.raises(ValueError, match="cross"):
        align_paragraphs(UN_ART_25, BUDAPEST_ART_16, pinned=[(0, 2), (1, 1)])
    with pytest.raises(ValueError, match="out of range"):
        align_paragraphs(UN_ART_25, BUDAPEST_ART_16, pinned=[(5, 0)])


def test_align_empty_sides():
    assert align_paragraphs([], []) == []
    assert align_paragraphs(["a b c"], []) == [(0, None)]
    assert align_paragraphs([], ["a b c"]) == [(None, 0)]


def test_similarity_ignores_markers_case_and_accents():
    assert paragraph_similarity("a) Chaque ÉTAT partie", "- b. chaque etat partie") == 1.0
    assert paragraph_similarity("a) Chaque ÉTAT partie", "b) chaque etat partie", "difflib") == 1.0
    assert paragraph_similarity("Chaque Partie", "Extradition") < 0.5


paragraphs = st.lists(st.sampled_from(UN_ART_25 + BUDAPEST_ART_16 + ["Extradition", "Champ d'application"]), max_size=7)


@given(paragraphs, paragraphs, st.data())
@settings(max_examples=100, deadline=None)
def test_alignment_is_a_complete_order_preserving_cover(left, right, data):
    pins: list[tuple[int, int]] = []
    if left and right:
        i = data.draw(st.integers(0, len(left) - 1))
        j = data.draw(st.integers(0, len(right) - 1))
        pins = [(i, j)]
    rows = align_paragraphs(left, right, pinned=pins)
    assert_valid_rows(rows, len(left), len(right))
    for pin in pins:
        assert pin in rows


# ---------------------------------------------------------------- the steps of a group alignment


def test_group_steps_are_traced_back_from_the_full_prefixes():
    # (1, 1) everywhere it can, a lone left paragraph in the middle.
    moves = [[None, (0, 1)], [(1, 0), (1, 1)], [(1, 0), (1, 0)]]
    assert align._steps(moves) == [(0, 1, 0, 1), (1, 2, 1, 1)]


def test_unpartnered_paragraphs_come_before_the_next_row_left_first():
    steps = [(0, 1, 0, 0), (0, 0, 0, 1), (1, 3, 1, 2), (3, 4, 2, 2)]
    assert align._rows(steps, [10, 11, 12, 13], [20, 21]) == [
        ((10,), ()),
        ((), (20,)),
        ((11, 12), (21,)),
        ((13,), ()),
    ]


def test_a_pair_alike_only_in_function_words_has_no_similarity():
    left = ["Les données de la Partie et les données des États pour le paragraphe.", UN_25_1]
    right = ["Les mesures de la Partie et les mesures des États pour le paragraphe.", BUDAPEST_16_1]
    lnorm = [sorted_words(p) for p in left]
    rnorm = [sorted_words(p) for p in right]
    assert python_ratio(lnorm[0], rnorm[0], 0.0) > 0.7
    single = align._single_similarities([0, 1], [0, 1], left, right, lnorm, rnorm, 0.5, python_ratio)
    assert single[0][0] == 0.0
    assert single[1][1] == python_ratio(lnorm[1], rnorm[1], 0.0) > 0.5
