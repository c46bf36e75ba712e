"""The query as typed, made into a PostgreSQL tsquery.

1. ``clean_query``: control characters (NUL among them, which psycopg
   refuses) are removed and an overlong query is cut at a word boundary.
2. ``glossary_variants``: each glossary term found in the query is replaced
   by each of its equivalents ("préservation rapide" → "conservation
   rapide"), each English term by the French terms of its entry
   ("expedited preservation" → "conservation rapide", …) and each number
   by its other spelling ("90" → "quatre-vingt-dix"), giving query
   variants that are ORed together.
3. ``compile_tsquery``: PostgreSQL parses each variant with
   ``websearch_to_tsquery`` (quoted phrases, ``-word``, ``or``); the
   lexemes are then widened by their final "e" (see ``widen_lexemes``).

The filters of the search page (``SearchFilters``) belong to the query too.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext_lazy as _

from concordance.lib.quantities.numbers import number_spellings
from concordance.lib.terminology import Glossary

CONFIG = "public.french_unaccent"
# Long enough for any sensible query, short enough that the glossary and
# the parser never chew on a pasted page.
MAX_QUERY_LENGTH = 200
# At most this many glossary variants are ORed together, and the tsquery
# they make is cut at this many characters: ranking slows down with the size
# of the query, and a pasted paragraph of glossary terms must not tie up a
# worker.
MAX_VARIANTS = 24
MAX_TSQUERY_LENGTH = 3000

# Private-use characters as headline markers: the excerpt is HTML-escaped
# first, then only these become <mark> tags, so treaty text can never
# inject markup. A query never holds them (``clean_query``).
START_MARK, STOP_MARK = "\ue000", "\ue001"

# What a result is, as the "Dans" filter offers it.
RESULT_KINDS = {
    "text": _("Texte des articles"),
    "notes": _("Notes interprétatives et résolution"),
    "commentary": _("Exposé des motifs"),
}
# The kinds of note each result kind covers.
NOTE_KINDS = {"notes": ["interpretative", "resolution", "footnote"], "commentary": ["commentary"]}


@dataclass(frozen=True)
class SearchFilters:
    instrument: str = ""
    theme: str = ""
    kind: str = ""  # a key of RESULT_KINDS, or empty for every kind
    all_editions: bool = False

    @property
    def active(self) -> bool:
        return bool(self.instrument or self.theme or self.kind or self.all_editions)


# --------------------------------------------------------------------------
# the query as typed
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanQuery:
    text: str
    truncated: bool = False
    had_control_characters: bool = False

    @property
    def has_words(self) -> bool:
        return any(ch.isalnum() for ch in self.text)


def clean_query(raw: str) -> CleanQuery:
    """The query without control or invisible characters, cut to ``MAX_QUERY_LENGTH`` at a word boundary."""
    kept: list[str] = []
    had_control = False
    for ch in raw:
        category = unicodedata.category(ch)
        if ch in "\t\n\r\v\f":
            kept.append(" ")
        elif category in ("Cc", "Cf", "Cs") or ch in (START_MARK, STOP_MARK):
            # Cf: invisible format characters (zero-width space, BOM…) that
            # would silently glue or split words.
            had_control = True
        else:
            kept.append(ch)
    text = " ".join("".join(kept).split())
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        cut = text[:MAX_QUERY_LENGTH]
        # Cut at the last space unless that would drop most of the query.
        space = cut.rfind(" ")
        text = cut[:space] if space > MAX_QUERY_LENGTH // 2 else cut
    return CleanQuery(text, truncated, had_control)


# --------------------------------------------------------------------------
# glossary equivalents
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Expansion:
    term: str
    equivalents: tuple[str, ...]
    english: bool = False  # an English term: ``equivalents`` are the French terms searched
    number: bool = False  # a number: ``equivalents`` is its other spelling
    entry_id: str = ""


# English words that join the words of a term ("preservation of stored
# data"): once the English terms around them are replaced by French ones,
# they would be ANDed with French words and find nothing.
ENGLISH_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "to", "in", "by", "with", "under", "its"})


def distinct_terms(query: str) -> str:
    """``query`` with each repeated word or quoted phrase kept once.

    Words are ANDed, so a repeated one adds nothing but work: pasted text
    repeats "Etats Parties" and each repetition would multiply the glossary
    variants. A query with ``or`` is left as typed, since there a repeated
    word can change what the query means.
    """
    tokens = re.findall(r'-?"[^"]*"?|\S+', query)
    if any(token.casefold() == "or" for token in tokens):
        return query
    seen: set[str] = set()
    kept: list[str] = []
    for token in tokens:
        key = unaccented(token).casefold()
        if key not in seen:
            seen.add(key)
            kept.append(token)
    return " ".join(kept)


def unaccented(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _expandable(query: str, start: int) -> tuple[bool, bool]:
    """``(worth expanding, inside quotes)`` for a term starting at ``start``.

    An excluded term (``-préservation``) is left alone: ORing variants of an
    exclusion would let through what the user excluded.
    """
    inside_quotes = query.count('"', 0, start) % 2 == 1
    excluded = not inside_quotes and start > 0 and query[start - 1] == "-"
    return not excluded, inside_quotes


def _expansion_spans(query: str, glossary: Glossary) -> list[tuple[int, int, bool, Expansion]]:
    """``(start, end, inside quotes, expansion)`` of each term and number worth expanding in ``query``."""
    spans: list[tuple[int, int, bool, Expansion]] = []
    for term in glossary.search_terms(query):
        worth, inside = _expandable(query, term.start)
        if worth:
            expansion = Expansion(query[term.start : term.end], term.forms, term.english, entry_id=term.entry_id)
            spans.append((term.start, term.end, inside, expansion))
    for start, end, other in number_spellings(query):
        worth, inside = _expandable(query, start)
        overlaps = any(start < s_end and s_start < end for s_start, s_end, _, _ in spans)
        if worth and not overlaps:
            spans.append((start, end, inside, Expansion(query[start:end], (other,), number=True)))
    return sorted(spans, key=lambda span: span[0])


def _without_english_function_words(variant: str) -> str:
    words = re.findall(r'-?"[^"]*"?|\S+', variant)
    return " ".join(word for word in words if word.casefold() not in ENGLISH_FUNCTION_WORDS)


def glossary_variants(query: str, glossary: Glossary) -> tuple[list[str], list[Expansion]]:
    """The query rewritten with each combination of glossary equivalents.

    The first variant is the query itself. An equivalent replacing a term
    outside quotes is quoted, so that "conservation rapide" is searched as
    the phrase the glossary records. Terms are found whatever their accents,
    capitals or number (``Glossary.search_terms``); numbers in digits or
    French words get their other spelling. A variant where an English term
    became French loses the English words that joined it to others.
    """
    by_forms: dict[tuple[str, ...], tuple[Expansion, list[tuple[int, int, bool]]]] = {}
    for start, end, inside, expansion in _expansion_spans(query, glossary):
        _, spans = by_forms.setdefault(expansion.equivalents, (expansion, []))
        spans.append((start, end, inside))
    if not by_forms:
        return [query], []
    expansions = [expansion for expansion, _ in by_forms.values()]
    options = [(spans, [expansion.term, *forms], expansion.english) for forms, (expansion, spans) in by_forms.items()]
    combinations = itertools.product(*(choices for _, choices, _ in options))
    variants = [query]
    for combination in itertools.islice(combinations, 1, MAX_VARIANTS):
        replacements = sorted(
            (start, end, inside, form)
            for (spans, _, _), form in zip(options, combination, strict=True)
            for start, end, inside in spans
        )
        variant, cursor = [], 0
        for start, end, inside, form in replacements:
            variant.append(query[cursor:start])
            variant.append(form if inside or form == query[start:end] else f'"{form}"')
            cursor = end
        variant.append(query[cursor:])
        english_replaced = any(
            english and form != choices[0] for (_, choices, english), form in zip(options, combination, strict=True)
        )
        text = "".join(variant)
        variants.append(_without_english_function_words(text) if english_replaced else text)
    return variants, expansions


# --------------------------------------------------------------------------
# tsquery
# --------------------------------------------------------------------------

_LEXEME = re.compile(r"'((?:[^']|'')+)'")


# Below this many letters a stem and the stem with an "e" are often two
# different words ("li"/"lie", "pos"/"pose", "donn"/"donne": données is no
# form of donner), so short stems are not widened.
MIN_WIDENED_STEM = 5


def widen_lexemes(tsquery: str) -> str:
    """Each lexeme of a long enough stem ORed with its form with/without a final "e".

    The configuration removes accents before the French stemmer, which then
    no longer recognises the feminine participle: "préservées" gives
    "preserve" where "préservation" and "préserver" give "preserv". Matching
    both forms makes all three find each other.
    """

    def widen(match: re.Match[str]) -> str:
        lexeme = match.group(1)
        stem = lexeme[:-1] if lexeme.endswith("e") else lexeme
        if len(stem) < MIN_WIDENED_STEM:
            return match.group(0)
        other = stem if lexeme.endswith("e") else lexeme + "e"
        return f"( '{lexeme}' | '{other}' )"

    return _LEXEME.sub(widen, tsquery)


@dataclass(frozen=True)
class CompiledQuery:
    tsquery: str  # every variant ORed, empty when no variant has a lexeme
    highlight: str  # the lexemes to mark in excerpts, ORed
    variants_used: int = 0
    cut: bool = False  # some glossary variants were left out to keep the query small


def compile_tsquery(variants: Sequence[str]) -> CompiledQuery:
    """One tsquery ORing the parsed variants, cut at ``MAX_TSQUERY_LENGTH``.

    The first variant (the query as typed) is always kept; a glossary
    variant that would make the tsquery longer than the cap is left out and
    the outcome says so. The highlight query ORs the distinct lexemes of the
    variants kept, excluded ones left out: ``ts_headline`` slows down with
    the size of its query, and a flat OR marks the same words.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery(%s::regconfig, v)::text "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n",
            [CONFIG, list(variants)],
        )
        parsed = [row[0] for row in cursor.fetchall()]
    parts: list[str] = []
    seen: set[str] = set()
    length, cut = 0, False
    for text in parsed:
        if not text.strip() or text in seen:
            continue
        if any(subsumes(other, text) for other in parsed if other != text):
            # Matched by another variant wherever it matches, and ranked the
            # same without it: its words are still marked in the excerpts.
            seen.add(text)
            continue
        part = f"( {widen_lexemes(text)} )"
        if parts and length + len(part) + 3 > MAX_TSQUERY_LENGTH:
            cut = True
            continue
        seen.add(text)
        parts.append(part)
        length += len(part) + 3
    lexemes = dict.fromkeys(
        match.group(0) for text in seen for match in _LEXEME.finditer(widen_lexemes(_EXCLUDED.sub("", text)))
    )
    return CompiledQuery(" | ".join(parts), " | ".join(lexemes), len(parts), cut)


_TSQUERY_TOKEN = re.compile(r"'(?:[^']|'')+'|<->|<\d+>|[&|!()]")


def _tokens(tsquery: str) -> list[str] | None:
    """The tokens of a printed tsquery: lexemes and operators; None if anything else is there."""
    if _TSQUERY_TOKEN.sub(" ", tsquery).strip():
        return None
    return _TSQUERY_TOKEN.findall(tsquery)


def subsumes(broader: str, narrower: str) -> bool:
    """Whether the parsed variant ``broader``, a single word, is required by the parsed variant
    ``narrower``, words joined by "&" or in phrases (no "|", no "!").

    Every text ``narrower`` matches is then matched by ``broader``, and ORing
    ``narrower`` with ``broader`` changes no rank: ``ts_rank_cd`` scores the
    smallest extents of a text that satisfy the query, and each occurrence
    of the word is such an extent on its own. (Not so for several words
    joined by "&": "partie requérante" and the phrase "État partie
    requérante" rank sixteen provisions differently from "partie requérante"
    alone.) ``tests/search/test_query_subsumption.py`` checks the ranks row
    by row for every term of the glossary. At a hundred times the corpus
    "entraide", whose glossary variant is the phrase "entraide judiciaire",
    was ranked three times slower with the phrase than without it.
    """
    wide, narrow = _tokens(broader), _tokens(narrower)
    if wide is None or narrow is None:
        return False
    if len(wide) != 1 or not wide[0].startswith("'"):
        return False
    if any(token in ("|", "!") for token in narrow):
        return False
    return set(_LEXEME.findall(broader)) <= set(_LEXEME.findall(narrower))


# "!'word'" and "!( ... )" as websearch_to_tsquery prints an exclusion.
_EXCLUDED = re.compile(r"!\s*(?:'(?:[^']|'')+'|\([^()]*\))")


# "--données" is typed for "-données": websearch_to_tsquery would read the
# second dash as a negation of the negation.
DASHES = re.compile(r"(?<!\S)-{2,}(?=\S)")
