"""Finding the quantities of a text."""

from __future__ import annotations

import re
from dataclasses import replace

from concordance.lib.quantities.model import COUNT_UNITS, Quantity, _availability_parts
from concordance.lib.quantities.numbers import parse_french_number, parse_french_ordinal
from concordance.lib.quantities.patterns import (
    _AGE_CUE,
    _BOTH,
    _CLAUSE_END,
    _DENOMINATORS,
    _MAJORITY_CUE,
    _NUMBER,
    _PENALTY_AFTER,
    _PENALTY_CUE,
    _QUANTITY,
)
from concordance.lib.quantities.rules import without_numbers


def _group(match: re.Match[str], prefix: str) -> str | None:
    return next((name[len(prefix) :] for name, v in match.groupdict().items() if v and name.startswith(prefix)), None)


def _clause_before(text: str, start: int, width: int) -> str:
    window = text[max(0, start - width) : start]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _bound(match: re.Match[str]) -> str:
    if match["b_least"] or match["p_least"] or match["or_more"]:
        return "at-least"
    if match["b_most"] or match["p_most"]:
        return "at-most"
    return "under" if match["b_under"] else "over" if match["b_over"] else ""


def _availability(match: re.Match[str]) -> Quantity:
    numerals = tuple(match[g] or "" for g in ("h", "hd", "d", "dd"))
    if match["d_only"]:
        numerals = ("", "", match["d_only"], match["dd_only"])
    hours, days = _availability_parts(numerals)
    # Unstated hours or days mean the whole day or the whole week.
    value = (hours[0] if hours else 24) * (days[0] if days else 7)
    return Quantity(match[0], match.start(), match.end(), value, "hour", "availability", "", numerals)


def _quantity(match: re.Match[str], text: str) -> Quantity | None:
    bound = _bound(match)
    if match["ord"]:
        rank = parse_french_ordinal(match["ord"])
        unit, kind, numeral = _group(match, "o_"), "ordinal", match["ord"]
        if rank is None or unit is None:
            return None
        return Quantity(match[0], match.start(), match.end(), rank, unit, kind, bound, (numeral,))
    numeral, unit = match["num"], _group(match, "u_")
    number = parse_french_number(numeral)
    if number is None or unit is None:
        return None
    value: int | float = number
    # "un État partie", "un ou plusieurs États", "un tiers" (a third party):
    # only a bound word makes "un" a number there.
    stated_bound = any(match[g] for g in ("b_least", "b_most", "b_under", "b_over", "p_least", "p_most"))
    if numeral.casefold() in ("un", "une") and not stated_bound and (unit in COUNT_UNITS or unit == "fraction"):
        return None
    before = _clause_before(text, match.start(), 150)
    if unit in COUNT_UNITS:
        if not bound and _BOTH.search(before):
            return None
        # "deux États parties ou plus", "deux ou plusieurs Parties": several, not a number with legal effect.
        if value == 2 and (match["or_more"] or (match["p_least"] or "").casefold().startswith("ou")):
            return None
        kind = "count"
    elif unit == "fraction":
        value = value / _DENOMINATORS[match["u_fraction"].casefold()]
        kind = "majority" if _MAJORITY_CUE.search(before) else "fraction"
    elif _PENALTY_CUE.search(before) or _PENALTY_AFTER.match(text, match.end()):
        kind = "penalty"
    elif unit == "year" and _AGE_CUE.search(before[-60:]):
        kind = "age"
    else:
        kind = "duration"
    return Quantity(match[0], match.start(), match.end(), value, unit, kind, bound, (numeral,))


# The first number of a range, whose unit is written once after the second:
# "de 16 à 18 ans", "entre 30 et 60 jours". In words, "entre trente et
# soixante jours" reads as one number that does not parse and gives nothing.
_RANGE_START = re.compile(rf"(?:\bde|\bentre)\s+(?P<low>{_NUMBER})\s+(?:à|et)\s+$", re.VERBOSE | re.IGNORECASE)


def _range_start(quantity: Quantity, text: str) -> Quantity | None:
    if quantity.kind in ("availability", "ordinal", "fraction", "majority") or quantity.bound:
        return None
    match = _RANGE_START.search(text, max(0, quantity.start - 80), quantity.start)
    value = parse_french_number(match["low"]) if match else None
    if match is None or value is None:
        return None
    return replace(
        quantity,
        text=match["low"],
        start=match.start("low"),
        end=match.end("low"),
        value=value,
        numerals=(match["low"],),
    )


_WORD_RANGE = re.compile(r"\bentre\s+$", re.IGNORECASE)


def _range_in_words(match: re.Match[str], text: str) -> list[Quantity]:
    """ "entre trente et soixante jours": the pattern reads "trente et soixante" as one number that does not
    parse; split at the "et" where both halves are numbers, the low one taking the high one's unit."""
    numeral = match["num"] or ""
    if not _WORD_RANGE.search(text, max(0, match.start() - 10), match.start()):
        return []
    for split in re.finditer(r"\s+et\s+", numeral):
        low_words, high_start = numeral[: split.start()], match.start("num") + split.end()
        low = parse_french_number(low_words)
        high_match = _QUANTITY.match(text, high_start)
        high = _quantity(high_match, text) if high_match else None
        if low is None or high is None:
            continue
        start = match.start("num")
        low_quantity = replace(
            high, text=low_words, start=start, end=start + len(low_words), value=low, numerals=(low_words,)
        )
        return [low_quantity, high]
    return []


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity of ``text``, in order of appearance (with those of ``rules``: deadlines, frequencies,
    consent rules)."""
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        quantity = _availability(match) if match["avail"] else _quantity(match, text)
        if quantity is None:
            if match["num"]:
                found.extend(_range_in_words(match, text))
            continue
        low = _range_start(quantity, text)
        if low is not None:
            found.append(low)
        found.append(quantity)
    rules = without_numbers(text)
    # "tous les deux ans" is a frequency, not also a duration of two years.
    found = [q for q in found if not any(r.start <= q.start and q.end <= r.end for r in rules)]
    return sorted([*found, *rules], key=lambda q: q.start)
