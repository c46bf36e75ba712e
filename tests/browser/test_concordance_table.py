"""Journey 2, first half: the concordance table, filtered in place, then a pair opened from it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import mark_window, window_kept

pytestmark = pytest.mark.django_db

ROWS = "#results table.concordance tbody tr"


def test_the_theme_filter_changes_the_table_in_place_and_back_restores_it(page: Page):
    page.goto("/concordance/")
    expect(page.locator(ROWS)).to_have_count(68)
    expect(page.locator("#results .summary")).to_have_text(re.compile(r"^68 articles · "))
    mark_window(page)

    page.get_by_label("Thème").select_option(label="Pouvoirs procéduraux")

    expect(page).to_have_url(re.compile(r"/concordance/\?.*theme=procedural-powers"))
    expect(page.locator("#results .summary")).to_have_text(re.compile(r"^11 articles \(filtrés\) · "))
    expect(page.locator(ROWS)).to_have_count(11)
    expect(page.locator("#row-art_25")).to_be_visible()
    expect(page.locator("#row-art_1")).to_have_count(0)  # Statement of purpose: another theme
    assert window_kept(page), "filtering reloaded the whole page"

    page.go_back()
    expect(page).to_have_url(re.compile(r"/concordance/$"))
    expect(page.locator(ROWS)).to_have_count(68)
    expect(page.locator("#results .summary")).to_have_text(re.compile(r"^68 articles · "))
    expect(page.locator("#row-art_1")).to_be_visible()


def test_a_pair_of_the_filtered_table_opens_its_comparison(page: Page):
    page.goto("/concordance/?from=un&theme=procedural-powers")
    row = page.locator("#row-art_25")
    expect(row.get_by_role("rowheader")).to_contain_text("Art. 25")
    row.get_by_role("link", name="Convention de Budapest sur la cybercriminalité, art. 16").click()

    expect(page).to_have_url(re.compile(r"/compare/un/art_25/budapest/art_16/$"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Convention des Nations Unies contre la cybercriminalité, art. 25")
    expect(heading).to_contain_text("Convention de Budapest sur la cybercriminalité, art. 16")
    expect(page.locator(".correspondence .badge")).to_have_text("équivalent")
    expect(page.locator("#rows .row.changed").first).to_be_visible()
