"""Pages of a growing list (concordance.paging): numbers read strictly, links that keep the filters."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from concordance.paging import BadPage, NoSuchPage, Page, page_number, page_of, window


@pytest.mark.parametrize("raw", ["abc", "0", "000", "-1", "1.5", "٣", "1e3", " 2"])
def test_a_page_number_is_a_whole_number_from_one(raw):
    with pytest.raises(BadPage):
        page_number(QueryDict(f"page={raw}"))


@pytest.mark.parametrize("raw", ["1000001", "9223372036854775808", "9" * 5000])
def test_a_number_no_list_reaches_is_no_page_before_it_reaches_sql(raw):
    with pytest.raises(NoSuchPage):
        page_number(QueryDict(f"page={raw}"))


def test_the_largest_page_number_and_leading_zeros_are_read():
    assert page_number(QueryDict("page=1000000")) == 1_000_000
    assert page_number(QueryDict("page=007")) == 7


def test_no_page_is_the_first_and_each_list_reads_its_own_parameter():
    assert page_number(QueryDict("")) == 1
    assert page_number(QueryDict("page=3&links=2")) == 3
    assert page_number(QueryDict("page=3&links=2"), "links") == 2


def test_the_window_is_the_page_and_past_the_last_page_is_no_page():
    assert window(1, 95, 30) == slice(0, 30)
    assert window(4, 95, 30) == slice(90, 120)
    assert window(1, 0, 30) == slice(0, 30)  # an empty list has its one, empty, page
    with pytest.raises(NoSuchPage):
        window(5, 95, 30)


def test_links_keep_the_filters_and_the_other_lists_page():
    page = page_of(list(range(30)), 95, 2, 30, QueryDict("chapter=chp_4&links=3&page=2"))
    assert page.pages == 4 and (page.first, page.last) == (31, 60)
    assert page.previous_url == "?chapter=chp_4&links=3"
    assert page.next_url == "?chapter=chp_4&links=3&page=3"
    other = page_of([], 95, 1, 50, QueryDict("page=2&links=1"), "links")
    assert other.next_url == "?page=2&links=2"


def test_far_pages_are_left_out_between_the_first_the_last_and_the_neighbours():
    page = Page(items=[], number=10, count=600, per_page=30, query="")
    numbers = [link[0] if link else None for link in page.links]
    assert numbers == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert Page(items=[], number=1, count=10, per_page=30, query="").has_other_pages is False
