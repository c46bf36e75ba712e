"""References read in the three sources: quoted references resolve, no article number goes unread,
every reference of the parsed treaties exists in them."""

from __future__ import annotations

import re

import pytest

from concordance.lib.references import Context, find_references
from tests.lib.reference_cases import (
    BENIN,
    BENIN_PROTOCOL_FROM_LINE,
    BILL,
    P1,
    UN,
    at,
    found,
    quoted,
    resolved,
    source_text,
)
from tests.lib.references_budapest import REAL_BUDAPEST
from tests.lib.references_un import REAL_UN

# -- real references, quoted from the three sources -----------------------------

REAL = REAL_UN + REAL_BUDAPEST


def test_the_table_of_real_references_is_large_and_spans_the_three_sources():
    assert len(REAL) >= 40
    assert sum(len(expected) for *_, expected in REAL) >= 60
    assert {filename for filename, *_ in REAL} == {UN, BILL, BENIN}


@pytest.mark.parametrize(("filename", "fragment", "context", "expected"), REAL, ids=[r[1][:60] for r in REAL])
def test_real_references_resolve(filename, fragment, context, expected):
    text = quoted(filename, fragment)
    assert found(text, context) == expected
    assert all(resolved(text, context))


# -- whole files: no article number goes unread -----------------------------------------

# The only "article <number>" of the sources that are not ours. Each entry must
# still occur (test below), so the list cannot silently outgrow the texts.
KNOWN_EXTERNAL = {
    BILL: [
        "articles 30 et 31 du Règlement",
        "article 61 des accords",
        "article 53 de la Constitution",
        "article 39 de la Constitution",
        "article 20.d du Statut",
    ],
    BENIN: ["article 20.d du Statut"],
    UN: [],
}
ARTICLE_NUMBER = re.compile(r"(?i)\barticles?\s+(?:\d|premier\b|1er\b)")


def _line_context(filename: str, number: int) -> Context:
    instrument = {UN: "un", BILL: "budapest", BENIN: "budapest"}[filename]
    if filename == BENIN and number >= BENIN_PROTOCOL_FROM_LINE:
        instrument = P1
    # A full context, so that only the words decide whether a reference resolves.
    return at(instrument, 1, "3", chapter="chp_1", section="chp_1__sec_1")


@pytest.mark.parametrize("filename", [UN, BILL, BENIN])
def test_every_article_number_in_the_sources_is_read_or_known_external(filename):
    uncovered, unresolved, external_seen = [], [], set()
    for number, line in enumerate(source_text(filename).splitlines(), 1):
        refs = find_references(line, _line_context(filename, number))
        assert all(line[r.start : r.end] == r.text for r in refs)
        unresolved += [(number, r.text) for r in refs if not r.resolved]
        for match in ARTICLE_NUMBER.finditer(line):
            if any(r.start <= match.start() < r.end for r in refs):
                continue
            words = " ".join(line[match.start() :].split())
            known = [e for e in KNOWN_EXTERNAL[filename] if words.startswith(e)]
            external_seen.update(known)
            if not known:
                uncovered.append((number, words[:60]))
    assert uncovered == []
    assert unresolved == []
    assert external_seen == set(KNOWN_EXTERNAL[filename])


# -- against the parser's provision tree -------------------------------------------------


def _provisions(node, context: Context):
    """(node, context of its text) for ``node`` and everything under it."""
    eid = node.eid.split("__")
    if node.kind == "chapter":
        context = Context(context.instrument, chapter=node.eid)
    elif node.kind == "section":
        context = Context(context.instrument, chapter=context.chapter, section=node.eid)
    elif node.kind == "article":
        context = Context(context.instrument, int(eid[0][4:]), None, context.chapter, context.section)
    elif node.kind == "paragraph":
        context = Context(context.instrument, context.article, eid[1][5:], context.chapter, context.section)
    yield node, context
    for child in node.children:
        yield from _provisions(child, context)


def test_every_reference_in_the_parsed_treaties_exists_in_the_parsed_treaties():
    parsing = pytest.importorskip("concordance.lib.parsing")
    parsers = {UN: parsing.parse_un_resolution, BILL: parsing.parse_budapest_bill, BENIN: parsing.parse_benin_decree}
    sources = [parse(source_text(name), name) for name, parse in parsers.items()]
    known = {
        (instrument.slug, node.eid)
        for source in sources
        for instrument in source.instruments
        for top in instrument.body
        for node in top.walk()
    }
    unresolved, count = [], 0
    for source in sources:
        for instrument in source.instruments:
            for top in instrument.body:
                for node, context in _provisions(top, Context(instrument.slug)):
                    refs = find_references(node.text, context, lambda t: (t.instrument, t.eid) in known)
                    count += len(refs)
                    unresolved += [(instrument.slug, node.eid, r.text) for r in refs if not r.resolved]
    assert count > 300
    assert unresolved == []
