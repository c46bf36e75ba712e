"""Quantities stated in French treaty text, and how two texts' quantities compare.

A quantity is a number *attached to a unit*: "90 jours", "quatre-vingt-dix
jours", "moins de 18 ans", "cinq Etats", "le quarantième instrument", "la
majorité des deux tiers", "24 heures sur 24, sept jours sur sept". A bare
number is never a quantity, which is what keeps article and paragraph numbers,
dates, years, document symbols ("A/79/460") and treaty numbers ("STE n° 185")
out without a list of exceptions.

Closed vocabularies
-------------------
``unit`` (see ``UNITS`` for the French labels)
    ``hour``, ``day``, ``week``, ``month``, ``year`` -- time;
    ``state`` ("Etats", "États membres", "membres"), ``party`` ("Parties",
    "États parties"), ``instrument``, ``ratification`` -- what is counted;
    ``fraction`` -- a share ("deux tiers"): ``value`` is the share itself.
``kind`` (see ``KINDS``)
    ``duration`` a lapse of time; ``age`` a person's age; ``penalty`` the length
    of a prison term; ``count`` how many States, Parties or instruments;
    ``ordinal`` a rank ("le quatre-vingt-dixième jour", "le premier jour du
    mois", "le quarantième instrument"; unit is a time unit, ``instrument`` or
    ``ratification``); ``availability`` round-the-clock service, ``value`` =
    hours a week covered, so "24 heures sur 24, sept jours sur sept" is 168;
    ``majority`` a voting majority ("la majorité des deux tiers"), ``fraction``
    any other share.
``bound`` (see ``BOUNDS``)
    ``""`` exactly; ``at-least`` ("au moins", "minimum de", "ne doit pas être
    inférieur à", "deux ou plusieurs"); ``at-most`` ("au maximum de",
    "jusqu'à maximum", "cinq jours maximum", "au plus tard"); ``under``
    ("moins de", "inférieur à"); ``over`` ("plus de", "supérieur à").
``subject`` (see ``SUBJECT_LABELS``), what a quantity governs, from
    ``subject_of``.
``dimension`` (``Quantity.dimension``), what a quantity measures: only
    quantities of one dimension are compared, in a common unit
    (``Quantity.measure``: a year is twelve months, a week seven days), and
    two of them are the same only when measure and bound agree
    (``equivalent``).

``text`` is the exact source span, bound words included ("au maximum de 90
jours"), so ``source[start:end] == text``; ``label`` is the normalised
"90 jours" without the bound.

"un"/"une" count as 1 only before a time unit ("un an", "une période d'un an")
or after a bound ("au moins un État membre"); otherwise they are articles ("un
État partie", "un ou plusieurs États"). "les/des/aux/ces deux Parties" means
"both Parties" and is not a count.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from fractions import Fraction

__all__ = [
    "BOUNDS",
    "KINDS",
    "SUBJECT_LABELS",
    "UNITS",
    "Quantity",
    "QuantityPair",
    "comparable",
    "compare",
    "equivalent",
    "extract_quantities",
    "pair",
    "parse_french_number",
    "parse_french_ordinal",
    "subject_of",
    "takes_effect",
]

# unit -> (singular, plural) French label.
UNITS: dict[str, tuple[str, str]] = {
    "hour": ("heure", "heures"),
    "day": ("jour", "jours"),
    "week": ("semaine", "semaines"),
    "month": ("mois", "mois"),
    "year": ("an", "ans"),
    "state": ("État", "États"),
    "party": ("Partie", "Parties"),
    "instrument": ("instrument", "instruments"),
    "ratification": ("ratification", "ratifications"),
    "fraction": ("", ""),
}
KINDS = ("duration", "age", "penalty", "count", "ordinal", "availability", "majority", "fraction")
BOUNDS: dict[str, str] = {
    "": "",
    "at-least": "au moins",
    "at-most": "au plus",
    "under": "moins de",
    "over": "plus de",
}
SUBJECT_LABELS: dict[str, str] = {
    "preservation": "conservation rapide des données",
    # Minors (UN 14, Budapest 9) and the adults of an intimate image (UN 16).
    "age": "âge des personnes visées",
    "entry-into-force": "entrée en vigueur",
    "accession": "signature, ratification et adhésion",
    "territorial-application": "application territoriale",
    "amendment": "amendements",
    "protocol": "protocoles additionnels",
    "denunciation": "dénonciation",
    "reservation": "réserves",
    "extradition": "extradition",
    "serious-offence": "infraction grave",
    "review": "suivi et réexamen de la convention",
    "dispute": "règlement des différends",
    "other-treaties": "relations avec d'autres traités",
    "availability": "réseau 24/7",
    "assistance": "entraide",
    "other": "autre",
}

COUNT_UNITS = frozenset({"state", "party", "instrument", "ratification"})
# Time unit -> (common unit, how many of it): see ``Quantity.measure``.
_IN_BASE: dict[str, tuple[str, int]] = {
    "hour": ("hour", 1), "day": ("hour", 24), "week": ("hour", 24 * 7),
    "month": ("month", 1), "year": ("month", 12),
}

# --------------------------------------------------------------------------
# Numbers in words

_UNIT_WORDS: dict[str, int] = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60,
    # Belgian and Swiss forms, which some Council of Europe texts carry.
    "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}
# Ordinal stems whose cardinal is not simply the stem or the stem + "e".
_ORDINAL_STEMS = {"cinqu": "cinq", "neuv": "neuf"}
_ORDINAL_WORDS = {"premier": 1, "première": 1, "second": 2, "seconde": 2}


def _tokens(words: str) -> list[str]:
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
    tokens = _tokens(words)
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
    tokens = _tokens(words)
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


# --------------------------------------------------------------------------
# Patterns

_NUM_WORD = r"""(?:zéro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize
    |quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|huitante
    |octante|nonante|cents?|mille)"""
_SEP = r"(?:-|\s+)(?:et(?:-|\s+))?"
# A digit run ("90", "1 000") that is not part of "79/243", "A/79/460",
# "20.d" or "1er".
_NUMBER = rf"""(?:(?<![\w/.,-])\d{{1,3}}(?:[\u00a0\u202f\x20]\d{{3}})*(?![\w/]|[.,]\d|\s\d)
    |(?<![\w/.,-])\d+(?![\w/]|[.,]\d)
    |(?<![\w-]){_NUM_WORD}(?:{_SEP}{_NUM_WORD})*(?![\w-]))"""
_ORDINAL = rf"""(?:(?<![\w-])\d+\^?\{{?(?:er|re|ère|ème|e)\}}?(?![\w-])
    |(?<![\w-])(?:{_NUM_WORD}{_SEP})*
      (?:un|deux|trois|quatr|cinqu|six|sept|huit|neuv|dix|onz|douz|treiz|quatorz|quinz|seiz
        |vingt|trent|quarant|cinquant|soixant|septant|huitant|octant|nonant|cent|mill)ièmes?(?![\w-])
    |(?<![\w-])premi(?:er|ère)s?(?![\w-]))"""

_UNIT_PATTERNS: dict[str, str] = {
    "hour": r"heures?",
    "day": r"jours?",
    "week": r"semaines?",
    "month": r"mois",
    "year": r"(?:ans?|années?)",
    # Before "state": "États parties" are Parties, and "deux États parties"
    # must pair with "deux Parties".
    "party": r"(?:[ée]tats?\s+)?parties?",
    "state": r"(?:[ée]tats?(?:\s+membres?)?|membres)",
    "instrument": r"instruments?",
    "ratification": r"ratifications?",
    "fraction": r"(?:tiers|quarts?)",
}
_DENOMINATORS = {"tiers": 3, "quart": 4, "quarts": 4}
_ORDINAL_UNITS = ("day", "month", "year", "instrument", "ratification")


def _units(prefix: str, names: tuple[str, ...] | list[str]) -> str:
    return "(?:" + "|".join(f"(?P<{prefix}{n}>{_UNIT_PATTERNS[n]})" for n in names) + r")(?![\w-])"


_NEGATION = r"(?:ne\s+(?:doit|peut)\s+pas\s+être\s+|n['’]est\s+pas\s+|pas\s+)"
_QUANTITY = re.compile(
    rf"""
    (?P<avail>
        (?P<h>{_NUMBER})\s+heures\s+sur\s+(?P<hd>{_NUMBER})
        (?:(?:\s*,\s*|\s+et\s+)(?P<d>{_NUMBER})\s+jours\s+sur\s+(?P<dd>{_NUMBER}))?
      | (?P<d_only>{_NUMBER})\s+jours\s+sur\s+(?P<dd_only>{_NUMBER})
    )(?![\w-])
  | (?:
        (?:
            (?P<b_least>au\s+moins|au\s+minimum(?:\s+de)?|(?:un\s+)?minimum\s+de
                |{_NEGATION}inférieure?s?\s+à|(?:ne\s+\w+\s+)?pas\s+moins\s+de
                |(?:durée|période)\s+minimale\s+de)
          | (?P<b_most>au\s+maximum(?:\s+de)?|jusqu['’]à\s+(?:un\s+)?maximum(?:\s+de)?|maximum\s+de
                |au\s+plus\s+tard(?:\s+(?:dans|à\s+l['’]issue\s+d['’])\s*un\s+délai\s+de)?|au\s+plus
                |{_NEGATION}supérieure?s?\s+à|(?:ne\s+\w+\s+)?pas\s+plus\s+de
                |(?:durée|période)\s+maximale\s+de)
          | (?P<b_under>moins\s+de|inférieure?s?\s+à)
          | (?P<b_over>plus\s+de|supérieure?s?\s+à)
        )\s+
    )?
    (?:
        (?P<ord>{_ORDINAL})\s+{_units("o_", _ORDINAL_UNITS)}
      | (?P<num>{_NUMBER})(?:\s*\(\d+\))?            # "trente (30) jours"
        (?P<or_more>\s+ou\s+plusieurs)?\s+
        (?:d(?:e\s+|['’]\s*)(?:ses|leurs|ces)\s+)?      # "au moins un de ses États membres"
        {_units("u_", list(_UNIT_PATTERNS))}
    )
    (?:\s+(?:(?P<p_most>maximum|au\s+plus\s+tard|au\s+plus)|(?P<p_least>minimum|au\s+moins|ou\s+plus))(?![\w-]))?
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Determiners that turn "deux Parties" into "both Parties".
_BOTH = re.compile(r"\b(?:les|des|aux|ces|ses|leurs)\s+$", re.IGNORECASE)
_PENALTY_CUE = re.compile(r"\bpeines?\b|emprisonnement|privatives?\s+de\s+liberté|\bdétention\b", re.IGNORECASE)
# "dix ans d'emprisonnement": the penalty named right after the duration.
_PENALTY_AFTER = re.compile(
    r"\s*(?:d['’]\s*(?:emprisonnement|incarcération)|de\s+(?:prison|détention|réclusion|privation\s+de\s+liberté))\b",
    re.IGNORECASE,
)
_AGE_CUE = re.compile(r"\bâg(?:e|ée?s?)\b|\bmineure?s?\b|\bmajeure?s?\b|\benfants?\b|\bpersonnes?\b", re.IGNORECASE)
_MAJORITY_CUE = re.compile(r"\bmajorité\b", re.IGNORECASE)
# Clause ends: sentence punctuation, and the "(article 36)," that closes each
# item of an explanatory statement's enumerations.
_CLAUSE_END = re.compile(r"[.;:!?](?=\s|$)|\)\s*,|\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n")
# How far back subject_of looks for the start of the previous sentence.
_LOOKBACK = 3000


# --------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Quantity:
    """One quantity: ``source[start:end] == text``.

    ``numerals`` are its numbers as written ("quatre-vingt-dix"); for
    availability, hours, out of, days, out of, with "" for what is unstated.
    """

    text: str
    start: int
    end: int
    value: int | float
    unit: str
    kind: str
    bound: str = ""
    numerals: tuple[str, ...] = ()

    @property
    def in_words(self) -> bool:
        return any(n and not n[:1].isdigit() for n in self.numerals)

    @property
    def dimension(self) -> str:
        """What this quantity measures, so that only like is paired with like.

        ``delay`` a lapse of time, whether stated as a duration ("90 jours",
        "un an") or as the day it ends ("le quatre-vingt-dixième jour
        suivant"), so the amendment's "90 jours" meets Budapest's "trentième
        jour"; ``date`` "le premier jour (du mois)", a calendar point that
        follows a delay and is not one; ``age``; ``penalty``; ``threshold``
        how many States, Parties or instruments, counted ("cinq Etats") or
        ranked ("le quarantième instrument"); ``availability``; ``share`` a
        majority or other fraction.
        """
        if self.kind in ("age", "penalty", "availability"):
            return self.kind
        if self.unit in COUNT_UNITS:
            return "threshold"
        if self.unit == "fraction":
            return "share"
        if self.kind == "ordinal" and self.value == 1:
            return "date"
        return "delay"

    @property
    def measure(self) -> tuple[str, int | float]:
        """The value in a common unit: hours for hours, days and weeks, months
        for months and years, so "un an" equals "douze mois" and exceeds "trois
        mois". Days and months stay apart: "90 jours" is not "trois mois"."""
        if self.kind == "availability" or self.unit not in _IN_BASE:
            return (self.dimension, self.value)
        base, factor = _IN_BASE[self.unit]
        return (base, self.value * factor)

    @property
    def bounded_label(self) -> str:
        """The label with its bound: "au plus 90 jours", "moins de 18 ans", "90 jours"."""
        return f"{BOUNDS[self.bound]} {self.label}".strip()

    @property
    def label(self) -> str:
        """Normalised French label without the bound: "90 jours", "18 ans", "24 h/24, 7 j/7", "90e jour"."""
        if self.kind == "availability":
            return _availability_label(self.numerals)
        if self.unit == "fraction":
            share = Fraction(self.value).limit_denominator(100)
            return f"{share.numerator}/{share.denominator}"
        singular, plural = UNITS[self.unit]
        if self.kind == "ordinal":
            return f"{self.value}{'er' if self.value == 1 else 'e'} {singular}"
        return f"{self.value} {singular if self.value < 2 else plural}"


@dataclass(frozen=True)
class QuantityPair:
    """Two quantities of one dimension set against each other, or one without a counterpart.

    ``status`` is "same", "divergent", "left-only" or "right-only".
    """

    left: Quantity | None
    right: Quantity | None
    status: str
    spelled_differently: bool = False  # same value, written differently ("90" / "quatre-vingt-dix")
    bound_differs: bool = False  # both present, bounds differ ("au moins" / none, "moins de" / "plus de")

    @property
    def kind(self) -> str:
        return (self.left or self.right).kind  # type: ignore[union-attr]

    @property
    def dimension(self) -> str:
        return (self.left or self.right).dimension  # type: ignore[union-attr]

    @property
    def across_units(self) -> bool:
        """Both present and counted differently ("un an" / "trois mois", "quarantième instrument" / "cinq Etats")."""
        return bool(self.left and self.right and (self.left.unit, self.left.kind) != (self.right.unit, self.right.kind))

    @property
    def badge(self) -> str:
        """Both values with their bounds: "au plus 90 jours ≠ au moins 90 jours"; one value when one-sided."""
        if self.left is None or self.right is None:
            return (self.left or self.right).bounded_label  # type: ignore[union-attr]
        sign = "=" if self.status == "same" else "≠"
        return f"{self.left.bounded_label} {sign} {self.right.bounded_label}"

    @property
    def unit(self) -> str:
        return (self.left or self.right).unit  # type: ignore[union-attr]


def _availability_label(numerals: tuple[str, ...]) -> str:
    hours, days = _availability_parts(numerals)
    parts = [f"{hours[0]} h/{hours[1]}" if hours else "", f"{days[0]} j/{days[1]}" if days else ""]
    return ", ".join(p for p in parts if p)


def _availability_parts(numerals: tuple[str, ...]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(hours, out of), (days, out of) from the numerals "24", "24", "sept", "sept"; "" when unstated."""
    h, hd, d, dd = ((parse_french_number(n) or 0) if n else None for n in numerals)
    return (None if h is None else (h, hd or 0)), (None if d is None else (d, dd or 0))


# --------------------------------------------------------------------------
# Extraction


def _group(match: re.Match[str], prefix: str) -> str | None:
    return next((name[len(prefix):] for name, v in match.groupdict().items() if v and name.startswith(prefix)), None)


def _clause_before(text: str, start: int, width: int) -> str:
    window = text[max(0, start - width):start]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end():] if ends else window


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
        value = parse_french_ordinal(match["ord"])
        unit, kind, numeral = _group(match, "o_"), "ordinal", match["ord"]
        if value is None or unit is None:
            return None
        return Quantity(match[0], match.start(), match.end(), value, unit, kind, bound, (numeral,))
    numeral, unit = match["num"], _group(match, "u_")
    value = parse_french_number(numeral)
    if value is None or unit is None:
        return None
    # "un État partie", "un ou plusieurs États", "un tiers" (a third party):
    # only a bound word makes "un" a number there.
    stated_bound = any(match[g] for g in ("b_least", "b_most", "b_under", "b_over", "p_least", "p_most"))
    if numeral.casefold() in ("un", "une") and not stated_bound and (unit in COUNT_UNITS or unit == "fraction"):
        return None
    before = _clause_before(text, match.start(), 150)
    if unit in COUNT_UNITS:
        if not bound and _BOTH.search(before):
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
    if value is None:
        return None
    return replace(quantity, text=match["low"], start=match.start("low"), end=match.end("low"),
                   value=value, numerals=(match["low"],))


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity of ``text``, in order of appearance."""
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        quantity = _availability(match) if match["avail"] else _quantity(match, text)
        if quantity is None:
            continue
        low = _range_start(quantity, text)
        if low is not None:
            found.append(low)
        found.append(quantity)
    return found


# --------------------------------------------------------------------------
# Subject

# In priority order: a heading naming several subjects ("Signature et entrée
# en vigueur") takes the first.
_SUBJECT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (subject, re.compile(pattern, re.IGNORECASE))
    for subject, pattern in (
        ("denunciation", r"\bdénon[cç]"),
        ("amendment", r"\bamend"),
        ("territorial-application", r"application\s+territoriale"),
        ("entry-into-force", r"\bentr(?:e|ée|era|ent|eront)\s+en\s+vigueur"),
        ("protocol", r"\bprotocoles?\s+additionnels?"),
        ("accession", r"\badh[ée]sion|\badhér|\bsignature\b"),
        ("reservation", r"\bréserves?\b"),
        ("extradition", r"\bextradition"),
        ("preservation", r"\bconservation|\bpréservation"),
        ("availability", r"24/7|\bpoint\s+de\s+contact"),
        ("review", r"conférence\s+des\s+[ée]tats\s+parties|\bconcertation|\bréexamen|\bbilan\b|comité\s+spécial"),
        ("dispute", r"\bdifférends?\b|\barbitrage"),
        ("other-treaties", r"\beffets\s+de\s+la\s+convention|\bconclu\s+un\s+accord"),
        ("serious-offence", r"\binfractions?\s+graves?"),
        ("assistance", r"\bentraide"),
        ("age", r"\bâge\b|\bmineur|\benfant"),
    )
)
# "un an après l'entrée en vigueur" dates something else from entry into force.
_REFERENCE_POINT = re.compile(
    r"(?:après|à\s+compter\s+de|suivant|dès)\s+(?:l['’]|la\s+date\s+d['’])entrée\s+en\s+vigueur", re.IGNORECASE
)


def _cue(segment: str, position: int) -> str | None:
    """The subject cued in ``segment``: of the cues before ``position`` the
    highest in priority ("Tout amendement … entre en vigueur le trentième
    jour" is about the amendment), else the nearest cue after it."""
    segment = _REFERENCE_POINT.sub(lambda m: " " * len(m[0]), segment)
    after: list[tuple[int, str]] = []
    for subject, cue in _SUBJECT_CUES:
        for m in cue.finditer(segment):
            if m.end() <= position:
                return subject
            if m.start() >= position:
                after.append((m.start() - position, subject))
    return min(after)[1] if after else None


def subject_of(quantity: Quantity, text: str, heading: str = "") -> str:
    """What ``quantity`` (found in ``text``) governs: a key of ``SUBJECT_LABELS``.

    Age and availability quantities govern themselves. Otherwise the article
    heading decides when it names a subject; failing that, a cue in the
    quantity's clause (see ``_cue``), then in the rest of its sentence, then
    in the previous sentence.
    """
    if quantity.kind in ("age", "availability"):
        return quantity.kind
    for subject, cue in _SUBJECT_CUES:
        if cue.search(heading):
            return subject
    lookback = max(0, quantity.start - _LOOKBACK)
    clause_start = _last_end(_CLAUSE_END, text, lookback, quantity.start)
    clause_end = _next_start(_CLAUSE_END, text, quantity.end)
    sentence_start = _last_end(_SENTENCE_END, text, lookback, quantity.start)
    sentence_end = _next_start(_SENTENCE_END, text, quantity.end)
    previous_start = _last_end(_SENTENCE_END, text, lookback, max(sentence_start - 1, lookback))
    for lo, hi, position in (
        (clause_start, clause_end, quantity.start),
        (sentence_start, sentence_end, quantity.start),
        (previous_start, sentence_start, sentence_start),
    ):
        subject = _cue(text[lo:hi], position - lo)
        if subject:
            return subject
    return "other"


_TAKES_EFFECT = re.compile(
    r"\bentr(?:e|era|ent|eront)\s+en\s+vigueur|\bpren(?:d|dra|nent|dront)\s+effet", re.IGNORECASE
)


def takes_effect(quantity: Quantity, text: str) -> bool:
    """Whether ``quantity``'s clause says when something takes effect ("entre en
    vigueur 90 jours après", "prend effet un an après").

    Of two delays of one subject, this tells the one after which an act takes
    effect from one counted from the convention's entry into force: UN art. 66
    "À l'expiration d'un délai de cinq ans à compter de l'entrée en vigueur"
    (when amendments may be proposed) is no counterpart of Budapest art. 44
    "entre en vigueur le trentième jour" (when one applies).
    """
    lookback = max(0, quantity.start - _LOOKBACK)
    start = _last_end(_CLAUSE_END, text, lookback, quantity.start)
    clause = _REFERENCE_POINT.sub(lambda m: " " * len(m[0]), text[start:_next_start(_CLAUSE_END, text, quantity.end)])
    return bool(_TAKES_EFFECT.search(clause))


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    ends = [m.end() for m in pattern.finditer(text, lo, hi)]
    return ends[-1] if ends else lo


def _next_start(pattern: re.Pattern[str], text: str, pos: int) -> int:
    m = pattern.search(text, pos)
    return m.start() if m else len(text)


# --------------------------------------------------------------------------
# Comparison


def _spelling(q: Quantity) -> tuple[str, ...]:
    return tuple(" ".join(_tokens(n)) if not n[:1].isdigit() else n for n in q.numerals)


def equivalent(left: Quantity, right: Quantity) -> bool:
    """The same quantity, however written: same measure in a common unit and
    same bound ("90 jours" / "quatre-vingt-dix jours", "un an" / "douze mois",
    "minimum de 60 jours" / "au moins soixante jours"); "au plus 90 jours" and
    "au moins 90 jours" are not."""
    return left.dimension == right.dimension and left.measure == right.measure and left.bound == right.bound


def comparable(left: Quantity, right: Quantity) -> bool:
    """Whether two quantities answer the same kind of question (see ``Quantity.dimension``)."""
    return left.dimension == right.dimension


def pair(left: Quantity | None, right: Quantity | None) -> QuantityPair:
    """Two quantities set against each other; either may be missing (one-sided)."""
    if left is None or right is None:
        return QuantityPair(left, right, "left-only" if right is None else "right-only")
    same_measure = left.measure == right.measure
    return QuantityPair(
        left,
        right,
        "same" if equivalent(left, right) else "divergent",
        spelled_differently=same_measure and (_spelling(left) != _spelling(right) or left.unit != right.unit),
        bound_differs=left.bound != right.bound,
    )


_pair = pair


def _align(left: list[Quantity], right: list[Quantity]) -> list[QuantityPair]:
    """Order-preserving alignment of one dimension: the longest common
    subsequence of measures pairs first (as "same", or "divergent" when only
    the bounds differ); what lies between two such anchors pairs up in order
    as "divergent", and the surplus is one-sided."""
    n, m = len(left), len(right)
    lcs = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            lcs[i][j] = lcs[i + 1][j + 1] + 1 if left[i].measure == right[j].measure else max(lcs[i + 1][j], lcs[i][j + 1])
    pairs: list[QuantityPair] = []
    gap_left: list[Quantity] = []
    gap_right: list[Quantity] = []

    def close_gap() -> None:
        pairs.extend(_pair(a, b) for a, b in itertools.zip_longest(gap_left, gap_right))
        gap_left.clear()
        gap_right.clear()

    i = j = 0
    while i < n and j < m:
        if left[i].measure == right[j].measure and lcs[i][j] == lcs[i + 1][j + 1] + 1:
            close_gap()
            pairs.append(_pair(left[i], right[j]))
            i, j = i + 1, j + 1
        elif lcs[i + 1][j] >= lcs[i][j + 1]:
            gap_left.append(left[i])
            i += 1
        else:
            gap_right.append(right[j])
            j += 1
    gap_left.extend(left[i:])
    gap_right.extend(right[j:])
    close_gap()
    return pairs


def compare(left: list[Quantity], right: list[Quantity]) -> list[QuantityPair]:
    """Pair the quantities of two aligned paragraphs, like with like.

    Quantities pair within one ``dimension``, compared in a common unit: "un
    an" against "trois mois" is a divergence, "le quarantième instrument"
    against "cinq Etats" too, while "un an" against "douze mois" is the same.
    Within each dimension, ``_align`` keeps both texts' order. Pairs come out
    in the left text's order; a right-only quantity comes right after the
    last pair whose right side precedes it in the right text (first if none).
    """
    keys = dict.fromkeys(q.dimension for q in [*left, *right])
    pairs = [
        pair
        for key in keys
        for pair in _align([q for q in left if q.dimension == key], [q for q in right if q.dimension == key])
    ]
    both = [(p.left.start, p.right.start) for p in pairs if p.left and p.right]

    def position(pair: QuantityPair) -> tuple[int, int, int]:
        if pair.left is not None:
            return (pair.left.start, 0, pair.right.start if pair.right else -1)
        at = pair.right.start  # type: ignore[union-attr]
        return (max(((ro, lo) for lo, ro in both if ro < at), default=(-1, -1))[1], 1, at)

    return sorted(pairs, key=position)


# Only lapses of time, ages and penalties are paired across paragraphs: a
# threshold ("le quarantième instrument") or a calendar point ("le premier
# jour du mois") means something only next to the delay or the act of its own
# sentence; UN art. 65 §2 "après le dépôt du quarantième instrument" is no
# counterpart of Budapest art. 36 §3 "au moins trois Etats membres".
ACROSS_PARAGRAPHS = frozenset({"delay", "age", "penalty"})


def counterparts_across(
    left: Quantity, right: Quantity, *, subjects: tuple[str, str], effects: tuple[bool, bool]
) -> bool:
    """Whether two quantities left without a counterpart in their own aligned
    paragraphs answer each other from different paragraphs of the two
    provisions (UN art. 67 §1 "un an", Budapest art. 47 §2 "trois mois"): a
    lapse of time, an age or a penalty, of the same dimension, governing the
    same subject (``subject_of``) and alike in whether their clause says when
    something takes effect (``takes_effect``)."""
    return (
        left.dimension in ACROSS_PARAGRAPHS
        and comparable(left, right)
        and subjects[0] == subjects[1]
        and effects[0] == effects[1]
    )


def common_unit(left: Quantity, right: Quantity) -> bool:
    """Whether two quantities of different units were really converted to one
    ("un an" / "trois mois": months), rather than only set side by side
    ("le quatre-vingt-dixième jour" / "trois mois", "quarantième instrument" /
    "cinq Etats", "90 jours" / "le trentième jour")."""
    return (
        left.kind == right.kind
        and left.unit in _IN_BASE
        and right.unit in _IN_BASE
        and _IN_BASE[left.unit][0] == _IN_BASE[right.unit][0]
    )
