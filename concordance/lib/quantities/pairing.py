"""How two texts' quantities are set against each other."""

from __future__ import annotations

import itertools

from concordance.lib.quantities.model import _IN_BASE, Quantity, QuantityPair
from concordance.lib.quantities.numbers import number_tokens


def _numerals_as_written(q: Quantity) -> tuple[str, ...]:
    """The numerals as written, with the separators of numbers in words normalised ("vingt et un" = "vingt-et-un")."""
    return tuple(" ".join(number_tokens(n)) if not n[:1].isdigit() else n for n in q.numerals)


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
        spelled_differently=same_measure
        and (_numerals_as_written(left) != _numerals_as_written(right) or left.unit != right.unit),
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
            lcs[i][j] = (
                lcs[i + 1][j + 1] + 1 if left[i].measure == right[j].measure else max(lcs[i + 1][j], lcs[i][j + 1])
            )
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


def pair_quantities(left: list[Quantity], right: list[Quantity]) -> list[QuantityPair]:
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
        assert pair.right is not None, "a pair has a quantity on at least one side"
        at = pair.right.start
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
