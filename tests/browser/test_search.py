"""Journey 4: search as you type, then open a result at its paragraph."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import in_viewport, mark_window, window_kept

pytestmark = pytest.mark.django_db


def open_search(page: Page) -> None:
    response = page.goto("/search/")
    assert response is not None and response.status == 200


def test_results_come_as_you_type(page: Page):
    open_search(page)
    expect(page.locator("#results")).to_contain_text("Saisissez un ou plusieurs mots à chercher.")
    mark_window(page)

    # Typed key by key, and never submitted: the results follow the typing.
    page.get_by_role("searchbox", name="Rechercher").press_sequentially("garder le secret", delay=40)

    expect(page.locator("#results .summary")).to_have_text("7 résultats.")
    expect(page).to_have_url(re.compile(r"/search/\?(.*&)?q=garder(\+|%20)le(\+|%20)secret"))
    un_hits = page.locator("#results-un .search-hit-title a")
    expect(un_hits).to_contain_text(["Art. 29, par. 3", "Art. 30, par. 3", "Art. 25, par. 3"])
    expect(page.get_by_role("searchbox", name="Rechercher")).to_be_focused()
    assert window_kept(page), "the results came with a full page load"


def test_a_result_opens_at_its_paragraph(page: Page):
    open_search(page)
    page.get_by_role("searchbox", name="Rechercher").fill("garder le secret")
    page.get_by_role("searchbox", name="Rechercher").press("Enter")
    hit = page.locator("#results-un").get_by_role("link", name="Art. 25, par. 3", exact=True)
    expect(hit).to_be_visible()

    hit.click()

    expect(page).to_have_url(re.compile(r"/un/art-25/#art_25__para_3$"))
    paragraph = page.locator("#art_25__para_3")
    expect(paragraph).to_contain_text("à garder le secret sur la mise en œuvre desdites procédures")
    assert in_viewport(page, "#art_25__para_3"), "the page did not open at the paragraph found"


def test_the_best_hits_across_instruments_come_first(page: Page):
    open_search(page)
    page.get_by_role("searchbox", name="Rechercher").fill("preservation rapide")
    page.get_by_role("searchbox", name="Rechercher").press("Enter")
    best = page.get_by_role("region", name="Meilleurs résultats").get_by_role("link")
    # Typed without accent: the glossary still brings in Budapest's "conservation rapide".
    expect(best).to_have_text(
        [
            "Convention des Nations Unies contre la cybercriminalité, Art. 25",
            "Convention de Budapest sur la cybercriminalité, Art. 16",
            "Convention de Budapest sur la cybercriminalité, Art. 29",
            "Convention des Nations Unies contre la cybercriminalité, Art. 42",
        ]
    )
    # The first result link of the page, before the groups by instrument.
    first_hit = page.locator("#results a[href^='/un/'], #results a[href^='/budapest/']").first
    expect(first_hit).to_have_attribute("href", "/un/art-25/#art_25")


def test_the_next_page_of_results_comes_in_place_and_keeps_the_query(page: Page):
    open_search(page)
    page.get_by_role("searchbox", name="Rechercher").fill("données")
    page.get_by_role("searchbox", name="Rechercher").press("Enter")
    summary = page.locator("#results .summary")
    expect(summary).to_contain_text("Résultats 1 à 25 sur")
    total = re.search(r"sur (\d+)", summary.inner_text()).group(1)
    mark_window(page)

    page.locator("#results .page-links").get_by_role("link", name="Suivante →").click()

    expect(summary).to_have_text(f"Résultats 26 à 50 sur {total}, les mieux classés d'abord.")
    expect(page).to_have_url(re.compile(r"/search/\?q=donn%C3%A9es&(.*&)?page=2$"))
    expect(page.locator("#results .page-links [aria-current=page]")).to_have_text("2")
    expect(page.get_by_role("region", name="Meilleurs résultats")).to_have_count(0)
    expect(page.get_by_role("searchbox", name="Rechercher")).to_have_value("données")
    assert window_kept(page), "the next page came with a full page load"
