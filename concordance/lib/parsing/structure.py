"""The body of a treaty: chapters → sections → titles → articles.

Headings are recognised in all the printed forms of the three sources:
"Chapitre premier", "Chapitre  Ier", "Chapitre III Compétence",
"Chapitre I - Terminologie", "Section 2– Dispositions spécifiques",
"TITRE  Ier", "Titre 4 – …", "Article premier", "Article 1er",
"Article 22 Compétence", "Article 8 – Relations …". A heading's title is
what follows the number on its line, with the lines printed under it in the
same block; if the heading line has nothing after the number, the title is
the next block (UN: "Article 2", blank line, "Terminologie").

Numbers must follow each other: an article or division out of sequence, a
duplicated article or a missing chapter raises SourceError with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from concordance.lib import eids

from .cleaning import Line, split_lines
from .provisions import Layout, build_article
from .tree import Footnote, Node, SourceError

_SEPARATOR = r"(?:\s*[-–—]\s*|\s+|$)"
HEADINGS = {
    "chapter": re.compile(rf"^Chapitre\s+(?P<num>premier|[IVXL]+(?:er)?|\d+){_SEPARATOR}(?P<title>.*)$"),
    "section": re.compile(rf"^Section\s+(?P<num>\d+){_SEPARATOR}(?P<title>.*)$"),
    "title": re.compile(rf"^(?:TITRE|Titre)\s+(?P<num>[IVXL]+(?:er)?|\d+){_SEPARATOR}(?P<title>.*)$"),
    "article": re.compile(rf"^Article\s+(?P<num>premier|1er|\d+){_SEPARATOR}(?P<title>.*)$"),
}
_DEPTH = {"chapter": 0, "section": 1, "title": 2}
_EID_PREFIX = {"chapter": "chp", "section": "sec", "title": "title"}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def number_value(label: str) -> int:
    """'premier', '1er', 'Ier', 'IV', '12' → the integer."""
    if label in ("premier", "1er", "Ier"):
        return 1
    if label.isdigit():
        return int(label)
    total = 0
    for char, following in zip(label, label[1:] + " ", strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if _ROMAN_VALUES.get(following, 0) > value else value
    return total


@dataclass
class Heading:
    kind: str
    num: str
    title: str
    line: int


def read_heading(lines: list[Line], index: int) -> tuple[Heading, int] | None:
    """The heading starting at ``lines[index]`` and the index after it."""
    line = lines[index]
    found = _match_heading(line.text)
    if found is None:
        return None
    kind, match = found
    parts = [match.group("title")] if match.group("title") else []
    end = _title_lines(lines, index + 1, parts)
    if not parts:
        start = index + 1
        while start < len(lines) and not lines[start].text:
            start += 1
        end = _title_lines(lines, start, parts)
    if not parts:
        raise SourceError("", line.no, f"{line.text!r}: heading without a title")
    return Heading(kind, match.group("num"), " ".join(parts), line.no), end


def _match_heading(text: str) -> tuple[str, re.Match[str]] | None:
    for kind, pattern in HEADINGS.items():
        match = pattern.match(text)
        if match:
            return kind, match
    return None


def _title_lines(lines: list[Line], start: int, parts: list[str]) -> int:
    """Add to ``parts`` the block of lines from ``start``, up to a blank line
    or another heading; return the index after them."""
    end = start
    while end < len(lines) and lines[end].text and not _match_heading(lines[end].text):
        parts.append(lines[end].text)
        end += 1
    return end


@dataclass
class BodyParser:
    filename: str
    layout: Layout
    warnings: list[str]
    footnotes: list[Footnote]
    # A fragment may start anywhere ("Article 22 …"): then the first number
    # of each kind sets the sequence instead of 1.
    numbered_from_one: bool = True
    articles_seen: int | None = None

    def parse(self, lines: list[Line]) -> list[Node]:
        body: list[Node] = []
        open_divisions: list[Node] = []  # chapter, section, title, outermost first
        article: Node | None = None
        article_lines: list[Line] = []
        index = 0
        while index < len(lines):
            try:
                found = read_heading(lines, index)
            except SourceError as error:
                raise SourceError(self.filename, error.line, error.message) from None
            if found is None:
                if article is None and lines[index].text:
                    raise SourceError(
                        self.filename, lines[index].no, f"text where a heading is expected: {lines[index].text[:60]!r}"
                    )
                article_lines.append(lines[index])
                index += 1
                continue
            heading, index = found
            self._close_article(article, article_lines)
            article_lines = []
            if heading.kind == "article":
                article = self._article(heading, body, open_divisions)
            else:
                article = None
                self._division(heading, body, open_divisions)
        self._close_article(article, article_lines)
        return body

    def _close_article(self, article: Node | None, lines: list[Line]) -> None:
        if article is None:
            return
        build_article(
            article,
            lines,
            filename=self.filename,
            layout=self.layout,
            warnings=self.warnings,
            footnotes=self.footnotes,
        )

    def _article(self, heading: Heading, body: list[Node], open_divisions: list[Node]) -> Node:
        number = number_value(heading.num)
        previous = self.articles_seen
        if previous is None:
            previous = 0 if self.numbered_from_one else number - 1
        if number != previous + 1:
            problem = "duplicated" if number <= previous else "out of sequence"
            raise SourceError(
                self.filename, heading.line, f"article {heading.num} {problem} (expected article {previous + 1})"
            )
        node = Node(kind="article", eid=f"art_{number}", num=heading.num, heading=heading.title, line=heading.line)
        (open_divisions[-1].children if open_divisions else body).append(node)
        self.articles_seen = number
        return node

    def _division(self, heading: Heading, body: list[Node], open_divisions: list[Node]) -> None:
        depth = _DEPTH[heading.kind]
        if heading.kind != "chapter" and not open_divisions:
            raise SourceError(
                self.filename, heading.line, f"{heading.kind} {heading.num} outside any enclosing division"
            )
        # A title may sit directly in a chapter that has no sections.
        while open_divisions and _DEPTH[open_divisions[-1].kind] >= depth:
            open_divisions.pop()
        parent = open_divisions[-1] if open_divisions else None
        siblings = parent.children if parent else body
        previous = [node for node in siblings if node.kind == heading.kind]
        number = number_value(heading.num)
        first = 1 if self.numbered_from_one else number
        expected = number_value(previous[-1].num) + 1 if previous else first
        if number != expected:
            raise SourceError(
                self.filename,
                heading.line,
                f"{heading.kind} {heading.num} out of sequence (expected {heading.kind} {expected})",
            )
        node = Node(
            kind=heading.kind,
            eid=eids.child(parent.eid if parent else "", _EID_PREFIX[heading.kind], number),
            num=heading.num,
            heading=heading.title,
            line=heading.line,
        )
        siblings.append(node)
        open_divisions.append(node)


# The layout of a fragment that says nothing of its lists (frozen, so one instance serves every call).
_PLAIN_LAYOUT = Layout()


def parse_body(
    text: str, filename: str = "<fragment>", *, layout: Layout = _PLAIN_LAYOUT
) -> tuple[list[Node], list[str]]:
    """Parse a fragment made only of headings and articles (tests, tools).

    Numbering may start anywhere. Returns the top-level nodes and the warnings."""
    lines, footnotes = split_lines(text)
    warnings: list[str] = []
    parser = BodyParser(filename, layout, warnings, footnotes, numbered_from_one=False)
    return parser.parse(lines), warnings
