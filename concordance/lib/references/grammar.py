"""The words and shapes of a citation: the levels its kinds name, and the
patterns a chain is read with (see the package docstring)."""

from __future__ import annotations

import re

# Eid prefixes, outermost first. A chain stays inside one hierarchy.
PROVISION = ("art", "para", "point", "subpoint")
DIVISION = ("chp", "sec", "title")
ART, PARA, POINT, SUB = range(4)
CHP, SEC, TITLE = range(3)

_KIND_LEVELS = {
    "article": (PROVISION, ART),
    "paragraphe": (PROVISION, PARA),
    "alinéa": (PROVISION, POINT),
    "sous-alinéa": (PROVISION, SUB),
    "chapitre": (DIVISION, CHP),
    "section": (DIVISION, SEC),
    "titre": (DIVISION, TITLE),
}
_KIND = r"(?i:sous-alinéa|alinéa|paragraphe|article|chapitre|section|titre)s?\b"
_KIND_RE = re.compile(rf"\b{_KIND}")

# "Convention" without a name is the text's own convention; the Protocol's
# "de la Convention" is the Budapest Convention it supplements.
_CONVENTION_OF = {"un": "un", "budapest": "budapest", "budapest-p1": "budapest"}
_BUDAPEST_FAMILY = {"budapest", "budapest-p1"}

# One label of a compound. Bare letters and roman numerals must be followed by
# punctuation or a citation word, so that "au paragraphe 1 a rendu possible"
# keeps its verb.
_ATOM = re.compile(
    r"""\s*(?:
      \(\s*(?P<paren>[a-z]|[ivx]+|\d+)\s*\)         # (a) (ii) (1)
    | (?P<num>\d+(?:\x20\d+)?)(?:er\b)?            # 14, 1er; "1 5" is a split 15
    | (?P<first>premier|Ier)\b
    | (?P<uroman>[IVX]+)\b                         # chapitre II
    | (?P<label>[a-z]|[ivx]+)
      (?:\)|(?=\s*(?:[,;:.)–-]|$|(?:et|ou|à|du|de|des|ci-dessus|dudit)\b)))
    )""",
    re.VERBOSE,
)
# Inside a compound labels follow each other with or without a dot:
# "9.1.a", "1. a. ii", "1(b)", "9 (1)a", "1b", "a) i)".
_DOT = re.compile(r"\s*\.")
_LIST_SEP = re.compile(
    r"""\s*(?:
          (?P<range>à|[-–—])\s*
        | ,\s*(?:(?:et|ou)\s+)?
        | \s(?:et|ou)\s+
    )""",
    re.VERBOSE,
)
_PARENT = re.compile(
    rf"""\s*,?\s*(?:
          (?P<ana>dudit|de\s+ladite|desdits|desdites)\s+
        | (?:du|de\s+l'|de\s+la|des|de|d')\s*(?P<self>(?:présente?|même|cet|cette|ce)\s+)?
    )(?P<kind>{_KIND})""",
    re.VERBOSE,
)
_REFINE = re.compile(rf"\s*,?\s*(?P<kind>{_KIND})")
_GROUP = re.compile(
    rf"""(?:\s*,\s*(?:(?:et|ou)\s+)?|\s+(?:et|ou)\s+)
        (?:(?:à\s+l'|à\s+la|au|aux|à|les|le|la|l'|des|du|de\s+l')\s*)?
        (?P<kind>{_KIND})""",
    re.VERBOSE,
)
_ABOVE = re.compile(r"\s*ci-dessus\b")
_OWNER = re.compile(
    r"""\s*,?\s*(?:de\s+la|de\s+l'|du|des|de|d')\s*(?:
          (?P<un>Convention\s+des\s+Nations\s+Unies\s+contre\s+la\s+cybercriminalité)
        | (?P<budapest>Convention\s+sur\s+la\s+cybercriminalité)
        | (?P<external>
              (?:présente\s+)?résolution | Constitution | Statut | accords? | traités?
            | Règlement | Charte | Pacte | lois? | codes? | décrets? | directives? | décisions?
            | Convention\s+(?:européenne|de\s+\d{4}|des\s+Nations|du\s+Conseil|relative
                             |d'|sur|contre|pour|internationale)
            | Protocole\s+(?:additionnel|facultatif|relatif|contre|visant|de)
          )
        | (?P<convention>(?:présente\s+)?Convention|celle-ci)
        | (?P<protocol>(?:présent\s+|ce\s+)?Protocole)
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Words just before a division or provision word that make it a reference by
# position rather than by number.
_BEFORE = re.compile(
    r"""\b(?:(?P<self>présente?|cette|cet|ce)
        |(?P<ana>ledit|ladite|lesdits|lesdites|dudit|desdits|desdites)
        |(?P<count>deux|trois))\s+$""",
    re.VERBOSE | re.IGNORECASE,
)
_PRECEDING = re.compile(r"\s+précédents\b")

_LEVEL_SHAPES = {
    PROVISION: ({"num"}, {"num", "pnum"}, {"letter", "amb"}, {"roman", "amb", "pnum"}),
    DIVISION: ({"num", "uroman"}, {"num"}, {"num"}),
}
