"""What a quantity is: the closed vocabularies, ``Quantity`` and ``QuantityPair``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from concordance.lib.quantities.numbers import parse_french_number
from concordance.lib.translatable import N_

# A label's words in the reader's language: the Django layer passes gettext,
# the library alone writes French (``_as_written``). Every French word a label
# is made of is marked ``N_`` here, so that the catalogue has it.
Words = Callable[[str], str]


def _as_written(message: str) -> str:
    return message


# unit -> (singular, plural) French label.
UNITS: dict[str, tuple[str, str]] = {
    "hour": (N_("heure"), N_("heures")),
    "day": (N_("jour"), N_("jours")),
    "week": (N_("semaine"), N_("semaines")),
    "month": (N_("mois"), N_("mois")),
    "year": (N_("an"), N_("ans")),
    "state": (N_("État"), N_("États")),
    "party": (N_("Partie"), N_("Parties")),
    "instrument": (N_("instrument"), N_("instruments")),
    "ratification": (N_("ratification"), N_("ratifications")),
    "fraction": ("", ""),
    "date": ("", ""),
}
QUANTITY_KINDS = (
    "duration",
    "age",
    "penalty",
    "count",
    "ordinal",
    "availability",
    "majority",
    "fraction",
    "deadline",
    "frequency",
)
BOUNDS: dict[str, str] = {
    "": "",
    "at-least": N_("au moins"),
    "at-most": N_("au plus"),
    "under": N_("moins de"),
    "over": N_("plus de"),
}
# What a quantity governs, in French, marked for the message catalogue (translated where it is shown).
SUBJECT_LABELS: dict[str, str] = {
    "preservation": N_("conservation rapide des données"),
    "conference": N_("convocation de la Conférence des États parties"),
    # Minors (UN 14, Budapest 9) and the adults of an intimate image (UN 16).
    "age": N_("âge des personnes visées"),
    "entry-into-force": N_("entrée en vigueur"),
    "accession": N_("signature, ratification et adhésion"),
    "territorial-application": N_("application territoriale"),
    "amendment": N_("amendements"),
    "protocol": N_("protocoles additionnels"),
    "denunciation": N_("dénonciation"),
    "reservation": N_("réserves"),
    "extradition": N_("extradition"),
    "serious-offence": N_("infraction grave"),
    "review": N_("suivi et réexamen de la convention"),
    "dispute": N_("règlement des différends"),
    "other-treaties": N_("relations avec d'autres traités"),
    "availability": N_("réseau 24/7"),
    "assistance": N_("entraide"),
    "other": N_("autre"),
}

# A deadline's bound in the words a date takes.
_DATE_BOUNDS = {
    "at-most": N_("jusqu'au"),
    "under": N_("avant le"),
    "at-least": N_("à compter du"),
    "over": N_("après le"),
}

COUNT_UNITS = frozenset({"state", "party", "instrument", "ratification"})
# Time unit -> (common unit, how many of it): see ``Quantity.measure``.
_IN_BASE: dict[str, tuple[str, int]] = {
    "hour": ("hour", 1),
    "day": ("hour", 24),
    "week": ("hour", 24 * 7),
    "month": ("month", 1),
    "year": ("month", 12),
}


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
        if self.kind in ("age", "penalty", "availability", "deadline", "frequency"):
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
        """The label with its bound: "au plus 90 jours", "moins de 18 ans", "90 jours", "jusqu'au 31 décembre 2026"."""
        return self.bounded_label_in()

    def bounded_label_in(self, words: Words = _as_written) -> str:
        """``bounded_label`` with its words read through ``words`` ("at most 90 days" through English gettext)."""
        bound = _DATE_BOUNDS.get(self.bound, "") if self.kind == "deadline" else BOUNDS[self.bound]
        return f"{words(bound) if bound else ''} {self.label_in(words)}".strip()

    @property
    def label(self) -> str:
        """Normalised French label without the bound: "90 jours", "18 ans", "24 h/24, 7 j/7", "90e jour"."""
        return self.label_in()

    def label_in(self, words: Words = _as_written) -> str:
        """``label`` with its words read through ``words``; the numbers stay as they are."""
        if self.kind == "availability":
            return _availability_label(self.numerals, words)
        if self.kind == "deadline":
            day, month, year = self.numerals
            return f"{day} {words(month.casefold())} {year}"
        if self.kind == "frequency":
            if self.value == 1:
                return words(N_("une fois par an"))
            return words(N_("tous les %(number)s ans")) % {"number": self.value}
        if self.unit == "fraction" and self.value == 1 and self.numerals:
            return words(self.numerals[0])  # "unanimité", "toutes les Parties"
        if self.unit == "fraction":
            share = Fraction(self.value).limit_denominator(100)
            return f"{share.numerator}/{share.denominator}"
        singular, plural = UNITS[self.unit]
        if self.kind == "ordinal":
            ordinal = N_("%(number)ser %(unit)s") if self.value == 1 else N_("%(number)se %(unit)s")
            return words(ordinal) % {"number": self.value, "unit": words(singular)}
        return f"{self.value} {words(singular if self.value < 2 else plural)}"


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
    def _either(self) -> Quantity:
        """The left quantity, or the right one of a right-only pair."""
        quantity = self.left or self.right
        assert quantity is not None, "a pair has a quantity on at least one side"
        return quantity

    @property
    def kind(self) -> str:
        return self._either.kind

    @property
    def dimension(self) -> str:
        return self._either.dimension

    @property
    def across_units(self) -> bool:
        """Both present and counted differently ("un an" / "trois mois", "quarantième instrument" / "cinq Etats")."""
        return bool(self.left and self.right and (self.left.unit, self.left.kind) != (self.right.unit, self.right.kind))

    @property
    def badge(self) -> str:
        """Both values with their bounds: "au plus 90 jours ≠ au moins 90 jours"; one value when one-sided."""
        return self.badge_in()

    def badge_in(self, words: Words = _as_written) -> str:
        """``badge`` with its words read through ``words``."""
        if self.left is None or self.right is None:
            return self._either.bounded_label_in(words)
        sign = "=" if self.status == "same" else "≠"
        return f"{self.left.bounded_label_in(words)} {sign} {self.right.bounded_label_in(words)}"

    @property
    def unit(self) -> str:
        return self._either.unit


def _availability_label(numerals: tuple[str, ...], words: Words = _as_written) -> str:
    hours, days = _availability_parts(numerals)
    parts = [
        words(N_("%(number)s h/%(of)s")) % {"number": hours[0], "of": hours[1]} if hours else "",
        words(N_("%(number)s j/%(of)s")) % {"number": days[0], "of": days[1]} if days else "",
    ]
    return ", ".join(p for p in parts if p)


def _availability_parts(numerals: tuple[str, ...]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(hours, out of), (days, out of) from the numerals "24", "24", "sept", "sept"; "" when unstated."""
    h, hd, d, dd = ((parse_french_number(n) or 0) if n else None for n in numerals)
    return (None if h is None else (h, hd or 0)), (None if d is None else (d, dd or 0))
