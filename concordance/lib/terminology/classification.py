"""How ``Glossary.classify`` splits and labels diff segments (see the package docstring)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from concordance.lib.diffing import Op, Segment, diff, token_key, tokenise
from concordance.lib.terminology.entries import QUANTITY_ENTRY, ClassifiedSegment, Occurrence

if TYPE_CHECKING:
    from concordance.lib.terminology.glossary import Glossary

# Determiners and contracted articles whose form follows the noun's gender
# and number: "la Partie requise" / "l'État partie requis".
_DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l'",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d'",
        "au",
        "aux",
        "à",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "ledit",
        "ladite",
        "lesdits",
        "lesdites",
        "dudit",
        "desdits",
        "desdites",
    ]
)


# Where a token stands in the diff: ("e", segment, position from the end) in
# an equal segment, ("c", segment) in a change.
Column = tuple[str, int] | tuple[str, int, int]


@dataclass
class _Side:
    text: str
    tokens: list[tuple[int, int]]  # absolute char span of each token (with its whitespace)
    columns: list[Column]  # alignment column of each token
    seg_tokens: list[tuple[int, int]]  # token index range of each segment
    starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, segments: Sequence[Segment], side: str) -> _Side:
        tokens: list[tuple[int, int]] = []
        columns: list[Column] = []
        seg_tokens: list[tuple[int, int]] = []
        pos = 0
        for k, seg in enumerate(segments):
            text = getattr(seg, side)
            toks = tokenise(text)
            first = len(tokens)
            for t, tok in enumerate(toks):
                tokens.append((pos, pos + len(tok)))
                pos += len(tok)
                # Equal segments pair tokens one to one; counting from the end keeps that
                # true even when a list marker is one token on one side and two on the other.
                columns.append(("e", k, len(toks) - t) if seg.op == "equal" else ("c", k))
            seg_tokens.append((first, len(tokens)))
        text = "".join(getattr(s, side) for s in segments)
        return cls(text, tokens, columns, seg_tokens, [s for s, _ in tokens])

    def covered(self, occ: Occurrence) -> range:
        """Indices of the tokens overlapping ``occ``."""
        first = max(bisect_right(self.starts, occ.start) - 1, 0)
        stop = bisect_left(self.starts, occ.end)
        return range(first, max(stop, first))


def _pair_occurrences(sides: list[_Side], occs: list[list[Occurrence]]) -> list[tuple[Occurrence, Occurrence]]:
    left, right = sides
    lcov = [left.covered(o) for o in occs[0]]
    rcov = [right.covered(o) for o in occs[1]]
    lcols = [{left.columns[i] for i in cov} for cov in lcov]
    rcols = [{right.columns[i] for i in cov} for cov in rcov]
    pairs: list[tuple[Occurrence, Occurrence]] = []
    next_r = 0
    for li, lo in enumerate(occs[0]):
        l_touches = any(c[0] == "c" for c in lcols[li])
        for ri in range(next_r, len(occs[1])):
            ro = occs[1][ri]
            if ro.entry_id != lo.entry_id or not (lcols[li] & rcols[ri]):
                continue
            if not (l_touches or any(c[0] == "c" for c in rcols[ri])):
                continue
            pairs.append((lo, ro))
            next_r = ri + 1
            break
    return pairs


def _covered_in_segment(side: _Side, occ: Occurrence, k: int) -> tuple[int, int]:
    """Token range of segment ``k`` covered by ``occ``; empty range before/after when outside."""
    first, last = side.seg_tokens[k]
    cov = side.covered(occ)
    lo, hi = max(cov.start, first), min(cov.stop, last)
    if lo < hi:
        return lo, hi
    return (first, first) if cov.stop <= first else (last, last)


def _rediff(
    glossary: Glossary, lt: str, rt: str, same_quantity: Callable[[str, str], bool] | None
) -> list[ClassifiedSegment]:
    pieces: list[ClassifiedSegment] = []
    for seg in diff(lt, rt, markers="none", cleanup=False):
        if seg.op == "equal":
            pieces.append(ClassifiedSegment("equal", seg.left, seg.right, "equal"))
        elif seg.op == "replace" and (entry_id := glossary.equivalent(seg.left.strip(), seg.right.strip())):
            # Pairs the phrase matcher could not make, e.g. "États" vs "Etats" when the
            # longest match on one side was "États parties" (another entry).
            pieces.append(ClassifiedSegment(seg.op, seg.left, seg.right, glossary.entry(entry_id).kind, entry_id))
        elif same_quantity is not None and seg.op == "replace" and same_quantity(seg.left.strip(), seg.right.strip()):
            pieces.append(ClassifiedSegment(seg.op, seg.left, seg.right, "terminology", QUANTITY_ENTRY))
        else:
            pieces.append(ClassifiedSegment(seg.op, seg.left, seg.right, "substantive"))
    return pieces


def _only_determiners(text: str) -> bool:
    keys = [token_key(t).casefold() for t in tokenise(text)]
    return all(k in _DETERMINERS for k in keys)


def _split_change(
    glossary: Glossary,
    k: int,
    sides: list[_Side],
    pairs: list[tuple[Occurrence, Occurrence]],
    same_quantity: Callable[[str, str], bool] | None,
) -> list[ClassifiedSegment]:
    left, right = sides
    (l0, l1), (r0, r1) = left.seg_tokens[k], right.seg_tokens[k]

    def ltext(a: int, b: int) -> str:
        return left.text[left.tokens[a][0] : left.tokens[b - 1][1]] if a < b else ""

    def rtext(a: int, b: int) -> str:
        return right.text[right.tokens[a][0] : right.tokens[b - 1][1]] if a < b else ""

    pieces: list[ClassifiedSegment] = []
    cl, cr = l0, r0
    for lo, ro in pairs:
        la, lb = _covered_in_segment(left, lo, k)
        ra, rb = _covered_in_segment(right, ro, k)
        if la == lb and ra == rb:
            continue  # this pair lies in other segments
        la, lb, ra, rb = max(la, cl), max(lb, cl), max(ra, cr), max(rb, cr)
        gap_l, gap_r = ltext(cl, la), rtext(cr, ra)
        term_l, term_r = ltext(la, lb), rtext(ra, rb)
        if (gap_l or gap_r) and _only_determiners(gap_l) and _only_determiners(gap_r):
            term_l, term_r, gap_l, gap_r = gap_l + term_l, gap_r + term_r, "", ""
        if gap_l or gap_r:
            pieces.extend(_rediff(glossary, gap_l, gap_r, same_quantity))
        if term_l or term_r:
            if [token_key(t) for t in tokenise(term_l)] == [token_key(t) for t in tokenise(term_r)]:
                pieces.append(ClassifiedSegment("equal", term_l, term_r, "equal"))
            else:
                op: Op = "replace" if term_l and term_r else ("delete" if term_l else "insert")
                pieces.append(ClassifiedSegment(op, term_l, term_r, glossary.entry(lo.entry_id).kind, lo.entry_id))
        cl, cr = lb, rb
    tail_l, tail_r = ltext(cl, l1), rtext(cr, r1)
    if tail_l or tail_r:
        pieces.extend(_rediff(glossary, tail_l, tail_r, same_quantity))
    return pieces


def _absorb_determiners(pieces: list[ClassifiedSegment]) -> list[ClassifiedSegment]:
    """A changed determiner right before a terminology (or near-equivalent) piece agrees with the new term.

    "la personne détentrice" / "le gardien", "l'État partie" / "la Partie":
    the diff may leave "la"/"le" as a segment of its own; it belongs to the swap.
    """
    out = list(pieces)
    for k in range(len(out) - 1):
        piece, following = out[k], out[k + 1]
        if (
            piece.kind == "substantive"
            and following.kind in ("terminology", "near")
            and _only_determiners(piece.left)
            and _only_determiners(piece.right)
        ):
            lt, rt = piece.left + following.left, piece.right + following.right
            op: Op = "replace" if lt and rt else ("delete" if lt else "insert")
            out[k] = ClassifiedSegment(op, "", "", "equal")
            out[k + 1] = ClassifiedSegment(op, lt, rt, following.kind, following.entry_id)
    return out


def _merge_classified(pieces: Iterable[ClassifiedSegment]) -> list[ClassifiedSegment]:
    merged: list[ClassifiedSegment] = []
    for piece in pieces:
        if not piece.left and not piece.right:
            continue
        if merged and (merged[-1].kind, merged[-1].entry_id) == (piece.kind, piece.entry_id):
            prev = merged.pop()
            lt, rt = prev.left + piece.left, prev.right + piece.right
            op: Op = "equal" if piece.kind == "equal" else ("replace" if lt and rt else ("delete" if lt else "insert"))
            piece = ClassifiedSegment(op, lt, rt, piece.kind, piece.entry_id)
        merged.append(piece)
    return merged


def classify_segments(
    glossary: Glossary,
    segments: Sequence[Segment],
    *,
    left_instrument: str | None = None,
    right_instrument: str | None = None,
    same_quantity: Callable[[str, str], bool] | None = None,
) -> list[ClassifiedSegment]:
    """``Glossary.classify``: diff segments split and labelled equal / terminology / near / substantive."""
    sides = [_Side.build(segments, "left"), _Side.build(segments, "right")]
    # A distinct entry's terms are never paired: their swap is substance.
    occs = [
        [o for o in glossary.find(sides[0].text, left_instrument) if glossary.pairable(o.entry_id)],
        [o for o in glossary.find(sides[1].text, right_instrument) if glossary.pairable(o.entry_id)],
    ]
    pairs = _pair_occurrences(sides, occs)
    out: list[ClassifiedSegment] = []
    for k, seg in enumerate(segments):
        if seg.op == "equal":
            out.append(ClassifiedSegment("equal", seg.left, seg.right, "equal"))
            continue
        out.extend(_split_change(glossary, k, sides, pairs, same_quantity))
    return _merge_classified(_absorb_determiners(_merge_classified(out)))
