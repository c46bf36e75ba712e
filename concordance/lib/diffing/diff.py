"""The word-level diff in canonical segment form (see the package docstring)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from concordance.lib.diffing.engines import default_engine, opcodes
from concordance.lib.diffing.tokens import MarkerMode, tokens_and_keys

Op = Literal["equal", "delete", "insert", "replace"]


@dataclass(frozen=True, slots=True)
class Segment:
    op: Op
    left: str
    right: str


def _token_script(blocks: Iterable[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int]]:
    """Flatten opcodes into one step per token: ('=', i, j), ('-', i, -1), ('+', -1, j)."""
    script: list[tuple[str, int, int]] = []
    for tag, i1, i2, j1, j2 in blocks:
        if tag == "equal":
            script.extend(("=", i1 + k, j1 + k) for k in range(i2 - i1))
        else:
            script.extend(("-", i, -1) for i in range(i1, i2))
            script.extend(("+", -1, j) for j in range(j1, j2))
    return script


def _slide_left(script: list[tuple[str, int, int]], a: list[int], b: list[int]) -> list[tuple[str, int, int]]:
    """Move each pure insertion/deletion run left past equal tokens of the same key.

    ``= x, - y..x`` and ``- x, = y..x`` describe the same edit when the
    token leaving the run and the one entering it have the same key; always
    choosing the leftmost placement makes the output independent of which
    of these equivalent alignments the engine happened to find.
    """
    changed = True
    while changed:
        changed = False
        k = 0
        while k < len(script):
            op = script[k][0]
            if op == "=" or k == 0 or script[k - 1][0] != "=":
                k += 1
                continue
            end = k
            while end < len(script) and script[end][0] == op:
                end += 1
            if end < len(script) and script[end][0] not in ("=", op):
                k = end  # mixed run: a replace, nothing to slide
                continue
            prev = script[k - 1]
            last = script[end - 1]
            same = a[prev[1]] == a[last[1]] if op == "-" else b[prev[2]] == b[last[2]]
            if not same:
                k = end
                continue
            # The run [k, end) shifts one token left; the equal pair moves to its end.
            if op == "-":
                moved = [("-", prev[1] + n, -1) for n in range(end - k)]
                eq = ("=", last[1], prev[2])
            else:
                moved = [("+", -1, prev[2] + n) for n in range(end - k)]
                eq = ("=", prev[1], last[2])
            script[k - 1 : end] = moved + [eq]
            changed = True
            k = max(k - 1, 1)
    return script


def _slide_right_to_merge(script: list[tuple[str, int, int]], a: list[int], b: list[int]) -> list[tuple[str, int, int]]:
    """Move a pure insertion/deletion run right when that lets it join the next change run.

    After ``_slide_left`` a run that still sits alone between equal tokens may
    be equivalent to a placement touching the following change run (``= c,
    - b, = b, + d`` is ``= c, = b, - b, + d``).  Joining gives one replace
    instead of two segments, which reads better and removes most of the
    disagreements between engines that chose different but equally long
    matchings.
    """
    k = 0
    while k < len(script):
        op = script[k][0]
        if op == "=":
            k += 1
            continue
        end = k
        while end < len(script) and script[end][0] == op:
            end += 1
        if end >= len(script) or script[end][0] != "=" or (k > 0 and script[k - 1][0] != "="):
            k = end
            continue
        trial = script[k:]
        run, pos = end - k, 0
        while pos + run < len(trial) and trial[pos + run][0] == "=":
            first, eq = trial[pos], trial[pos + run]
            if op == "-" and a[first[1]] == a[eq[1]]:
                shifted = [("=", first[1], eq[2])] + [("-", first[1] + n, -1) for n in range(1, run + 1)]
            elif op == "+" and b[first[2]] == b[eq[2]]:
                shifted = [("=", eq[1], first[2])] + [("+", -1, first[2] + n) for n in range(1, run + 1)]
            else:
                break
            trial[pos : pos + run + 1] = shifted
            pos += 1
        if pos and pos + run < len(trial) and trial[pos + run][0] != "=":
            script[k:] = trial
        k = end
    return script


def _segments(
    script: list[tuple[str, int, int]], left: list[str], right: list[str]
) -> tuple[list[Segment], list[tuple[int, int]]]:
    """Group the token script into canonical segments, with their token counts."""
    segments: list[Segment] = []
    sizes: list[tuple[int, int]] = []
    for is_equal, group in groupby(script, key=lambda step: step[0] == "="):
        steps = list(group)
        if is_equal:
            lt = "".join([left[s[1]] for s in steps])
            rt = "".join([right[s[2]] for s in steps])
            segments.append(Segment("equal", lt, rt))
            sizes.append((len(steps), len(steps)))
            continue
        # Deletions and insertions may interleave inside a change run; each side
        # is rebuilt in source order.
        li = sorted(s[1] for s in steps if s[0] == "-")
        rj = sorted(s[2] for s in steps if s[0] == "+")
        lt = "".join([left[i] for i in li])
        rt = "".join([right[j] for j in rj])
        op: Op = "replace" if lt and rt else ("delete" if lt else "insert")
        segments.append(Segment(op, lt, rt))
        sizes.append((len(li), len(rj)))
    return segments, sizes


def _merge(segments: Sequence[Segment]) -> Segment:
    lt = "".join(s.left for s in segments)
    rt = "".join(s.right for s in segments)
    return Segment("replace" if lt and rt else ("delete" if lt else "insert"), lt, rt)


def _cleanup_semantic(segments: list[Segment], sizes: list[tuple[int, int]]) -> list[Segment]:
    """Fold short equalities that sit between larger changes into one replace.

    An LCS happily matches scattered "de", "la", "," inside two different
    sentences, which chops a rewrite into confetti.  As in diff-match-patch's
    semantic cleanup, an equal run no longer (in tokens) than the larger side
    of the change before it and of the change after it is absorbed into them.
    """
    segs = list(segments)
    sizes = list(sizes)
    k = 1
    while k < len(segs) - 1:
        if segs[k].op == "equal":
            n = max(sizes[k])
            if n <= max(sizes[k - 1]) and n <= max(sizes[k + 1]):
                segs[k - 1 : k + 2] = [_merge(segs[k - 1 : k + 2])]
                merged = sizes[k - 1 : k + 2]
                sizes[k - 1 : k + 2] = [(sum(left for left, _ in merged), sum(right for _, right in merged))]
                # The change grew: the equality before it may now qualify too.
                k = max(k - 2, 1)
                continue
        k += 1
    return segs


def diff(
    left: str,
    right: str,
    engine: str | None = None,
    *,
    markers: MarkerMode = "label",
    cleanup: bool = True,
) -> list[Segment]:
    """Word-level diff of ``left`` against ``right`` in canonical segment form.

    ``cleanup`` folds short equalities stranded between larger changes into
    the surrounding replace (see ``_cleanup_semantic``); turn it off to see
    every token the engine matched.
    """
    engine = engine or default_engine()
    ltoks, lkeys = tokens_and_keys(left, markers)
    rtoks, rkeys = tokens_and_keys(right, markers)
    # Interning keys as ints keeps both engines on the same, cheap comparison.
    ids: dict[str, int] = {}
    a = [ids.setdefault(k, len(ids)) for k in lkeys]
    b = [ids.setdefault(k, len(ids)) for k in rkeys]
    if a == b:
        return [Segment("equal", left, right)] if a else []
    script = _token_script(opcodes(a, b, engine))
    script = _slide_left(script, a, b)
    script = _slide_right_to_merge(script, a, b)
    segments, sizes = _segments(script, ltoks, rtoks)
    return _cleanup_semantic(segments, sizes) if cleanup else segments
