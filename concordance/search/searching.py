"""Full-text search over every provision and note, with glossary equivalents.

The search vectors are generated columns kept by PostgreSQL (migration
``search.0002``); this module builds the query, runs one SQL query per kind
of row (provisions, notes) and groups the ranked results by instrument.

A query goes through these steps:

1. ``clean_query``: control characters (NUL among them, which psycopg
   refuses) are removed and an overlong query is cut at a word boundary.
2. ``glossary_variants``: each glossary term found in the query is replaced
   by each of its equivalents ("préservation rapide" → "conservation
   rapide"), giving query variants that are ORed together.
3. ``compile_tsquery``: PostgreSQL parses each variant with
   ``websearch_to_tsquery`` (quoted phrases, ``-word``, ``or``); the
   lexemes are then widened by their final "e" (see ``widen_lexemes``).
4. ``ranked_provisions`` / ``ranked_notes``: ``@@`` match, ``ts_rank_cd``
   (headings weigh A, text B) and ``ts_headline`` excerpts.
5. When nothing matches, ``closest_spellings`` replaces each word by the
   nearest word of the corpus by trigram similarity and the search runs again.

The number of SQL queries depends on which of these paths a search takes,
never on the number of results.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db import OperationalError, connection, transaction
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.expressions import RawSQL

from django.urls import reverse
from psycopg.errors import QueryCanceled
from django.utils.safestring import SafeString, mark_safe

from concordance.corpus.models import Note, Provision
from concordance.crossrefs.anchors import footnote_url, note_url
from concordance.crossrefs.linking import Link, references_of_rows
from concordance.crossrefs.rendering import link_spans, render_spans
from concordance.lib.terminology import Glossary
from concordance.mapping.models import Theme

CONFIG = "public.french_unaccent"
# Long enough for any sensible query, short enough that the glossary and
# the parser never chew on a pasted page.
MAX_QUERY_LENGTH = 200
# Results shown, the best of provisions and notes together; the page says
# when there are more.
RESULT_LIMIT = 100
# At most this many glossary variants are ORed together, and the tsquery
# they make is cut at this many characters: ranking slows down with the size
# of the query, and a pasted paragraph of glossary terms must not tie up a
# worker.
MAX_VARIANTS = 24
MAX_TSQUERY_LENGTH = 3000
# A search that still takes longer is cancelled by PostgreSQL and the page
# says the query is too complex.
STATEMENT_TIMEOUT_MS = 5000
# At most this many words are respelled by the trigram fallback.
MAX_RESPELLED_WORDS = 10

# Private-use characters as headline markers: the excerpt is HTML-escaped
# first, then only these become <mark> tags, so treaty text can never
# inject markup.
_START, _STOP = "\ue000", "\ue001"

KINDS = {
    "text": "Texte des articles",
    "notes": "Notes interprétatives et résolution",
    "commentary": "Exposé des motifs",
}
_NOTE_KINDS = {"notes": ["interpretative", "resolution", "footnote"], "commentary": ["commentary"]}


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
        elif category in ("Cc", "Cf", "Cs") or ch in (_START, _STOP):
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


def glossary_variants(query: str, glossary: Glossary) -> tuple[list[str], list[Expansion]]:
    """The query rewritten with each combination of glossary equivalents.

    The first variant is the query itself. An equivalent replacing a term
    outside quotes is quoted, so that "conservation rapide" is searched as
    the phrase the glossary records. Terms are found whatever their accents,
    capitals or number (``Glossary.expansion_spans``).
    """
    by_forms: dict[tuple[str, ...], tuple[str, list[tuple[int, int, bool]]]] = {}
    for start, end, forms in glossary.expansion_spans(query):
        worth, inside = _expandable(query, start)
        if worth:
            term, spans = by_forms.setdefault(tuple(forms), (query[start:end], []))
            spans.append((start, end, inside))
    if not by_forms:
        return [query], []
    expansions = [Expansion(term, forms) for forms, (term, _) in by_forms.items()]
    options = [(spans, [term, *forms]) for forms, (term, spans) in by_forms.items()]
    combinations = itertools.product(*(choices for _, choices in options))
    variants = [query]
    for combination in itertools.islice(combinations, 1, MAX_VARIANTS):
        replacements = sorted(
            (start, end, inside, form)
            for (spans, _), form in zip(options, combination)
            for start, end, inside in spans
        )
        variant, cursor = [], 0
        for start, end, inside, form in replacements:
            variant.append(query[cursor:start])
            variant.append(form if inside or form == query[start:end] else f'"{form}"')
            cursor = end
        variant.append(query[cursor:])
        variants.append("".join(variant))
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


# "!'word'" and "!( ... )" as websearch_to_tsquery prints an exclusion.
_EXCLUDED = re.compile(r"!\s*(?:'(?:[^']|'')+'|\([^()]*\))")


# --------------------------------------------------------------------------
# ranked rows
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    instrument: str = ""
    theme: str = ""
    kind: str = ""
    all_editions: bool = False

    @property
    def active(self) -> bool:
        return bool(self.instrument or self.theme or self.kind or self.all_editions)


def _vector(table: str) -> RawSQL:
    # The generated column is not in Django's model state (see the migration).
    return RawSQL(f'"{table}"."search_vector"', ())


def _tsquery(tsquery: str) -> RawSQL:
    return RawSQL("%s::tsquery", (tsquery,))


def _matches(table: str, tsquery: str) -> Func:
    return Func(
        _vector(table), _tsquery(tsquery), template="(%(expressions)s)", arg_joiner=" @@ ",
        output_field=BooleanField(),
    )


def _rank(table: str, tsquery: str) -> Func:
    # Normalisation 1 (divide by 1 + log length): a long commentary paragraph
    # does not outrank an article whose title is the query.
    return Func(_vector(table), _tsquery(tsquery), Value(1), function="ts_rank_cd", output_field=FloatField())


_EXCERPT = {"max_words": 40, "min_words": 15, "max_fragments": 2, "fragment_delimiter": " … "}
# Texts up to this length are shown whole, every match marked.
WHOLE_TEXT_LENGTH = 400

_MARKERS = f'StartSel="{_START}", StopSel="{_STOP}"'
_WHOLE = f"HighlightAll=true, {_MARKERS}"
_FRAGMENTS = (
    f"MaxWords={_EXCERPT['max_words']}, MinWords={_EXCERPT['min_words']}, "
    f"MaxFragments={_EXCERPT['max_fragments']}, FragmentDelimiter=\"{_EXCERPT['fragment_delimiter']}\", {_MARKERS}"
)
_HEADLINES_SQL = """
SELECT 'provision', id, {heading}, {text} FROM corpus_provision WHERE id = ANY(%(provisions)s)
UNION ALL
SELECT 'note', id, {heading}, {text} FROM corpus_note WHERE id = ANY(%(notes)s)
""".format(
    heading="ts_headline(%(config)s::regconfig, heading, %(query)s::tsquery, %(whole)s)",
    text=(
        "CASE WHEN length(text) <= %(whole_length)s "
        "THEN ts_headline(%(config)s::regconfig, text, %(query)s::tsquery, %(whole)s) "
        "ELSE ts_headline(%(config)s::regconfig, text, %(query)s::tsquery, %(fragments)s) END"
    ),
)


def headlines(
    highlight: str, provision_ids: Sequence[int], note_ids: Sequence[int]
) -> dict[tuple[str, int], tuple[str, str]]:
    """``(heading, excerpt)`` marked for the rows shown only, in one query.

    Keyed by ``("provision", pk)`` / ``("note", pk)``. Computed after the
    ranking has chosen the rows: ``ts_headline`` is the slow part of a
    search, and it is not worth running on rows nobody will see.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _HEADLINES_SQL,
            {
                "config": CONFIG, "query": highlight, "whole": _WHOLE, "fragments": _FRAGMENTS,
                "whole_length": WHOLE_TEXT_LENGTH, "provisions": list(provision_ids), "notes": list(note_ids),
            },
        )
        return {(kind, pk): (heading, text) for kind, pk, heading, text in cursor.fetchall()}


def ranked_provisions(tsquery: str, filters: Filters) -> QuerySet[Provision]:
    article = Provision.objects.filter(
        edition_id=OuterRef("edition_id"), eid=OuterRef("article_eid")
    )
    rows = (
        Provision.objects.filter(_matches("corpus_provision", tsquery))
        .select_related("edition__instrument")
        .annotate(
            rank=_rank("corpus_provision", tsquery),
            total=Window(Count("*")),
            article_num=Subquery(article.values("num")[:1]),
            article_heading=Subquery(article.values("heading")[:1]),
        )
    )
    if not filters.all_editions:
        rows = rows.filter(edition__is_primary=True)
    if filters.instrument:
        rows = rows.filter(edition__instrument__slug=filters.instrument)
    if filters.theme:
        # Themes hold the articles of the primary edition: the other
        # edition's provisions are matched through instrument + article eid.
        rows = rows.filter(
            Exists(
                Theme.articles.through.objects.filter(
                    theme__slug=filters.theme,
                    provision__edition__instrument_id=OuterRef("edition__instrument_id"),
                    provision__article_eid=OuterRef("article_eid"),
                )
            )
        )
    return rows.order_by("-rank", "edition__instrument__position", "position")[:RESULT_LIMIT]


def ranked_notes(tsquery: str, filters: Filters) -> QuerySet[Note]:
    articles = Provision.objects.filter(notes=OuterRef("pk")).order_by("position")
    rows = (
        Note.objects.filter(_matches("corpus_note", tsquery))
        .select_related("instrument")
        .annotate(
            rank=_rank("corpus_note", tsquery),
            total=Window(Count("*")),
            first_article_eid=Subquery(articles.values("article_eid")[:1]),
            first_article_num=Subquery(articles.values("num")[:1]),
            article_count=Subquery(
                Provision.objects.filter(notes=OuterRef("pk"))
                .order_by()
                .values("notes")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
        )
    )
    if filters.instrument:
        rows = rows.filter(instrument__slug=filters.instrument)
    if filters.kind in _NOTE_KINDS:
        rows = rows.filter(kind__in=_NOTE_KINDS[filters.kind])
    if filters.theme:
        rows = rows.filter(
            Exists(
                Theme.articles.through.objects.filter(
                    theme__slug=filters.theme, provision__notes=OuterRef("pk")
                )
            )
        )
    return rows.order_by("-rank", "instrument__position", F("source_id"), "kind", "position")[:RESULT_LIMIT]


# --------------------------------------------------------------------------
# results as the page shows them
# --------------------------------------------------------------------------


def marked(headline: str) -> SafeString:
    """Escaped text in which only the search's own markers become ``<mark>``."""
    text = html.escape(headline)
    return mark_safe(text.replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _unmarked(fragment: str) -> tuple[str, list[tuple[int, int]]]:
    """A headline fragment without its markers, and the spans they marked."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    length, opened = 0, None
    for ch in fragment:
        if ch == _START:
            opened = length
        elif ch == _STOP:
            if opened is not None:
                marks.append((opened, length))
            opened = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), marks


def excerpt(headline: str, text: str, links: Sequence[tuple[int, int, Link]] = ()) -> SafeString:
    """The marked headline, with "…" where it leaves out the start or end of ``text``.

    An excerpt must never read as the whole provision: the ellipses show
    where words were left out. ``links`` (spans of ``text``, from
    ``rendering.link_spans``) make the references in the excerpt links; a
    link goes around the marks inside it, and everything is escaped.
    """
    delimiter = _EXCERPT["fragment_delimiter"]
    fragments = [_unmarked(fragment) for fragment in headline.split(delimiter)]
    offsets, cursor = [], 0
    for plain, _ in fragments:
        found = text.find(plain, cursor)
        if found < 0:
            found = text.find(plain)
        offsets.append(found)
        cursor = max(found, 0) + len(plain)
    if any(offset < 0 for offset in offsets):
        # ts_headline leaves out what its parser takes for markup ("<b>"):
        # rather than show altered treaty text, show its opening words unmarked.
        words = text.split(" ")
        opening = " ".join(words[:_EXCERPT["max_words"]])
        body = render_spans(opening, 0, list(links))
        return mark_safe(body + " …") if len(words) > _EXCERPT["max_words"] else body
    body = mark_safe(
        html.escape(delimiter).join(
            render_spans(plain, offset, list(links), marks) for (plain, marks), offset in zip(fragments, offsets)
        )
    )
    if fragments and not text.startswith(fragments[0][0]):
        body = mark_safe("… " + body)
    if fragments and not text.rstrip().endswith(fragments[-1][0].rstrip()):
        body = mark_safe(body + " …")
    return body


def escaped(text: str) -> SafeString:
    return mark_safe(html.escape(text))


@dataclass(frozen=True)
class Result:
    instrument_slug: str
    instrument_title: str
    instrument_position: int
    kind: str  # "text", "notes" or "commentary"
    label: str
    title_html: SafeString
    excerpt_html: SafeString
    url: str
    rank: float
    edition_label: str = ""


@dataclass
class InstrumentResults:
    slug: str
    title: str
    results: list[Result] = field(default_factory=list)


def provision_result(row: Provision, marks: tuple[str, str], links: Sequence[tuple[int, int, Link]] = ()) -> Result:
    heading_html, excerpt_html = marks
    instrument = row.edition.instrument
    url = reverse("article", args=[instrument.slug, row.article_number])
    if not row.edition.is_primary:
        url += f"?edition={row.edition.slug}"
    url += f"#{row.eid}"
    label = f"Art. {row.article_num}"
    if row.kind != "article":
        label = row.citation.replace("art. ", "Art. ", 1)
    if row.heading:
        title_html = marked(heading_html)
    else:
        title_html = escaped(row.article_heading or "")
    return Result(
        instrument_slug=instrument.slug,
        instrument_title=instrument.short_title,
        instrument_position=instrument.position,
        kind="text",
        label=label,
        title_html=title_html,
        excerpt_html=excerpt(excerpt_html, row.text, links) if row.text else escaped(""),
        url=url,
        rank=row.rank,
        edition_label="" if row.edition.is_primary else row.edition.label,
    )


_OPERATIVE_PARAGRAPH = re.compile(r"(\d+)\.\s")


def note_label(row: Note) -> str:
    """How a note is cited: "Résolution, par. 12", "Exposé des motifs, art. 19 (et 2 autres)"."""
    if row.kind == "resolution":
        number = _OPERATIVE_PARAGRAPH.match(row.text)
        return f"Résolution, par. {number[1]}" if number else "Résolution, préambule"
    label = row.get_kind_display().capitalize()
    if row.first_article_num:
        others = (row.article_count or 1) - 1
        label += f", art. {row.first_article_num}"
        if others:
            label += f" (et {others} autre{'s' if others > 1 else ''})"
    return label


def note_result(row: Note, marks: tuple[str, str], links: Sequence[tuple[int, int, Link]] = ()) -> Result:
    heading_html, excerpt_html = marks
    instrument = row.instrument
    # The commentary's heading is only its kind ("Exposé des motifs").
    same_as_kind = row.heading.casefold() == row.get_kind_display().casefold()
    return Result(
        instrument_slug=instrument.slug,
        instrument_title=instrument.short_title,
        instrument_position=instrument.position,
        kind="commentary" if row.kind == "commentary" else "notes",
        label=note_label(row),
        title_html=escaped("") if same_as_kind else marked(heading_html),
        excerpt_html=excerpt(excerpt_html, row.text, links),
        url=(
            footnote_url(instrument.slug, line=row.line)
            if row.kind == "footnote"
            else note_url(row.kind, row.position, instrument.slug, row.first_article_eid)
        ),
        rank=row.rank,
    )


def group_by_instrument(results: Iterable[Result]) -> list[InstrumentResults]:
    """Results by instrument; instruments ordered by their best result."""
    groups: dict[str, InstrumentResults] = {}
    for result in sorted(results, key=lambda r: (-r.rank, r.instrument_position)):
        group = groups.setdefault(
            result.instrument_slug, InstrumentResults(result.instrument_slug, result.instrument_title)
        )
        group.results.append(result)
    return list(groups.values())


# --------------------------------------------------------------------------
# trigram fallback
# --------------------------------------------------------------------------

_WORD = re.compile(r"\w{3,}")
_OPERATORS = {"or"}

_CLOSEST_SQL = """
SELECT q.n, best.word
FROM unnest(%s::text[]) WITH ORDINALITY AS q(word, n)
CROSS JOIN LATERAL (
    SELECT w.word
    FROM (
        SELECT unnest(tsvector_to_array(to_tsvector('simple', p.heading || ' ' || p.text))) AS word
        FROM corpus_provision p
        WHERE lower(q.word) <%% (p.heading || ' ' || p.text)
        UNION
        SELECT unnest(tsvector_to_array(to_tsvector('simple', n.heading || ' ' || n.text)))
        FROM corpus_note n
        WHERE lower(q.word) <%% (n.heading || ' ' || n.text)
    ) AS w
    WHERE w.word %% lower(q.word)
    ORDER BY similarity(w.word, lower(q.word)) DESC, w.word
    LIMIT 1
) AS best
ORDER BY q.n
"""


def closest_spellings(query: str) -> str:
    """The query with each word replaced by the most similar word of the corpus.

    The GIN trigram indexes find the rows holding a similar word
    (``<%``, word similarity); the words of those rows are then ranked by
    trigram similarity. A word with no similar word is kept as typed.
    """
    matches = [m for m in _WORD.finditer(query) if m.group(0).lower() not in _OPERATORS]
    matches = matches[:MAX_RESPELLED_WORDS]
    if not matches:
        return query
    with connection.cursor() as cursor:
        cursor.execute(_CLOSEST_SQL, [[m.group(0) for m in matches]])
        closest = {n - 1: word for n, word in cursor.fetchall()}
    pieces, cursor_at = [], 0
    for index, match in enumerate(matches):
        pieces.append(query[cursor_at:match.start()])
        typed = match.group(0)
        found = closest.get(index, typed)
        # A word that differs only by case is the word typed.
        pieces.append(typed if found.lower() == typed.lower() else found)
        cursor_at = match.end()
    pieces.append(query[cursor_at:])
    return "".join(pieces)


# --------------------------------------------------------------------------
# the whole search
# --------------------------------------------------------------------------


@dataclass
class SearchOutcome:
    query: CleanQuery
    searched: str = ""  # the query actually run (respelled by the fallback)
    expansions: list[Expansion] = field(default_factory=list)
    expansions_cut: bool = False  # some glossary variants were left out (``MAX_TSQUERY_LENGTH``)
    repeated_terms: bool = False  # repeated words were searched once
    best: list[Result] = field(default_factory=list)
    groups: list[InstrumentResults] = field(default_factory=list)
    total: int = 0
    shown: int = 0
    respelled: bool = False
    no_lexemes: bool = False  # only words too common to index ("le", "de la")
    only_exclusions: bool = False  # "-données": nothing to look for
    too_complex: bool = False  # PostgreSQL gave up after ``STATEMENT_TIMEOUT_MS``

    @property
    def results(self) -> list[Result]:
        return [result for group in self.groups for result in group.results]


# The best hits are shown first, across instruments, when the results span
# several instruments: at most this many, and only those ranked at least
# this fraction of the best one.
BEST_LIMIT = 6
BEST_SHARE = 0.5


def best_results(results: Sequence[Result]) -> list[Result]:
    """The top of the ranking across instruments, in rank order.

    Grouping by instrument lists the whole of the first instrument before
    the second: without this block the best Budapest hit of a query can sit
    tenth on the page behind weak UN hits.
    """
    if len({result.instrument_slug for result in results}) < 2:
        return []
    ranked = sorted(results, key=lambda r: (-r.rank, r.instrument_position))
    top = ranked[0].rank
    return [result for result in ranked[:BEST_LIMIT] if result.rank >= top * BEST_SHARE]


# "--données" is typed for "-données": websearch_to_tsquery would read the
# second dash as a negation of the negation.
_DASHES = re.compile(r"(?<!\S)-{2,}(?=\S)")


def _run(text: str, filters: Filters, glossary: Glossary | None) -> SearchOutcome:
    undashed = _DASHES.sub("-", text)
    searched = distinct_terms(undashed)
    variants, expansions = glossary_variants(searched, glossary) if glossary else ([searched], [])
    compiled = compile_tsquery(variants)
    outcome = SearchOutcome(
        CleanQuery(text), searched=text, expansions=expansions, expansions_cut=compiled.cut,
        repeated_terms=searched != undashed,
    )
    if not compiled.tsquery:
        outcome.no_lexemes = True
        return outcome
    if not compiled.highlight:
        # Only exclusions ("-données"): the query would match every text
        # that lacks the words, which is no search at all. Nothing is
        # listed and the page says why.
        outcome.only_exclusions = True
        return outcome
    tsquery = compiled.tsquery
    rows: list[Provision | Note] = []
    if filters.kind in ("", "text"):
        provisions = list(ranked_provisions(tsquery, filters))
        rows += provisions
        outcome.total += provisions[0].total if provisions else 0
    if filters.kind in ("", *_NOTE_KINDS):
        notes = list(ranked_notes(tsquery, filters))
        rows += notes
        outcome.total += notes[0].total if notes else 0
    # Each list holds its best RESULT_LIMIT rows, so the merged best
    # RESULT_LIMIT are the best of all.
    rows = sorted(rows, key=lambda row: -row.rank)[:RESULT_LIMIT]
    results: list[Result] = []
    if rows:
        marks = headlines(
            compiled.highlight,
            [row.pk for row in rows if isinstance(row, Provision)],
            [row.pk for row in rows if isinstance(row, Note)],
        )
        references = references_of_rows(
            {row.pk: row.edition for row in rows if isinstance(row, Provision)},
            [row.pk for row in rows if isinstance(row, Note)],
        )
        for row in rows:
            key = ("provision" if isinstance(row, Provision) else "note", row.pk)
            links = link_spans(row.text, references.get(key, []))
            if isinstance(row, Provision):
                results.append(provision_result(row, marks[key], links))
            else:
                results.append(note_result(row, marks[key], links))
    outcome.groups = group_by_instrument(results)
    outcome.best = best_results(results)
    outcome.shown = len(results)
    return outcome


def _within_timeout(run: Callable[[], SearchOutcome]) -> SearchOutcome | None:
    """``run()`` with PostgreSQL's ``statement_timeout``; None when it was cancelled.

    ``SET LOCAL`` lasts until the end of the transaction opened here, so the
    limit applies to the search's statements only.
    """
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = %s", [f"{int(STATEMENT_TIMEOUT_MS)}ms"])
            return run()
    except OperationalError as error:
        if isinstance(error.__cause__, QueryCanceled):
            return None
        raise


def search(query: CleanQuery, filters: Filters, glossary: Glossary | None) -> SearchOutcome:
    """Results of ``query``; ``glossary`` None searches without equivalents."""
    if not query.has_words:
        return SearchOutcome(query)

    def run() -> SearchOutcome:
        outcome = _run(query.text, filters, glossary)
        if outcome.total == 0 and not outcome.no_lexemes and not outcome.only_exclusions:
            respelled = closest_spellings(query.text)
            if respelled != query.text:
                outcome = _run(respelled, filters, glossary)
                outcome.respelled = True
        return outcome

    outcome = _within_timeout(run) or SearchOutcome(query, searched=query.text, too_complex=True)
    outcome.query = query
    return outcome
