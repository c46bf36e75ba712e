"""The two engines behind ``diff`` and ``paragraph_similarity``: rapidfuzz, and
the pure-Python fallback used when rapidfuzz is not installed (see the package
docstring: the library must work without it, and both engines are tested)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import Literal

try:  # rapidfuzz is a hard dependency of the project, but the library must survive without it
    from rapidfuzz import fuzz as _rf_fuzz
    from rapidfuzz.distance import Indel as _rf_indel

    HAS_RAPIDFUZZ = True
except ImportError:  # pragma: no cover - exercised by tests/lib/without_rapidfuzz.py
    HAS_RAPIDFUZZ = False

Engine = Literal["rapidfuzz", "difflib"]

ENGINES: tuple[str, ...] = ("rapidfuzz", "difflib")


def default_engine() -> str:
    return "rapidfuzz" if HAS_RAPIDFUZZ else "difflib"


def opcodes(a: list[int], b: list[int], engine: str) -> list[tuple[str, int, int, int, int]]:
    if engine == "rapidfuzz":
        if not HAS_RAPIDFUZZ:
            raise RuntimeError("rapidfuzz is not installed; use engine='difflib'")
        return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in _rf_indel.opcodes(a, b)]
    if engine == "difflib":
        return list(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    raise ValueError(f"unknown diff engine {engine!r}; expected one of {ENGINES}")


def lcs_length(a: Sequence[object], b: Sequence[object]) -> int:
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


def python_ratio(x: str, y: str, cutoff: float) -> float:
    """rapidfuzz's ``fuzz.ratio`` / 100 (normalised Indel similarity of characters), 0 below ``cutoff``."""
    total = len(x) + len(y)
    score = 2 * lcs_length(x, y) / total if total else 1.0
    return score if score >= cutoff else 0.0


def similarity_function(engine: str | None) -> Callable[[str, str, float], float]:
    """Similarity of two ``sorted_words`` strings; may return 0 below ``cutoff``."""
    engine = engine or default_engine()
    if engine == "rapidfuzz":
        if not HAS_RAPIDFUZZ:
            raise RuntimeError("rapidfuzz is not installed; use engine='difflib'")
        return lambda x, y, cutoff: _rf_fuzz.ratio(x, y, score_cutoff=cutoff * 100) / 100.0
    if engine == "difflib":
        # Not SequenceMatcher.ratio: its greedy blocks undercount, and the
        # alignment thresholds were set on the exact ratio.
        return python_ratio
    raise ValueError(f"unknown similarity engine {engine!r}; expected one of {ENGINES}")
