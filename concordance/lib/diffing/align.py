"""Order-preserving alignment of two lists of paragraphs: one to one, or in groups."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

from concordance.lib.diffing.engines import similarity_function
from concordance.lib.diffing.similarity import CONTENT_FLOOR, content_overlap, sorted_words


def _align_block(
    lnorm: Sequence[str],
    rnorm: Sequence[str],
    lo: int,
    ro: int,
    threshold: float,
    sim: Callable[[str, str, float], float],
) -> list[tuple[int | None, int | None]]:
    n, m = len(lnorm), len(rnorm)
    if not n or not m:
        return [(lo + i, None) for i in range(n)] + [(None, ro + j) for j in range(m)]
    s = [[sim(lnorm[i], rnorm[j], threshold) for j in range(m)] for i in range(n)]
    # score[i][j]: best total similarity aligning the first i left and j right paragraphs;
    # gaps cost nothing, pairs below threshold are not allowed.
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, prev = score[i], score[i - 1]
        for j in range(1, m + 1):
            best = max(prev[j], row[j - 1])
            if s[i - 1][j - 1] >= threshold:
                best = max(best, prev[j - 1] + s[i - 1][j - 1])
            row[j] = best
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i and j:
        if s[i - 1][j - 1] >= threshold and score[i][j] == score[i - 1][j - 1] + s[i - 1][j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    rows: list[tuple[int | None, int | None]] = []
    li = rj = 0
    for pi, pj in pairs + [(n, m)]:
        # Unpartnered paragraphs between two pairs: left ones first, then right ones.
        rows.extend((lo + k, None) for k in range(li, pi))
        rows.extend((None, ro + k) for k in range(rj, pj))
        if pi < n:
            rows.append((lo + pi, ro + pj))
        li, rj = pi + 1, pj + 1
    return rows


def align_paragraphs(
    left: Sequence[str],
    right: Sequence[str],
    pinned: Sequence[tuple[int, int]] = (),
    threshold: float = 0.5,
    engine: str | None = None,
) -> list[tuple[int | None, int | None]]:
    """Order-preserving alignment of two paragraph lists into rows.

    ``pinned`` pairs (curated links) are kept as rows whatever their
    similarity; they must be increasing on both sides, otherwise
    ``ValueError``.  Between pins, paragraphs are paired by a dynamic
    programme maximising the summed similarity (``paragraph_similarity``)
    of pairs at or above ``threshold``; an unpaired paragraph gets a row of
    its own with ``None`` opposite.  Each index of each side appears exactly
    once, in increasing order.
    """
    pins = sorted(set(pinned))
    for li, rj in pins:
        if not (0 <= li < len(left) and 0 <= rj < len(right)):
            raise ValueError(f"pinned pair {(li, rj)} is out of range")
    for (a1, b1), (a2, b2) in pairwise(pins):
        if a2 <= a1 or b2 <= b1:
            raise ValueError(f"pinned pairs {(a1, b1)} and {(a2, b2)} cross or share a paragraph")
    sim = similarity_function(engine)
    lnorm = [sorted_words(p) for p in left]
    rnorm = [sorted_words(p) for p in right]
    rows: list[tuple[int | None, int | None]] = []
    li = rj = 0
    for pi, pj in pins + [(len(left), len(right))]:
        rows.extend(_align_block(lnorm[li:pi], rnorm[rj:pj], li, rj, threshold, sim))
        if pi < len(left):
            rows.append((pi, pj))
        li, rj = pi + 1, pj + 1
    return rows


# --------------------------------------------------------------------------
# Alignment in groups: several consecutive paragraphs against one
# --------------------------------------------------------------------------

Group = tuple[tuple[int, ...], tuple[int, ...]]

# A merge must beat the best single pairing by this much: two paragraphs
# against one always share more words than one against one, so a bare
# "higher" would merge every neighbour.
MERGE_MARGIN = 0.1
# ... unless every member shares this much with the partner on its own: then
# any gain means the partner really holds both (UN 8 §1 and §2 against the
# single block of Budapest 3).
MEMBER_FLOOR = 0.4
MAX_MERGE = 3


def align_groups(
    left: Sequence[str],
    right: Sequence[str],
    anchors: Sequence[Group] = (),
    *,
    skip_left: Iterable[int] = (),
    skip_right: Iterable[int] = (),
    threshold: float = 0.5,
    engine: str | None = None,
    max_merge: int = MAX_MERGE,
) -> list[Group]:
    """Order-preserving alignment into rows of consecutive paragraphs.

    ``anchors`` are rows fixed in advance (curated links), increasing on both
    sides.  ``skip_left``/``skip_right`` are paragraphs placed by the caller
    (they appear in no returned row).  Between anchors the free paragraphs
    are aligned by a dynamic programme over the summed similarity of rows;
    a row may join up to ``max_merge`` consecutive paragraphs of one side
    against one of the other when the concatenation is at or above
    ``threshold`` and beats each member's own similarity by ``MERGE_MARGIN``.
    Every other index appears exactly once, in increasing order.
    """
    sim = similarity_function(engine)
    skipped_l, skipped_r = set(skip_left), set(skip_right)
    for ls, rs in anchors:
        skipped_l.update(ls)
        skipped_r.update(rs)
    lnorm = [sorted_words(p) for p in left]
    rnorm = [sorted_words(p) for p in right]
    rows: list[Group] = []
    lo_l = lo_r = 0
    bounds = [(min(ls), max(ls), min(rs), max(rs)) for ls, rs in anchors]
    for (ls, rs), (l0, l1, r0, r1) in zip(
        list(anchors) + [((), ())], bounds + [(len(left), -1, len(right), -1)], strict=True
    ):
        free_l = [i for i in range(lo_l, l0) if i not in skipped_l]
        free_r = [j for j in range(lo_r, r0) if j not in skipped_r]
        rows.extend(_align_free(free_l, free_r, left, right, lnorm, rnorm, threshold, sim, max_merge))
        if ls or rs:
            rows.append((tuple(ls), tuple(rs)))
        lo_l, lo_r = l1 + 1, r1 + 1
    return rows


Similarity = Callable[[str, str, float], float]
# One step of a group alignment: left paragraphs [i0, i1) against right ones [j0, j1),
# as positions in the free paragraphs; one side is empty for an unpartnered paragraph.
Step = tuple[int, int, int, int]


def _align_free(
    li: list[int],
    rj: list[int],
    left: Sequence[str],
    right: Sequence[str],
    lnorm: list[str],
    rnorm: list[str],
    threshold: float,
    sim: Similarity,
    max_merge: int,
) -> list[Group]:
    """Align the free paragraphs ``li`` and ``rj`` (indices into ``left``/``right``) into groups."""
    if not li or not rj:
        return [((i,), ()) for i in li] + [((), (j,)) for j in rj]
    single = _single_similarities(li, rj, left, right, lnorm, rnorm, threshold, sim)
    merged = _MergedSimilarity(li, rj, left, right, rnorm, lnorm, single, threshold, sim)
    moves = _best_moves(single, merged, threshold, max_merge)
    return _rows(_steps(moves), li, rj)


def _single_similarities(
    li: list[int],
    rj: list[int],
    left: Sequence[str],
    right: Sequence[str],
    lnorm: list[str],
    rnorm: list[str],
    threshold: float,
    sim: Similarity,
) -> list[list[float]]:
    """Each free left paragraph's similarity to each free right one, 0 for a pair
    that reaches ``threshold`` only on function words (``CONTENT_FLOOR``)."""
    single = [[sim(lnorm[a], rnorm[b], 0.0) for b in rj] for a in li]
    for x, a in enumerate(li):
        for y, b in enumerate(rj):
            if single[x][y] >= threshold and content_overlap(left[a], right[b]) < CONTENT_FLOOR:
                single[x][y] = 0.0
    return single


def _consecutive(indices: list[int]) -> bool:
    return all(y == x + 1 for x, y in pairwise(indices))


class _MergedSimilarity:
    """Similarity of several consecutive paragraphs of one side, joined, against
    one of the other; 0 when the merge is not allowed. Computed once per merge."""

    def __init__(
        self,
        li: list[int],
        rj: list[int],
        left: Sequence[str],
        right: Sequence[str],
        rnorm: list[str],
        lnorm: list[str],
        single: list[list[float]],
        threshold: float,
        sim: Similarity,
    ) -> None:
        self.li, self.rj, self.left, self.right = li, rj, left, right
        self.lnorm, self.rnorm, self.single = lnorm, rnorm, single
        self.threshold, self.sim = threshold, sim
        self.cache: dict[tuple[str, int, int, int], float] = {}

    def __call__(self, side: str, start: int, stop: int, other: int) -> float:
        """Paragraphs [start, stop) of ``side`` ("l" or "r") joined, against ``other``."""
        key = (side, start, stop, other)
        if key not in self.cache:
            self.cache[key] = self._score(side, start, stop, other)
        return self.cache[key]

    def _score(self, side: str, start: int, stop: int, other: int) -> float:
        if side == "l":
            members = self.li[start:stop]
            own = [self.single[k][other] for k in range(start, stop)]
            left_text = " ".join(self.left[a] for a in members)
            right_text = self.right[self.rj[other]]
            if not _consecutive(members):
                return 0.0
            score = self.sim(sorted_words(left_text), self.rnorm[self.rj[other]], self.threshold)
        else:
            members = self.rj[start:stop]
            own = [self.single[other][k] for k in range(start, stop)]
            left_text = self.left[self.li[other]]
            right_text = " ".join(self.right[b] for b in members)
            if not _consecutive(members):
                return 0.0
            score = self.sim(self.lnorm[self.li[other]], sorted_words(right_text), self.threshold)
        best = max(own)
        clearly = score >= best + MERGE_MARGIN or (score > best and min(own) >= MEMBER_FLOOR)
        if clearly:
            clearly = content_overlap(left_text, right_text) >= CONTENT_FLOOR
        return score if score >= self.threshold and clearly else 0.0


def _best_moves(
    single: list[list[float]], merged: Callable[[str, int, int, int], float], threshold: float, max_merge: int
) -> list[list[tuple[int, int] | None]]:
    """The dynamic programme: for each prefix pair (i, j), the last step of the
    alignment of best summed similarity, as (left paragraphs, right paragraphs) taken."""
    n, m = len(single), len(single[0])
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if not i and not j:
                continue
            best, step = -1.0, None
            if i:
                best, step = score[i - 1][j], (1, 0)
            if j and score[i][j - 1] > best:
                best, step = score[i][j - 1], (0, 1)
            if i and j:
                if single[i - 1][j - 1] >= threshold and score[i - 1][j - 1] + single[i - 1][j - 1] > best:
                    best, step = score[i - 1][j - 1] + single[i - 1][j - 1], (1, 1)
                for k in range(2, max_merge + 1):
                    if i >= k and (s := merged("l", i - k, i, j - 1)) and score[i - k][j - 1] + s > best:
                        best, step = score[i - k][j - 1] + s, (k, 1)
                    if j >= k and (s := merged("r", j - k, j, i - 1)) and score[i - 1][j - k] + s > best:
                        best, step = score[i - 1][j - k] + s, (1, k)
            score[i][j], move[i][j] = best, step
    return move


def _steps(moves: list[list[tuple[int, int] | None]]) -> list[Step]:
    """The best alignment's steps in order, traced back from the full prefixes."""
    steps: list[Step] = []
    i, j = len(moves) - 1, len(moves[0]) - 1
    while i or j:
        move = moves[i][j]
        assert move is not None  # every cell but (0, 0) has a step
        di, dj = move
        steps.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    steps.reverse()
    return steps


def _rows(steps: list[Step], li: list[int], rj: list[int]) -> list[Group]:
    """Groups of paragraph indices from the steps; unpartnered paragraphs between
    two rows come before the second, left ones first, then right ones."""
    rows: list[Group] = []
    pending_l: list[int] = []
    pending_r: list[int] = []
    for i0, i1, j0, j1 in steps:
        if i1 - i0 and j1 - j0:
            rows.extend(((a,), ()) for a in pending_l)
            rows.extend(((), (b,)) for b in pending_r)
            pending_l, pending_r = [], []
            rows.append((tuple(li[i0:i1]), tuple(rj[j0:j1])))
        elif i1 - i0:
            pending_l.extend(li[i0:i1])
        else:
            pending_r.extend(rj[j0:j1])
    rows.extend(((a,), ()) for a in pending_l)
    rows.extend(((), (b,)) for b in pending_r)
    return rows
