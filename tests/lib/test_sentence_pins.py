"""Cutting a provision at its pinned sentences (pure): the parts give its text back, in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from concordance.lib import eids
from concordance.lib.comparison import ComparedUnit, compare_units
from concordance.lib.comparison.sentence_pins import Pin, cut_at_sentences, pinned_sentences, pinned_unit
from concordance.lib.sentences import sentences
from concordance.lib.terminology import Glossary
from tests.lib.parsed_trees import tree

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


def _article_units(which: str, article: str) -> list[ComparedUnit]:
    nodes = tree(which)
    return [
        ComparedUnit(eid, eid, node.text) for eid, node in nodes.items() if node.text and eids.is_within(eid, article)
    ]


# Articles with a provision of several sentences: where a sentence pin cuts something.
ARTICLES = {
    which: sorted({eids.article_of(eid) for eid, node in tree(which).items() if len(sentences(node.text)) > 1})
    for which in ("un", "bill")
}


def biased(units: list[ComparedUnit]) -> list[ComparedUnit]:
    """The units, the two with most sentences twice more: pins that name a sentence are drawn more often."""
    return sorted(units, key=lambda u: -len(sentences(u.text)))[:2] * 2 + units


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_any_sentence_pins_keep_each_text_whole_once_and_in_order(data):
    """Random pairs of real articles, random links between their provisions, some naming sentences:
    each provision is shown whole, once, in order, its parts joined."""
    left = _article_units("un", data.draw(st.sampled_from(ARTICLES["un"])))
    right = _article_units("bill", data.draw(st.sampled_from(ARTICLES["bill"])))
    links = data.draw(
        st.lists(
            st.tuples(
                st.sampled_from(biased(left)), st.sampled_from(biased(right)), st.integers(0, 3), st.integers(0, 3)
            ),
            max_size=4,
        )
    )
    pins = [Pin(a.eid, b.eid, ls, rs) for a, b, ls, rs in links]
    left_sentences, right_sentences = pinned_sentences(pins)
    left_parts, right_parts = cut_at_sentences(left, left_sentences), cut_at_sentences(right, right_sentences)
    pinned = set()
    for pin in pins:
        i = pinned_unit(left_parts, pin.left_eid, pin.left_sentence)
        j = pinned_unit(right_parts, pin.right_eid, pin.right_sentence)
        i = next(k for k, u in enumerate(left_parts) if u.eid == pin.left_eid) if i is None else i
        j = next(k for k, u in enumerate(right_parts) if u.eid == pin.right_eid) if j is None else j
        pinned.add((i, j))
    comparison = compare_units(
        left_parts,
        right_parts,
        pinned=sorted(pinned),
        glossary=Glossary(()),
        left_instrument="un",
        right_instrument="budapest",
    )
    for units, side in ((left, "left"), (right, "right")):
        shown: dict[str, str] = {}
        for row in comparison.rows:
            for block in row.left_blocks if side == "left" else row.right_blocks:
                shown[block.unit.eid] = shown.get(block.unit.eid, "") + "".join(p.text for p in block.pieces)
        assert list(shown.items()) == [(u.eid, u.text) for u in units]
