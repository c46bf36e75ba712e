"""An English query in the UN Convention's own wording finds the UN article (issue 18 §2)."""

import re

import pytest

from tests.search.pages import hits, page, results

pytestmark = pytest.mark.django_db

BEST = re.compile(r'<li class="search-best-hit">\s*<a href="([^"]+)"')


@pytest.mark.parametrize(
    ("query", "article"),
    [
        ("expedited preservation of stored electronic data", "/un/art-25/"),
        ("information and communications technology system-related theft or fraud", "/un/art-13/"),
        ("non-consensual dissemination of intimate images", "/un/art-16/"),
        ("child sexual abuse material", "/un/art-14/"),
        ("solicitation or grooming", "/un/art-15/"),
        ("interference with electronic data", "/un/art-9/"),
        ("interference with an information and communications technology system", "/un/art-10/"),
    ],
)
def test_the_un_wording_finds_the_un_article_first_among_the_un_results(client, query, article):
    html = page(client, q=query)
    un_hits = [link for link in hits(html) if link.startswith("/un/")]
    assert un_hits and un_hits[0].startswith(article), (BEST.findall(html), un_hits[:5])
    # The page says which French terms the English was searched as.
    assert "search-expansion-english" in results(html)


def test_the_un_article_of_a_shared_title_is_among_the_best_results(client):
    html = page(client, q="expedited preservation of stored electronic data")
    assert any(link.startswith("/un/art-25/") for link in BEST.findall(html)[:3]), BEST.findall(html)


@pytest.mark.parametrize(
    ("query", "article"), [("data interference", "/budapest/art-4/"), ("system interference", "/budapest/art-5/")]
)
def test_the_budapest_title_finds_the_budapest_article_and_its_un_counterpart(client, query, article):
    found = hits(page(client, q=query))
    assert any(link.startswith(article) for link in found), found[:5]
    assert any(link.startswith(("/un/art-9/", "/un/art-10/")) for link in found), found[:5]
