"""Quantities of two texts set against each other: same, divergent, one-sided."""

from __future__ import annotations

from concordance.lib import quantities as module
from concordance.lib.quantities import Quantity, extract_quantities, pair_quantities
from tests.lib.quantity_sources import line_with

# --------------------------------------------------------------------------
# Comparison


def pair_facts(left: str, right: str) -> list[tuple[object, ...]]:
    return [
        (p.status, p.left.text if p.left else None, p.right.text if p.right else None, p.spelled_differently)
        for p in pair_quantities(extract_quantities(left), extract_quantities(right))
    ]


def in_words(quantity: Quantity | None) -> bool:
    """Whether a quantity's numbers are written in words ("quatre-vingt-dix") rather than digits."""
    assert quantity is not None
    return any(n and not n[:1].isdigit() for n in quantity.numerals)


def test_compare_same_value_spelled_differently() -> None:
    un = line_with("un", "au maximum de 90 jours")
    bill = line_with("bill", "au maximum de quatre-vingt-dix jours")
    [pair] = pair_quantities(extract_quantities(un), extract_quantities(bill))
    assert (pair.status, pair.spelled_differently, pair.bound_differs) == ("same", True, False)
    assert (pair.kind, pair.unit, pair.left.value, pair.right.value) == ("duration", "day", 90, 90)  # type: ignore[union-attr]
    assert (in_words(pair.left), in_words(pair.right)) == (False, True)


def test_compare_same_value_same_spelling_different_bound_words() -> None:
    assert pair_facts(line_with("un", "minimum de 60 jours"), line_with("benin", "au moins 60 jours")) == [
        ("same", "minimum de 60 jours", "au moins 60 jours", False)
    ]


def test_compare_availability() -> None:
    assert pair_facts(
        line_with("un", "24 heures sur 24"), line_with("bill", "vingt-quatre heures sur vingt-quatre")
    ) == [
        (
            "same",
            "24 heures sur 24, sept jours sur sept",
            "vingt-quatre heures sur vingt-quatre, sept jours sur sept",
            True,
        )
    ]
    assert pair_facts(line_with("un", "24 heures sur 24"), line_with("benin", "24 heures sur 24")) == [
        ("same", "24 heures sur 24, sept jours sur sept", "24 heures sur 24, sept jours sur sept", False)
    ]


def test_compare_entry_into_force() -> None:
    # UN: the 90th day after the 40th instrument; Budapest: the first day of
    # the month after a three-month period once five States have consented.
    # The delays are compared with each other, the thresholds with each other,
    # and "le premier jour du mois" is a calendar point with no UN counterpart.
    un = line_with("un", "quatre-vingt-dixième jour")
    benin = line_with("benin", "3. La présente Convention entrera en vigueur")
    assert pair_facts(un, benin) == [
        ("right-only", None, "premier jour", False),
        ("divergent", "quatre-vingt-dixième jour", "trois mois", False),
        ("divergent", "quarantième instrument", "cinq Etats", False),
        ("right-only", None, "au moins trois Etats membres", False),
    ]
    badges = [
        p.badge for p in pair_quantities(extract_quantities(un), extract_quantities(benin)) if p.status == "divergent"
    ]
    assert badges == ["90e jour ≠ 3 mois", "40e instrument ≠ 5 États"]


def test_compare_is_order_preserving_within_a_kind() -> None:
    left = "après 30 jours, puis 90 jours, enfin 60 jours"
    right = "après 90 jours, enfin 45 jours"
    assert pair_facts(left, right) == [
        ("left-only", "30 jours", None, False),
        ("same", "90 jours", "90 jours", False),
        ("divergent", "60 jours", "45 jours", False),
    ]


def test_compare_durations_in_a_common_unit() -> None:
    # Denunciation: UN art. 67 "un an" against Budapest art. 47 "trois mois".
    un = line_with("un", "Une telle dénonciation prend effet un an")
    bill = line_with("bill", "La dénonciation prendra effet le premier jour du mois")
    [divergent] = [p for p in pair_quantities(extract_quantities(un), extract_quantities(bill)) if p.left and p.right]
    assert (divergent.status, divergent.badge, divergent.across_units) == ("divergent", "1 an ≠ 3 mois", True)
    # A year is twelve months, a week seven days.
    assert pair_facts("un an", "douze mois") == [("same", "un an", "douze mois", True)]
    assert pair_facts("deux semaines", "quatorze jours") == [("same", "deux semaines", "quatorze jours", True)]
    # Days and months never meet in a common unit: 90 days is not three months.
    assert pair_facts("90 jours", "trois mois") == [("divergent", "90 jours", "trois mois", False)]
    # The amendment's delay: UN art. 66 "90 jours" against Budapest art. 44 "le trentième jour".
    [amendment] = pair_quantities(extract_quantities("90 jours après"), extract_quantities("le trentième jour après"))
    assert amendment.badge == "90 jours ≠ 30e jour"


def test_a_different_bound_is_a_divergence_and_the_badge_says_so() -> None:
    [pair] = pair_quantities(extract_quantities("au maximum de 90 jours"), extract_quantities("au moins 90 jours"))
    assert (pair.status, pair.bound_differs) == ("divergent", True)
    assert pair.badge == "au plus 90 jours ≠ au moins 90 jours"
    [pair] = pair_quantities(extract_quantities("moins de 18 ans"), extract_quantities("plus de 18 ans"))
    assert pair.badge == "moins de 18 ans ≠ plus de 18 ans"
    # The domestic preservation period: the same bound in other words.
    [pair] = pair_quantities(
        extract_quantities(line_with("un", "au maximum de 90 jours")),
        extract_quantities(line_with("benin", "jusqu'à maximum 90 jours")),
    )
    assert (pair.status, pair.badge) == ("same", "au plus 90 jours = au plus 90 jours")


def test_equivalent_quantities() -> None:
    [a], [b], [c] = (
        extract_quantities(t) for t in ("au moins 60 jours", "minimum de soixante jours", "au plus 60 jours")
    )
    assert module.equivalent(a, b) and not module.equivalent(a, c)
    [year], [months] = extract_quantities("un an"), extract_quantities("douze mois")
    assert module.equivalent(year, months)


def test_compare_never_pairs_different_dimensions() -> None:
    # An age, a penalty and a delay answer different questions.
    assert pair_facts("une personne de moins de 18 ans", "pendant 18 mois") == [
        ("right-only", None, "18 mois", False),
        ("left-only", "moins de 18 ans", None, False),
    ]
    assert pair_facts("une peine d'au moins un an", "un délai d'un an") == [
        ("right-only", None, "un an", False),
        ("left-only", "au moins un an", None, False),
    ]
    # A count of States is not a delay.
    assert pair_facts("cinq Etats", "cinq jours") == [
        ("right-only", None, "cinq jours", False),
        ("left-only", "cinq Etats", None, False),
    ]
    assert pair_quantities([], []) == []


def test_takes_effect_tells_the_delay_of_an_act_from_one_counted_from_entry_into_force() -> None:
    un = line_with("un", "À l'expiration d'un délai de cinq ans")
    [five_years, *_] = extract_quantities(un)
    assert not module.takes_effect(five_years, un)
    un = line_with("un", "entre en vigueur pour un État partie 90 jours")
    [ninety] = extract_quantities(un)
    assert module.takes_effect(ninety, un)
    review = line_with("un", "au plus tard un an après l'entrée en vigueur")
    [one_year] = extract_quantities(review)
    assert not module.takes_effect(one_year, review)
