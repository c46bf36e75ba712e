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


_UNITS_SPELLED = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
]
_UNITS_SPELLED += ["treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
_TENS_SPELLED = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_hundred(n: int) -> str:
    if n < 20:
        return _UNITS_SPELLED[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix…, quatre-vingt-dix…
        base = "soixante" if tens == 7 else "quatre-vingt"
        if n == 71:
            return "soixante et onze"
        return f"{base}-{_UNITS_SPELLED[10 + unit]}"
    if tens == 8:
        return "quatre-vingts" if unit == 0 else f"quatre-vingt-{_UNITS_SPELLED[unit]}"
    if unit == 0:
        return _TENS_SPELLED[tens]
    if unit == 1:
        return f"{_TENS_SPELLED[tens]} et un"
    return f"{_TENS_SPELLED[tens]}-{_UNITS_SPELLED[unit]}"


def spell_french_number(n: int) -> str:
    """``n`` (0 to 999 999) in French words, as the treaties spell them (pre-1990 hyphens).

    90 → "quatre-vingt-dix", 71 → "soixante et onze", 200 → "deux cents",
    1000 → "mille". ``parse_french_number`` reads every result back to ``n``.
    """
    if not 0 <= n < 1_000_000:
        raise ValueError(f"{n} is out of the spelled range")
    thousands, rest = divmod(n, 1000)
    parts: list[str] = []
    if thousands:
        parts.append("mille" if thousands == 1 else f"{_below_thousand(thousands, final=False)} mille")
    if rest or not parts:
        parts.append(_below_thousand(rest, final=True))
    return " ".join(parts)


def _below_thousand(n: int, *, final: bool) -> str:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds:
        plural = hundreds > 1 and rest == 0 and final
        words.append(("cent" if hundreds == 1 else f"{_UNITS_SPELLED[hundreds]} cent") + ("s" if plural else ""))
    if rest or not words:
        spelled = _below_hundred(rest)
        # "quatre-vingts" loses its s before "mille" ("quatre-vingt mille").
        words.append(spelled[:-1] if spelled == "quatre-vingts" and not final else spelled)
    return " ".join(words)


# A number a query may hold: digits, or a run of French number words.
_NUMBER_WORD = "|".join(
    sorted((*_UNIT_WORDS, "cent", "cents", "mille", "dix-sept", "dix-huit", "dix-neuf"), key=len, reverse=True)
)
_QUERY_NUMBER = re.compile(
    rf"(?<![\w-])(?:\d+|(?:{_NUMBER_WORD})(?:(?:[\s-]+(?:et[\s-]+)?)(?:{_NUMBER_WORD}))*)(?![\w-])",
    re.IGNORECASE,
)
# "un"/"une" alone is an article far more often than a number.
_NOT_A_NUMBER_ALONE = {"un", "une"}


def number_spellings(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, other spelling)`` of each cardinal in ``text``: digits get
    their French words, French words their digits ("90" ↔ "quatre-vingt-dix")."""
    found: list[tuple[int, int, str]] = []
    for match in _QUERY_NUMBER.finditer(text):
        written = match.group(0)
        if written.casefold() in _NOT_A_NUMBER_ALONE:
            continue
        value = parse_french_number(written)
        if value is None or value >= 1_000_000:
            continue
        other = spell_french_number(value) if written.isdigit() else str(value)
        found.append((match.start(), match.end(), other))
    return found
