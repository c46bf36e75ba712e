""" "Citer": one click copies a provision's citation and permalink (static/js/cite.js, under the site's CSP)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db

UN_25_2 = "Convention des Nations Unies contre la cybercriminalité, 24 décembre 2024, art. 25, par. 2"


def test_citer_copies_the_citation_and_its_permalink(page: Page, base_url: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.goto("/un/art-25/")
    box = page.locator("#art_25__para_2 > details.cite")
    box.locator("summary").click()
    expect(box.locator(".citation")).to_have_text(UN_25_2)
    copy = box.get_by_role("button", name="Copier")
    expect(copy).to_be_visible()
    copy.click()
    expect(box.get_by_role("button", name="Copié")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == f"{UN_25_2}, {base_url}/un/art-25/#art_25__para_2"


def test_a_comparison_row_copies_a_whole_address(page: Page, base_url: str):
    # The rows hold a path (their HTML is cached for every host): the script makes it whole.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.goto("/compare/un/art_25/budapest/art_16/")
    box = page.locator("#l-art_25__para_2 details.cite")
    box.locator("summary").click()
    box.get_by_role("button", name="Copier").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{UN_25_2}, {base_url}/un/art-25/#art_25__para_2"
