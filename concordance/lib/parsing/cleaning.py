"""Turning a source file into clean lines: markup and layout debris out, words in.

Only characters that are provably not text are removed: markdown emphasis
marks (``*``, ``**``, ``***``), link syntax (``[74/247](#)`` → ``74/247``),
superscript syntax (``1^{er}`` → ``1er``, ``55^e`` → ``55e``), footnote call
marks (``Convention¹`` → ``Convention``: the mark is layout, a pointer to
the note and no word of the text; where it sat is kept on the Footnote so
that a page shows it again as a link) and runs of
white space, no-break spaces included (one space). Whole lines are blanked
when they are footnotes (kept as Footnote), page numbers standing alone, or
a source's running heads. Every word is kept as printed, typos and OCR
debris included ("2le Conférence", "articles 14 et 1 5").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tree import Footnote

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_BRACED_SUPERSCRIPT = re.compile(r"\^\{([^}\n]*)\}")
_BARE_SUPERSCRIPT = re.compile(r"\^([A-Za-z0-9]+)")
_EMPHASIS = re.compile(r"\*+")
_FOOTNOTE_CALL = re.compile(rf"(?<=\S)([{SUPERSCRIPT_DIGITS}]+)")
_FOOTNOTE_LINE = re.compile(rf"^\s*([{SUPERSCRIPT_DIGITS}]+)\s+(\S.*)$")
_SPACES = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(r"^(?:[-–] ?)?\d{1,3}(?: ?[-–])?$")
# Text ending with a letter or a digit (no punctuation) stops mid-sentence:
# cut by a page break, a footnote or a wrapped line.
_OPEN_END = re.compile(r"[\w’']$")


@dataclass
class Line:
    """One line of the source, cleaned; ``text`` is empty for a blank line."""

    no: int  # 1-based
    text: str  # spaces squeezed
    indent: int
    calls: list[str] = field(default_factory=list)  # footnote call marks
    # The text with its inner spacing as printed: in the bill, "1  a   Chaque"
    # (two spaces after a label) is what tells a list marker from a word.
    spaced: str = ""
    # Where each call mark sat in ``text`` (the offset of the character the
    # mark was printed before), so that a page can put the call back.
    call_offsets: list[int] = field(default_factory=list)


def strip_markup(raw: str) -> str:
    text = _LINK.sub(r"\1", raw)
    text = _BRACED_SUPERSCRIPT.sub(r"\1", text)
    text = _BARE_SUPERSCRIPT.sub(r"\1", text)
    return _EMPHASIS.sub("", text)


def squeeze(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def is_open(text: str) -> bool:
    """True when ``text`` stops mid-sentence (no closing punctuation)."""
    return bool(_OPEN_END.search(text.rstrip()))


def split_lines(source: str, debris: tuple[re.Pattern[str], ...] = ()) -> tuple[list[Line], list[Footnote]]:
    """Clean every line; footnote lines and ``debris`` lines become blank.

    ``debris`` patterns are matched against the raw line (running heads,
    navigation links of a web page).

    Blanking (rather than dropping) keeps list positions equal to line numbers
    and lets a sentence cut by a footnote be rejoined like any page break.
    """
    lines: list[Line] = []
    footnotes: list[Footnote] = []
    for no, raw in enumerate(source.splitlines(), start=1):
        stripped = strip_markup(raw)
        footnote = _FOOTNOTE_LINE.match(stripped)
        if footnote:
            footnotes.append(Footnote(footnote.group(1), squeeze(footnote.group(2)), no))
            lines.append(Line(no, "", 0))
            continue
        if any(pattern.search(raw) for pattern in debris):
            lines.append(Line(no, "", 0))
            continue
        calls = _FOOTNOTE_CALL.findall(stripped)
        offsets = [
            len(squeeze(_FOOTNOTE_CALL.sub("", stripped[: found.start()])))
            for found in _FOOTNOTE_CALL.finditer(stripped)
        ]
        stripped = _FOOTNOTE_CALL.sub("", stripped)
        # The bill indents with no-break spaces: any white space counts.
        indent = len(stripped) - len(stripped.lstrip())
        lines.append(Line(no, squeeze(stripped), indent, calls, stripped.strip(), offsets))
    _blank_page_numbers(lines)
    return lines, footnotes


def _blank_page_numbers(lines: list[Line]) -> None:
    """A number alone between blank lines ("12", "- 12 -") is a page number.

    A list label alone on its line ("3.", "    d") is followed by its text, so
    it is never taken for one."""
    for index, line in enumerate(lines):
        before = lines[index - 1].text if index > 0 else ""
        after = lines[index + 1].text if index + 1 < len(lines) else ""
        if _PAGE_NUMBER.match(line.text) and not before and not after:
            lines[index] = Line(line.no, "", 0)


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text:
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def paragraphs(lines: list[Line]) -> list[tuple[int, str, list[tuple[str, int]]]]:
    """Prose paragraphs as (first line, text, footnote calls).

    A line is a paragraph of its own unless the text before it stops
    mid-sentence: then it continues that text across the line or page break.
    Each call is (mark, offset in the paragraph's text).
    """
    out: list[tuple[int, str, list[tuple[str, int]]]] = []
    for line in lines:
        if not line.text:
            continue
        if out and is_open(out[-1][1]):
            no, text, calls = out[-1]
            shift = len(text) + 1
            out[-1] = (no, f"{text} {line.text}", calls + line_calls(line, shift))
        else:
            out.append((line.no, line.text, line_calls(line)))
    return out


def line_calls(line: Line, shift: int = 0) -> list[tuple[str, int]]:
    """The line's calls as (mark, offset), offsets moved by ``shift``."""
    return [(mark, offset + shift) for mark, offset in zip(line.calls, line.call_offsets, strict=True)]


def take_footnotes(
    calls: list[tuple[str, int]], pool: list[Footnote], part: str = "", paragraph: int = 0
) -> list[Footnote]:
    """Remove from ``pool`` and return the footnotes these calls refer to,
    each told where its call sat (``part``, ``paragraph``, the offset)."""
    taken = []
    for mark, offset in calls:
        for note in pool:
            if note.marker == mark:
                note.part, note.paragraph, note.offset = part, paragraph, offset
                taken.append(note)
                pool.remove(note)
                break
    return taken
