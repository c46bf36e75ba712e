"""Full-text search over every provision and note, with glossary equivalents.

The steps, each in its module:

1. ``query``: the query is cleaned, expanded by the glossary's
   equivalents and compiled into one tsquery.
2. ``sql``: one page of the rows of both kinds (provisions, notes), ranked
   in one query that carries only ids, ranks and sort keys, then the rows
   of the page read whole with their ``ts_headline`` excerpts (one query
   per kind).
3. ``results``: each row as the page shows it, grouped by instrument.
4. When nothing matches, ``sql.closest_spellings`` replaces each word by
   the nearest word of the corpus by trigram similarity and the search
   runs again.

This module runs them in order, within PostgreSQL's statement timeout. The
number of SQL queries depends on which of these paths a search takes,
never on the number of results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import OperationalError, connection, transaction
from psycopg.errors import QueryCanceled

from concordance.corpus.models import Note, Provision
from concordance.crossrefs.linking import references_of_rows
from concordance.crossrefs.rendering import link_spans
from concordance.lib.terminology import Glossary
from concordance.paging import window
from concordance.search.query import (
    DASHES,
    NOTE_KINDS,
    CleanQuery,
    Expansion,
    SearchFilters,
    compile_tsquery,
    distinct_terms,
    glossary_variants,
)
from concordance.search.results import (
    InstrumentResults,
    Result,
    best_results,
    group_by_instrument,
    note_result,
    provision_result,
)
from concordance.search.sql import (
    RESULTS_PER_PAGE,
    Ranked,
    closest_spellings,
    note_rows,
    provision_rows,
    ranked,
    search_notes,
    search_provisions,
)

# A search that still takes longer is cancelled by PostgreSQL and the page
# says the query is too complex.
STATEMENT_TIMEOUT_MS = 5000


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
    page: int = 1  # the page of the ranking shown, ``RESULTS_PER_PAGE`` rows each
    shown: int = 0
    respelled: bool = False
    no_lexemes: bool = False  # only words too common to index ("le", "de la")
    only_exclusions: bool = False  # "-données": nothing to look for
    too_complex: bool = False  # PostgreSQL gave up after ``STATEMENT_TIMEOUT_MS``
    # Known terms (French or English) closest to a query that found nothing
    # and named no glossary term.
    suggestions: list[str] = field(default_factory=list)

    @property
    def results(self) -> list[Result]:
        return [result for group in self.groups for result in group.results]


def _run(text: str, filters: SearchFilters, glossary: Glossary | None, page: int) -> SearchOutcome:
    undashed = DASHES.sub("-", text)
    searched = distinct_terms(undashed)
    variants, expansions = glossary_variants(searched, glossary) if glossary else ([searched], [])
    compiled = compile_tsquery(variants)
    outcome = SearchOutcome(
        CleanQuery(text),
        searched=text,
        expansions=expansions,
        expansions_cut=compiled.cut,
        repeated_terms=searched != undashed,
        page=page,
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
    found = _ranked(compiled.tsquery, filters, page)
    outcome.total = found.total
    results = _results(found, filters, compiled.highlight)
    outcome.groups = group_by_instrument(results)
    # The best hits across instruments head the first page only.
    outcome.best = best_results(results) if page == 1 else []
    outcome.shown = len(results)
    return outcome


def _ranked(tsquery: str, filters: SearchFilters, page: int) -> Ranked:
    """Page ``page`` of the ranked rows of every kind the filters ask for, and how many matched."""
    provisions = notes = None
    if filters.kind in ("", "text"):
        provisions = search_provisions(Provision.objects.all(), tsquery, filters)
    if filters.kind in ("", *NOTE_KINDS):
        notes = search_notes(Note.objects.all(), tsquery, filters)
    return ranked(provisions, notes, page)


def _results(found: Ranked, filters: SearchFilters, highlight: str) -> list[Result]:
    """The rows shown as the page shows them: marked excerpts (one query per kind), references as links (one query)."""
    if not found.hits:
        return []
    provision_pks = [pk for kind, pk, _ in found.hits if kind == "provision"]
    note_pks = [pk for kind, pk, _ in found.hits if kind == "note"]
    # Both kinds are read whenever the filters ask for them, rows or not, so
    # that the number of queries follows the filters, not the results.
    provisions = provision_rows(provision_pks, highlight) if filters.kind in ("", "text") else {}
    notes = note_rows(note_pks, highlight) if filters.kind in ("", *NOTE_KINDS) else {}
    references = references_of_rows({pk: row.edition for pk, row in provisions.items()}, note_pks)
    results: list[Result] = []
    for kind, pk, rank in found.hits:
        row: Provision | Note = provisions[pk] if kind == "provision" else notes[pk]
        row.rank = rank
        links = link_spans(row.text, references.get((kind, pk), []))
        marks = (row.marked_heading, row.marked_text)
        if isinstance(row, Provision):
            results.append(provision_result(row, marks, links))
        else:
            results.append(note_result(row, marks, links))
    return results


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


def search(query: CleanQuery, filters: SearchFilters, glossary: Glossary | None, page: int = 1) -> SearchOutcome:
    """Page ``page`` of the results of ``query``; ``glossary`` None searches without equivalents.

    Raises ``NoSuchPage`` for a page past the last one (page 2 of a search that found nothing too).
    """
    if not query.has_words:
        return SearchOutcome(query)

    def run() -> SearchOutcome:
        outcome = _run(query.text, filters, glossary, page)
        if outcome.total == 0 and not outcome.no_lexemes and not outcome.only_exclusions:
            respelled = closest_spellings(query.text)
            if respelled != query.text:
                outcome = _run(respelled, filters, glossary, page)
                outcome.respelled = True
        return outcome

    outcome = _within_timeout(run) or SearchOutcome(query, searched=query.text, too_complex=True)
    outcome.query = query
    if not outcome.shown and not outcome.too_complex:
        window(page, outcome.total, RESULTS_PER_PAGE)  # past the last page: NoSuchPage, naming it
    if glossary and outcome.total == 0 and not outcome.expansions:
        outcome.suggestions = glossary.closest_terms(query.text)
    return outcome
