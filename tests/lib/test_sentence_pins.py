"""Cutting a provision at its pinned sentences (pure): the parts give its text back, in order."""

from __future__ import annotations

from concordance.lib.comparison import ComparedUnit, compare_units
from concordance.lib.comparison.sentence_pins import Pin, cut_at_sentences, pinned_sentences, pinned_unit
from concordance.lib.terminology import Glossary

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


UN_67_1 = (
    "Un État partie peut dénoncer la présente Convention par notification écrite adressée au Secrétaire général. "
    "Une telle dénonciation prend effet un an après la date de réception de la notification par le Secrétaire général."
)
BUDAPEST_47 = [
    ComparedUnit("art_47__para_1", "par. 1", "Toute Partie peut dénoncer la présente Convention par notification."),
    ComparedUnit(
        "art_47__para_2",
        "par. 2",
        "La dénonciation prendra effet le premier jour du mois qui suit l'expiration d'une période de trois mois "
        "après la date de réception de la notification.",
    ),
]


def test_a_quantity_of_a_later_part_is_read_in_that_part_when_paired_across_rows():
    """« un an » lies in the second sentence, pinned here against Budapest §1 (which has no
    quantity): it is read where it stands in its part (it says when the denunciation takes
    effect) and meets Budapest §2's « trois mois » from another row."""
    parts = cut_at_sentences([ComparedUnit("art_67__para_1", "par. 1", UN_67_1)], {"art_67__para_1": {2}})
    comparison = compare_units(
        parts, BUDAPEST_47, pinned=[(1, 0)], glossary=Glossary(()), left_instrument="un", right_instrument="budapest"
    )
    assert [(found.pair.left.text, found.pair.right.text) for found in comparison.across] == [("un an", "trois mois")]
    found = comparison.across[0]
    assert UN_67_1[found.pair.left.start : found.pair.left.end] == "un an"  # at its place in the provision
    assert found.left.within(found.pair.left).start == found.left.text.index("un an")
