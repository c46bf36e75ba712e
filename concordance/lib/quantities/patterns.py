"""The regular expressions that find a quantity and the cues around it."""

from __future__ import annotations

import re

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
