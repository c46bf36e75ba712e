"""Journey 7, keyboard: every page type works with the keyboard alone, and the focus always shows.

Nothing here clicks or fills: the journeys press Tab, type, use the arrow
keys on a closed list and press Enter or Space, as a person without a mouse.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import MAIN_PAGES, PAIR, committed

pytestmark = pytest.mark.django_db

USERNAME = "curatrice-clavier"
PASSWORD = "un-mot-de-passe-solide-43"

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
# Enough for the longest page (the UN convention's table of contents):
# walking every stop of a page must reach its end, not a cap.
MAX_PAGE_STOPS = 1500


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


# The main pages, and one page of every other type a person reaches.
EVERY_PAGE_TYPE = {
    **MAIN_PAGES,
    "theme list": "/themes/",
    "theme": "/themes/procedural-powers/",
    "compare form": "/compare/",
    "compare form with errors": "/compare/?left=un&left_ref=999&right=budapest&right_ref=2",
    "editions": "/budapest/editions/",
    "unresolved references": "/references/unresolved/",
    "deleted correspondences": "/concordance/deleted/",
    "sign-in": "/accounts/login/",
    "not found": "/no-such-instrument/",
}
CURATOR_PAGES = {
    "new correspondence": "/concordance/correspondences/new/",
    "edit correspondence": "/concordance/correspondences/{pk}/",
    "correspondence history": "/concordance/correspondences/{pk}/history/",
    "delete correspondence": "/concordance/correspondences/{pk}/delete/",
    "curator's concordance": "/concordance/",
}


def unseen_focus(page: Page) -> list[dict]:
    """Tab through every stop of the page, to its end; the stops whose focus cannot be seen."""
    unseen = []
    for _ in range(MAX_PAGE_STOPS):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus["tag"] == "BODY":  # past the last stop
            return unseen
        if not (focus["outlined"] or focus["shadowed"]) or not focus["onScreen"]:
            unseen.append(focus)
    raise AssertionError(f"{page.url}: still not at the last tab stop after {MAX_PAGE_STOPS} presses")


@pytest.mark.parametrize("url", list(EVERY_PAGE_TYPE.values()), ids=list(EVERY_PAGE_TYPE))
def test_every_tab_stop_shows_the_focus(page: Page, url: str):
    response = page.goto(url)
    assert response is not None and response.status in (200, 400, 404), url
    assert unseen_focus(page) == []


def create_curator() -> None:
    from django.contrib.auth import get_user_model

    from concordance.mapping.curators import curators_group

    user = get_user_model().objects.create_user(USERNAME, password=PASSWORD)
    user.groups.add(curators_group())


def signed_in_session() -> tuple[str, int]:
    """A curator's session, as signing in makes one; and a correspondence to edit."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from concordance.mapping.models import Correspondence

    create_curator()
    user = get_user_model().objects.get(username=USERNAME)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key, Correspondence.objects.curated().order_by("pk").first().pk


@pytest.mark.parametrize("name", list(CURATOR_PAGES))
def test_every_tab_stop_of_the_curator_pages_shows_the_focus(page: Page, base_url: str, undo_commits, name: str):
    session_key, pk = committed(signed_in_session)
    page.context.add_cookies([{"name": "sessionid", "value": session_key, "url": base_url}])
    response = page.goto(CURATOR_PAGES[name].format(pk=pk))
    assert response is not None and response.status == 200
    expect(page.locator(".account")).to_contain_text(USERNAME)
    assert unseen_focus(page) == []


def choose(page: Page, selector: str, label: str) -> None:
    """Pick an option of a closed list with the arrow keys, from the top."""
    select = page.locator(selector)
    expect(select).to_be_focused()
    page.keyboard.press("Home")
    for _ in range(select.locator("option").count()):
        if select.evaluate("s => s.options[s.selectedIndex].text") == label:
            return
        page.keyboard.press("ArrowDown")
    assert select.evaluate("s => s.options[s.selectedIndex].text") == label, f"no option {label!r} in {selector}"


def option_label(page: Page, selector: str, value: str) -> str:
    return page.locator(f"{selector} option[value='{value}']").inner_text()


def test_compare_two_provisions_from_the_form_with_the_keyboard_alone(page: Page):
    page.goto("/compare/")
    tab_to(page, "#id_left")
    choose(page, "#id_left", option_label(page, "#id_left", "un"))
    page.keyboard.press("Tab")
    expect(page.locator("#id_left_ref")).to_be_focused()
    page.keyboard.type("25.2")
    tab_to(page, "#id_right")
    choose(page, "#id_right", option_label(page, "#id_right", "budapest"))
    page.keyboard.press("Tab")
    expect(page.locator("#id_right_ref")).to_be_focused()
    page.keyboard.type("16.2")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/compare/un/art_25__para_2/budapest/art_16__para_2/$"))
    expect(page.locator("#rows")).to_contain_text("90 jours")


def test_a_curator_signs_in_adds_edits_and_restores_with_the_keyboard_alone(page: Page, undo_commits):
    committed(create_curator)
    page.goto("/concordance/correspondences/new/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    tab_to(page, "#id_username")
    page.keyboard.type(USERNAME)
    page.keyboard.press("Tab")
    expect(page.locator("#id_password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/concordance/correspondences/new/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nouvelle correspondance")

    # Add: UN art. 25, par. 3 ↔ Budapest art. 20, par. 3.
    tab_to(page, "#id_left_instrument")
    choose(page, "#id_left_instrument", option_label(page, "#id_left_instrument", "un"))
    tab_to(page, "#id_left_provision")
    page.keyboard.type("25.3")
    tab_to(page, "#id_right_instrument")
    choose(page, "#id_right_instrument", option_label(page, "#id_right_instrument", "budapest"))
    tab_to(page, "#id_right_provision")
    page.keyboard.type("20.3")
    tab_to(page, "#id_relation")
    choose(page, "#id_relation", "connexe")
    tab_to(page, "#id_note")
    page.keyboard.type("Saisie au clavier.")
    tab_to(page, "#id_status")
    choose(page, "#id_status", "proposé")
    tab_to(page, "form.correspondence-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/concordance/correspondences/\d+/history/$"))
    expect(page.get_by_role("status")).to_contain_text("Correspondance créée")
    expect(page.locator("p.note")).to_have_text("Saisie au clavier.")

    # Edit: the link, then the note, replaced with the keyboard.
    tab_to(page, "main a:text-is('Modifier')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Modifier la correspondance")
    tab_to(page, "#id_note")
    page.keyboard.press("Control+A")
    page.keyboard.type("Corrigée au clavier.")
    tab_to(page, "form.correspondence-form button[type=submit]")
    page.keyboard.press("Space")
    expect(page.get_by_role("status")).to_contain_text("la version précédente reste dans l'historique")
    expect(page.locator("p.note")).to_have_text("Corrigée au clavier.")
    expect(page.locator("ol.history > li")).to_have_count(2)

    # Restore the first version: its button is the only one on the page.
    tab_to(page, "ol.history > li:nth-child(2) button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("restaurée")
    expect(page.locator("p.note")).to_have_text("Saisie au clavier.")
    expect(page.locator("ol.history > li")).to_have_count(3)


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
    inline = page.get_by_role("navigation", name="Affichage de la comparaison").get_by_role(
        "link", name="En une colonne"
    )
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
