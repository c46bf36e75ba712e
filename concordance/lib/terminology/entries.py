"""What the glossary is made of: its entries, their forms, and the labelled
pieces of text (``Occurrence``, ``ClassifiedSegment``) it finds and classifies."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from concordance.lib.diffing import Op

# "near" is a swap of near-equivalent terms (same role, a different scope):
# a change, shown with the glossary's reason and never hidden as terminology.
# "reference" is a pair of cross-reference numbers that name corresponding
# articles ("article 25" / "article 16"): correspondence, not substance; the
# comparison marks it after classification (``comparison.mark_references``).
# "form" is list-item formatting (a capital first word, an item's closing ";"):
# the comparison marks it after classification (``comparison.mark_form``).
Kind = Literal["equal", "terminology", "near", "reference", "substantive", "form"]
# What a glossary entry says of its terms: the same notion under another name
# ("equivalent"), the same role with a different scope ("near"), or not
# equivalent at all, recorded so that the page can say why ("distinct").
TermClass = Literal["equivalent", "near", "distinct"]
TERM_CLASSES: tuple[TermClass, ...] = ("equivalent", "near", "distinct")
INSTRUMENTS: tuple[str, ...] = ("un", "budapest", "budapest-p1")
QUANTITY_ENTRY = "quantity"
_FALLBACK = {"budapest-p1": "budapest"}


@dataclass(frozen=True, slots=True)
class EnglishWording:
    """An instrument's English terms for a notion, as the glossary records them."""

    instrument: str
    forms: tuple[str, ...]
    verified: bool


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    id: str
    concept: str
    terms: Mapping[str, tuple[str, ...]]
    note: str = ""
    case_sensitive: bool = False
    term_class: TermClass = "equivalent"
    why: str = ""

    # The terms of the instruments' official English texts, per instrument:
    # an English query is answered through them (search only; the texts
    # compared are French).
    english: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # The instruments whose English terms above have not been checked against
    # the official English text (``english_check`` … ``"verified": false``):
    # still searched, but never shown as the official wording without saying so.
    english_unverified: frozenset[str] = frozenset()

    def english_wording(self) -> tuple[EnglishWording, ...]:
        """Each instrument's English terms, in the glossary's order, and whether they were checked."""
        return tuple(
            EnglishWording(instrument, forms, instrument not in self.english_unverified)
            for instrument, forms in self.english.items()
            if forms
        )

    def english_forms(self) -> tuple[str, ...]:
        """The English terms of every instrument, each once."""
        return tuple(dict.fromkeys(form for forms in self.english.values() for form in forms))

    @property
    def kind(self) -> Kind:
        """The kind of a diff piece that swaps this entry's terms."""
        return "near" if self.term_class == "near" else "terminology"

    def forms(self, instrument: str | None = None) -> tuple[str, ...]:
        """Forms for ``instrument`` (Protocol falls back to the Convention), or all forms."""
        if instrument is None:
            seen: dict[str, None] = {}
            for inst_forms in self.terms.values():
                seen.update(dict.fromkeys(inst_forms))
            return tuple(seen)
        if instrument in self.terms:
            return self.terms[instrument]
        return self.terms.get(_FALLBACK.get(instrument, ""), ())


@dataclass(frozen=True, slots=True)
class Occurrence:
    entry_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ClassifiedSegment:
    op: Op
    left: str
    right: str
    kind: Kind
    entry_id: str | None = None


def normalise_term(text: str, case_sensitive: bool = False) -> str:
    """Key under which two spellings of a term are the same form."""
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    text = " ".join(text.split())
    text = re.sub(r"(?<!\w)E(tats?)(?!\w)", r"É\1", text)
    text = re.sub(r"(?<!\w)e(tats?)(?!\w)", r"é\1", text)
    return text if case_sensitive else text.casefold()


def _form_pattern(form: str) -> str:
    parts: list[str] = []
    i = 0
    while i < len(form):
        ch = form[i]
        at_word_start = i == 0 or not form[i - 1].isalnum()
        if ch in "EÉeé" and at_word_start and re.match(r"tats?(?!\w)", form[i + 1 :]):
            parts.append("[EÉ]" if ch in "EÉ" else "[eé]")
        elif ch in "'’":
            parts.append("['’]")
        elif ch.isspace():
            while i + 1 < len(form) and form[i + 1].isspace():
                i += 1
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
        i += 1
    return "".join(parts)
