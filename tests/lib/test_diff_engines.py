"""The two diff engines, rapidfuzz and the difflib fallback: where they must agree, and the fallback itself."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordance.lib import diffing
from concordance.lib.diffing import Segment, diff, paragraph_similarity
from concordance.lib.diffing.engines import default_engine, python_ratio
from tests.lib.diff_cases import BUDAPEST_16_1, BUDAPEST_ART_16, UN_25_1, UN_ART_25, VOCAB, keys
from tests.lib.without_rapidfuzz import import_without_rapidfuzz

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
