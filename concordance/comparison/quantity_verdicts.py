"""Whether two differing quantities of a comparison are a divergence or govern different things.

Any two provisions can be compared (``/compare/``), and their quantities are
always set side by side. "Divergent" is said only of two quantities that
govern the same thing (``lib.quantities.subject_of``) in provisions the
concordance links; otherwise the page says plainly that they govern
different things (UN 57 §2 convening the Conference within a year against
Budapest 46 §3 reviewing the Convention within three years), or that the two
provisions are not set in correspondence.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.utils.translation import gettext

from concordance.languages import translate
from concordance.lib.comparison import Comparison
from concordance.lib.quantities import SUBJECT_LABELS, QuantityPair, subject_of


@dataclass(frozen=True)
class Verdict:
    divergent: bool
    reason: str = ""


@dataclass(frozen=True)
class QuantityVerdicts:
    """Each differing pair's verdict, by the pair's identity in the comparison (``id``)."""

    by_pair: dict[int, Verdict]

    def of(self, pair: QuantityPair) -> Verdict:
        return self.by_pair.get(id(pair), Verdict(True))

    @property
    def divergent_count(self) -> int:
        return sum(1 for verdict in self.by_pair.values() if verdict.divergent)

    @property
    def different_count(self) -> int:
        return sum(1 for verdict in self.by_pair.values() if not verdict.divergent)


def _verdict(pair: QuantityPair, texts: tuple[str, str], headings: tuple[str, str], linked: bool) -> Verdict:
    assert pair.left is not None and pair.right is not None
    subjects = (subject_of(pair.left, texts[0], headings[0]), subject_of(pair.right, texts[1], headings[1]))
    if subjects[0] != subjects[1]:
        labels = " / ".join(translate(SUBJECT_LABELS.get(subject, subject)) for subject in subjects)
        return Verdict(False, gettext("ne régissent pas la même chose (%(subjects)s)") % {"subjects": labels})
    if not linked:
        return Verdict(False, gettext("dispositions que la concordance ne met pas en correspondance"))
    return Verdict(True)


def quantity_verdicts(comparison: Comparison, headings: tuple[str, str], linked: bool) -> QuantityVerdicts:
    """The verdict of every differing pair of ``comparison``, within a row or across rows."""
    found: dict[int, Verdict] = {}
    for row in comparison.rows:
        units = {unit.eid: unit for unit in (*row.lefts, *row.rights, *row.elsewhere_units)}
        for pair, (located, left_eid, right_eid) in zip(row.quantity_pairs, row.located_quantity_pairs(), strict=False):
            if pair.status != "divergent" or located.left is None or located.right is None:
                continue
            left, right = units[left_eid], units[right_eid]
            # Located quantities are at offsets of their provision; a unit may be a part of one.
            within = dataclasses.replace(located, left=left.within(located.left), right=right.within(located.right))
            found[id(pair)] = _verdict(within, (left.text, right.text), headings, linked)
    for across in comparison.across:
        if across.pair.status == "divergent":
            left_quantity, right_quantity = across.pair.left, across.pair.right
            assert left_quantity is not None and right_quantity is not None  # a divergence has both
            within = dataclasses.replace(
                across.pair, left=across.left.within(left_quantity), right=across.right.within(right_quantity)
            )
            found[id(across.pair)] = _verdict(within, (across.left.text, across.right.text), headings, linked)
    return QuantityVerdicts(found)
