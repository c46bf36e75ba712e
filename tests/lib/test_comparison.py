"""Rows of a comparison (concordance.lib.comparison): curated links, groups, quantities, list formatting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordance.lib.comparison import Collapsed, ComparedUnit, Comparison, compare_units, visible_rows
from concordance.lib.diffing import align_groups, paragraph_similarity
from concordance.lib.terminology import load_glossary

GLOSSARY = load_glossary(Path(__file__).resolve().parents[2] / "fixtures" / "glossary.json")


def units(prefix: str, *texts: str) -> list[ComparedUnit]:
    return [ComparedUnit(f"{prefix}_{k}", f"par. {k + 1}", text) for k, text in enumerate(texts)]


def compare(left, right, pinned=()):
    return compare_units(
        left, right, pinned=pinned, glossary=GLOSSARY, left_instrument="un", right_instrument="budapest"
    )


def shown(comparison: Comparison, side: str) -> list[tuple[str, str]]:
    """(eid, text) of each unit as its cells show it, in page order."""
    out = []
    for row in comparison.rows:
        for block in row.left_blocks if side == "left" else row.right_blocks:
            out.append((block.unit.eid, "".join(piece.text for piece in block.pieces)))
    return out


def kinds(comparison: Comparison) -> set[str]:
    return {p.kind for row in comparison.rows for b in row.left_blocks + row.right_blocks for p in b.pieces}


LEFT = units(
    "l",
    "Les frais ordinaires occasionnés par l'exécution d'une demande sont à la charge de l'État partie requis.",
    "Chaque État partie désigne une autorité centrale chargée d'envoyer les demandes d'entraide.",
    "Les demandes sont confidentielles lorsque l'État partie requérant le demande.",
)
RIGHT = units(
    "r",
    "La Partie requise peut demander que la demande reste confidentielle.",
    "Chaque Partie désigne une autorité centrale chargée d'envoyer les demandes d'entraide.",
    "Les frais ordinaires occasionnés par l'exécution d'une demande sont à la charge de la Partie requise.",
)


def test_crossing_curated_links_each_get_their_row_and_no_text_moves():
    comparison = compare(LEFT, RIGHT, pinned=[(0, 2), (1, 1), (2, 0)])
    # Each text is shown whole, once, in its own order.
    assert shown(comparison, "left") == [(u.eid, u.text) for u in LEFT]
    assert shown(comparison, "right") == [(u.eid, u.text) for u in RIGHT]
    moved = [row for row in comparison.rows if row.moved]
    # The middle link keeps its row; the two crossing ones are moved, each side at its place.
    assert any(row.lefts == [LEFT[1]] and row.rights == [RIGHT[1]] for row in comparison.rows)
    assert len(moved) == 4
    first = comparison.rows[0]
    # Both texts open with a moved unit: the left one comes first, alone in its row.
    assert first.lefts == [LEFT[0]] and first.rights == []
    for row in moved:
        where = row.left_elsewhere or row.right_elsewhere
        partner_row = next(k for k, other in enumerate(comparison.rows) if where.units[0] in other.lefts + other.rights)
        own = comparison.rows.index(row)
        assert where.direction == ("down" if partner_row > own else "up")


def test_a_moved_pair_is_still_diffed_against_its_partner():
    comparison = compare(LEFT, RIGHT, pinned=[(0, 2), (1, 1), (2, 0)])
    costs = next(row for row in comparison.rows if row.lefts == [LEFT[0]])
    assert costs.right_elsewhere.units == (RIGHT[2],)
    pieces = costs.left_blocks[0].pieces
    # Shared words are plain, and "l'État partie requis" / "la Partie requise" is terminology.
    assert pieces[0].kind == "equal" and pieces[0].text.startswith("Les frais ordinaires")
    assert "deleted" not in {p.kind for p in pieces}


def test_without_links_similar_paragraphs_pair_up():
    comparison = compare(LEFT[1:2], RIGHT[1:2])
    assert [(r.lefts, r.rights) for r in comparison.rows] == [([LEFT[1]], [RIGHT[1]])]


def test_links_sharing_a_paragraph_make_one_row():
    right = units("r", "la production de contenus ;", "l'offre de contenus ;", "la diffusion de contenus ;")
    left = units("l", "Produire, offrir ou diffuser des contenus ;")
    comparison = compare(left, right, pinned=[(0, 0), (0, 1), (0, 2)])
    assert [(r.lefts, r.rights) for r in comparison.rows] == [(left, right)]
    # Each paragraph keeps its own block, label and words.
    assert [(b.unit.label, "".join(p.text for p in b.pieces)) for b in comparison.rows[0].right_blocks] == [
        (u.label, u.text) for u in right
    ]


def test_two_paragraphs_against_one_block_are_one_row():
    left = units(
        "l",
        "Chaque État partie adopte les mesures législatives et autres nécessaires pour conférer le caractère "
        "d'infraction pénale, conformément à son droit interne, à l'accès intentionnel et illicite à tout ou "
        "partie d'un système d'information et de communication.",
        "Un État partie peut exiger que l'infraction soit commise en violation des mesures de sécurité, dans "
        "l'intention d'obtenir des données électroniques.",
    )
    right = units(
        "r",
        "Chaque Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour ériger en "
        "infraction pénale, conformément à son droit interne, l'accès intentionnel et sans droit à tout ou partie "
        "d'un système informatique. Une Partie peut exiger que l'infraction soit commise en violation des mesures "
        "de sécurité, dans l'intention d'obtenir des données informatiques.",
    )
    assert align_groups([u.text for u in left], [u.text for u in right]) == [((0, 1), (0,))]
    comparison = compare(left, right)
    row = comparison.rows[0]
    assert row.lefts == left and row.rights == right
    assert len(comparison.rows) == 1
    assert [("".join(p.text for p in b.pieces)) for b in row.left_blocks] == [u.text for u in left]


def test_an_unrelated_neighbour_is_not_merged():
    left = units(
        "l", "Chaque État partie désigne une autorité centrale.", "Les frais sont à la charge de l'État requis."
    )
    right = units("r", "Chaque Partie désigne une autorité centrale.")
    assert align_groups([u.text for u in left], [u.text for u in right]) == [((0,), (0,)), ((1,), ())]


def test_the_same_period_written_differently_is_not_substantive():
    left = units("l", "La préservation l'est pour une période minimum de 60 jours afin de permettre la demande.")
    right = units("r", "La préservation l'est pour une période d'au moins soixante jours afin de permettre la demande.")
    row = compare(left, right).rows[0]
    assert row.substantive_tokens == 0
    assert {p.kind for p in row.right_blocks[0].pieces} == {"equal", "term"}


def test_a_different_period_stays_a_change_with_its_badge():
    left = units("l", "La préservation l'est pour une période minimum de 60 jours.")
    right = units("r", "La préservation l'est pour une période d'au moins quatre-vingt-dix jours.")
    row = compare(left, right).rows[0]
    assert row.substantive_tokens > 0
    assert [(q.left.label, q.right.label) for q in row.divergent_quantities] == [("60 jours", "90 jours")]


@pytest.mark.parametrize(
    "left_text, right_text",
    [
        ("L'accès à un système ;", "l'accès à un système ;"),
        ("La localisation des personnes suspectes ; et", "la localisation des personnes suspectes."),
        ("Pour les données stockées.", "pour les données stockées ;"),
    ],
)
def test_list_item_formatting_is_form_not_substance(left_text, right_text):
    left = [ComparedUnit("l_a", "par. 3, a)", left_text)]
    right = [ComparedUnit("r_a", "par. 1, a)", right_text)]
    comparison = compare(left, right)
    row = comparison.rows[0]
    assert row.substantive_tokens == 0
    assert "form" in kinds(comparison)
    assert "".join(p.text for p in row.left_blocks[0].pieces) == left_text


def test_a_case_change_inside_the_sentence_or_an_alternative_stays_a_change():
    left = [ComparedUnit("l_a", "a)", "L'accès au Système ; ou")]
    right = [ComparedUnit("r_a", "a)", "l'accès au système ; et")]
    row = compare(left, right).rows[0]
    assert row.substantive_tokens > 0
    texts = {p.text.strip() for p in row.left_blocks[0].pieces if p.kind == "deleted"}
    assert "Système" in texts and any("ou" in t for t in texts)


def test_the_determiner_agreeing_with_a_term_is_part_of_the_term():
    left = units("l", "Chaque État partie oblige la personne détentrice des données à garder le secret.")
    right = units("r", "Chaque Partie oblige le gardien des données à garder le secret.")
    row = compare(left, right).rows[0]
    assert row.substantive_tokens == 0
    assert any(p.kind == "term" and p.text.startswith("la personne") for p in row.left_blocks[0].pieces)


def test_changes_only_counts_the_rows_it_hides():
    left = units("l", "Texte identique un.", "Texte identique deux.", "Chaque État partie désigne une autorité.")
    right = units(
        "r",
        "Texte identique un.",
        "Texte identique deux.",
        "Chaque Partie désigne une autorité et un point de contact.",
    )
    comparison = compare(left, right)
    items = visible_rows(comparison, changes_only=True, terms_shown=True)
    assert isinstance(items[0], Collapsed) and items[0].count == 2
    assert items[1] is comparison.rows[2]
    assert visible_rows(comparison, changes_only=False, terms_shown=True) == comparison.rows


def test_quantities_of_a_grouped_row_are_badged_and_located_in_their_own_unit():
    left = units("l", "La durée est de 90 jours.", "Elle peut être renouvelée pour 30 jours.")
    right = units("r", "La durée est de 60 jours. Elle peut être renouvelée pour 30 jours.")
    comparison = compare(left, right, pinned=[(0, 0), (1, 0)])
    row = comparison.rows[0]
    assert row.lefts == left
    assert [(q.left.label, q.right.label) for q in row.divergent_quantities] == [("90 jours", "60 jours")]
    # What the analysis pages read: each quantity in its own paragraph, offsets local to it.
    located = row.located_quantity_pairs()
    assert [(pair.left.label, left_eid, right_eid) for pair, left_eid, right_eid in located] == [
        ("90 jours", left[0].eid, right[0].eid),
        ("30 jours", left[1].eid, right[0].eid),
    ]
    texts = {unit.eid: unit.text for unit in left + right}
    for pair, left_eid, right_eid in located:
        assert texts[left_eid][pair.left.start : pair.left.end] == pair.left.text
        assert texts[right_eid][pair.right.start : pair.right.end] == pair.right.text


def test_paragraphs_alike_only_in_their_function_words_are_not_paired():
    left = ["Les frais ordinaires occasionnés par l'exécution d'une demande sont à la charge de l'État partie requis."]
    right = ["Les informations obtenues par l'autorité sont à la disposition de l'État partie requérant."]
    # Similar enough as strings of characters...
    assert paragraph_similarity(left[0], right[0]) > 0.6
    # ... but about something else: a gap on each side, not a pair.
    assert align_groups(left, right) == [((0,), ()), ((), (0,))]
    # Sharing their content words, they would be.
    right_alike = [
        "Les frais ordinaires occasionnés par l'exécution d'une demande sont supportés par la Partie requise."
    ]
    assert align_groups(left, right_alike) == [((0,), (0,))]


WORDS = [
    "Chaque",
    "État",
    "partie",
    "Partie",
    "adopte",
    "les",
    "mesures",
    ";",
    "données",
    "informatiques",
    "électroniques",
    "90",
    "jours",
    "soixante",
    "et",
    "ou",
    "L'accès",
    "l'accès",
    ".",
]
_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_text, min_size=0, max_size=6),
    st.lists(_text, min_size=0, max_size=6),
    st.data(),
)
def test_whatever_the_links_each_text_is_shown_whole_once_and_in_order(left_texts, right_texts, data):
    left = [ComparedUnit(f"l_{k}", f"{k + 1})", t) for k, t in enumerate(left_texts)]
    right = [ComparedUnit(f"r_{k}", f"{k + 1})", t) for k, t in enumerate(right_texts)]
    pins = []
    if left and right:
        pins = data.draw(st.lists(st.tuples(st.integers(0, len(left) - 1), st.integers(0, len(right) - 1)), max_size=6))
    comparison = compare(left, right, pinned=pins)
    assert shown(comparison, "left") == [(u.eid, u.text) for u in left]
    assert shown(comparison, "right") == [(u.eid, u.text) for u in right]
    # Every curated link is honoured: its two units share a row, or each names the other.
    for i, j in set(pins):
        together = any(left[i] in row.lefts and right[j] in row.rights for row in comparison.rows)
        linked = any(
            left[i] in row.lefts
            and row.right_elsewhere
            and right[j] in row.right_elsewhere.units
            or right[j] in row.rights
            and row.left_elsewhere
            and left[i] in row.left_elsewhere.units
            for row in comparison.rows
        )
        assert together or linked
    # The one-column view shows every word of the right text, in order, once.
    inline_right = "".join(p.text for row in comparison.rows for p in row.inline_pieces if p.side == "right")
    assert inline_right == "".join(u.text for u in right)


DENUNCIATION_UN = units(
    "un",
    "Tout État partie peut dénoncer la présente Convention par notification écrite ; la dénonciation prend effet un an "
    "après la date de réception de la notification.",
)
DENUNCIATION_BUDAPEST = units(
    "b",
    "Toute Partie peut, à tout moment, dénoncer la présente Convention par notification au Secrétaire Général.",
    "La dénonciation prendra effet le premier jour du mois qui suit l'expiration d'une période de trois mois après la "
    "date de réception de la notification.",
)


def test_a_delay_stated_in_another_paragraph_is_set_against_its_counterpart():
    comparison = compare(DENUNCIATION_UN, DENUNCIATION_BUDAPEST, pinned=[(0, 0)])
    # The curated link puts UN §1 beside Budapest §1; the delay is in Budapest §2.
    assert [row.lefts for row in comparison.rows][0] == DENUNCIATION_UN
    assert not any(row.divergent_quantities for row in comparison.rows)
    [found] = comparison.divergent_across
    assert found.pair.badge == "1 an ≠ 3 mois"
    assert (found.left.eid, found.right.eid) == ("un_0", "b_1")
    assert (found.pair.left.text, found.pair.right.text) == ("un an", "trois mois")
    assert comparison.divergent_quantities == [found.pair]


def test_quantities_of_different_subjects_are_not_set_against_each_other_across_rows():
    budapest = units(
        "b",
        DENUNCIATION_BUDAPEST[0].text,
        "Un amendement adopté prend effet trois mois après la date de son acceptation.",
    )
    comparison = compare(DENUNCIATION_UN, budapest, pinned=[(0, 0)])
    assert comparison.across == []
