"""Sentence pins: a curated link that names a sentence of its provision.

A curator who links one sentence of a longer paragraph to a provision of
the other text (or to one of its sentences) wants that sentence to face its
partner.  The provision is cut into parts at the pinned sentences: each
pinned sentence is a part of its own, and the sentences between two pinned
ones stay together as one part.  The parts are ordinary units to the plan:
the pinned part is a curated row, the others are aligned by content around
it, in their order.  The parts joined are the provision's text, byte for
byte (``sentences.sentence_spans``), so each text is still shown whole,
once and in order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple

from concordance.lib.comparison.model import ComparedUnit
from concordance.lib.sentences import sentence_spans
from concordance.lib.translatable import N_

# A part's label: its provision's label and its sentences, in French (the
# comparison is cached for both languages); comparison.page.display_unit_label
# reads it in the page's language.
ONE_SENTENCE = N_("%(citation)s, phrase %(number)d")
SENTENCES = N_("%(citation)s, phrases %(first)d à %(last)d")


class Pin(NamedTuple):
    """A curated link inside a pair, by eids; a sentence number (1-based) names one sentence, 0 the whole."""

    left_eid: str
    right_eid: str
    left_sentence: int = 0
    right_sentence: int = 0


def pinned_sentences(pins: Sequence[Pin]) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """The sentences each side's pins name, by eid."""
    left: dict[str, set[int]] = {}
    right: dict[str, set[int]] = {}
    for pin in pins:
        if pin.left_sentence:
            left.setdefault(pin.left_eid, set()).add(pin.left_sentence)
        if pin.right_sentence:
            right.setdefault(pin.right_eid, set()).add(pin.right_sentence)
    return left, right


def cut_at_sentences(units: Sequence[ComparedUnit], pinned: Mapping[str, Collection[int]]) -> list[ComparedUnit]:
    """``units`` with each provision that has pinned sentences cut into parts (see the module's doc).

    A sentence number beyond the provision's sentences (its text changed
    since the pin was saved) is ignored: the provision stays whole.
    """
    out: list[ComparedUnit] = []
    for unit in units:
        numbers = pinned.get(unit.eid, ())
        # Most units have no pinned sentence: they are not cut into sentences at all.
        spans = sentence_spans(unit.text) if numbers and not unit.offset else []
        cuts = sorted(n for n in set(numbers) if 1 <= n <= len(spans))
        if not cuts or len(spans) < 2:
            out.append(unit)
            continue
        for first, last in _parts(cuts, len(spans)):
            start, end = spans[first - 1].start, spans[last - 1].end
            if first == last:
                label = ONE_SENTENCE % {"citation": unit.label, "number": first}
            else:
                label = SENTENCES % {"citation": unit.label, "first": first, "last": last}
            out.append(dataclasses.replace(unit, label=label, text=unit.text[start:end], offset=start, sentence=first))
    return out


def _parts(cuts: Sequence[int], count: int) -> list[tuple[int, int]]:
    """The parts of a provision of ``count`` sentences cut at the pinned sentences ``cuts``,
    as (first, last) sentence numbers, in order."""
    parts: list[tuple[int, int]] = []
    following = 1
    for cut in cuts:
        if cut > following:
            parts.append((following, cut - 1))
        parts.append((cut, cut))
        following = cut + 1
    if following <= count:
        parts.append((following, count))
    return parts


def pinned_unit(units: Sequence[ComparedUnit], eid: str, sentence: int) -> int | None:
    """The index of the part of provision ``eid`` that starts with sentence ``sentence``."""
    return next(
        (k for k, unit in enumerate(units) if unit.eid == eid and unit.sentence == sentence),
        None,
    )
