"""Journey 2, second half, and journey 3: a comparison's display options, its keys, and the form."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import PAIR, mark_window, window_kept

pytestmark = pytest.mark.django_db


def options(page: Page):
    return page.get_by_role("navigation", name="Affichage de la comparaison")


def test_switching_to_inline_changes_the_rows_in_place(page: Page):
    page.goto(PAIR)
    expect(page.locator("#rows .rows.side")).to_be_visible()
    mark_window(page)

    options(page).get_by_role("link", name="En une colonne").click()

    expect(page).to_have_url(re.compile(r"/compare/un/art_25/budapest/art_16/\?view=inline$"))
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
    expect(page.locator("#rows .rows.side")).to_have_count(0)
    # Both texts merged in one column: the deletions and insertions are marked.
    expect(page.locator("#rows ol.rows.inline del.change").first).to_be_visible()
    expect(page.locator("#rows ol.rows.inline ins.change").first).to_be_visible()
    assert window_kept(page), "switching the view reloaded the whole page"


def test_differences_only_then_hiding_terminology_keep_the_inline_view(page: Page):
    page.goto(PAIR + "?view=inline")
    mark_window(page)

    options(page).get_by_role("link", name="Différences seulement").click()
    expect(page).to_have_url(re.compile(r"\?(?=.*view=inline)(?=.*changes=1)"))
    expect(page.locator("#rows")).to_have_attribute("data-changes-only", "1")
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
    rows = page.locator("#rows .row")
    assert rows.count() == page.locator("#rows .row.changed").count() > 0

    options(page).get_by_role("link", name="Masquer la terminologie").click()
    expect(page).to_have_url(re.compile(r"\?(?=.*view=inline)(?=.*changes=1)(?=.*terms=hide)"))
    expect(page.locator("#rows")).to_have_class(re.compile(r"\bterms-hidden\b"))
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
    expect(page.locator("#rows")).to_have_attribute("data-changes-only", "1")
    assert window_kept(page), "changing the options reloaded the whole page"


def test_the_options_say_which_are_on_after_an_in_place_change(page: Page):
    page.goto(PAIR)
    options(page).get_by_role("link", name="En une colonne").click()
    expect(page).to_have_url(re.compile(r"\?view=inline$"))
    expect(options(page).locator('[aria-current="true"]')).to_have_text("En une colonne")
    expect(options(page).get_by_role("link", name="Côte à côte")).to_be_visible()


def keyboard_moves_between_changed_rows(page: Page) -> None:
    changed = page.locator("#rows .row.changed")
    assert changed.count() >= 3
    page.keyboard.press("n")
    expect(changed.nth(0)).to_be_focused()
    page.keyboard.press("n")
    expect(changed.nth(1)).to_be_focused()
    page.keyboard.press("n")
    expect(changed.nth(2)).to_be_focused()
    page.keyboard.press("p")
    expect(changed.nth(1)).to_be_focused()
    assert page.evaluate("document.activeElement.id") == changed.nth(1).get_attribute("id")
    # The focused row shows it.
    style = changed.nth(1).evaluate("row => getComputedStyle(row).outlineStyle")
    assert style != "none", "the row has the focus but nothing shows it"


def test_n_and_p_move_the_focus_between_changed_rows_side_by_side(page: Page):
    page.goto(PAIR)
    keyboard_moves_between_changed_rows(page)


def test_n_and_p_move_the_focus_between_changed_rows_inline(page: Page):
    page.goto(PAIR)
    options(page).get_by_role("link", name="En une colonne").click()
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
    keyboard_moves_between_changed_rows(page)


def test_typing_n_in_a_field_types_it(page: Page):
    page.goto(PAIR + "?view=inline")
    field = page.locator("#id_left_ref")
    field.fill("")
    field.press_sequentially("np")
    expect(field).to_have_value("np")
    expect(field).to_be_focused()


def test_the_form_compares_any_two_provisions(page: Page):
    page.goto("/compare/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Comparer deux dispositions")
    page.get_by_label("Instrument de gauche").select_option(label="Convention des Nations Unies contre la cybercriminalité")
    page.locator("#id_left_ref").fill("25.2")
    page.get_by_label("Instrument de droite").select_option(label="Convention de Budapest sur la cybercriminalité")
    page.locator("#id_right_ref").fill("16.2")
    page.get_by_role("button", name="Comparer").click()

    expect(page).to_have_url(re.compile(r"/compare/un/art_25__para_2/budapest/art_16__para_2/$"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Convention des Nations Unies contre la cybercriminalité, art. 25, par. 2")
    expect(heading).to_contain_text("Convention de Budapest sur la cybercriminalité, art. 16, par. 2")
    expect(page.locator("#rows")).to_contain_text("90 jours")


def test_the_form_says_when_a_provision_does_not_exist(page: Page):
    page.goto("/compare/")
    page.get_by_label("Instrument de gauche").select_option("un")
    page.locator("#id_left_ref").fill("25.2")
    page.get_by_label("Instrument de droite").select_option("budapest")
    page.locator("#id_right_ref").fill("99")
    page.get_by_role("button", name="Comparer").click()

    expect(page).to_have_url(re.compile(r"/compare/\?"))
    expect(page.get_by_role("alert")).to_have_text("Cet instrument n'a pas cette disposition.")
    expect(page.locator("#id_left_ref")).to_have_value("25.2")
