"""Quantities written without a number and a unit: deadlines, frequencies, consent rules, ranges in words."""

from __future__ import annotations

import pytest

from concordance.lib.quantities import extract_quantities, pair_quantities

# --------------------------------------------------------------------------
# Deadlines, frequencies, consent rules, ranges in words (issue 14 §4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ouverte à la signature jusqu'au 31 décembre 2026.", [("31 décembre 2026", "deadline", "at-most")]),
        ("avant le 1er janvier 2030", [("1er janvier 2030", "deadline", "under")]),
        ("à compter du 15 mars 2025", [("15 mars 2025", "deadline", "at-least")]),
        ("en communique annuellement la liste actualisée", [("une fois par an", "frequency", "")]),
        ("se réunit tous les deux ans", [("tous les 2 ans", "frequency", "")]),
        ("après en avoir obtenu l'assentiment unanime", [("unanimité", "majority", "")]),
        ("et à l'unanimité des représentants", [("unanimité", "majority", "")]),
        ("après que toutes les Parties ont informé le Secrétaire Général", [("toutes les Parties", "majority", "")]),
        (
            "un délai compris entre trente et soixante jours",
            [("30 jours", "duration", ""), ("60 jours", "duration", "")],
        ),
        # A date without a word that makes it a limit is a document's date, not a quantity.
        ("adoptée le 24 décembre 2024", []),
        ("deux ou plusieurs Parties", []),
    ],
)
def test_quantities_written_without_a_number_and_unit(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = extract_quantities(text)
    assert [(q.label, q.kind, q.bound) for q in found] == expected
    assert all(text[q.start : q.end] == q.text for q in found)


def test_a_deadline_and_a_frequency_are_their_own_dimensions() -> None:
    [deadline] = extract_quantities("jusqu'au 31 décembre 2026")
    [yearly] = extract_quantities("annuellement")
    [unanimous] = extract_quantities("à l'unanimité")
    [two_thirds] = extract_quantities("à la majorité des deux tiers")
    assert (deadline.dimension, yearly.dimension) == ("deadline", "frequency")
    assert deadline.value == 20261231 and deadline.bounded_label == "jusqu'au 31 décembre 2026"
    [pair] = pair_quantities([unanimous], [two_thirds])
    assert pair.status == "divergent" and pair.badge == "unanimité ≠ 2/3"
