"""Issue 18's journey in the browser: an English-speaking negotiator types "expedited
preservation", reads which French terms were searched, and opens UN 25 and its Budapest match."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import accessibility_violations, screenshot

pytestmark = pytest.mark.django_db


def test_expedited_preservation_leads_to_un_25_and_budapest_16(page: Page):
    page.goto("/search/")
    page.get_by_role("searchbox", name="Rechercher").press_sequentially("expedited preservation", delay=30)
    expansion = page.locator(".search-expansion-english")
    expect(expansion).to_contain_text("termes français cherchés")
    expect(expansion).to_contain_text("« conservation rapide »")
    expect(expansion).to_contain_text("« préservation accélérée »")
    best = page.locator(".search-best-hits a")
    expect(best.nth(0)).to_be_visible()
    firsts = [best.nth(i).text_content() or "" for i in range(2)]
    assert any("Nations Unies" in text and "Art. 25" in text for text in firsts), firsts
    assert any("Budapest" in text and "Art. 16" in text for text in firsts), firsts
    screenshot(page, "search-english-desktop")
    assert accessibility_violations(page) == []
    page.locator(".search-best-hits a", has_text="Art. 25").first.click()
    expect(page).to_have_url(re.compile(r"/un/art-25/#art_25$"))
    page.locator('a[href="/compare/un/art_25/budapest/art_16/"]').first.click()
    expect(page).to_have_url(re.compile(r"/compare/un/art_25/budapest/art_16/"))
