"""Finding interface text a template shows without marking it for translation.

Each template is read with Django's own lexer. Text inside
``{% translate %}`` / ``{% blocktranslate %}`` and comments is left out,
every other tag and variable becomes a placeholder, and the HTML that
remains is parsed: text between tags and the attributes a reader is shown
or told (title, aria-label, placeholder, alt…) must hold no letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

# Attributes whose value is read to the user (shown on hover, spoken, or shown in a field).
SPOKEN_ATTRIBUTES = {"title", "aria-label", "aria-description", "placeholder", "alt", "label", "summary"}
# The only words left as they are, with why.
ALLOWED = {
    "Concordance": "the site's name, the same in both languages (the brand link)",
    "JSON": "a file format's name",
    "PDF": "a file format's name",
    "CSV": "a file format's name",
    "XLSX": "a file format's name",
}
ALLOWED_WORDS = re.compile(r"\b(?:" + "|".join(map(re.escape, ALLOWED)) + r")\b")
PLACEHOLDER = "\x00"
ATTRIBUTES_ONLY = re.compile(r'^\s*(?:[\w-]+="[^"]*"\s*)+$')
LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Unmarked:
    template: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.template}:{self.line}: {self.text!r}"


def visible_source(source: str) -> str:
    """The template with marked and commented text dropped and every other tag a placeholder.

    Newlines are kept, so that line numbers still point into the template."""
    out: list[str] = []
    skipping: str | None = None
    for token in Lexer(source).tokenize():
        raw = token.contents
        if token.token_type == TokenType.BLOCK:
            name = raw.split()[0] if raw.split() else ""
            if skipping:
                if name == skipping:
                    skipping = None
                out.append(PLACEHOLDER)
                continue
            if name in ("blocktranslate", "blocktrans"):
                skipping = "endblocktranslate" if name == "blocktranslate" else "endblocktrans"
            elif name == "comment":
                skipping = "endcomment"
            # A space: a block tag may sit inside an HTML tag (<li{% if … %} class="…"{% endif %}>).
            out.append(" ")
        elif token.token_type == TokenType.TEXT and not skipping:
            out.append(raw)
        elif out and out[-1].endswith(("<", "</")):
            out.append("x")  # a tag named by a variable: <{{ heading_tag }}>
        else:
            out.append(PLACEHOLDER)
        # Keep the line count of what was dropped.
        if token.token_type != TokenType.TEXT or skipping:
            out.append("\n" * raw.count("\n"))
    return "".join(out)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._raw_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._raw_text += 1
        for name, value in attrs:
            if name in SPOKEN_ATTRIBUTES and value:
                self._check(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._raw_text = max(0, self._raw_text - 1)

    def handle_data(self, data: str) -> None:
        if not self._raw_text:
            self._check(data)

    def _check(self, text: str) -> None:
        for piece in text.split(PLACEHOLDER):
            words = " ".join(piece.split())
            if ATTRIBUTES_ONLY.match(words):
                continue  # attributes a block adds to a tag of its parent template ({% block body_class %})
            if LETTER.search(ALLOWED_WORDS.sub("", words)):
                self.found.append((self.getpos()[0], words))


def unmarked_strings(path: Path, root: Path) -> list[Unmarked]:
    finder = _Finder()
    finder.feed(visible_source(path.read_text()))
    finder.close()
    return [Unmarked(str(path.relative_to(root)), line, text) for line, text in finder.found]
