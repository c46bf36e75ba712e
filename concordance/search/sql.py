"""The SQL of a search: ranked rows, headlines, closest spellings.

The search vectors are generated columns kept by PostgreSQL (migration
``search.0002``). Ranking is one query per kind of row (provisions,
notes), each a queryset method written as a function of the queryset
(``search_provisions``, ``search_notes``): ``@@`` match and ``ts_rank_cd``
(headings weigh A, text B). ``headlines`` marks the rows shown, in one
query. ``closest_spellings`` is the trigram fallback.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
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

from concordance.corpus.models import Note, Provision
from concordance.mapping.models import Theme
from concordance.search.query import CONFIG, NOTE_KINDS, START_MARK, STOP_MARK, SearchFilters

# Results shown, the best of provisions and notes together; the page says
# when there are more.
RESULT_LIMIT = 100
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
                "config": CONFIG,
                "query": highlight,
                "whole": _WHOLE,
                "fragments": _FRAGMENTS,
                "whole_length": WHOLE_TEXT_LENGTH,
                "provisions": list(provision_ids),
                "notes": list(note_ids),
            },
        )
        return {(kind, pk): (heading, text) for kind, pk, heading, text in cursor.fetchall()}


def search_provisions(provisions: QuerySet[Provision], tsquery: str, filters: SearchFilters) -> QuerySet[Provision]:
    """``provisions`` matching ``tsquery`` under ``filters``, best first, with their rank and total."""
    article = Provision.objects.filter(edition_id=OuterRef("edition_id"), eid=OuterRef("article_eid"))
    rows = (
        provisions.filter(_matches("corpus_provision", tsquery))
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


def search_notes(notes: QuerySet[Note], tsquery: str, filters: SearchFilters) -> QuerySet[Note]:
    """``notes`` matching ``tsquery`` under ``filters``, best first, with their rank, total and articles."""
    articles = Provision.objects.filter(notes=OuterRef("pk")).order_by("position")
    rows = (
        notes.filter(_matches("corpus_note", tsquery))
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
    if filters.kind in NOTE_KINDS:
        rows = rows.filter(kind__in=NOTE_KINDS[filters.kind])
    if filters.theme:
        rows = rows.filter(
            Exists(Theme.articles.through.objects.filter(theme__slug=filters.theme, provision__notes=OuterRef("pk")))
        )
    return rows.order_by("-rank", "instrument__position", F("source_id"), "kind", "position")[:RESULT_LIMIT]


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
        pieces.append(query[cursor_at : match.start()])
        typed = match.group(0)
        found = closest.get(index, typed)
        # A word that differs only by case is the word typed.
        pieces.append(typed if found.lower() == typed.lower() else found)
        cursor_at = match.end()
    pieces.append(query[cursor_at:])
    return "".join(pieces)
