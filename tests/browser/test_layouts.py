"""Reading layouts (issue 18 §3): the comparison's column labels stick, a phone reads every
page in one column with a menu, a projector (1280 × 720 at 150 %) shows the first row of a
comparison on the first screen. Screenshots go with the others, under screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from tests.browser.helpers import DESKTOP as DESKTOP_SIZE
from tests.browser.helpers import PAIR, accessibility_violations, screenshot
from tests.browser.helpers import PHONE as PHONE_SIZE

pytestmark = pytest.mark.django_db

LONG_PAIR = "/compare/un/art_40/budapest/art_27/"
DESKTOP = ViewportSize(width=DESKTOP_SIZE["width"], height=DESKTOP_SIZE["height"])
PHONE = ViewportSize(width=PHONE_SIZE["width"], height=PHONE_SIZE["height"])
# A 1280 × 720 screen zoomed to 150 %: 853 × 480 CSS pixels at a device scale of 1.5.
PROJECTOR = ViewportSize(width=853, height=480)
PROJECTOR_SCALE = 1.5


def top_of(page: Page, selector: str) -> float:
    return page.locator(selector).first.evaluate("element => element.getBoundingClientRect().top")


def test_the_column_labels_stay_on_screen_while_a_long_comparison_scrolls(page: Page):
    page.set_viewport_size(DESKTOP)
    page.goto(LONG_PAIR)
    head = page.locator(".rows.side .row.head")
    start = top_of(page, ".rows.side .row.head")
    page.locator("#row-20").scroll_into_view_if_needed()
    page.mouse.wheel(0, 3000)
    # Polled from here: a wait_for_function string would be evaluated in the page, which the CSP forbids.
    for _ in range(50):
        if page.evaluate("() => window.scrollY") > 3000:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("() => window.scrollY") > 3000
    # Far below where it started, the head row is at the top of the screen, in front of the rows.
    assert start > 0
    assert abs(top_of(page, ".rows.side .row.head")) < 2
    expect(head).to_be_in_viewport()
    expect(head).to_contain_text("Convention des Nations Unies")
    expect(head).to_contain_text("Convention de Budapest")
    on_top = page.evaluate(
        """() => {
            const box = document.querySelector(".rows.side .row.head").getBoundingClientRect();
            const found = document.elementFromPoint(box.left + 20, box.top + box.height / 2);
            return Boolean(found && found.closest(".row.head"));
        }"""
    )
    assert on_top, "the rows scroll under the labels, not over them"
    page.screenshot(
        path=str(screenshot(page, "layout-sticky-labels-desktop").with_name("layout-sticky-labels-viewport.png"))
    )


def test_a_phone_reads_the_comparison_with_a_label_per_cell_and_a_one_column_legend(new_context):
    page = new_context().new_page()
    page.set_viewport_size(PHONE)
    page.goto(PAIR)
    labels = page.locator(".rows.side .row:not(.head) .cell").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content)"
    )
    assert labels and all(label.strip('"') for label in labels), labels
    assert '"Convention des Nations Unies contre la cybercriminalité"' in labels
    assert '"Convention de Budapest sur la cybercriminalité"' in labels
    page.get_by_text("Légende et raccourcis").click()
    legend = page.get_by_label("Légende")
    assert legend.evaluate("element => getComputedStyle(element).flexDirection") == "column"
    lefts = legend.locator(":scope > *").evaluate_all("items => items.map(item => item.getBoundingClientRect().left)")
    assert len(set(round(left) for left in lefts)) == 1, lefts
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "layout-comparison-phone")
    assert accessibility_violations(page) == []


def test_a_phone_gets_a_menu_that_opens_without_script(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.set_viewport_size(PHONE)
    page.goto("/un/art-25/")
    expect(page.locator(".nav-full")).to_be_hidden()
    menu = page.get_by_text("Menu", exact=True)
    expect(menu).to_be_visible()
    header = page.locator(".site-header").evaluate("element => element.getBoundingClientRect().height")
    assert header < 150, f"the header takes {header}px of 844"
    search = page.get_by_role("navigation", name="Navigation principale (menu)").get_by_role("link", name="Recherche")
    expect(search).to_be_hidden()
    menu.click()
    expect(search).to_be_visible()
    screenshot(page, "layout-menu-open-phone")
    search.click()
    expect(page).to_have_url(re.compile(r"/search/$"))


def test_the_editions_page_does_not_scroll_sideways_on_a_phone(new_context):
    page = new_context().new_page()
    page.set_viewport_size(PHONE)
    response = page.goto("/budapest/editions/")
    assert response is not None and response.status == 200
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{width}px wide on a {PHONE['width']}px screen"
    screenshot(page, "layout-editions-phone")
    assert accessibility_violations(page) == []


def test_a_projector_shows_the_first_row_of_a_comparison_on_the_first_screen(new_context):
    page = new_context(device_scale_factor=PROJECTOR_SCALE).new_page()
    page.set_viewport_size(PROJECTOR)
    page.goto(PAIR)
    page.screenshot(path=str(screenshot(page, "layout-projector").with_name("layout-projector-first-screen.png")))
    first_row = page.locator("#row-1")
    box = first_row.bounding_box()
    assert box is not None
    assert box["y"] + 40 < PROJECTOR["height"], f"the first row starts at y = {box['y']}"
    expect(page.locator(".rows.side .row.head")).to_be_in_viewport()


def test_the_single_key_shortcuts_can_be_turned_off(page: Page):
    page.goto(PAIR)
    page.keyboard.press("n")
    expect(page.locator(".current-diff")).to_have_count(1)
    page.get_by_text("Légende et raccourcis").click()
    switch = page.get_by_label("raccourcis d'une touche actifs")
    expect(switch).to_be_enabled()
    switch.uncheck()
    page.locator("h1").click()
    before = page.locator(".current-diff").evaluate("element => element.textContent")
    page.keyboard.press("n")
    page.keyboard.press("n")
    assert page.locator(".current-diff").evaluate("element => element.textContent") == before
    # Remembered: still off on the next comparison.
    page.goto("/compare/un/art_42/budapest/art_29/")
    page.keyboard.press("n")
    expect(page.locator(".current-diff")).to_have_count(0)


def test_the_shortcuts_do_not_act_while_focus_is_in_the_navigation(page: Page):
    page.set_viewport_size(DESKTOP)
    page.goto(PAIR)
    page.locator(".nav-full").get_by_role("link", name="Glossaire").focus()
    page.keyboard.press("n")
    expect(page.locator(".current-diff")).to_have_count(0)


def test_the_notes_index_and_the_pair_form_pass_axe(page: Page):
    for url in ("/un/notes/", "/compare/"):
        page.goto(url)
        assert accessibility_violations(page) == [], url
