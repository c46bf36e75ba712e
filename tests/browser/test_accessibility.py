"""Journey 7, axe-core: no serious or critical violation on the pages the journeys visit, in French and in English."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import MAIN_PAGES, PAIR, accessibility_violations, committed

pytestmark = pytest.mark.django_db

PAGES = {
    **MAIN_PAGES,
    "comparison-differences-only": PAIR + "?view=side&changes=1&terms=hide",
    "concordance-filtered": "/concordance/?from=budapest&theme=procedural-powers",
    "themes": "/themes/",
    "theme": "/themes/procedural-powers/",
    "compare-form": "/compare/",
    "compare-form-error": "/compare/?left=un&left_ref=25.2&right=budapest&right_ref=99",
    "search-empty": "/search/",
    "budapest-article": "/budapest/art-16/",
    "protocol": "/budapest-p1/",
    "editions": "/budapest/editions/",
    "references-unresolved": "/references/unresolved/",
    "deleted-correspondences": "/concordance/deleted/",
    "sign-in": "/accounts/login/",
}


@pytest.mark.parametrize("prefix", [pytest.param("", id="fr"), pytest.param("/en", id="en")])
@pytest.mark.parametrize("url", [pytest.param(url, id=name) for name, url in PAGES.items()])
def test_page_has_no_serious_violation(page: Page, url: str, prefix: str):
    response = page.goto(prefix + url)
    assert response is not None
    assert response.status in (200, 400), f"{prefix + url} answered {response.status}"
    assert accessibility_violations(page) == []


def test_concordance_after_an_in_place_filter(page: Page):
    page.goto("/concordance/")
    page.get_by_label("Relation").select_option(label="partiel")
    expect(page).to_have_url(re.compile(r"relation=partial"))
    expect(page.locator("#results .summary")).to_contain_text("(filtré")
    assert accessibility_violations(page) == []


def test_comparison_after_an_in_place_switch(page: Page):
    page.goto(PAIR)
    page.get_by_role("navigation", name="Affichage de la comparaison").get_by_role(
        "link", name="En une colonne"
    ).click()
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
    assert accessibility_violations(page) == []


def sign_in_and_add_a_correspondence(page: Page) -> list[str]:
    """Signs the curator in (a refused attempt first) and adds a correspondence; the violations on the way."""
    from tests.browser.test_curation import PASSWORD, USERNAME, create_curator

    committed(create_curator)
    page.goto("/concordance/correspondences/new/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill("not the password")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_be_visible()
    violations = [f"sign-in refused: {found}" for found in accessibility_violations(page)]

    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nouvelle correspondance")
    violations += [f"new correspondence: {found}" for found in accessibility_violations(page)]

    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".has-error").first).to_be_visible()
    violations += [f"new correspondence, with errors: {found}" for found in accessibility_violations(page)]

    page.get_by_label("Instrument (gauche)").select_option("un")
    page.get_by_label("Disposition (gauche)").fill("25.3")
    page.get_by_label("Instrument (droite)").select_option("budapest")
    page.get_by_label("Disposition (droite)").fill("20.3")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page).to_have_url(re.compile(r"/history/$"))
    return violations


def test_curator_pages(page: Page, undo_commits):
    violations = sign_in_and_add_a_correspondence(page)
    page.reload()  # the history as it shows later, without the confirmation message
    expect(page.get_by_role("status")).to_have_count(0)
    violations += [f"history: {found}" for found in accessibility_violations(page)]
    page.get_by_role("link", name="Modifier", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Modifier la correspondance")
    violations += [f"edit correspondence: {found}" for found in accessibility_violations(page)]
    assert violations == []


def test_a_page_with_a_message(page: Page, undo_commits):
    sign_in_and_add_a_correspondence(page)
    expect(page.get_by_role("status")).to_contain_text("Correspondance créée")
    assert accessibility_violations(page) == []
