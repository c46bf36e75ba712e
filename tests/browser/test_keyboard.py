"""Journey 7, keyboard: the main pages work with the keyboard alone, and the focus always shows."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import MAIN_PAGES, PAIR

pytestmark = pytest.mark.django_db

FOCUS = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName,
        label: (element.getAttribute("aria-label") || element.textContent || element.id || "").trim().slice(0, 60),
        outlined: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadowed: style.boxShadow !== "none",
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
    };
}"""
MAX_TAB_STOPS = 80


def tab_to(page: Page, selector: str, limit: int = MAX_TAB_STOPS) -> int:
    """Press Tab until the element has the focus; how many presses it took."""
    target = page.locator(selector)
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return presses
    raise AssertionError(f"{selector} not reached in {limit} presses of Tab")


def test_the_skip_link_comes_first_and_leads_to_the_content(page: Page):
    page.goto("/un/art-25/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab goes on from the content, not from the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("url", list(MAIN_PAGES.values()), ids=list(MAIN_PAGES))
def test_every_tab_stop_shows_the_focus(page: Page, url: str):
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    unseen = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus["tag"] == "BODY":  # past the last stop
            break
        if not (focus["outlined"] or focus["shadowed"]) or not focus["onScreen"]:
            unseen.append(focus)
    assert unseen == []


def test_the_concordance_filters_with_the_keyboard_alone(page: Page):
    page.goto("/concordance/")
    expect(page.locator("#results tbody tr")).to_have_count(68)
    tab_to(page, "#id_theme")
    page.keyboard.press("ArrowDown")  # the first theme after "tous"

    expect(page).to_have_url(re.compile(r"theme=definitions"))
    expect(page.locator("#results .summary")).to_contain_text("(filtré")
    expect(page.locator("#id_theme")).to_be_focused()

    # On to the first article of the table, opened with Enter.
    tab_to(page, "#results tbody tr:first-child th a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/un/art-\d+/$"))


def test_the_comparison_options_with_the_keyboard_alone(page: Page):
    page.goto(PAIR)
    inline = page.get_by_role("navigation", name="Affichage de la comparaison").get_by_role("link", name="En une colonne")
    tab_to(page, "nav.options a >> nth=0")
    expect(inline).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
    expect(page).to_have_url(re.compile(r"\?view=inline$"))


def test_search_with_the_keyboard_alone(page: Page):
    response = page.goto("/search/")
    assert response is not None and response.status == 200
    tab_to(page, "#search-q")
    page.keyboard.type("garder le secret")
    expect(page.locator("#results .summary")).to_have_text("7 résultats.")
    tab_to(page, "#results .search-hit-title a >> nth=0")
    first = page.locator("#results .search-hit-title a").first
    href = first.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
