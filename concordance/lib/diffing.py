"""Word-level diff of two French legal texts, and paragraph alignment.

Token shape
-----------
``tokenise`` cuts a text into tokens that each carry the whitespace that
follows them (the first token also carries any leading whitespace), so
``"".join(tokenise(t)) == t`` for every string.  A token's *core* is one of:

* a French elision (``d'``, ``l'``, ``qu'``, ``jusqu'``, ``lorsqu'`` … with
  ``'`` or ``’``) -- so "d'information" and "de information" share a token;
* a number with inner separators (``17,5``, ``1.2``);
* a word, hyphenated compounds included (``quatre-vingt-dix``,
  ``sous-jacent``): a compound is one lexical unit, and keeping it whole lets
  a number-spelling hook see "quatre-vingt-dix" against "90";
* any other single non-space character (punctuation, ``«``, ``»``).

The comparison key of a token is its core, NFC-normalised, with ``’``
folded to ``'``; whitespace never takes part in comparisons.  Case and
accents do: "Partie" → "partie" or "Etat" → "État" are shown as changes,
and it is the glossary (``terminology.py``) that decides they are only
terminology.

Segments
--------
``diff`` returns the canonical form below, whatever the engine:

* segments alternate between ``equal`` and one non-equal segment: a maximal
  run of changes between two equal runs is ONE segment, ``replace`` when
  it has text on both sides, else ``delete`` or ``insert``;
* the left texts rebuild the left input exactly, the right texts the right;
* an equal segment has equal keys on both sides (whitespace may differ);
* a pure insertion or deletion is slid as far left as the text allows
  ("Chaque de de Partie" → "Chaque de Partie" deletes the *first* "de"),
  unless sliding it right lets it join the next change into one replace;
  so equally good alignments are reported the same way.

Engines: "rapidfuzz" (``Indel.opcodes``: a longest common subsequence of
the token keys) and, when rapidfuzz is not installed, "difflib"
(``SequenceMatcher`` with autojunk off: the longest contiguous block first,
then the same on each side of it).  Both give opcodes of the same shape,
and everything after them is shared, so both give segments of the same
structure.  What is guaranteed, and tested, for both:

* the invariants above always hold;
* identical texts give one equal segment, texts sharing no token one
  replace;
* when every token the two texts share occurs once on each side and in the
  same order, both return exactly the same segments.

Around repeated words ("de", "la", "infractions") the two may choose
different matchings.  On the corpus the canonical form and the cleanup
below absorb every choice between equally long matchings; what remains
(5 of the 240 aligned rows, tested) is where difflib's greedy choice of
blocks misses the longest common subsequence, matches fewer tokens and
shows a coarser replace.

Paragraph similarity, which drives the alignment, is rapidfuzz's ``ratio``;
without rapidfuzz the very same number is computed in pure Python
(bit-parallel LCS), so rows are aligned the same either way.

Cleanup: an LCS happily matches scattered "de", "la", "," inside two
rewritten sentences.  Like diff-match-patch's semantic cleanup, an equal run
no longer (in tokens) than the larger side of the change before it and of
the change after it is folded into one replace (``cleanup=False`` keeps
every match).

Paragraph markers
-----------------
``strip_marker`` splits a leading list marker ("a)", "a.", "- a)", "(a)",
"1.", "ii)", and the bare labels of the 2003 French bill and of the Benin
decree: "a  l'expression", "d « données", "1  Chaque", "- 1 Aux fins")
from the rest.  A bare label counts only before a word or « (a bare number
only before a capital), so "90 jours" or "y compris" keep their first word;
the residual risk is a paragraph that really starts with the word "a".  ``diff`` turns such a marker into a single token whose key
is the marker's *label* ("a", "1", "ii"), so "a)" vs "a." vs "- a)" is
equal; with ``markers="ignore"`` any marker equals any other marker (useful
when one text numbers a definition c) and the other d)); ``markers="none"``
switches detection off (for fragments that do not start a paragraph).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

try:  # rapidfuzz is a hard dependency of the project, but the library must survive without it
    from rapidfuzz import fuzz as _rf_fuzz
    from rapidfuzz.distance import Indel as _rf_indel
except ImportError:  # pragma: no cover - exercised by monkeypatching in tests
    _rf_fuzz = None
    _rf_indel = None

Op = Literal["equal", "delete", "insert", "replace"]
Engine = Literal["rapidfuzz", "difflib"]
MarkerMode = Literal["label", "ignore", "none"]

ENGINES: tuple[str, ...] = ("rapidfuzz", "difflib")

_ELISION = r"(?<!\w)(?:[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]u|[DdLlNnSsJjCcMmTt])['’]"
_NUMBER = r"\d+(?:[.,]\d+)+"
# \w misses combining marks (a decomposed "é" is "e" + U+0301): keep them in the word.
_WORD = r"[\w\u0300-\u036f]+(?:[-‐‑'’][\w\u0300-\u036f]+)*"
_TOKEN_RE = re.compile(rf"(?P<core>{_ELISION}|{_NUMBER}|{_WORD}|[^\w\s])\s*")
_LEADING_SPACE_RE = re.compile(r"\s*")

_ROMAN = r"(?:(?=[ivx])x{0,2}(?:ix|iv|v?i{0,3}))"
_MARKER_RE = re.compile(
    r"""^
    (?P<bullet>\s*[-–—•*]\s+)?\s*
    (?:
        \((?P<paren>\d{1,3}|[a-zA-Z]|""" + _ROMAN + r""")\)           # (a) (1) (ii)
      | (?P<punct>\d{1,3}|[a-zA-Z]|""" + _ROMAN + r""")[.)](?=\s|$)  # a) a. 1. ii)
      | (?P<bare>\d{1,3}|[a-xz]|""" + _ROMAN + r""")(?=\s)          # "a  l'expression", "1 Chaque"
    )
    \s*""",
    re.VERBOSE,
)
_MARKER_KEY_PREFIX = "\x00marker:"


@dataclass(frozen=True, slots=True)
class Segment:
    op: Op
    left: str
    right: str


def tokenise(text: str) -> list[str]:
    """Split ``text`` into tokens carrying their trailing whitespace (see module doc)."""
    lead = _LEADING_SPACE_RE.match(text).end()
    tokens = [m.group(0) for m in _TOKEN_RE.finditer(text, lead)]
    if lead:
        if tokens:
            tokens[0] = text[:lead] + tokens[0]
        else:
            tokens = [text]
    return tokens


def token_key(token: str) -> str:
    """Comparison key: whitespace dropped, apostrophes and Unicode composition folded."""
    return unicodedata.normalize("NFC", token.strip()).replace("’", "'")


def strip_marker(text: str) -> tuple[str, str]:
    """Split a leading paragraph/list marker off ``text``: ``(marker, rest)``.

    ``marker + rest == text``; ``marker`` is ``""`` when there is none.  The
    marker keeps its surrounding whitespace.
    """
    match = _MARKER_RE.match(text)
    if not match or not (match.group("paren") or match.group("punct") or match.group("bare")):
        return "", text
    rest = text[match.end():]
    bare = match.group("bare")
    if bare is not None:
        # Without ")" or "." a label is only trusted before a word or a guillemet: a
        # letter before any word ("a  l'expression", "d « données"), a number
        # before a capital ("1  Chaque Partie") -- so "90 jours ..." keeps its number.
        if not rest or not (rest[0].isalpha() or rest[0] == "«") or (bare.isdigit() and not rest[0].isupper()):
            return "", text
    return text[: match.end()], rest


def marker_label(marker: str) -> str:
    """The label of a marker: "- a) " → "a", "1. " → "1"."""
    return re.sub(r"[^\w]", "", marker).lower()


def _tokens_and_keys(text: str, markers: MarkerMode) -> tuple[list[str], list[str]]:
    marker, rest = strip_marker(text) if markers != "none" else ("", text)
    tokens = tokenise(rest)
    keys = [token_key(t) for t in tokens]
    if marker:
        tokens.insert(0, marker)
        label = "" if markers == "ignore" else marker_label(marker)
        keys.insert(0, _MARKER_KEY_PREFIX + label)
    return tokens, keys


def _default_engine() -> str:
    return "rapidfuzz" if _rf_indel is not None else "difflib"


def _raw_blocks(a: list[int], b: list[int], engine: str) -> list[tuple[str, int, int, int, int]]:
    if engine == "rapidfuzz":
        if _rf_indel is None:
            raise RuntimeError("rapidfuzz is not installed; use engine='difflib'")
        return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in _rf_indel.opcodes(a, b)]
    if engine == "difflib":
        return list(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    raise ValueError(f"unknown diff engine {engine!r}; expected one of {ENGINES}")


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
            if op == "-":
                same = a[prev[1]] == a[last[1]]
            else:
                same = b[prev[2]] == b[last[2]]
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


def _slide_right_to_merge(
    script: list[tuple[str, int, int]], a: list[int], b: list[int]
) -> list[tuple[str, int, int]]:
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
                sizes[k - 1 : k + 2] = [tuple(map(sum, zip(*sizes[k - 1 : k + 2])))]
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
    engine = engine or _default_engine()
    ltoks, lkeys = _tokens_and_keys(left, markers)
    rtoks, rkeys = _tokens_and_keys(right, markers)
    # Interning keys as ints keeps both engines on the same, cheap comparison.
    ids: dict[str, int] = {}
    a = [ids.setdefault(k, len(ids)) for k in lkeys]
    b = [ids.setdefault(k, len(ids)) for k in rkeys]
    if a == b:
        return [Segment("equal", left, right)] if a else []
    script = _token_script(_raw_blocks(a, b, engine))
    script = _slide_left(script, a, b)
    script = _slide_right_to_merge(script, a, b)
    segments, sizes = _segments(script, ltoks, rtoks)
    return _cleanup_semantic(segments, sizes) if cleanup else segments


def segment_keys(text: str, markers: MarkerMode = "label") -> list[str]:
    """Comparison keys of ``text`` as ``diff`` sees them (markers included)."""
    return _tokens_and_keys(text, markers)[1]


def _token_count(text: str) -> int:
    return sum(1 for t in tokenise(text) if t.strip())


def change_share(segments: Sequence[object], *, ignore_terminology: bool = False) -> float:
    """Share (0..1) of tokens, counted on both sides, that sit in non-equal segments.

    Accepts ``Segment`` or anything with ``op``/``left``/``right`` (such as
    ``terminology.ClassifiedSegment``).  With ``ignore_terminology`` a
    segment whose ``kind`` is ``"terminology"`` counts as unchanged.
    """
    total = changed = 0
    for seg in segments:
        n = _token_count(seg.left) + _token_count(seg.right)  # type: ignore[attr-defined]
        total += n
        if seg.op == "equal":  # type: ignore[attr-defined]
            continue
        if ignore_terminology and getattr(seg, "kind", None) == "terminology":
            continue
        changed += n
    return changed / total if total else 0.0


# --------------------------------------------------------------------------
# Paragraph alignment
# --------------------------------------------------------------------------

_WORD_RE = re.compile(r"[\w\u0300-\u036f]+")
# The combining marks of Unicode's diacritical blocks; a regex drops them far
# faster than testing each character of a long article.
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@functools.lru_cache(maxsize=4096)
def normalise_words(text: str) -> str:
    """Lower-case words without marker, punctuation or accents, for similarity only."""
    _, rest = strip_marker(text)
    folded = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", rest.casefold()))
    return " ".join(_WORD_RE.findall(folded))


def _sorted_words(text: str) -> str:
    # token_sort_ratio sorts the words of both strings on every call; sorting
    # once per paragraph and comparing with a plain ratio gives the same score
    # and keeps an n×m alignment cheap.
    return " ".join(sorted(normalise_words(text).split()))


def _lcs_length(a: Sequence[object], b: Sequence[object]) -> int:
    """Length of a longest common subsequence, bit-parallel (as rapidfuzz computes it)."""
    positions: dict[object, int] = {}
    for i, item in enumerate(a):
        positions[item] = positions.get(item, 0) | (1 << i)
    mask = (1 << len(a)) - 1
    state = mask
    for item in b:
        matched = state & positions.get(item, 0)
        state = ((state + matched) | (state - matched)) & mask
    return len(a) - bin(state).count("1")


def _python_ratio(x: str, y: str, cutoff: float) -> float:
    """rapidfuzz's ``fuzz.ratio`` / 100 (normalised Indel similarity of characters), 0 below ``cutoff``."""
    total = len(x) + len(y)
    score = 2 * _lcs_length(x, y) / total if total else 1.0
    return score if score >= cutoff else 0.0


def _similarity_function(engine: str | None) -> Callable[[str, str, float], float]:
    """Similarity of two ``_sorted_words`` strings; may return 0 below ``cutoff``."""
    engine = engine or _default_engine()
    if engine == "rapidfuzz":
        if _rf_fuzz is None:
            raise RuntimeError("rapidfuzz is not installed; use engine='difflib'")
        return lambda x, y, cutoff: _rf_fuzz.ratio(x, y, score_cutoff=cutoff * 100) / 100.0
    if engine == "difflib":
        # Not SequenceMatcher.ratio: its greedy blocks undercount, and the
        # alignment thresholds were set on the exact ratio.
        return _python_ratio
    raise ValueError(f"unknown similarity engine {engine!r}; expected one of {ENGINES}")


def paragraph_similarity(left: str, right: str, engine: str | None = None) -> float:
    """Similarity (0..1) of two paragraphs: rapidfuzz token_sort_ratio on normalised words
    (the same number, computed in pure Python, when rapidfuzz is not installed)."""
    return _similarity_function(engine)(_sorted_words(left), _sorted_words(right), 0.0)


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
    for (li, rj) in pins:
        if not (0 <= li < len(left) and 0 <= rj < len(right)):
            raise ValueError(f"pinned pair {(li, rj)} is out of range")
    for (a1, b1), (a2, b2) in zip(pins, pins[1:]):
        if a2 <= a1 or b2 <= b1:
            raise ValueError(f"pinned pairs {(a1, b1)} and {(a2, b2)} cross or share a paragraph")
    sim = _similarity_function(engine)
    lnorm = [_sorted_words(p) for p in left]
    rnorm = [_sorted_words(p) for p in right]
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


# Words that say nothing of what a provision is about: function words, and the
# names of the parties and of the units of the text, which every provision has.
_FUNCTION_WORDS = frozenset(
    "de la le les l d des du un une et ou a au aux en par pour que qui dans sur ce cet cette ces son sa ses "
    "leur leurs il elle ils elles est sont ne pas n s qu se y tout toute tous toutes autre autres present "
    "presente article articles paragraphe paragraphes alinea partie parties etat etats chaque lui meme "
    "conformement peut peuvent etre".split()
)
# Below this share of shared content words, two paragraphs are not a pair
# whatever their character similarity (which function words inflate): UN 40
# §30 (costs) against Budapest 27 §9 c)-d) (channels) scores 0.58, shares 0.11.
CONTENT_FLOOR = 0.12


def content_overlap(left: str, right: str) -> float:
    """Dice coefficient of the content words (first six letters, a cheap stem) of two texts."""
    def stems(text: str) -> set[str]:
        return {w[:6] for w in normalise_words(text).split() if len(w) > 2 and w not in _FUNCTION_WORDS}

    a, b = stems(left), stems(right)
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


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
    sim = _similarity_function(engine)
    skipped_l, skipped_r = set(skip_left), set(skip_right)
    for ls, rs in anchors:
        skipped_l.update(ls)
        skipped_r.update(rs)
    lnorm = [_sorted_words(p) for p in left]
    rnorm = [_sorted_words(p) for p in right]
    rows: list[Group] = []
    lo_l = lo_r = 0
    bounds = [(min(ls), max(ls), min(rs), max(rs)) for ls, rs in anchors]
    for (ls, rs), (l0, l1, r0, r1) in zip(list(anchors) + [((), ())], bounds + [(len(left), -1, len(right), -1)]):
        free_l = [i for i in range(lo_l, l0) if i not in skipped_l]
        free_r = [j for j in range(lo_r, r0) if j not in skipped_r]
        rows.extend(_align_free(free_l, free_r, left, right, lnorm, rnorm, threshold, sim, max_merge))
        if ls or rs:
            rows.append((tuple(ls), tuple(rs)))
        lo_l, lo_r = l1 + 1, r1 + 1
    return rows


def _align_free(
    li: list[int],
    rj: list[int],
    left: Sequence[str],
    right: Sequence[str],
    lnorm: list[str],
    rnorm: list[str],
    threshold: float,
    sim: Callable[[str, str, float], float],
    max_merge: int,
) -> list[Group]:
    n, m = len(li), len(rj)
    if not n or not m:
        return [((i,), ()) for i in li] + [((), (j,)) for j in rj]
    single = [[sim(lnorm[a], rnorm[b], 0.0) for b in rj] for a in li]
    apart = {
        (x, y)
        for x, a in enumerate(li)
        for y, b in enumerate(rj)
        if single[x][y] >= threshold and content_overlap(left[a], right[b]) < CONTENT_FLOOR
    }
    for x, y in apart:
        single[x][y] = 0.0

    def consecutive(indices: list[int]) -> bool:
        return all(y == x + 1 for x, y in zip(indices, indices[1:]))

    merged_cache: dict[tuple[str, int, int, int], float] = {}

    def merged(side: str, start: int, stop: int, other: int) -> float:
        """Similarity of paragraphs [start, stop) of ``side`` joined, against ``other``; 0 if not allowed."""
        key = (side, start, stop, other)
        if key not in merged_cache:
            if side == "l":
                members = li[start:stop]
                joined = _sorted_words(" ".join(left[a] for a in members))
                own = [single[k][other] for k in range(start, stop)]
                score = sim(joined, rnorm[rj[other]], threshold) if consecutive(members) else 0.0
            else:
                members = rj[start:stop]
                joined = _sorted_words(" ".join(right[b] for b in members))
                own = [single[other][k] for k in range(start, stop)]
                score = sim(lnorm[li[other]], joined, threshold) if consecutive(members) else 0.0
            best = max(own)
            clearly = score >= best + MERGE_MARGIN or (score > best and min(own) >= MEMBER_FLOOR)
            if clearly and side == "l":
                clearly = content_overlap(" ".join(left[a] for a in members), right[rj[other]]) >= CONTENT_FLOOR
            elif clearly:
                clearly = content_overlap(left[li[other]], " ".join(right[b] for b in members)) >= CONTENT_FLOOR
            merged_cache[key] = score if score >= threshold and clearly else 0.0
        return merged_cache[key]

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
    steps: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        di, dj = move[i][j]  # type: ignore[misc]
        steps.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    steps.reverse()
    rows: list[Group] = []
    pending_l: list[int] = []
    pending_r: list[int] = []
    for i0, i1, j0, j1 in steps:
        if i1 - i0 and j1 - j0:
            # Unpartnered paragraphs between two rows: left ones first, then right ones.
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
