"""French cardinals and ordinals, in digits or in words, as numbers."""

from __future__ import annotations

import re

_UNIT_WORDS: dict[str, int] = {
    "zéro": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    # Belgian and Swiss forms, which some Council of Europe texts carry.
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
}
# Ordinal stems whose cardinal is not simply the stem or the stem + "e".
_ORDINAL_STEMS = {"cinqu": "cinq", "neuv": "neuf"}
_ORDINAL_WORDS = {"premier": 1, "première": 1, "second": 2, "seconde": 2}


def number_tokens(words: str) -> list[str]:
    # Pre-1990 ("vingt et un", "deux cents") and 1990 ("vingt-et-un",
    # "deux-cents") spellings only differ by separators; "et" carries no value.
    return [t for t in re.split(r"[\s\-]+", words.strip().casefold()) if t and t != "et"]


def parse_french_number(words: str) -> int | None:
    """The value of a cardinal in digits or French words, or None.

    "quatre-vingt-dix" → 90, "soixante et onze" → 71, "deux cents" → 200,
    "vingt-et-une" → 21, "1 000" → 1000.
    """
    if re.fullmatch(r"\d+(?:[\s.]\d{3})*", words.strip()):
        return int(re.sub(r"\D", "", words))
    tokens = number_tokens(words)
    if not tokens:
        return None
    total = group = 0
    previous = ""
    for token in tokens:
        if token in ("cent", "cents"):
            if group >= 100:
                return None
            group = (group or 1) * 100
        elif token == "mille":
            if total:
                return None
            total, group = (group or 1) * 1000, 0
        elif token in ("vingt", "vingts") and previous == "quatre":
            group += 76  # "quatre" already added 4: 4 × 20 = 4 + 76
        elif token in _UNIT_WORDS:
            value, low = _UNIT_WORDS[token], group % 100
            # A value may fill an empty slot, add units to a round ten
            # ("vingt-deux", "dix-sept", "soixante-dix-sept") or add 10-19 to
            # 60 and 80 ("soixante-douze", "quatre-vingt-dix"); anything else
            # ("vingt trente", "deux trois") is not a number.
            if not (low == 0 or (low % 10 == 0 and value < 10) or (low in (60, 80) and 10 <= value < 20)):
                return None
            group += value
        else:
            return None
        previous = token
    return total + group


def parse_french_ordinal(words: str) -> int | None:
    """The value of an ordinal: "quatre-vingt-dixième" → 90, "premier" → 1, "1er" → 1, "40e" → 40."""
    digits = re.fullmatch(r"(\d+)\s*\^?\{?(?:er|re|ère|e|ème|ᵉ|ʳᵉ|ᵉʳ)\}?", words.strip(), re.IGNORECASE)
    if digits:
        return int(digits[1])
    tokens = number_tokens(words)
    if len(tokens) == 1 and tokens[0] in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[tokens[0]]
    if not tokens or not (last := re.fullmatch(r"(\w+?)ièmes?", tokens[-1])):
        return None
    stem = last[1]
    if stem == "un" and len(tokens) == 1:
        return None  # "unième" only ends a compound: "vingt et unième"
    cardinal = _ORDINAL_STEMS.get(stem) or next(
        (w for w in (stem, stem + "e", stem + "s") if w in _UNIT_WORDS or w in ("cent", "mille")), None
    )
    if cardinal is None:
        return None
    return parse_french_number(" ".join([*tokens[:-1], cardinal]))
