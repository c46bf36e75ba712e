"""Presentation mode of the comparison page (issue 18 §3): ``?presentation=1`` shows one aligned
row at a time; each row carries its counter and its links to the rows before and after it, so
that it works without JavaScript (comparison/presentation.py). The browser side is in
tests/browser/test_presentation.py."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from concordance.comparison.forms import ComparisonOptions, option_links, option_query
from concordance.comparison.presentation import Step, presentation_steps
from concordance.lib.comparison import Collapsed

PAIR = "/compare/un/art_25/budapest/art_16/"
PRESENTING = PAIR + "?presentation=1"


def navs(page: str) -> list[tuple[str, str, str, str]]:
    """(row id, previous link, counter, next link) of each presented row, previous/next "" when absent."""
    found = []
    for row_id, nav in re.findall(
        r'id="(row-\d+)">\s*<div class="cell present-nav" role="cell">(.*?)</div>', page, re.S
    ):
        previous = re.search(r'<a class="present-previous" href="#([^"]+)"', nav)
        counter = re.search(r'<span class="present-counter">.*?</span>(\d+ / \d+)</span>', nav)
        following = re.search(r'<a class="present-next" href="#([^"]+)"', nav)
        assert counter, nav
        found.append(
            (row_id, previous.group(1) if previous else "", counter.group(1), following.group(1) if following else "")
        )
    return found


def test_the_steps_skip_the_folded_identical_rows():
    rows = [Collapsed(2), "a", "b", Collapsed(1), "c"]  # presentation_steps looks at nothing but the folds
    steps = presentation_steps(rows)
    assert steps == [
        None,
        Step(1, 3, "row-2", None, "row-3"),
        Step(2, 3, "row-3", "row-2", "row-5"),
        None,
        Step(3, 3, "row-5", "row-3", None),
    ]
    assert presentation_steps([]) == []


def test_the_option_has_an_address_and_links_in_and_out_keep_the_other_options():
    presenting = ComparisonOptions(changes=True, presentation=True)
    assert option_query(presenting) == "?changes=1&presentation=1"
    links = option_links(ComparisonOptions(view="inline", terms="hide"))
    # Presenting is side by side, whatever the view was.
    assert links["present"] == "?view=side&terms=hide&presentation=1"
    assert option_links(presenting)["leave_presentation"] == "?view=side&changes=1"


@pytest.mark.django_db
def test_every_row_is_a_step_with_its_counter_and_links_to_its_neighbours(client):
    page = client.get(PRESENTING).content.decode()
    assert '<body class="print-wide presenting">' in page
    steps = navs(page)
    total = page.count('role="row" id="row-')
    assert len(steps) == total > 3
    ids = [row_id for row_id, *_ in steps]
    assert [counter for _, _, counter, _ in steps] == [f"{n} / {total}" for n in range(1, total + 1)]
    assert [previous for _, previous, _, _ in steps] == ["", *ids[:-1]]
    assert [following for *_, following in steps] == [*ids[1:], ""]
    # The first is shown while the address names no row; leaving keeps the other options.
    assert re.search(r'<div class="row[^"]* first-step" role="row" id="row-1">', page)
    assert page.count("first-step") == 1
    assert '<a id="present-leave" href="?view=side">Quitter la présentation</a>' in page


@pytest.mark.django_db
def test_the_ordinary_page_offers_presentation_and_carries_none_of_it(client):
    page = client.get(PAIR + "?terms=hide").content.decode()
    assert '<a class="present-enter" href="?view=side&amp;terms=hide&amp;presentation=1">' in page
    assert "present-nav" not in page and "presenting" not in page and "present-leave" not in page


@pytest.mark.django_db
def test_presenting_is_side_by_side_and_follows_changes_only(client):
    inline = client.get(PAIR + "?view=inline&presentation=1").content.decode()
    assert '<div class="rows side"' in inline and '<ol class="rows inline">' not in inline
    # UN 42 / Budapest 29 with terminology hidden has identical rows: they are folded, and not steps.
    folded = client.get("/compare/un/art_42/budapest/art_29/?changes=1&terms=hide&presentation=1").content.decode()
    full = client.get("/compare/un/art_42/budapest/art_29/?terms=hide&presentation=1").content.decode()
    assert 'class="row collapsed"' in folded
    assert 0 < len(navs(folded)) < len(navs(full))
    assert navs(folded)[-1][2] == f"{len(navs(folded))} / {len(navs(folded))}"


@pytest.mark.django_db
def test_presenting_costs_the_same_queries(client, django_assert_num_queries):
    client.get(PRESENTING)  # warm the caches, as test_compare_page does
    with django_assert_num_queries(11):
        assert client.get(PRESENTING).status_code == 200


@pytest.mark.django_db
def test_the_pdf_of_a_presentation_address_is_the_whole_comparison(client):
    """The PDF renders the page's template from shown_with: the presentation is the page's own."""
    from concordance.comparison.forms import ComparisonOptionsForm, shown_with
    from concordance.comparison.lookup import find
    from concordance.comparison.page import comparison_page

    context = shown_with(
        comparison_page(find("un", "art_25"), find("budapest", "art_16")),
        ComparisonOptionsForm({"presentation": "1"}).filters(),
    )
    assert context["presenting"] is False and context["steps"] == []


@pytest.mark.django_db
def test_the_presentation_is_a_cached_page_of_its_own(settings, django_assert_num_queries):
    settings.RESPONSE_CACHE = True
    reader = Client()
    ordinary = reader.get(PAIR).content
    presented = reader.get(PRESENTING).content
    assert b"present-nav" in presented and b"present-nav" not in ordinary
    with django_assert_num_queries(0):
        assert reader.get(PRESENTING).content == presented
        assert reader.get(PAIR).content == ordinary
