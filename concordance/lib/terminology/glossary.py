"""The glossary: finding its terms in a text or a search query, classifying a
diff, and reading it from its JSON file (format in the package docstring)."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import NotRequired, TypedDict

from concordance.lib.diffing import Segment
from concordance.lib.terminology.classification import classify_segments
from concordance.lib.terminology.entries import (
    INSTRUMENTS,
    QUANTITY_ENTRY,
    TERM_CLASSES,
    ClassifiedSegment,
    GlossaryEntry,
    Occurrence,
    TermClass,
    _form_pattern,
    normalise_term,
)


def _entry_of(match: re.Match[str], ids: list[str]) -> str:
    """The entry whose form ``match`` found: each form is one group of the pattern, in ``ids``' order."""
    assert match.lastindex is not None, "every alternative of the pattern is a group"
    return ids[match.lastindex - 1]


# A word of a search query or of a glossary form: (start, end, search key).
SearchWord = tuple[int, int, str]


@dataclass(frozen=True)
class SearchTerm:
    """A glossary term found in a search query, and the forms to search for it as well."""

    start: int
    end: int
    forms: tuple[str, ...]
    english: bool  # typed in English: ``forms`` are the French terms searched for it
    entry_id: str


@dataclass
class Glossary:
    entries: tuple[GlossaryEntry, ...]
    # English search keywords that are no glossary entry (a provision's
    # English title, a theme): their French ``terms`` are searched when
    # one of their ``english`` terms is typed, and are never expanded
    # themselves, since they are no curated equivalence.
    keywords: tuple[GlossaryEntry, ...] = ()
    _by_id: dict[str, GlossaryEntry] = field(init=False, repr=False)
    _regex_cache: dict[str | None, tuple[re.Pattern[str], list[str]]] = field(init=False, repr=False)
    _keys: dict[str, frozenset[str]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {}
        for entry in self.entries:
            if entry.id in self._by_id:
                raise ValueError(f"duplicate glossary id {entry.id!r}")
            if entry.id == QUANTITY_ENTRY:
                raise ValueError(f"glossary id {QUANTITY_ENTRY!r} is reserved for number spelling")
            unknown = set(entry.terms) - set(INSTRUMENTS)
            if unknown:
                raise ValueError(f"entry {entry.id!r}: unknown instruments {sorted(unknown)}")
            if entry.term_class not in TERM_CLASSES:
                raise ValueError(f"entry {entry.id!r}: class {entry.term_class!r} is not one of {list(TERM_CLASSES)}")
            if entry.term_class != "equivalent" and not entry.why.strip():
                raise ValueError(f"entry {entry.id!r}: a {entry.term_class!r} entry must say why")
            self._by_id[entry.id] = entry
        owner: dict[str, str] = {}
        for entry in self.entries:
            for form in entry.forms():
                key = normalise_term(form)
                if owner.setdefault(key, entry.id) != entry.id:
                    raise ValueError(f"form {form!r} belongs to both {owner[key]!r} and {entry.id!r}")
        english_owner: dict[str, str] = {}
        for entry in (*self.entries, *self.keywords):
            for form in entry.english_forms():
                key = normalise_term(form)
                if english_owner.setdefault(key, entry.id) != entry.id:
                    raise ValueError(f"English term {form!r} belongs to both {english_owner[key]!r} and {entry.id!r}")
        self._regex_cache = {}
        self._keys = {
            entry.id: frozenset(normalise_term(f, entry.case_sensitive) for f in entry.forms())
            for entry in self.entries
        }

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, entry_id: str) -> GlossaryEntry:
        return self._by_id[entry_id]

    def pairable(self, entry_id: str) -> bool:
        """Whether a swap of this entry's terms is terminology or near-equivalence (not a distinct entry)."""
        return self._by_id[entry_id].term_class != "distinct"

    # -- matching ---------------------------------------------------------

    def _regex(self, instrument: str | None) -> tuple[re.Pattern[str], list[str]]:
        if instrument not in self._regex_cache:
            alternatives: list[tuple[int, str, str]] = []
            for entry in self.entries:
                for form in entry.forms(instrument):
                    flag = "" if entry.case_sensitive else "(?i:"
                    body = _form_pattern(form)
                    alternatives.append((len(form), entry.id, f"{flag}{body})" if flag else body))
            # Longest first so that, at one position, "État partie requis" beats "État partie".
            alternatives.sort(key=lambda alt: -alt[0])
            ids = [entry_id for _, entry_id, _ in alternatives]
            if alternatives:
                body = "|".join(f"({pattern})" for _, _, pattern in alternatives)
                pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
            else:
                pattern = re.compile(r"(?!)")
            self._regex_cache[instrument] = (pattern, ids)
        return self._regex_cache[instrument]

    def find(self, text: str, instrument: str | None = None) -> list[Occurrence]:
        """Non-overlapping glossary matches in ``text`` (``instrument``'s forms only if given)."""
        pattern, ids = self._regex(instrument)
        return [Occurrence(_entry_of(m, ids), m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]

    def occurrences(self, text: str, instrument: str | None = None) -> list[tuple[str, int, int]]:
        """``(entry_id, start, end)`` of each glossary term in ``text``."""
        return [(o.entry_id, o.start, o.end) for o in self.find(text, instrument)]

    def _entries_of(self, phrase: str) -> list[str]:
        keys = {cs: normalise_term(phrase, cs) for cs in (False, True)}
        return [entry.id for entry in self.entries if keys[entry.case_sensitive] in self._keys[entry.id]]

    def entry_id_of(self, phrase: str) -> str | None:
        """Entry id when ``phrase`` is exactly one of the glossary's forms, else None."""
        return next(iter(self._entries_of(phrase)), None)

    def equivalent(self, a: str, b: str) -> str | None:
        """Entry id when phrases ``a`` and ``b`` are forms of the same entry, not a distinct one, else None."""
        ids_b = set(self._entries_of(b))
        return next((e for e in self._entries_of(a) if e in ids_b and self.pairable(e)), None)

    # -- search expansion -------------------------------------------------
    # A search query is typed without care for accents, capitals or
    # number ("preservations rapides"), so glossary terms are found in it by
    # word keys rather than by the exact forms ``find`` insists on.

    @staticmethod
    def _search_key(word: str, case_sensitive: bool = False) -> str:
        """``word`` without accents, (unless case matters) case-folded, and without a final s/x/e.

        Cutting the plural mark and then a final "e" makes "rapides",
        "rapide" and "rapid" one key, and "préservées" and "préservé" one
        key, which is what a reader typing a plural or feminine expects.
        """
        decomposed = unicodedata.normalize("NFD", word)
        key = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        key = unicodedata.normalize("NFC", key)
        if not case_sensitive:
            key = key.casefold()
        for ending in ("sx", "e"):
            if len(key) > 3 and key[-1] in ending:
                key = key[:-1]
        return key

    @classmethod
    def _search_words(cls, text: str, case_sensitive: bool = False) -> list[SearchWord]:
        return [(m.start(), m.end(), cls._search_key(m.group(), case_sensitive)) for m in re.finditer(r"\w+", text)]

    def _search_forms(self) -> list[tuple[int, GlossaryEntry, tuple[str, ...], bool]]:
        """``(number of words, entry, word keys, English)`` of every searchable form, most words first.

        The French forms of the entries and the English terms of entries and
        keywords; a keyword's French terms are only searched, never looked for.
        """
        cached = getattr(self, "_search_forms_cache", None)
        if cached is None:
            cached = []
            # A distinct entry's terms are not equivalents: a search for one must not find the other.
            pairable = [entry for entry in self.entries if entry.term_class != "distinct"]
            searchable = [(entry, form, False) for entry in pairable for form in entry.forms()]
            searchable += [
                (entry, form, True) for entry in (*pairable, *self.keywords) for form in entry.english_forms()
            ]
            for entry, form, english in searchable:
                keys = tuple(k for _, _, k in self._search_words(form, entry.case_sensitive))
                if keys:
                    cached.append((len(keys), entry, keys, english))
            cached.sort(key=lambda item: -item[0])
            object.__setattr__(self, "_search_forms_cache", cached)
        return cached

    def expansion_spans(self, query: str) -> list[tuple[int, int, list[str]]]:
        """``(start, end, equivalent forms)`` of each glossary term in ``query`` (see ``search_terms``)."""
        return [(term.start, term.end, list(term.forms)) for term in self.search_terms(query)]

    def search_terms(self, query: str) -> list[SearchTerm]:
        """Each glossary term in ``query``, French or English, with the forms to search for it.

        Terms are matched word by word on unaccented, case-folded keys
        without plural mark (case kept for case-sensitive entries such as
        "Partie"), the longest term first at each word, without overlap.
        For a French term: forms of the other instruments first, then the
        remaining inflections; forms with the same key as the words typed
        are left out. For an English term: every French form of its entry (or keyword).
        """
        words = {cs: self._search_words(query, cs) for cs in (False, True)}
        taken = [False] * len(words[False])
        found: list[SearchTerm] = []
        for at in range(len(taken)):
            if taken[at]:
                continue
            term = self._search_term_at(words, taken, at)
            if term is None:
                continue
            entry, typed, english = term
            taken[at : at + len(typed)] = [True] * len(typed)
            # A form with the keys typed is searched already: "extradition" is
            # English and French alike.
            others = self._other_forms(entry, tuple(k for _, _, k in typed))
            if others:
                found.append(SearchTerm(typed[0][0], typed[-1][1], tuple(others), english, entry.id))
        return found

    def _search_term_at(
        self, words: dict[bool, list[SearchWord]], taken: list[bool], at: int
    ) -> tuple[GlossaryEntry, list[SearchWord], bool] | None:
        """The entry of the longest form whose word keys the query has from word ``at``
        on, none of them taken by a longer term, with the query's words it covers
        and whether the form is English."""
        for size, entry, keys, english in self._search_forms():
            typed = words[entry.case_sensitive][at : at + size]
            if len(typed) == size and not any(taken[at : at + size]) and tuple(k for _, _, k in typed) == keys:
                return entry, typed, english
        return None

    def _other_forms(self, entry: GlossaryEntry, typed: tuple[str, ...]) -> list[str]:
        """``entry``'s forms but the one typed (word keys ``typed``), one per key: the
        other instruments' forms first, then the remaining inflections."""

        def keys_of(form: str) -> tuple[str, ...]:
            return tuple(k for _, _, k in self._search_words(form, entry.case_sensitive))

        mine = {inst for inst, forms in entry.terms.items() if any(keys_of(f) == typed for f in forms)}
        ordered = [f for inst, forms in entry.terms.items() if inst not in mine for f in forms]
        ordered += [f for inst, forms in entry.terms.items() if inst in mine for f in forms]
        seen = {typed}
        others: list[str] = []
        for form in ordered:
            key = keys_of(form)
            if key not in seen:
                seen.add(key)
                others.append(form)
        return others

    def expansions(self, query: str) -> list[tuple[str, list[str]]]:
        """For each glossary term in ``query``: ``(term as written, equivalent forms)``.

        See ``expansion_spans`` for how terms are matched.
        """
        return [(query[start:end], others) for start, end, others in self.expansion_spans(query)]

    def closest_terms(self, query: str, limit: int = 5) -> list[str]:
        """The known terms (French or English) nearest ``query``, best first.

        Terms sharing a word with the query come first (most shared words
        first), then terms spelled closest to the whole query (difflib's
        ratio on unaccented, case-folded text, at least 0.6), for the page
        that found nothing to suggest what the glossary does know.
        """
        terms = self.known_terms()
        query_keys = {k for _, _, k in self._search_words(query)}
        shared: list[tuple[int, int, str]] = []
        for order, term in enumerate(terms):
            common = len(query_keys & {k for _, _, k in self._search_words(term)})
            if common:
                shared.append((-common, order, term))
        chosen = [term for _, _, term in sorted(shared)]
        by_key: dict[str, str] = {}
        for term in terms:
            by_key.setdefault(_folded(term), term)
        for key in difflib.get_close_matches(_folded(query), list(by_key), n=limit, cutoff=0.6):
            chosen.append(by_key[key])
        return list(dict.fromkeys(chosen))[:limit]

    def known_terms(self) -> tuple[str, ...]:
        """Every term a query can name: the French forms, then the English terms, each once."""
        french = [form for entry in self.entries for form in entry.forms()]
        english = [form for entry in (*self.entries, *self.keywords) for form in entry.english_forms()]
        return tuple(dict.fromkeys([*french, *english]))

    # -- classification ---------------------------------------------------

    def classify(
        self,
        segments: Sequence[Segment],
        *,
        left_instrument: str | None = None,
        right_instrument: str | None = None,
        same_quantity: Callable[[str, str], bool] | None = None,
    ) -> list[ClassifiedSegment]:
        """Split and label diff segments as equal / terminology / substantive.

        The result rebuilds both texts exactly (``"".join(s.left ...)``).
        See the package docstring (concordance.lib.terminology) for the method.
        """
        return classify_segments(
            self,
            segments,
            left_instrument=left_instrument,
            right_instrument=right_instrument,
            same_quantity=same_quantity,
        )


# --------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


# One entry as the glossary's JSON writes it (format in the package docstring);
# the functional form because "class" is a Python keyword.
GlossaryEntryData = TypedDict(
    "GlossaryEntryData",
    {
        "id": str,
        "concept": str,
        "terms": dict[str, list[str]],
        "note": NotRequired[str],
        "case_sensitive": NotRequired[bool],
        "class": NotRequired[str],
        "why": NotRequired[str],
        "english": NotRequired[dict[str, list[str]]],
        # Per instrument, whether its English terms were checked against the official English text:
        # {"verified": true, "source": "…"} or {"verified": false, "reason": "…"} (data for curators; search
        # uses every term).
        "english_check": NotRequired[dict[str, dict[str, object]]],
    },
)


class GlossaryData(TypedDict):
    entries: list[GlossaryEntryData]


def parse_glossary(data: GlossaryData) -> Glossary:
    entries: list[GlossaryEntry] = []
    for raw in data["entries"]:
        terms = {inst: tuple(forms) for inst, forms in raw["terms"].items()}
        if not any(terms.values()):
            raise ValueError(f"entry {raw.get('id')!r} has no terms")
        entries.append(
            GlossaryEntry(
                id=raw["id"],
                concept=raw["concept"],
                terms=terms,
                note=raw.get("note", ""),
                case_sensitive=bool(raw.get("case_sensitive", False)),
                term_class=_term_class(raw.get("class", "equivalent"), raw["id"]),
                why=raw.get("why", ""),
                english=_english_terms(raw),
                english_unverified=frozenset(
                    instrument
                    for instrument, check in raw.get("english_check", {}).items()
                    if check.get("verified") is False
                ),
            )
        )
    return Glossary(tuple(entries))


def _term_class(value: object, entry_id: str) -> TermClass:
    for term_class in TERM_CLASSES:
        if value == term_class:
            return term_class
    raise ValueError(f"entry {entry_id!r}: class {value!r} is not one of {list(TERM_CLASSES)}")


def _english_terms(raw: GlossaryEntryData) -> Mapping[str, tuple[str, ...]]:
    english = raw.get("english", {})
    unknown = set(english) - set(INSTRUMENTS)
    if unknown:
        raise ValueError(f"entry {raw.get('id')!r}: English terms of unknown instruments {sorted(unknown)}")
    return MappingProxyType({inst: tuple(forms) for inst, forms in english.items()})


def load_glossary(path: str | Path) -> Glossary:
    """Read a glossary JSON file (format in the package docstring)."""
    with open(path, encoding="utf-8") as fh:
        return parse_glossary(json.load(fh))
