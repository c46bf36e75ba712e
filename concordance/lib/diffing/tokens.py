"""Tokens, their comparison keys, and paragraph markers (see the package docstring)."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

MarkerMode = Literal["label", "ignore", "none"]

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
        \((?P<paren>\d{1,3}|[a-zA-Z]|"""
    + _ROMAN
    + r""")\)           # (a) (1) (ii)
      | (?P<punct>\d{1,3}|[a-zA-Z]|"""
    + _ROMAN
    + r""")[.)](?=\s|$)  # a) a. 1. ii)
      | (?P<bare>\d{1,3}|[a-xz]|"""
    + _ROMAN
    + r""")(?=\s)          # "a  l'expression", "1 Chaque"
    )
    \s*""",
    re.VERBOSE,
)
_MARKER_KEY_PREFIX = "\x00marker:"


def tokenise(text: str) -> list[str]:
    """Split ``text`` into tokens carrying their trailing whitespace (see the package docstring)."""
    leading = _LEADING_SPACE_RE.match(text)  # "\s*" matches any string, the empty one too
    lead = leading.end() if leading else 0
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
    rest = text[match.end() :]
    bare = match.group("bare")
    # Without ")" or "." a label is only trusted before a word or a guillemet: a
    # letter before any word ("a  l'expression", "d « données"), a number
    # before a capital ("1  Chaque Partie") -- so "90 jours ..." keeps its number.
    if bare is not None and (
        not rest or not (rest[0].isalpha() or rest[0] == "«") or (bare.isdigit() and not rest[0].isupper())
    ):
        return "", text
    return text[: match.end()], rest


def marker_label(marker: str) -> str:
    """The label of a marker: "- a) " → "a", "1. " → "1"."""
    return re.sub(r"[^\w]", "", marker).lower()


def tokens_and_keys(text: str, markers: MarkerMode) -> tuple[list[str], list[str]]:
    marker, rest = strip_marker(text) if markers != "none" else ("", text)
    tokens = tokenise(rest)
    keys = [token_key(t) for t in tokens]
    if marker:
        tokens.insert(0, marker)
        label = "" if markers == "ignore" else marker_label(marker)
        keys.insert(0, _MARKER_KEY_PREFIX + label)
    return tokens, keys
