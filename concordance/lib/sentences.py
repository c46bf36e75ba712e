"""The sentences of a provision, as character spans of its text.

The grammar, for the French texts of the treaties:

- A sentence ends at a full stop, a question mark, an exclamation mark or an
  ellipsis (with any closing quote or bracket after it), followed by
  whitespace and a word that starts with a capital letter (or an opening
  « before one, or a number that numbers the next sentence: "2. Elle").
  "au paragraphe 1. Aucune autre réserve" ends a sentence (Budapest art. 42);
  "du paragraphe 1. b" (Budapest art. 22 §2, bill edition) does not.
- Not after an abbreviation ("art.", "par.", "al.", "p. ex.", "cf.",
  "M.", "n°"…), an initial ("J. Dupont"), or a number that opens the text or
  a sentence ("1. Chaque Partie": a numbering, not a sentence).
- A semicolon never ends a sentence here: a list's items ("a) … ; b) …")
  are already units of their own (points), and a semicolon inside one
  paragraph joins clauses of the same sentence.

The spans cover the text exactly: each sentence keeps the whitespace that
follows it, so the sentences joined give the text back byte for byte.  No
character is ever dropped, added or moved.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Lower-cased, without their full stop.  "etc." is not here: in these texts
# a capital after it starts a sentence.
ABBREVIATIONS = frozenset(
    {
        "art",
        "arts",
        "par",
        "al",
        "p",
        "pp",
        "ex",
        "cf",
        "chap",
        "sect",
        "vol",
        "éd",
        "n",
        "no",
        "nos",
        "op",
        "cit",
        "ibid",
        "id",
        "s",
        "ss",
        "suiv",
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "me",
        "st",
        "ste",
    }
)

# End punctuation, closing marks, whitespace, then what starts the next sentence.
_CAPITAL = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
_END = re.compile(rf"(?:[.?!]|…)(?:\s?»|[\")\]’”])*(\s+)(?=«?\s*[{_CAPITAL}]|\d+\.\s+[{_CAPITAL}])")
# A division numbered in Roman numerals, before its number.
_DIVISION_BEFORE = re.compile(r"\b(?:chapitre|titre|section|partie|annexe|livre)\s+$", re.IGNORECASE)
# The word just before a full stop.
_WORD_BEFORE = re.compile(r"([\w°]+)\.$")


class SentenceSpan(NamedTuple):
    """A sentence at ``start``…``end`` of its provision's text, whitespace after it included."""

    start: int
    end: int


def sentence_spans(text: str) -> list[SentenceSpan]:
    """The sentences of ``text``, in order, covering it exactly (no sentence for an empty text)."""
    if not text:
        return []
    spans: list[SentenceSpan] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if not _ends_sentence(text, start, match.start(1)):
            continue
        spans.append(SentenceSpan(start, end))
        start = end
    if start < len(text):
        spans.append(SentenceSpan(start, len(text)))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings: joined, they are ``text``."""
    return [text[span.start : span.end] for span in sentence_spans(text)]


def _ends_sentence(text: str, start: int, stop: int) -> bool:
    """Whether the punctuation just before ``stop`` ends the sentence begun at ``start``."""
    before = text[start:stop].rstrip('»")]’” \u00a0\u202f')
    if not before.endswith("."):
        return True  # a question or exclamation mark, an ellipsis
    if before.endswith(".."):
        return True  # an ellipsis written as full stops
    found = _WORD_BEFORE.search(before)
    if found is None:
        return True
    word = found.group(1)
    if word.lower() in ABBREVIATIONS or "°" in word:
        return False
    if len(word) == 1 and word.isupper():
        # An initial ("J. Dupont"), unless it numbers a division ("chapitre V. Les").
        return _DIVISION_BEFORE.search(before[: found.start()]) is not None
    # A number alone at the start of the sentence numbers it ("1. Chaque Partie").
    return not (word.isdigit() and not before[: found.start()].strip())
