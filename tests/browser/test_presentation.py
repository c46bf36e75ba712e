"""Presentation mode of the comparison (issue 18 §3): a visible button and an address
(?presentation=1) show one aligned row at a time in large type under the two column labels,
n / p and the arrows move, Escape leaves, the counter says where one is; without JavaScript
each row's own links move; on a 1280 × 720 projector at 150 % the first row is whole on the
first screen. Screenshots go with the others, under screenshots/."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from tests.browser.helpers import DESKTOP as DESKTOP_SIZE
from tests.browser.helpers import PAIR, PHONE, accessibility_violations, screenshot

pytestmark = pytest.mark.django_db

DESKTOP = ViewportSize(width=DESKTOP_SIZE["width"], height=DESKTOP_SIZE["height"])
# A 1280 × 720 screen zoomed to 150 %: 853 × 480 CSS pixels at a device scale of 1.5.
PROJECTOR = ViewportSize(width=853, height=480)
LONG_PAIR = "/compare/un/art_40/budapest/art_27/"
SHOWN_ROWS = "#rows .rows.side .row[id^='row-']:visible"


def counter(page: Page) -> str:
    """The counter of the one row on screen, "3 / 17"."""
    expect(page.locator(SHOWN_ROWS)).to_have_count(1)
    text = page.locator(SHOWN_ROWS).locator(".present-counter").inner_text()
    return re.sub(r"^\D+", "", text).strip()


def total_of(page: Page) -> int:
    return int(counter(page).split(" / ")[1])


def text_size(page: Page) -> float:
    """The size of the shown row's text, in CSS pixels."""
    return (
        page.locator(SHOWN_ROWS).locator(".cell.left").evaluate("cell => parseFloat(getComputedStyle(cell).fontSize)")
    )


def body_size(page: Page) -> float:
    return page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")


@pytest.fixture
def scriptless(new_context) -> Iterator[Page]:
    context = new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_a_teacher_enters_moves_with_the_keys_and_leaves_where_she_was(page: Page):
    page.set_viewport_size(DESKTOP)
    page.goto(LONG_PAIR)
    page.get_by_role("link", name="Présenter, une ligne à la fois").click()
    expect(page).to_have_url(re.compile(r"\?view=side&presentation=1$"))
    expect(page.locator("body")).to_have_class(re.compile(r"\bpresenting\b"))
    total = total_of(page)
    assert total > 10
    assert counter(page) == f"1 / {total}"
    head = page.locator(".rows.side .row.head")
    expect(head).to_be_in_viewport()
    expect(head).to_contain_text("Convention des Nations Unies")
    expect(head).to_contain_text("Convention de Budapest")
    # What is not the row folds away.
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".counterparts-aside")).to_be_hidden()
    expect(page.locator("#rows .summary")).to_be_hidden()

    page.keyboard.press("n")
    assert counter(page) == f"2 / {total}"
    expect(page).to_have_url(re.compile(r"#row-\d+$"))
    # The focus is on the row shown, for a screen reader to read it.
    assert page.evaluate("() => document.activeElement.id") == page.locator(SHOWN_ROWS).get_attribute("id")
    page.keyboard.press("ArrowRight")
    assert counter(page) == f"3 / {total}"
    page.keyboard.press("p")
    assert counter(page) == f"2 / {total}"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # nothing before the first row
    assert counter(page) == f"1 / {total}"
    for _ in range(4):
        page.keyboard.press("n")
    shown = page.locator(SHOWN_ROWS).get_attribute("id")
    assert counter(page) == f"5 / {total}"
    expect(head).to_be_in_viewport()
    # The browser's Back goes to the row before.
    page.go_back()
    assert counter(page) == f"4 / {total}"
    page.go_forward()
    assert counter(page) == f"5 / {total}"

    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(rf"\?view=side#{shown}$"))
    expect(page.locator("body")).not_to_have_class(re.compile(r"\bpresenting\b"))
    assert page.locator(SHOWN_ROWS).count() == total
    expect(page.locator(f"#{shown}")).to_be_in_viewport()


def test_the_last_row_stays_and_the_keys_obey_the_shortcut_switch(page: Page):
    page.set_viewport_size(DESKTOP)
    page.goto(PAIR + "?presentation=1")
    total = total_of(page)
    for _ in range(total + 2):
        page.keyboard.press("ArrowRight")
    assert counter(page) == f"{total} / {total}"
    page.keyboard.press("ArrowLeft")
    assert counter(page) == f"{total - 1} / {total}"
    page.get_by_text("Légende et raccourcis").click()
    page.get_by_label("raccourcis d'une touche actifs").uncheck()
    page.locator(".present-bar strong").click()  # focus back on the page, out of the switch
    page.keyboard.press("n")
    page.keyboard.press("p")
    assert counter(page) == f"{total - 1} / {total}"
    # The arrows are no character keys (WCAG 2.1.4): they still move.
    page.keyboard.press("ArrowRight")
    assert counter(page) == f"{total} / {total}"


def test_without_javascript_each_row_links_to_the_next_and_the_address_names_the_row(scriptless: Page):
    page = scriptless
    page.set_viewport_size(DESKTOP)
    page.goto(LONG_PAIR)
    page.get_by_role("link", name="Présenter, une ligne à la fois").click()
    assert page.evaluate("typeof window.htmx") == "undefined"
    total = total_of(page)
    assert counter(page) == f"1 / {total}"
    page.locator(SHOWN_ROWS).get_by_role("link", name="suivant →").click()
    assert counter(page) == f"2 / {total}"
    page.locator(SHOWN_ROWS).get_by_role("link", name="suivant →").click()
    assert counter(page) == f"3 / {total}"
    page.locator(SHOWN_ROWS).get_by_role("link", name="← précédent").click()
    assert counter(page) == f"2 / {total}"
    # A row's address can be linked and reloaded.
    address = page.url
    assert re.search(r"\?view=side&presentation=1#row-\d+$", address)
    page.goto(PAIR)
    page.goto(address)
    assert counter(page) == f"2 / {total}"
    # A link to a paragraph of a row shows that row.
    paragraph = page.locator("#rows .rows.side .row[id^='row-']").nth(6).locator(".unit[id^='l-']").first
    paragraph_id = paragraph.get_attribute("id")
    page.goto(address.split("#")[0] + f"#{paragraph_id}")
    expect(page.locator(SHOWN_ROWS).locator(f"#{paragraph_id}")).to_be_visible()
    page.get_by_role("link", name="Quitter la présentation").click()
    assert page.locator(SHOWN_ROWS).count() == total


def test_a_projector_shows_the_first_row_whole_in_large_type_without_violations(new_context):
    page = new_context(device_scale_factor=1.5).new_page()
    page.set_viewport_size(PROJECTOR)
    page.goto(PAIR + "?presentation=1")
    first = page.locator(SHOWN_ROWS)
    expect(first).to_have_count(1)
    box = first.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= PROJECTOR["height"], f"the first row spans {box}"
    expect(page.locator(".rows.side .row.head")).to_be_in_viewport()
    # Zoomed to 150 % already, the type is no smaller than the page's; on a wide screen it is larger (below).
    assert text_size(page) >= body_size(page)
    page.screenshot(
        path=str(screenshot(page, "presentation-projector").with_name("presentation-projector-first-screen.png"))
    )
    assert accessibility_violations(page) == []


def test_a_presented_row_is_in_large_type_without_accessibility_violations(page: Page):
    page.set_viewport_size(DESKTOP)
    page.goto(LONG_PAIR + "?presentation=1#row-3")
    expect(page.locator(SHOWN_ROWS)).to_have_id("row-3")
    assert text_size(page) >= 1.4 * body_size(page), f"{text_size(page)}px against {body_size(page)}px"
    screenshot(page, "presentation-desktop")
    assert accessibility_violations(page) == []


def test_on_a_phone_a_presented_row_reads_in_one_column_without_scrolling_sideways(new_context):
    page = new_context().new_page()
    page.set_viewport_size(ViewportSize(width=PHONE["width"], height=PHONE["height"]))
    page.goto(PAIR + "?presentation=1#row-2")
    assert counter(page).startswith("2 / ")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{width}px wide on a {PHONE['width']}px screen"
    # One column: each cell names its instrument, as on the ordinary page.
    label = (
        page.locator(SHOWN_ROWS).locator(".cell.left").evaluate("cell => getComputedStyle(cell, '::before').content")
    )
    assert "Convention des Nations Unies" in label
    screenshot(page, "presentation-phone")
