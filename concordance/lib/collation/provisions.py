"""Collating two editions' provisions: alignment by eid, then by similarity."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from concordance.lib import eids
from concordance.lib.collation.classification import Verdict
from concordance.lib.collation.meaning import content_words, moved
from concordance.lib.collation.texts import Collated, CollatedPiece, Variant, collate
from concordance.lib.comparison import ordered_pairs
from concordance.lib.diffing import align_paragraphs


@dataclass(frozen=True, slots=True)
class EditionUnit:
    """A piece of an edition to collate: a provision's text, heading or printed number."""

    eid: str
    label: str
    text: str
    # "text" (words to collate) or "num" (a printed list marker or article number).
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class CollatedRow:
    left: EditionUnit | None
    right: EditionUnit | None
    collated: Collated
    by_eid: bool = True

    @property
    def _either(self) -> EditionUnit:
        """The left unit, or the right one of a row only the right edition has."""
        unit = self.left or self.right
        assert unit is not None, "a row has a unit on at least one side"
        return unit

    @property
    def label(self) -> str:
        if self.left and self.right and self.left.label != self.right.label:
            return f"{self.left.label} / {self.right.label}"
        return self._either.label

    @property
    def eid(self) -> str:
        return self._either.eid

    @property
    def variants(self) -> tuple[Variant, ...]:
        return self.collated.variants


def align_units(left: Sequence[EditionUnit], right: Sequence[EditionUnit]) -> list[tuple[int | None, int | None]]:
    """Rows of unit indices: same eid first; units in one edition only by similarity."""
    right_index = {unit.eid: j for j, unit in enumerate(right)}
    pinned = [(i, right_index[unit.eid]) for i, unit in enumerate(left) if unit.eid in right_index]
    return align_paragraphs([u.text for u in left], [u.text for u in right], pinned=ordered_pairs(pinned))


_ORDINAL_SUFFIX_RE = re.compile(r"(?<=\d)(?:er|re|ᵉʳ|ʳᵉ|e)$")


def marker_of(eid: str) -> str:
    """The label an eid gives its last level: "art_29__para_5__point_b#num" → "b"."""
    provision = eid.split("#")[0]
    return eids.label_of(provision) if provision else ""


_ROMAN_RE = re.compile(r"^(?P<roman>[IVXLC]+)(?:er|re|e)?$")


def _marker_value(marker: str) -> int | None:
    """The number a printed marker stands for: "Ier", "I", "1er" and "1" are 1."""
    plain = _ORDINAL_SUFFIX_RE.sub("", marker.strip())
    if plain.isdigit():
        return int(plain)
    if match := _ROMAN_RE.match(marker.strip()):
        values = [{"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}[c] for c in match["roman"]]
        return sum(-v if v < nxt else v for v, nxt in zip(values, values[1:] + [0], strict=True))
    return None


def collate_marker(expected: str, left: str, right: str) -> Collated:
    """Collate two printed numbers of the same provision, knowing the number its place gives it.

    "1er" / "1" is typography (the French ordinal abbreviation).  When one
    edition prints the number the sequence calls for and the other does not
    (point "b" printed "a", a misprint the parser records as a warning), the
    odd one is a typing error; any other difference is wording.
    """
    if left == right:
        return Collated((CollatedPiece("same", left, right=right),), ())
    plain_left, plain_right = _ORDINAL_SUFFIX_RE.sub("", left), _ORDINAL_SUFFIX_RE.sub("", right)
    if plain_left.casefold() == plain_right.casefold():
        verdict = Verdict("punctuation", "même numéro, abréviation ou casse différente")
    elif (value := _marker_value(left)) is not None and value == _marker_value(right):
        verdict = Verdict("punctuation", "même numéro, en chiffres romains et arabes ou abrégé (« Ier »)")
    elif expected and (plain_left == expected) != (plain_right == expected):
        odd = right if plain_left == expected else left
        verdict = Verdict("typo", f"numéro imprimé « {odd} » hors de la séquence (« {expected} » attendu)")
    else:
        verdict = Verdict("wording", "numéros différents")
    variant = Variant(verdict.cls, verdict.reason, left, right)
    return Collated((CollatedPiece("deleted", left, 0), CollatedPiece("inserted", right, 0)), (variant,))


def collate_units(
    left: Sequence[EditionUnit], right: Sequence[EditionUnit], lexicon: Collection[str] = frozenset()
) -> list[CollatedRow]:
    """Collate two editions' units of one article, row by row."""
    rows: list[CollatedRow] = []
    for i, j in align_units(left, right):
        lu = left[i] if i is not None else None
        ru = right[j] if j is not None else None
        if lu and ru and lu.kind == ru.kind == "num":
            collated = collate_marker(marker_of(lu.eid), lu.text, ru.text)
        else:
            collated = collate(lu.text if lu else "", ru.text if ru else "", lexicon)
        rows.append(CollatedRow(lu, ru, collated, by_eid=bool(lu and ru and lu.eid == ru.eid)))
    return _moved_is_wording(rows)


def _moved_is_wording(rows: list[CollatedRow]) -> list[CollatedRow]:
    """A substantive variant whose words the other edition has in a variant elsewhere in the article
    (a clause moved from the end of a list to its last point, "sur son territoire" from b) to the closing
    words) is wording: the two editions say the same thing in another order."""
    variants = [v for row in rows for v in row.variants]
    only_left = [v.left for v in variants if content_words(v.left) and not content_words(v.right)]
    only_right = [v.right for v in variants if content_words(v.right) and not content_words(v.left)]

    def reread(variant: Variant) -> Variant:
        if variant.cls != "substantive":
            return variant
        left_words, right_words = content_words(variant.left), content_words(variant.right)
        if (left_words and not right_words and moved(variant.left, only_right)) or (
            right_words and not left_words and moved(variant.right, only_left)
        ):
            return replace(
                variant, cls="wording", reason="mêmes mots, placés ailleurs dans l'article par l'autre édition"
            )
        return variant

    return [
        replace(row, collated=replace(row.collated, variants=tuple(reread(v) for v in row.variants))) for row in rows
    ]
