"""Quantities written without a number and a unit: deadlines by date, frequencies, consent rules.

``extract_quantities`` finds numbers attached to a unit; these are found
here, each as a ``Quantity`` of its own kind:

``deadline``
    a calendar date governed by a preposition that makes it a time limit or
    a starting point: "jusqu'au 31 décembre 2026" (``at-most``), "avant le
    1er janvier 2030" (``under``), "à compter du 1er mars 2025" (``at-least``).
    A date with no such word (a document's own date, "adoptée le 24 décembre
    2024") is not a quantity. ``value`` is the date as ``yyyymmdd``.
``frequency``
    how often something is done: "annuellement", "chaque année", "une fois
    par an", "tous les deux ans". ``value`` is the period in the unit
    (1 for yearly, 2 for every two years).
``majority``
    a consent rule with no fraction written: "à l'unanimité", "assentiment
    unanime", "toutes les Parties" (each Party must act); ``value`` 1.0, the
    whole. "La majorité des deux tiers" is already a fraction of
    ``extract_quantities``.
"""

from __future__ import annotations

import re
import unicodedata

from concordance.lib.quantities.model import Quantity
from concordance.lib.quantities.numbers import parse_french_number
from concordance.lib.translatable import MONTHS, N_

# A month's number by its name, written with or without its accent ("fevrier").
MONTH_NUMBERS = {
    spelling: number
    for number, name in enumerate(MONTHS, 1)
    for spelling in (name, unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode())
}
_DATE_BOUNDS = {
    "jusqu": "at-most",
    "au plus tard le": "at-most",
    "avant le": "under",
    "à compter du": "at-least",
    "à partir du": "at-least",
    "après le": "over",
}
_DEADLINE = re.compile(
    r"(?P<bound>jusqu['’]\s*au|au\s+plus\s+tard\s+le|avant\s+le|à\s+compter\s+du|à\s+partir\s+du|après\s+le)\s+"
    r"(?P<day>1er|\d{1,2})\s+(?P<month>" + "|".join(MONTH_NUMBERS) + r")\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_FREQUENCY = re.compile(
    r"\b(?P<yearly>annuellement|chaque\s+année|une\s+fois\s+par\s+an)\b"
    r"|\btous\s+les\s+(?P<every>deux|trois|quatre|cinq|six|\d+)\s+ans\b",
    re.IGNORECASE,
)
_UNANIMITY = re.compile(
    r"\b(?:à\s+l['’]unanimité|assentiment\s+unanime|accord\s+unanime|consentement\s+unanime"
    r"|toutes\s+les\s+(?:Parties|États\s+parties|Etats\s+parties))\b",
    re.IGNORECASE,
)


def _bound_of(words: str) -> str:
    folded = " ".join(words.casefold().replace("’", "'").split())
    return next(bound for start, bound in _DATE_BOUNDS.items() if folded.startswith(start))


def deadlines(text: str) -> list[Quantity]:
    found = []
    for match in _DEADLINE.finditer(text):
        day = 1 if match["day"].casefold() == "1er" else int(match["day"])
        value = int(match["year"]) * 10000 + MONTH_NUMBERS[match["month"].casefold()] * 100 + day
        numerals = (match["day"], match["month"], match["year"])
        found.append(
            Quantity(
                match[0], match.start(), match.end(), value, "date", "deadline", _bound_of(match["bound"]), numerals
            )
        )
    return found


def frequencies(text: str) -> list[Quantity]:
    found = []
    for match in _FREQUENCY.finditer(text):
        period = 1 if match["yearly"] else parse_french_number(match["every"])
        if period is None:
            continue
        numeral = match["every"] or "1"
        found.append(Quantity(match[0], match.start(), match.end(), period, "year", "frequency", "", (numeral,)))
    return found


def unanimity(text: str) -> list[Quantity]:
    found = []
    for match in _UNANIMITY.finditer(text):
        every = match[0].casefold().startswith("toutes")
        label = N_("toutes les Parties") if every else N_("unanimité")
        found.append(Quantity(match[0], match.start(), match.end(), 1.0, "fraction", "majority", "", (label,)))
    return found


def without_numbers(text: str) -> list[Quantity]:
    """The deadlines, frequencies and consent rules of ``text``."""
    return [*deadlines(text), *frequencies(text), *unanimity(text)]
