"""The fidelity check, shared by the parser tests and the stored-rows tests.

The debris removal is deliberately small and written independently of the
parser: dropping lines that are footnotes or running heads, deleting
markdown marks, link and superscript syntax and footnote call marks (layout,
not words), and ignoring list dashes and the punctuation of a list label
("a)" ≡ "a").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from concordance.lib.parsing import Node

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Lines that are page furniture, not text: the bill's running title and
# copyright line. (Footnote lines are recognised by their superscript mark.)
RUNNING_HEADS = ("N° 905 - Projet de loi autorisant", "© Assemblée nationale")
DASHES = {"-", "–", "—"}
# "a)", "1.", "(a)"; "2–" is a label glued to its heading's dash.
LABEL = re.compile(r"^\(?(\d{1,2}|[a-z]|[ivx]{1,4})[.)–-]$")


def unmarked(raw: str) -> str:
    text = raw.replace("*", "")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\^\{([^}]*)\}", r"\1", text).replace("^", "")
    return re.sub(f"[{SUPERSCRIPTS}]", "", text)


def normalised(words: list[str]) -> list[str]:
    out = []
    for word in words:
        if word in DASHES:
            continue
        label = LABEL.match(word)
        out.append(label.group(1) if label else word)
    return out


def source_words(raw_lines: list[str]) -> list[str]:
    words: list[str] = []
    for raw in raw_lines:
        stripped = raw.strip()
        if stripped[:1] in SUPERSCRIPTS or stripped.startswith(RUNNING_HEADS):
            continue
        words.extend(unmarked(raw).split())
    return normalised(words)


def tree_words(article: Node) -> list[str]:
    words: list[str] = []
    for node in article.walk():
        words.extend(node.num.split())
        words.extend(node.heading.split())
        words.extend(node.text.split())
    return normalised(words)


@cache
def raw_lines(filename: str) -> tuple[str, ...]:
    return tuple((SOURCES / filename).read_text(encoding="utf-8").splitlines())


def closing_line(filename: str, after: int) -> int:
    """1-based line of the first "En foi de quoi" after line ``after``."""
    lines = raw_lines(filename)
    for index in range(after, len(lines)):
        if lines[index].strip().lower().startswith("en foi de quoi"):
            return index + 1
    raise AssertionError(f"{filename}: no closing clause after line {after}")


def spans(filename: str, article_lines: list[int], heading_lines: list[int]):
    """(first line, line after the last) of each article: from its heading to
    the next article or division heading, the last one to "En foi de quoi"."""
    starts = sorted(heading_lines)
    end_of_body = closing_line(filename, max(article_lines))
    for line in article_lines:
        later = [start for start in starts if start > line] + [end_of_body]
        yield line, min(later)


def words_mismatch(filename: str, label: str, actual: list[str], start: int, end: int) -> str | None:
    """None when ``actual`` (an article's words, its "Article" heading word
    excepted) are the source's words from line ``start`` to ``end``, else
    where they differ."""
    expected = source_words(list(raw_lines(filename)[start - 1 : end - 1]))
    assert expected[0] == "Article", f"line {start} is not an article heading"
    expected = expected[1:]
    actual = normalised(actual)
    if actual == expected:
        return None
    # The first word that differs; the texts may differ in length, hence not strict.
    at = next(
        (i for i, (a, b) in enumerate(zip(actual, expected, strict=False)) if a != b), min(len(actual), len(expected))
    )
    return (
        f"{label} (lines {start}-{end - 1}), word {at}: "
        f"tree {actual[max(0, at - 3) : at + 4]} / source {expected[max(0, at - 3) : at + 4]}"
    )
