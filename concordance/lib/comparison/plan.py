"""Planning rows from curated links, before any words are compared.

Curated paragraph links come first.  Links that share a unit are one group
(UN 14 §1 a) against Budapest 9 §1 a), b) and c)); a group whose units are
consecutive on both sides is one row.  Groups that keep both texts' order
are fixed rows, and the free units between them are aligned by similarity.
A group that would cross another cannot be a row without reordering a
text, which this page never does: each side is shown at its own place, as
a *moved* half-row whose other cell names the partner, says whether it is
higher or lower and links to it.  The pair is still diffed together, the
left half carrying the left words and the right half the right words, so
every word of each text is shown exactly once and in its order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from concordance.lib.comparison.matching import align_by_content, profile, with_own_words
from concordance.lib.comparison.model import ComparedUnit
from concordance.lib.diffing import Group
from concordance.lib.terminology import Glossary

Side = Literal["left", "right"]
# The label of the words that close a list (``comparison.inputs.unit_label``).
CLOSING_LABEL = "fin"


class Leftover(NamedTuple):
    """A run of a group's units not consecutive with its first run, with the units it is linked to.

    ``side`` is the side of the run: only that side gets a (moved) half-row.
    """

    lefts: tuple[int, ...]
    rights: tuple[int, ...]
    side: Side


@dataclass(frozen=True)
class RowPlan:
    """Which units go in which row, as unit indices of each side."""

    rows: list[Group]  # in page order: pinned groups and aligned free units
    pinned: frozenset[Group]  # the rows a curated link fixes
    moved: list[Group]  # linked groups that cross others: two half-rows each
    leftovers: list[Leftover]  # one half-row each, on its own side


def plan_rows(
    left: Sequence[ComparedUnit],
    right: Sequence[ComparedUnit],
    pinned: Sequence[tuple[int, int]],
    *,
    glossary: Glossary | None = None,
    instruments: tuple[str, str] = ("un", "budapest"),
) -> RowPlan:
    """The rows of a pair: curated groups that keep both orders, the rest aligned by content
    (``matching.align_by_content``, glossary terms read as their entries)."""
    if len(left) == 1 and len(right) == 1 and not pinned:
        # Two single provisions a reader chose to compare face each other,
        # however little they share: that comparison is what was asked for.
        return RowPlan([((0,), (0,))], frozenset(), [], [])
    groups, leftovers = link_groups(pinned)
    anchors = ordered_groups(groups)
    moved = [g for g in groups if g not in anchors]
    placed_left = {i for g in moved for i in g[0]} | {i for o in leftovers if o.side == "left" for i in o.lefts}
    placed_right = {j for g in moved for j in g[1]} | {j for o in leftovers if o.side == "right" for j in o.rights}
    words = glossary if glossary is not None else Glossary(())
    rows = align_by_content(
        with_own_words(
            [profile(u.text, words, instruments[0], closing=u.label == CLOSING_LABEL) for u in left],
            [u.eid for u in left],
        ),
        with_own_words(
            [profile(u.text, words, instruments[1], closing=u.label == CLOSING_LABEL) for u in right],
            [u.eid for u in right],
        ),
        anchors,
        skip_left=frozenset(placed_left),
        skip_right=frozenset(placed_right),
    )
    return RowPlan(rows, frozenset(anchors), moved, leftovers)


def link_groups(pinned: Sequence[tuple[int, int]]) -> tuple[list[Group], list[Leftover]]:
    """Curated links as groups of units, and the links left over.

    Links sharing a unit form one group.  A group whose units are not
    consecutive on a side keeps its first run of consecutive units on each
    side; each other run comes back as a leftover, paired with the units of
    the other side it is linked to.
    """
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in set(pinned):
        parent[root(("l", i))] = root(("r", j))
    members: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for node in list(parent):
        ls, rs = members.setdefault(root(node), (set(), set()))
        (ls if node[0] == "l" else rs).add(node[1])
    groups: list[Group] = []
    leftovers: list[Leftover] = []
    links = set(pinned)
    for ls, rs in members.values():
        lruns, rruns = _runs(sorted(ls)), _runs(sorted(rs))
        groups.append((lruns[0], rruns[0]))
        # Each other run comes back with the units it is itself linked to.
        for run in lruns[1:]:
            leftovers.append(Leftover(run, tuple(sorted({j for i, j in links if i in run})), "left"))
        for run in rruns[1:]:
            leftovers.append(Leftover(tuple(sorted({i for i, j in links if j in run})), run, "right"))
    return sorted(groups), leftovers


def _runs(indices: list[int]) -> list[tuple[int, ...]]:
    runs: list[list[int]] = []
    for index in indices:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [tuple(run) for run in runs]


def ordered_groups(groups: Sequence[Group]) -> list[Group]:
    """The largest set of groups (in units) that keeps both texts' order.

    Between equally large sets, the one whose groups sit nearest the same
    place on both sides wins: the links that moved least stay rows.
    """
    groups = sorted(groups)
    best: list[tuple[tuple[int, int], list[Group]]] = []
    for g in groups:
        chains = [(w, chain) for w, chain in best if max(chain[-1][0]) < min(g[0]) and max(chain[-1][1]) < min(g[1])]
        (units, shift), chain = max(chains, key=lambda c: c[0], default=((0, 0), []))
        weight = (units + len(g[0]) + len(g[1]), shift - abs(min(g[0]) - min(g[1])))
        best.append((weight, chain + [g]))
    return max(best, key=lambda c: c[0], default=((0, 0), []))[1]


def ordered_pairs(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The largest set of (left, right) pairs that keeps both orders (curated links may cross):
    ``ordered_groups`` over groups of one unit a side."""
    chosen = ordered_groups([((i,), (j,)) for i, j in set(pairs)])
    return [(lefts[0], rights[0]) for lefts, rights in chosen]
