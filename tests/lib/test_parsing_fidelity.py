"""Every parsed article holds exactly the words of its source, in order.

For each article of each instrument and edition, the words of the tree
(number labels as printed, heading, every node's text, in document order)
must equal the words of the source lines from the article's heading to the
next article or division heading (or to the closing "En foi de quoi"), once
markup and layout debris are removed.

The debris removal (tests/lib/fidelity.py, shared with the check of the
stored rows in tests/corpus) is deliberately small and written independently
of the parser.
"""

from __future__ import annotations

import copy
from functools import cache

import pytest

from concordance.lib.parsing import (
    DIVISION_KINDS,
    Node,
    ParsedInstrument,
    parse_benin_decree,
    parse_budapest_bill,
    parse_un_resolution,
)

from .fidelity import closing_line, normalised, raw_lines, source_words, spans, tree_words, words_mismatch

UN = "un-resolution-79-243-fr.txt"
BILL = "budapest-bill-905-2003-fr.txt"
DECREE = "budapest-benin-decree-2024-773-fr.txt"
PARSERS = {UN: parse_un_resolution, BILL: parse_budapest_bill, DECREE: parse_benin_decree}


@cache
def parsed(filename: str):
    return PARSERS[filename]("\n".join(raw_lines(filename)), filename)


def article_spans(filename: str, instrument: ParsedInstrument):
    articles = instrument.articles()
    headings = [
        node.line for top in instrument.body for node in top.walk() if node.kind in ("article", *DIVISION_KINDS)
    ]
    for article, (start, end) in zip(articles, spans(filename, [a.line for a in articles], headings), strict=True):
        yield article, start, end


def mismatch(filename: str, article: Node, start: int, end: int) -> str | None:
    """None when the article's words are the source's, else where they differ."""
    return words_mismatch(filename, article.eid, tree_words(article), start, end)


CASES = [
    pytest.param(filename, slug, id=name)
    for name, filename, slug in [
        ("un", UN, "un"),
        ("bill-budapest", BILL, "budapest"),
        ("decree-budapest", DECREE, "budapest"),
        ("decree-protocol", DECREE, "budapest-p1"),
    ]
]


@pytest.mark.parametrize("filename, slug", CASES)
def test_every_article_has_exactly_the_words_of_its_source(filename: str, slug: str) -> None:
    instrument = next(i for i in parsed(filename).instruments if i.slug == slug)
    spans = list(article_spans(filename, instrument))
    assert len(spans) == len(instrument.articles()) > 0
    mismatches = [found for span in spans if (found := mismatch(filename, *span))]
    assert mismatches == []


def _para_2(article: Node) -> Node:
    return next(node for node in article.walk() if node.eid == "art_25__para_2")


def _edit(old: str, new: str):
    def damage(article: Node) -> None:
        _para_2(article).text = _para_2(article).text.replace(old, new)

    return damage


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(_edit("90 jours", "80 jours"), id="altered"),
        pytest.param(_edit(" au maximum", ""), id="dropped"),
        pytest.param(_edit("au maximum de", "de au maximum"), id="reordered"),
        pytest.param(lambda article: article.children.pop(), id="lost-paragraph"),
    ],
)
def test_the_fidelity_check_catches_a_damaged_article(damage) -> None:
    instrument = parsed(UN).instruments[0]
    article, start, end = next(span for span in article_spans(UN, instrument) if span[0].eid == "art_25")
    damaged = copy.deepcopy(article)
    damage(damaged)
    assert mismatch(UN, article, start, end) is None
    assert mismatch(UN, damaged, start, end) is not None


@pytest.mark.parametrize("filename, slug", CASES)
def test_article_spans_cover_the_whole_body(filename: str, slug: str) -> None:
    """No line between the first heading and the closing is left out of a
    division heading or an article (so the test above sees every word)."""
    instrument = next(i for i in parsed(filename).instruments if i.slug == slug)
    lines = raw_lines(filename)
    covered: set[int] = set()
    for _, start, end in article_spans(filename, instrument):
        covered.update(range(start, end))
    divisions = instrument.divisions()
    first = min(node.line for node in divisions) if divisions else instrument.articles()[0].line
    last = closing_line(filename, instrument.articles()[-1].line)
    division_lines = _division_heading_lines(lines, divisions)
    uncovered = [
        no for no in range(first, last) if no not in covered and no not in division_lines and lines[no - 1].strip()
    ]
    assert uncovered == []


def _division_heading_lines(lines: tuple[str, ...], divisions: list[Node]) -> set[int]:
    """A division heading and its title: its line and the following lines up
    to the next blank line, or the next block when the heading stands alone."""
    out: set[int] = set()
    for node in divisions:
        no = node.line
        out.add(no)
        words = source_words([lines[no - 1]])
        alone = len(words) <= 2
        no += 1
        if alone:
            while not lines[no - 1].strip():
                no += 1
        while lines[no - 1].strip():
            out.add(no)
            no += 1
    return out


@pytest.mark.parametrize("filename, slug", CASES)
def test_division_headings_are_the_source_words(filename: str, slug: str) -> None:
    instrument = next(i for i in parsed(filename).instruments if i.slug == slug)
    lines = raw_lines(filename)
    for node in instrument.divisions():
        heading_lines = sorted(n for n in _division_heading_lines(lines, [node]))
        expected = source_words([lines[no - 1] for no in heading_lines])
        assert normalised([*node.num.split(), *node.heading.split()]) == expected[1:], node.eid


# --- text outside the articles ------------------------------------------------
# (first line, line after the last) of each stretch, read off the sources.

PROSE = [
    pytest.param(UN, lambda s: s.instruments[0].preamble, 81, 116, id="un-preamble"),
    pytest.param(UN, lambda s: s.instruments[0].closing, 1309, 1311, id="un-closing"),
    # Resolution 79/243 from the document's header to its meeting and date.
    pytest.param(UN, lambda s: [n.text for n in s.context], 1, 70, id="un-resolution"),
    pytest.param(UN, lambda s: [w for n in s.notes for w in (n.heading, n.text)], 1315, 1336, id="un-notes"),
    pytest.param(BILL, lambda s: s.instruments[0].preamble, 97, 115, id="bill-preamble"),
    pytest.param(BILL, lambda s: s.instruments[0].closing, 649, 658, id="bill-closing"),
    pytest.param(BILL, lambda s: [n.text for n in s.notes], 30, 68, id="bill-statement"),
    pytest.param(DECREE, lambda s: s.instruments[0].preamble, 89, 128, id="decree-preamble"),
    pytest.param(DECREE, lambda s: s.instruments[0].closing, 687, 693, id="decree-closing"),
    pytest.param(DECREE, lambda s: s.instruments[1].preamble, 699, 732, id="protocol-preamble"),
    pytest.param(DECREE, lambda s: s.instruments[1].closing, 847, 850, id="protocol-closing"),
]


@pytest.mark.parametrize("filename, texts, first, stop", PROSE)
def test_text_outside_the_articles_has_the_words_of_its_source(filename: str, texts, first: int, stop: int) -> None:
    expected = source_words(list(raw_lines(filename)[first - 1 : stop - 1]))
    actual = normalised([word for text in texts(parsed(filename)) for word in text.split()])
    assert actual == expected
