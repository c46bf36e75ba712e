"""A search's results a page at a time: every match on exactly one page, in rank order, page links
that keep the query and the filters, bad and missing pages refused, a page as cheap as the first."""

import re

import pytest
from django import forms

from concordance.search.forms import SearchFilterForm
from concordance.search.sql import RESULTS_PER_PAGE
from tests.search.pages import every_page, hits, page, results

pytestmark = pytest.mark.django_db

HIT = re.compile(r'<li class="search-hit search-hit-')


def total_of(html: str) -> int:
    found = re.search(r"Résultats \d+ à \d+ sur (\d+)", html) or re.search(r"(\d+) résultats?\.", html)
    return int(found.group(1))


def test_every_match_is_on_exactly_one_page_in_rank_order(client):
    pages = every_page(client, q="données")
    total = total_of(pages[0])
    assert len(pages) == -(-total // RESULTS_PER_PAGE) > 2
    assert [len(HIT.findall(results(html))) for html in pages[:-1]] == [RESULTS_PER_PAGE] * (len(pages) - 1)
    assert sum(len(HIT.findall(results(html))) for html in pages) == total
    linked = [hit for html in pages for hit in hits(html)]
    assert len(linked) == len(set(linked)), "no hit is shown twice"
    for number, html in enumerate(pages, start=1):
        first = (number - 1) * RESULTS_PER_PAGE + 1
        assert f"{first}–{min(first + RESULTS_PER_PAGE - 1, total)} sur {total}" in html
        assert total_of(html) == total


def test_the_page_links_keep_the_query_and_the_filters(client):
    html = page(client, q="données", instrument="un", kind="text", page="2")
    assert '<strong aria-current="page">2</strong>' in html
    assert '<a href="?q=donn%C3%A9es&amp;instrument=un&amp;kind=text" rel="prev"' in html
    assert 'href="?q=donn%C3%A9es&amp;instrument=un&amp;kind=text&amp;page=3" rel="next"' in html
    assert all(hit.startswith("/un/") for hit in hits(html))


def test_the_best_hits_across_instruments_head_the_first_page_only(client):
    assert "Meilleurs résultats" in page(client, q="données")
    assert "Meilleurs résultats" not in page(client, q="données", page="2")


def test_a_page_past_the_last_is_not_found_and_a_bad_page_number_is_refused(client):
    pages = -(-total_of(page(client, q="génocide")) // RESULTS_PER_PAGE)
    missing = client.get("/search/", {"q": "génocide", "page": str(pages + 1)})
    assert missing.status_code == 404
    assert client.get("/search/", {"q": "zzzqqq", "page": "2"}).status_code == 404
    # Past what SQL's OFFSET takes: still a page that does not exist.
    assert client.get("/search/", {"q": "génocide", "page": "9" * 30}).status_code == 404
    for bad in ("0", "-1", "deux", "1.5", "²"):
        refused = client.get("/search/", {"q": "génocide", "page": bad})
        assert refused.status_code == 400, bad
        assert "Numéro de page invalide" in refused.content.decode()


def test_a_later_page_swaps_the_results_alone_and_costs_what_the_first_does(client, django_assert_num_queries):
    from tests.search.test_ranking import QUERIES_OF_A_SEARCH

    page(client, q="préservation")  # the glossary and the forms' choices cached first
    with django_assert_num_queries(QUERIES_OF_A_SEARCH):
        page(client, q="données", page="3")
    swapped = client.get("/search/", {"q": "données", "page": "2"}, headers={"HX-Request": "true"})
    body = swapped.content.decode()
    assert body.lstrip().startswith('<section id="results"') and "<html" not in body
    assert 'hx-get="?q=donn%C3%A9es&amp;page=3" hx-target="#results"' in body


def test_the_filter_selects_write_what_django_s_select_writes():
    """Written in one pass (LongSelect) because the instruments grow with the corpus; same markup."""
    from concordance.corpus.models import Instrument
    from concordance.mapping.models import Theme
    from tests.comparison.test_pair_form import markup

    for data in ({}, {"instrument": "budapest", "theme": "zz"}):
        form = SearchFilterForm(data, instruments=Instrument.objects.choices(), themes=list(Theme.objects.all()))
        for name in ("instrument", "theme"):
            field = form[name]
            ours = str(field)
            field.field.widget = forms.Select(attrs=field.field.widget.attrs, choices=field.field.choices)
            assert markup(field.as_widget()) == markup(ours)
            assert ours.count("<option") == len(field.field.choices) > 3
