"""Sentences of a provision: spans that cover its text exactly, cut the French way."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordance.lib.sentences import sentence_spans, sentences
from tests.lib.parsed_trees import tree

CORPUS = [
    (which, eid, node.text)
    for which in ("un", "bill", "coe", "protocol")
    for eid, node in tree(which).items()
    if node.text
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CORPUS), st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=400))
def test_the_sentences_of_any_stretch_of_the_corpus_give_it_back_byte_for_byte(provision, a, b):
    _, _, text = provision
    text = text[min(a, b) : max(a, b) + len(text) // 2] if a or b else text
    spans = sentence_spans(text)
    assert "".join(sentences(text)) == text
    assert all(span.start < span.end for span in spans)
    assert all(left.end == right.start for left, right in zip(spans, spans[1:], strict=False))
    if text:
        assert spans[0].start == 0 and spans[-1].end == len(text)


def test_every_provision_of_the_corpus_is_covered_exactly():
    for _, _, text in CORPUS:
        assert "".join(sentences(text)) == text


@pytest.mark.parametrize(
    ("which", "eid", "count", "second_starts"),
    [
        # "… d'enquête conjointes. En l'absence …", then "… au cas par cas. Les …"
        ("un", "art_48", 3, "En"),
        # "… visés au paragraphe 1. Chaque Partie …": a number ends this sentence.
        ("coe", "art_42", 2, "Aucune"),
        # "… le chapitre II. En …"
        ("coe", "art_41__para_2", 2, "En"),
    ],
)
def test_real_provisions_are_cut_where_a_sentence_ends(which, eid, count, second_starts):
    found = sentences(tree(which)[eid].text)
    assert len(found) == count
    assert found[1].startswith(second_starts)


def test_a_reference_that_goes_on_in_lower_case_is_not_cut():
    # Budapest 22 §2 (bill edition) cites "paragraphe 1. b" and "paragraphe 1. d": one sentence.
    assert len(sentences(tree("bill")["art_22__para_2"].text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voir l'art. 5 du traité. Les Parties agissent.", ["Voir l'art. 5 du traité. ", "Les Parties agissent."]),
        ("Selon le par. 2, al. 3, la Partie agit.", ["Selon le par. 2, al. 3, la Partie agit."]),
        ("Des données, p. ex. Des fichiers.", ["Des données, p. ex. Des fichiers."]),
        ("Cf. La note.", ["Cf. La note."]),
        ("Le rapport de M. Dupont et J. Martin. Il suit.", ["Le rapport de M. Dupont et J. Martin. ", "Il suit."]),
        ("Sous le n° 5. Ensuite.", ["Sous le n° 5. ", "Ensuite."]),
        ("1. Chaque Partie adopte. 2. Elle peut.", ["1. Chaque Partie adopte. ", "2. Elle peut."]),
        ("Selon le chapitre V. Les Parties.", ["Selon le chapitre V. ", "Les Parties."]),
        (
            "Est-ce permis ? Oui ! Il agit… Puis « Elle dit. » Fin.",
            ["Est-ce permis ? ", "Oui ! ", "Il agit… ", "Puis « Elle dit. » ", "Fin."],
        ),
        ("Le délai est de 1.5 jour. Il court.", ["Le délai est de 1.5 jour. ", "Il court."]),
        ("a) des actes ; b) des omissions.", ["a) des actes ; b) des omissions."]),
        ("Le texte. « Citation » suit.", ["Le texte. ", "« Citation » suit."]),
        ("Étape un. Étape deux.  ", ["Étape un. ", "Étape deux.  "]),
        ("Sans point final", ["Sans point final"]),
        ("", []),
    ],
)
def test_tricky_cases(text, expected):
    assert sentences(text) == expected
