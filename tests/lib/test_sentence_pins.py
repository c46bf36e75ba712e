"""Cutting a provision at its pinned sentences (pure): the parts give its text back, in order."""

from __future__ import annotations

from concordance.lib.comparison import ComparedUnit
from concordance.lib.comparison.sentence_pins import Pin, cut_at_sentences, pinned_sentences, pinned_unit

TEXT = "Une Partie peut dénoncer. La dénonciation prend effet un an après. Elle est notifiée au dépositaire."
UNITS = [ComparedUnit("art_9__para_1", "par. 1", TEXT), ComparedUnit("art_9__para_2", "par. 2", "Autre texte.")]


def test_a_pinned_sentence_is_a_part_of_its_own_between_the_sentences_around_it():
    parts = cut_at_sentences(UNITS, {"art_9__para_1": {2}})
    assert [(p.label, p.sentence) for p in parts] == [
        ("par. 1, phrase 1", 1),
        ("par. 1, phrase 2", 2),
        ("par. 1, phrase 3", 3),
        ("par. 2", 0),
    ]
    assert "".join(p.text for p in parts[:3]) == TEXT
    assert all(TEXT[p.offset : p.offset + len(p.text)] == p.text for p in parts[:3])
    assert [p.anchor for p in parts] == [
        "art_9__para_1",
        "art_9__para_1-phrase-2",
        "art_9__para_1-phrase-3",
        "art_9__para_2",
    ]
    assert pinned_unit(parts, "art_9__para_1", 2) == 1


def test_unpinned_sentences_stay_together():
    parts = cut_at_sentences(UNITS, {"art_9__para_1": {1}})
    assert [p.label for p in parts] == ["par. 1, phrase 1", "par. 1, phrases 2 à 3", "par. 2"]
    assert "".join(p.text for p in parts[:2]) == TEXT


def test_a_sentence_the_provision_no_longer_has_leaves_it_whole():
    assert cut_at_sentences(UNITS, {"art_9__para_1": {4}, "art_9__para_2": {1}}) == UNITS
    assert pinned_unit(UNITS, "art_9__para_1", 4) is None


def test_pins_name_their_sentences_by_side():
    pins = [Pin("art_9__para_1", "art_3", 2, 0), Pin("art_9__para_1", "art_4", 0, 1)]
    assert pinned_sentences(pins) == ({"art_9__para_1": {2}}, {"art_4": {1}})
