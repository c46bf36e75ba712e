"""Cross-reference numbers that name corresponding articles are correspondence,
not substance (issue 14 §1): UN 26 "article 25" against Budapest 17 "article 16"."""

import dataclasses
import re

import pytest

from concordance.comparison.inputs import CorpusSnapshot, DatabaseSource, compare_pair, pair_inputs
from concordance.comparison.lookup import find

pytestmark = pytest.mark.django_db

URL = "/compare/un/art_26/budapest/art_17/"


def test_the_inputs_carry_the_curated_link_between_the_cited_articles():
    inputs = pair_inputs(find("un", "art_26"), find("budapest", "art_17"), DatabaseSource())
    assert ("un", "art_25", "budapest", "art_16") in inputs.corresponding_articles
    # Only articles the two texts cite: the pair's own link is not among them.
    assert ("un", "art_26", "budapest", "art_17") not in inputs.corresponding_articles


def test_the_numbers_are_marked_as_corresponding_and_left_out_of_the_share():
    inputs = pair_inputs(find("un", "art_26"), find("budapest", "art_17"), DatabaseSource())
    comparison = compare_pair(inputs)
    pieces = [p for row in comparison.rows for p in row.inline_pieces if p.kind == "reference"]
    # "de la présente Convention" belongs to the reference too: each text names its own article.
    assert {(p.side, p.text.strip()) for p in pieces} == {("left", "25 de la présente Convention"), ("right", "16")}
    without = compare_pair(dataclasses.replace(inputs, corresponding_articles=()))
    assert not any(p.kind == "reference" for row in without.rows for p in row.inline_pieces)
    assert comparison.substantive_share < without.substantive_share


@pytest.mark.parametrize("view", ["side", "inline"])
@pytest.mark.parametrize("terms", ["show", "hide"])
def test_the_page_shows_them_marked_with_the_other_texts_number(client, view, terms):
    page = client.get(f"{URL}?view={view}&terms={terms}").content.decode()
    marked = re.findall(r'<span class="reference" title="([^"]*)">(?:<a [^>]*>)?([^<]*)', page)
    texts = {text.strip() for _, text in marked}
    assert {"25 de la présente Convention", "16"} <= texts, marked
    assert any("« 16 »" in title for title, text in marked if text.startswith("25"))
    # Never passed as words both texts share, nor as a change: each number is shown and marked.
    assert not re.search(r'<del class="change">(?:<a [^>]*>)?25', page)
    assert not re.search(r'<ins class="change">(?:<a [^>]*>)?16', page)


def test_numbers_of_articles_that_do_not_correspond_stay_substantive():
    # UN 26 cites its art. 25; a Budapest text citing an article not linked to UN 25 stays a change.
    inputs = pair_inputs(find("un", "art_26"), find("budapest", "art_17"), DatabaseSource())
    unrelated = dataclasses.replace(inputs, corresponding_articles=(("un", "art_25", "budapest", "art_2"),))
    assert not any(p.kind == "reference" for row in compare_pair(unrelated).rows for p in row.inline_pieces)


def test_every_curated_pair_gets_the_same_corresponding_articles_from_both_sources():
    found = [inputs for _, inputs in CorpusSnapshot().curated_pairs() if inputs.corresponding_articles]
    # Measured: pairs whose texts cite corresponding articles (the equality itself is test_inputs).
    assert len(found) >= 5
