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
    # Identical rows are gone (each run of them would leave a line saying so).
    rows = page.locator("#rows .row:not(.collapsed)")
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


DIFFERENCES = (
    "#rows .rows del.change, #rows .rows ins.change, #rows .rows .near, #rows:not(.terms-hidden) .rows .term,"
    " #rows .rows .gap, #rows .rows .moved-note"
)


def focused_is(page: Page, locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def keyboard_moves_between_differences(page: Page) -> None:
    differences = page.locator(DIFFERENCES)
    assert differences.count() >= 6
    for index in range(5):
        page.keyboard.press("n")
        expect(differences.nth(index)).to_be_focused()
    page.keyboard.press("p")
    current = differences.nth(3)
    expect(current).to_be_focused()
    # The difference reached shows it, without relying on colour: an outline.
    assert current.evaluate("element => getComputedStyle(element).outlineStyle") != "none"
    assert current.evaluate("element => element.classList.contains('current-diff')")
    assert differences.nth(4).evaluate("element => !element.classList.contains('current-diff')")


def test_n_and_p_move_between_the_differences_side_by_side(page: Page):
    page.goto(PAIR)
    # The help line says what the keys do.
    expect(page.locator(".legend-details .keys")).to_contain_text("différence suivante / précédente")
    differences = page.locator(DIFFERENCES)
    # Within one row there are several differences, terminology included: the
    # keys stop at each of them, not only at each changed row.
    assert page.locator("#row-1").locator("del.change, ins.change, .term").count() > 1
    keyboard_moves_between_differences(page)
    assert differences.nth(0).evaluate("element => element.matches('.term')")


def test_n_and_p_move_between_the_differences_inline(page: Page):
    page.goto(PAIR)
    options(page).get_by_role("link", name="En une colonne").click()
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
    keyboard_moves_between_differences(page)


def test_with_terminology_hidden_the_keys_skip_it(page: Page):
    page.goto(PAIR + "?terms=hide")
    for _ in range(4):
        page.keyboard.press("n")
        assert page.evaluate("!document.activeElement.matches('.term')")
        # A near-equivalent is a change: the keys stop at it even with terminology hidden.
        assert page.evaluate("document.activeElement.matches('del.change, ins.change, .near, .gap, .moved-note')")


def test_the_keys_reach_a_paragraph_shown_elsewhere(page: Page):
    page.goto("/compare/un/art_40/budapest/art_27/")
    notes = page.locator("#rows .rows .moved-note")
    assert notes.count() >= 6
    for _ in range(page.locator(DIFFERENCES).count()):
        page.keyboard.press("n")
        if page.evaluate("document.activeElement.matches('.moved-note')"):
            break
    else:
        raise AssertionError("n never reached a moved paragraph")
    # Its link leads to the partner, at its own place.
    link = page.locator(".current-diff a")
    target = link.get_attribute("href")
    link.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    expect(page.locator(target)).to_be_in_viewport()


def style(locator, prop: str) -> str:
    return locator.evaluate(f"element => getComputedStyle(element).{prop}")


def test_the_differences_read_without_colour(page: Page):
    page.goto("/compare/un/art_42/budapest/art_29/")
    legend = page.get_by_label("Légende")
    # Folded so that the comparison comes first; opened, it explains the marks.
    expect(legend).to_be_hidden()
    page.get_by_text("Légende et raccourcis").click()
    expect(legend).to_be_visible()
    for where in (legend, page.locator("#rows .rows.side")):
        deleted, inserted = where.locator("del.change").first, where.locator("ins.change").first
        term, form = where.locator(".term").first, where.locator(".form").first
        # A bar, an underline, dotted, dashed: four shapes, whatever the colours.
        # Text of one instrument only is never struck through: it is to be read.
        assert style(deleted, "textDecorationLine") == "none"
        assert "inset" in style(deleted, "boxShadow")
        assert "underline" in style(inserted, "textDecorationLine")
        assert style(inserted, "textDecorationStyle") == "solid"
        assert "underline" in style(term, "textDecorationLine")
        assert style(term, "textDecorationStyle") == "dotted"
        assert style(form, "borderBottomStyle") == "dashed"
        assert style(form, "textDecorationLine") == "none"
    plain = page.locator("#rows .rows.side .unit").first
    assert style(plain, "textDecorationLine") == "none"
    expect(legend).to_contain_text("ONU seulement")
    expect(legend).to_contain_text("Budapest seulement")
    expect(legend).to_contain_text("terme équivalent")
    expect(legend).to_contain_text("mise en forme de liste")


def test_a_near_equivalent_stays_marked_with_terminology_hidden_and_says_why(page: Page):
    page.goto(PAIR + "?terms=hide")
    near = page.locator("#rows .rows .near").first
    expect(near).to_be_visible()
    # Its own shape (a double underline) and a visible mark drawn by the stylesheet, not a word of the text.
    assert style(near, "textDecorationStyle") == "double"
    assert near.evaluate("element => getComputedStyle(element, '::after').content") == '"≈"'
    assert "≈" not in near.inner_text()
    # The reason is written out below the rows, and the term points to it.
    described = near.get_attribute("aria-describedby")
    expect(page.locator(f"#{described} + dd")).to_contain_text("portée différente")
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.matches('.near, del.change, ins.change, .gap, .moved-note')")


def test_a_relation_badge_leads_to_its_definition(page: Page):
    page.goto(PAIR)
    badge = page.locator(".correspondence a.badge").first
    code = (badge.get_attribute("class") or "").split("badge-")[1]
    badge.click()
    expect(page).to_have_url(re.compile(rf"/relations/#{code}$"))
    expect(page.locator(f"#{code}")).to_be_in_viewport()


def test_the_form_takes_an_article_and_an_optional_paragraph(page: Page):
    page.goto("/compare/")
    page.get_by_label("Instrument de gauche").select_option("un")
    page.locator("#id_left_ref").fill("25")
    page.locator("#id_left_paragraph").fill("2")
    page.get_by_label("Instrument de droite").select_option("budapest")
    page.locator("#id_right_ref").fill("16")
    page.locator("#id_right_paragraph").fill("9")
    page.get_by_role("button", name="Comparer").click()

    expect(page).to_have_url(re.compile(r"/compare/\?"))
    error = page.locator("#id_right_paragraph_error")
    expect(error).to_have_text("Cet article n'a pas ce paragraphe ou ce point.")
    # Beside its own field, in the right-hand fieldset.
    expect(page.locator("fieldset", has_text="À droite").locator("#id_right_paragraph_error")).to_be_visible()
    page.locator("#id_right_paragraph").fill("2")
    page.get_by_role("button", name="Comparer").click()
    expect(page).to_have_url(re.compile(r"/compare/un/art_25__para_2/budapest/art_16__para_2/$"))


def test_typing_n_in_a_field_types_it(page: Page):
    page.goto(PAIR + "?view=inline")
    # The pair form is folded under the comparison: opened first.
    page.get_by_text("Comparer deux autres dispositions").click()
    field = page.locator("#id_left_ref")
    field.fill("")
    field.press_sequentially("np")
    expect(field).to_have_value("np")
    expect(field).to_be_focused()


def test_the_form_compares_any_two_provisions(page: Page):
    page.goto("/compare/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Comparer deux dispositions")
    page.get_by_label("Instrument de gauche").select_option(
        label="Convention des Nations Unies contre la cybercriminalité"
    )
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


def test_back_after_an_in_place_switch_and_a_link_shows_the_whole_page(page: Page):
    page.goto(PAIR)
    options(page).get_by_role("link", name="En une colonne").click()
    expect(page).to_have_url(re.compile(r"\?view=inline$"))
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Glossaire").click()
    expect(page).to_have_url(re.compile(r"/glossary/$"))

    page.go_back()

    expect(page).to_have_url(re.compile(r"/compare/un/art_25/budapest/art_16/\?view=inline$"))
    # The page, not the fragment fetched for the switch: title, site header, rows.
    expect(page).to_have_title(re.compile(r"art\. 25"))
    expect(page.get_by_role("navigation", name="Navigation principale")).to_be_visible()
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()


def test_after_an_in_place_switch_the_next_pair_opens_with_the_same_display(page: Page):
    page.goto(PAIR)
    options(page).get_by_role("link", name="En une colonne").click()
    expect(page).to_have_url(re.compile(r"\?view=inline$"))

    # The first link to another pair (each is preceded by its relation badge, a link to /relations/).
    page.locator("#counterparts a[href^='/compare/']").first.click()

    expect(page).to_have_url(re.compile(r"/compare/.+/\?view=inline$"))
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
