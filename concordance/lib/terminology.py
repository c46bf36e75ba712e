"""Curated glossary of equivalent terms across instruments, and diff classification.

Glossary file (``fixtures/glossary.json``)::

    {"entries": [
        {"id": "computer-system",
         "concept": "système informatique (définition)",
         "terms": {"un": ["système d'information et de communication", ...],
                   "budapest": ["système informatique", "systèmes informatiques"],
                   "budapest-p1": [...]},
         "note": "UN art. 2 a) ; Budapest art. 1 a)",
         "case_sensitive": false},          # optional, default false
        ...]}

Instrument slugs are ``un``, ``budapest`` and ``budapest-p1``; an entry
without ``budapest-p1`` terms lends its ``budapest`` terms to the Protocol,
whose text uses the Convention's vocabulary.  Inflected forms (singular,
plural) are listed explicitly: no stemming happens in code, so a glossary
match is always a form a person wrote down.

Matching is case-insensitive unless the entry says ``case_sensitive`` (the
contracting "Partie" is not "tout ou partie"), tolerant of ``'``/``’`` and of
whitespace runs, and accent-insensitive only for the initial of "Etat"/"État"
(the Council of Europe translation does not accent capitals).  At each
position the longest form wins and matches do not overlap.

Classification
--------------
``Glossary.classify`` works at phrase level, because the diff of
"système informatique" against "système d'information et de communication"
is ``equal "système"`` + ``replace`` -- no single segment holds the whole
term.  Each token is given a *column*: the equal segments pair tokens one to
one, a changed segment is one column per side.  Glossary occurrences are
found on each full side; a left and a right occurrence of the same entry are
paired (in order, greedily) when their columns meet and at least one of them
touches a change.  Each changed segment is then cut into pieces: the tokens
covered by a pair become a ``terminology`` piece, the rest is re-diffed
without cleanup so that words the two sides still share come back as
``equal`` and only the real differences are ``substantive``.  Two refinements:
a changed determiner right before a terminology piece ("l'État partie requis"
vs "la Partie requise") is agreement, so terminology too; and a substantive
replace for which ``same_quantity(left, right)`` is true (e.g.
"quatre-vingt-dix" vs "90") is terminology with entry id ``"quantity"``;
a leftover replace whose two sides are themselves equivalent forms (e.g.
"États" vs "Etats" left over when one side's longest match was "États
parties") is terminology of that entry.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from concordance.lib.diffing import Op, Segment, diff, token_key, tokenise

Kind = Literal["equal", "terminology", "substantive", "form"]
INSTRUMENTS: tuple[str, ...] = ("un", "budapest", "budapest-p1")
QUANTITY_ENTRY = "quantity"
_FALLBACK = {"budapest-p1": "budapest"}

# Determiners and contracted articles whose form follows the noun's gender
# and number: "la Partie requise" / "l'État partie requis".
_DETERMINERS = frozenset(
    "le la les l' un une des du de d' au aux à ce cet cette ces son sa ses leur leurs "
    "ledit ladite lesdits lesdites dudit desdits desdites".split()
)


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    id: str
    concept: str
    terms: Mapping[str, tuple[str, ...]]
    note: str = ""
    case_sensitive: bool = False

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


@dataclass
class Glossary:
    entries: tuple[GlossaryEntry, ...]
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
            self._by_id[entry.id] = entry
        owner: dict[str, str] = {}
        for entry in self.entries:
            for form in entry.forms():
                key = normalise_term(form)
                if owner.setdefault(key, entry.id) != entry.id:
                    raise ValueError(f"form {form!r} belongs to both {owner[key]!r} and {entry.id!r}")
        self._regex_cache = {}
        self._keys = {
            entry.id: frozenset(normalise_term(f, entry.case_sensitive) for f in entry.forms())
            for entry in self.entries
        }

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, entry_id: str) -> GlossaryEntry:
        return self._by_id[entry_id]

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
        return [
            Occurrence(ids[m.lastindex - 1], m.start(), m.end(), m.group(0))  # type: ignore[operator]
            for m in pattern.finditer(text)
        ]

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
        """Entry id when phrases ``a`` and ``b`` are forms of the same entry, else None."""
        ids_b = set(self._entries_of(b))
        return next((entry_id for entry_id in self._entries_of(a) if entry_id in ids_b), None)

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
    def _search_words(cls, text: str, case_sensitive: bool = False) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), cls._search_key(m.group(), case_sensitive)) for m in re.finditer(r"\w+", text)]

    def _search_forms(self) -> list[tuple[int, GlossaryEntry, tuple[str, ...], str]]:
        """``(number of words, entry, word keys, form)`` of every form, most words first."""
        cached = getattr(self, "_search_forms_cache", None)
        if cached is None:
            cached = []
            for entry in self.entries:
                for form in entry.forms():
                    keys = tuple(k for _, _, k in self._search_words(form, entry.case_sensitive))
                    if keys:
                        cached.append((len(keys), entry, keys, form))
            cached.sort(key=lambda item: -item[0])
            object.__setattr__(self, "_search_forms_cache", cached)
        return cached

    def expansion_spans(self, query: str) -> list[tuple[int, int, list[str]]]:
        """``(start, end, equivalent forms)`` of each glossary term in ``query``.

        Terms are matched word by word on unaccented, case-folded keys
        without plural mark (case kept for case-sensitive entries such as
        "Partie"), the longest term first at each word, without overlap.
        Forms of the other instruments come first, then the remaining
        inflections; forms with the same key as the words typed are left out.
        """
        words = {cs: self._search_words(query, cs) for cs in (False, True)}
        taken = [False] * len(words[False])
        found: list[tuple[int, int, list[str]]] = []
        for at in range(len(taken)):
            if taken[at]:
                continue
            for size, entry, keys, _form in self._search_forms():
                typed = words[entry.case_sensitive][at : at + size]
                if len(typed) != size or any(taken[at : at + size]) or tuple(k for _, _, k in typed) != keys:
                    continue
                taken[at : at + size] = [True] * size
                own = keys
                mine = {
                    inst
                    for inst, forms in entry.terms.items()
                    if any(tuple(k for _, _, k in self._search_words(f, entry.case_sensitive)) == own for f in forms)
                }
                ordered = [f for inst, forms in entry.terms.items() if inst not in mine for f in forms]
                ordered += [f for inst, forms in entry.terms.items() if inst in mine for f in forms]
                seen = {own}
                others: list[str] = []
                for form in ordered:
                    key = tuple(k for _, _, k in self._search_words(form, entry.case_sensitive))
                    if key not in seen:
                        seen.add(key)
                        others.append(form)
                if others:
                    found.append((typed[0][0], typed[-1][1], others))
                break
        return found

    def expansions(self, query: str) -> list[tuple[str, list[str]]]:
        """For each glossary term in ``query``: ``(term as written, equivalent forms)``.

        See ``expansion_spans`` for how terms are matched.
        """
        return [(query[start:end], others) for start, end, others in self.expansion_spans(query)]

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
        See the module docstring for the method.
        """
        sides = [_Side.build(segments, "left"), _Side.build(segments, "right")]
        occs = [
            self.find(sides[0].text, left_instrument),
            self.find(sides[1].text, right_instrument),
        ]
        pairs = _pair_occurrences(sides, occs)
        out: list[ClassifiedSegment] = []
        for k, seg in enumerate(segments):
            if seg.op == "equal":
                out.append(ClassifiedSegment("equal", seg.left, seg.right, "equal"))
                continue
            out.extend(_split_change(self, k, sides, pairs, same_quantity))
        return _merge_classified(_absorb_determiners(_merge_classified(out)))


# --------------------------------------------------------------------------
# classification machinery
# --------------------------------------------------------------------------


@dataclass
class _Side:
    text: str
    tokens: list[tuple[int, int]]          # absolute char span of each token (with its whitespace)
    columns: list[tuple]                    # alignment column of each token
    seg_tokens: list[tuple[int, int]]       # token index range of each segment
    starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, segments: Sequence[Segment], side: str) -> _Side:
        tokens: list[tuple[int, int]] = []
        columns: list[tuple] = []
        seg_tokens: list[tuple[int, int]] = []
        pos = 0
        for k, seg in enumerate(segments):
            text = getattr(seg, side)
            toks = tokenise(text)
            first = len(tokens)
            for t, tok in enumerate(toks):
                tokens.append((pos, pos + len(tok)))
                pos += len(tok)
                # Equal segments pair tokens one to one; counting from the end keeps that
                # true even when a list marker is one token on one side and two on the other.
                columns.append(("e", k, len(toks) - t) if seg.op == "equal" else ("c", k))
            seg_tokens.append((first, len(tokens)))
        text = "".join(getattr(s, side) for s in segments)
        return cls(text, tokens, columns, seg_tokens, [s for s, _ in tokens])

    def covered(self, occ: Occurrence) -> range:
        """Indices of the tokens overlapping ``occ``."""
        first = max(bisect_right(self.starts, occ.start) - 1, 0)
        stop = bisect_left(self.starts, occ.end)
        return range(first, max(stop, first))


def _pair_occurrences(sides: list[_Side], occs: list[list[Occurrence]]) -> list[tuple[Occurrence, Occurrence]]:
    left, right = sides
    lcov = [left.covered(o) for o in occs[0]]
    rcov = [right.covered(o) for o in occs[1]]
    lcols = [{left.columns[i] for i in cov} for cov in lcov]
    rcols = [{right.columns[i] for i in cov} for cov in rcov]
    pairs: list[tuple[Occurrence, Occurrence]] = []
    next_r = 0
    for li, lo in enumerate(occs[0]):
        l_touches = any(c[0] == "c" for c in lcols[li])
        for ri in range(next_r, len(occs[1])):
            ro = occs[1][ri]
            if ro.entry_id != lo.entry_id or not (lcols[li] & rcols[ri]):
                continue
            if not (l_touches or any(c[0] == "c" for c in rcols[ri])):
                continue
            pairs.append((lo, ro))
            next_r = ri + 1
            break
    return pairs


def _covered_in_segment(side: _Side, occ: Occurrence, k: int) -> tuple[int, int]:
    """Token range of segment ``k`` covered by ``occ``; empty range before/after when outside."""
    first, last = side.seg_tokens[k]
    cov = side.covered(occ)
    lo, hi = max(cov.start, first), min(cov.stop, last)
    if lo < hi:
        return lo, hi
    return (first, first) if cov.stop <= first else (last, last)


def _rediff(
    glossary: Glossary, lt: str, rt: str, same_quantity: Callable[[str, str], bool] | None
) -> list[ClassifiedSegment]:
    pieces: list[ClassifiedSegment] = []
    for seg in diff(lt, rt, markers="none", cleanup=False):
        if seg.op == "equal":
            pieces.append(ClassifiedSegment("equal", seg.left, seg.right, "equal"))
        elif seg.op == "replace" and (entry_id := glossary.equivalent(seg.left.strip(), seg.right.strip())):
            # Pairs the phrase matcher could not make, e.g. "États" vs "Etats" when the
            # longest match on one side was "États parties" (another entry).
            pieces.append(ClassifiedSegment(seg.op, seg.left, seg.right, "terminology", entry_id))
        elif (
            same_quantity is not None
            and seg.op == "replace"
            and same_quantity(seg.left.strip(), seg.right.strip())
        ):
            pieces.append(ClassifiedSegment(seg.op, seg.left, seg.right, "terminology", QUANTITY_ENTRY))
        else:
            pieces.append(ClassifiedSegment(seg.op, seg.left, seg.right, "substantive"))
    return pieces


def _only_determiners(text: str) -> bool:
    keys = [token_key(t).casefold() for t in tokenise(text)]
    return all(k in _DETERMINERS for k in keys)


def _split_change(
    glossary: Glossary,
    k: int,
    sides: list[_Side],
    pairs: list[tuple[Occurrence, Occurrence]],
    same_quantity: Callable[[str, str], bool] | None,
) -> list[ClassifiedSegment]:
    left, right = sides
    (l0, l1), (r0, r1) = left.seg_tokens[k], right.seg_tokens[k]

    def ltext(a: int, b: int) -> str:
        return left.text[left.tokens[a][0] : left.tokens[b - 1][1]] if a < b else ""

    def rtext(a: int, b: int) -> str:
        return right.text[right.tokens[a][0] : right.tokens[b - 1][1]] if a < b else ""

    pieces: list[ClassifiedSegment] = []
    cl, cr = l0, r0
    for lo, ro in pairs:
        la, lb = _covered_in_segment(left, lo, k)
        ra, rb = _covered_in_segment(right, ro, k)
        if la == lb and ra == rb:
            continue  # this pair lies in other segments
        la, lb, ra, rb = max(la, cl), max(lb, cl), max(ra, cr), max(rb, cr)
        gap_l, gap_r = ltext(cl, la), rtext(cr, ra)
        term_l, term_r = ltext(la, lb), rtext(ra, rb)
        if (gap_l or gap_r) and _only_determiners(gap_l) and _only_determiners(gap_r):
            term_l, term_r, gap_l, gap_r = gap_l + term_l, gap_r + term_r, "", ""
        if gap_l or gap_r:
            pieces.extend(_rediff(glossary, gap_l, gap_r, same_quantity))
        if term_l or term_r:
            if [token_key(t) for t in tokenise(term_l)] == [token_key(t) for t in tokenise(term_r)]:
                pieces.append(ClassifiedSegment("equal", term_l, term_r, "equal"))
            else:
                op: Op = "replace" if term_l and term_r else ("delete" if term_l else "insert")
                pieces.append(ClassifiedSegment(op, term_l, term_r, "terminology", lo.entry_id))
        cl, cr = lb, rb
    tail_l, tail_r = ltext(cl, l1), rtext(cr, r1)
    if tail_l or tail_r:
        pieces.extend(_rediff(glossary, tail_l, tail_r, same_quantity))
    return pieces


def _absorb_determiners(pieces: list[ClassifiedSegment]) -> list[ClassifiedSegment]:
    """A changed determiner right before a terminology piece agrees with the new term.

    "la personne détentrice" / "le gardien", "l'État partie" / "la Partie":
    the diff may leave "la"/"le" as a segment of its own; it belongs to the swap.
    """
    out = list(pieces)
    for k in range(len(out) - 1):
        piece, following = out[k], out[k + 1]
        if (
            piece.kind == "substantive"
            and following.kind == "terminology"
            and _only_determiners(piece.left)
            and _only_determiners(piece.right)
        ):
            lt, rt = piece.left + following.left, piece.right + following.right
            op: Op = "replace" if lt and rt else ("delete" if lt else "insert")
            out[k] = ClassifiedSegment(op, "", "", "equal")
            out[k + 1] = ClassifiedSegment(op, lt, rt, "terminology", following.entry_id)
    return out


def _merge_classified(pieces: Iterable[ClassifiedSegment]) -> list[ClassifiedSegment]:
    merged: list[ClassifiedSegment] = []
    for piece in pieces:
        if not piece.left and not piece.right:
            continue
        if merged and (merged[-1].kind, merged[-1].entry_id) == (piece.kind, piece.entry_id):
            prev = merged.pop()
            lt, rt = prev.left + piece.left, prev.right + piece.right
            op: Op = "equal" if piece.kind == "equal" else ("replace" if lt and rt else ("delete" if lt else "insert"))
            piece = ClassifiedSegment(op, lt, rt, piece.kind, piece.entry_id)
        merged.append(piece)
    return merged


# --------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------


def parse_glossary(data: Mapping[str, object]) -> Glossary:
    entries: list[GlossaryEntry] = []
    for raw in data["entries"]:  # type: ignore[union-attr]
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
            )
        )
    return Glossary(tuple(entries))


def load_glossary(path: str | Path) -> Glossary:
    """Read a glossary JSON file (format in the module docstring)."""
    with open(path, encoding="utf-8") as fh:
        return parse_glossary(json.load(fh))
