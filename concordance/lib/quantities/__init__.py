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
``kind`` (see ``QUANTITY_KINDS``)
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

from concordance.lib.quantities.extract import extract_quantities
from concordance.lib.quantities.model import (
    BOUNDS,
    COUNT_UNITS,
    QUANTITY_KINDS,
    SUBJECT_LABELS,
    UNITS,
    Quantity,
    QuantityPair,
)
from concordance.lib.quantities.numbers import parse_french_number, parse_french_ordinal
from concordance.lib.quantities.pairing import (
    ACROSS_PARAGRAPHS,
    common_unit,
    comparable,
    counterparts_across,
    equivalent,
    pair,
    pair_quantities,
)
from concordance.lib.quantities.subject import subject_of, takes_effect

__all__ = [
    "ACROSS_PARAGRAPHS",
    "BOUNDS",
    "COUNT_UNITS",
    "QUANTITY_KINDS",
    "SUBJECT_LABELS",
    "UNITS",
    "Quantity",
    "QuantityPair",
    "common_unit",
    "comparable",
    "pair_quantities",
    "counterparts_across",
    "equivalent",
    "extract_quantities",
    "pair",
    "parse_french_number",
    "parse_french_ordinal",
    "subject_of",
    "takes_effect",
]
