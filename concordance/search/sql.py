"""The SQL of a search: ranked rows, marked excerpts, closest spellings.

The search vectors are generated columns kept by PostgreSQL (migration
``search.0002``). Each kind of row (provisions, notes) is matched by a
queryset function (``search_provisions``, ``search_notes``): ``@@`` match
and ``ts_rank_cd`` (headings weigh A, text B) as narrow rows, which
``ranked`` sorts, cuts and counts for both kinds in one query;
``provision_rows`` and ``note_rows`` then read the rows shown, with their
marked excerpts. ``closest_spellings`` is the trigram fallback, over the
corpus's vocabulary (migration ``search.0004``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from concordance.corpus.models import Note, Provision
from concordance.mapping.models import Theme
from concordance.search.query import CONFIG, NOTE_KINDS, START_MARK, STOP_MARK, SearchFilters

# Results on a page, the best of provisions and notes together, then the
# next best on the next page. A page costs what it shows: its excerpts
# (``ts_headline``, the slow part of a search), references and HTML.
RESULTS_PER_PAGE = 25
# At most this many words are respelled by the trigram fallback.
MAX_RESPELLED_WORDS = 10


def _vector(table: str) -> RawSQL:
    # The generated column is not in Django's model state (see the migration).
    return RawSQL(f'"{table}"."search_vector"', ())


def _tsquery(tsquery: str) -> RawSQL:
    return RawSQL("%s::tsquery", (tsquery,))


def _matches(table: str, tsquery: str) -> Func:
    return Func(
        _vector(table),
        _tsquery(tsquery),
        template="(%(expressions)s)",
        arg_joiner=" @@ ",
        output_field=BooleanField(),
    )


def _rank(table: str, tsquery: str) -> Func:
    # Normalisation 1 (divide by 1 + log length): a long commentary paragraph
    # does not outrank an article whose title is the query.
    return Func(_vector(table), _tsquery(tsquery), Value(1), function="ts_rank_cd", output_field=FloatField())


@dataclass(frozen=True)
class ExcerptShape:
    """How ts_headline cuts a long text into an excerpt."""

    max_words: int
    min_words: int
    max_fragments: int
    fragment_delimiter: str


EXCERPT = ExcerptShape(max_words=40, min_words=15, max_fragments=2, fragment_delimiter=" … ")
# Texts up to this length are shown whole, every match marked.
WHOLE_TEXT_LENGTH = 400

_MARKERS = f'StartSel="{START_MARK}", StopSel="{STOP_MARK}"'
_WHOLE = f"HighlightAll=true, {_MARKERS}"
_FRAGMENTS = (
    f"MaxWords={EXCERPT.max_words}, MinWords={EXCERPT.min_words}, "
    f'MaxFragments={EXCERPT.max_fragments}, FragmentDelimiter="{EXCERPT.fragment_delimiter}", {_MARKERS}'
)


def _headline(table: str, column: str, highlight: str, options: str) -> RawSQL:
    return RawSQL(f'ts_headline(%s::regconfig, "{table}"."{column}", %s::tsquery, %s)', (CONFIG, highlight, options))


def _marks(table: str, highlight: str) -> dict[str, RawSQL | Case]:
    """``marked_heading`` and ``marked_text``: the heading and excerpt with the query's words marked."""
    return {
        "marked_heading": _headline(table, "heading", highlight, _WHOLE),
        "marked_text": Case(
            When(text_length__lte=WHOLE_TEXT_LENGTH, then=_headline(table, "text", highlight, _WHOLE)),
            default=_headline(table, "text", highlight, _FRAGMENTS),
            output_field=TextField(),
        ),
    }


def search_provisions(provisions: QuerySet[Provision], tsquery: str, filters: SearchFilters) -> QuerySet[Provision]:
    """``provisions`` matching ``tsquery`` under ``filters``, as narrow rows.

    Each row is the provision's ``pk``, its ``rank`` and the keys that order
    ties (``tie_instrument``, ``tie_position``); ``ranked`` keeps the best
    of these and of the notes' and counts them all, and ``provision_rows``
    reads the whole rows of the ones shown. Sorting and counting every
    match then handle a few numbers per match rather than texts: at a
    hundred times the corpus the wide rows of a broad query ("données",
    15,000 matches) spilled to disk and took most of its time.
    """
    rows = provisions.filter(_matches("corpus_provision", tsquery)).annotate(
        rank=_rank("corpus_provision", tsquery),
        tie_instrument=F("edition__instrument__position"),
        tie_position=F("position"),
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
    return rows.order_by().values("pk", "rank", "tie_instrument", "tie_position")


def search_notes(notes: QuerySet[Note], tsquery: str, filters: SearchFilters) -> QuerySet[Note]:
    """``notes`` matching ``tsquery`` under ``filters``, as narrow rows.

    As ``search_provisions``: ``pk``, ``rank`` and the tie keys
    (``tie_instrument``, ``tie_source``, ``tie_kind``, ``tie_position``).
    """
    rows = notes.filter(_matches("corpus_note", tsquery)).annotate(
        rank=_rank("corpus_note", tsquery),
        tie_instrument=F("instrument__position"),
        tie_source=F("source_id"),
        tie_kind=F("kind"),
        tie_position=F("position"),
    )
    if filters.instrument:
        rows = rows.filter(instrument__slug=filters.instrument)
    if filters.kind in NOTE_KINDS:
        rows = rows.filter(kind__in=NOTE_KINDS[filters.kind])
    if filters.theme:
        rows = rows.filter(
            Exists(Theme.articles.through.objects.filter(theme__slug=filters.theme, provision__notes=OuterRef("pk")))
        )
    return rows.order_by().values("pk", "rank", "tie_instrument", "tie_source", "tie_kind", "tie_position")


@dataclass(frozen=True)
class Ranked:
    """The rows of one page, best first, and how many rows of every kind matched."""

    hits: list[tuple[str, int, float]]  # ("provision" | "note", pk, rank)
    total: int


# Provisions before notes of the same rank, each kind in its own order: the
# order the two lists had when they were merged in Python. Each kind's
# matches are ranked in a MATERIALIZED CTE, so that the rank is computed
# from the search vector there and only numbers reach the count and the
# sort (inlined, the planner carried every match's search vector up to the
# count, which spilled to disk at a hundred times the corpus). The count is
# taken apart from the page's rows, so that a page past the last one still
# says how many rows matched.
_RANKED_SQL = """
WITH {ctes},
matches AS (
{branches}
)
SELECT total.n, page.kind, page.pk, page.rank
FROM (SELECT count(*) AS n FROM matches) AS total
LEFT JOIN LATERAL (
    SELECT * FROM matches
    ORDER BY rank DESC, kind_order, tie_instrument, tie_position, tie_source, tie_kind, tie_note_position
    LIMIT %s OFFSET %s
) AS page ON true
ORDER BY page.rank DESC, page.kind_order, page.tie_instrument, page.tie_position, page.tie_source, page.tie_kind,
    page.tie_note_position
"""
_PROVISION_BRANCH = (
    "SELECT 'provision' AS kind, 0 AS kind_order, pk, rank, tie_instrument, tie_position, "
    "NULL::integer AS tie_source, NULL::varchar AS tie_kind, NULL::integer AS tie_note_position "
    "FROM provisions"
)
_NOTE_BRANCH = (
    "SELECT 'note' AS kind, 1 AS kind_order, pk, rank, tie_instrument, NULL::integer AS tie_position, "
    "tie_source, tie_kind, tie_position AS tie_note_position FROM notes"
)


def ranked(provisions: QuerySet[Provision] | None, notes: QuerySet[Note] | None, page: int = 1) -> Ranked:
    """Page ``page`` (``RESULTS_PER_PAGE`` rows) of ``search_provisions`` and ``search_notes`` ranked
    together, and how many matched, in one query."""
    ctes: list[str] = []
    branches: list[str] = []
    params: list[object] = []
    for name, rows, branch in (("provisions", provisions, _PROVISION_BRANCH), ("notes", notes, _NOTE_BRANCH)):
        if rows is None:
            continue
        statement, arguments = rows.query.sql_with_params()
        ctes.append(f"{name} AS MATERIALIZED ({statement})")
        branches.append(branch)
        params += arguments
    if not branches:
        return Ranked([], 0)
    with connection.cursor() as cursor:
        cursor.execute(
            _RANKED_SQL.format(ctes=",\n".join(ctes), branches="\nUNION ALL\n".join(branches)),
            [*params, RESULTS_PER_PAGE, (page - 1) * RESULTS_PER_PAGE],
        )
        found = cursor.fetchall()
    return Ranked([(kind, pk, rank) for _, kind, pk, rank in found if pk is not None], found[0][0])


def provision_rows(pks: Sequence[int], highlight: str) -> dict[int, Provision]:
    """The provisions shown, by pk, each with its article's number and heading and its marked heading and excerpt.

    One query, whatever the number of rows (``id = ANY``); ``ts_headline``,
    the slow part of a search, runs on these rows only.
    """
    article = Provision.objects.filter(edition_id=OuterRef("edition_id"), eid=OuterRef("article_eid")).order_by()
    rows = (
        Provision.objects.filter(_any_pk("corpus_provision", pks))
        .select_related("edition__instrument")
        .annotate(
            text_length=Length("text"),
            article_num=Subquery(article.values("num")[:1]),
            article_heading=Subquery(article.values("heading")[:1]),
        )
        .annotate(**_marks("corpus_provision", highlight))
        .order_by()
    )
    return {row.pk: row for row in rows}


def note_rows(pks: Sequence[int], highlight: str) -> dict[int, Note]:
    """The notes shown, by pk, each with its first article, its number of articles and its marks (one query)."""
    articles = Provision.objects.filter(notes=OuterRef("pk")).order_by("position")
    rows = (
        Note.objects.filter(_any_pk("corpus_note", pks))
        .select_related("instrument")
        .annotate(
            text_length=Length("text"),
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
        .annotate(**_marks("corpus_note", highlight))
        .order_by()
    )
    return {row.pk: row for row in rows}


def _any_pk(table: str, pks: Sequence[int]) -> RawSQL:
    # Not ``pk__in``: an empty list would skip the query, and the number of
    # queries of a search would then depend on which kinds of rows it shows.
    return RawSQL(f'"{table}"."id" = ANY(%s)', (list(pks),), output_field=BooleanField())


# --------------------------------------------------------------------------
# trigram fallback
# --------------------------------------------------------------------------

_WORD = re.compile(r"\w{3,}")
_OPERATORS = {"or"}

# ``search_word`` is the corpus's vocabulary, kept by triggers (migration
# ``search.0004``): its size follows the words of the corpus, not its texts.
_CLOSEST_SQL = """
SELECT q.n, best.word
FROM unnest(%s::text[]) WITH ORDINALITY AS q(word, n)
CROSS JOIN LATERAL (
    SELECT w.word
    FROM search_word AS w
    WHERE w.word %% lower(q.word)
    ORDER BY similarity(w.word, lower(q.word)) DESC, w.word
    LIMIT 1
) AS best
ORDER BY q.n
"""


def closest_spellings(query: str) -> str:
    """The query with each word replaced by the most similar word of the corpus.

    The trigram index of the corpus's vocabulary (``search_word``) finds
    the similar words (``%``), ranked by trigram similarity. A word with no
    similar word is kept as typed.
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
        pieces.append(query[cursor_at : match.start()])
        typed = match.group(0)
        found = closest.get(index, typed)
        # A word that differs only by case is the word typed.
        pieces.append(typed if found.lower() == typed.lower() else found)
        cursor_at = match.end()
    pieces.append(query[cursor_at:])
    return "".join(pieces)
