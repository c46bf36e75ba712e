"""Issue 18 §1 in the browser: an English-speaking negotiator finds, reads and compares UN 25 and
Budapest 16 entirely through the English interface, and the language switch keeps the page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import PHONE, accessibility_violations, screenshot

pytestmark = pytest.mark.django_db

FRENCH_INTERFACE = ["Aller au contenu", "Rechercher", "Côte à côte", "Légende", "Table des matières", "Correspondants"]


def interface_text(page: Page) -> str:
    """What the page says outside the treaty text (everything not inside lang="fr")."""
    return page.evaluate(
        """() => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const kept = [];
            while (walker.nextNode()) {
                const element = walker.currentNode.parentElement;
                if (element.closest('[lang="fr"], script, style, .cite')) continue;
                kept.push(walker.currentNode.textContent);
            }
            return kept.join(" ");
        }"""
    )


def assert_english(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "en")
    shown = interface_text(page)
    for french in FRENCH_INTERFACE:
        assert french not in shown, f"{page.url}: {french!r}"


def test_an_english_speaking_negotiator_finds_reads_and_compares_un_25_and_budapest_16(page: Page):
    page.goto("/en/")
    assert_english(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("A concordance of the cybercrime conventions")
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Search").click()
    expect(page).to_have_url(re.compile(r"/en/search/$"))
    page.get_by_role("searchbox", name="Search").press_sequentially("expedited preservation", delay=30)
    expansion = page.locator(".search-expansion-english")
    expect(expansion).to_contain_text("(English term) → French terms searched:")
    expect(expansion).to_contain_text("« conservation rapide »")
    assert_english(page)
    screenshot(page, "english-search-desktop")
    assert accessibility_violations(page) == []

    page.locator(".search-best-hits a", has_text="Art. 25").first.click()
    expect(page).to_have_url(re.compile(r"/en/un/art-25/#art_25$"))
    expect(page.get_by_role("heading", name="Counterparts")).to_be_visible()
    assert_english(page)
    # The treaty text is the French text, marked so that a screen reader reads it in French.
    expect(page.locator("#art_25__para_1 p.text")).to_contain_text("Chaque État partie adopte")
    expect(page.locator('.provision-article[lang="fr"]')).to_have_count(1)
    screenshot(page, "english-article-desktop")

    page.locator('a[href="/en/compare/un/art_25/budapest/art_16/"]').first.click()
    expect(page).to_have_url(re.compile(r"/en/compare/un/art_25/budapest/art_16/$"))
    tools = page.get_by_role("navigation", name="Comparison display")
    expect(tools.get_by_role("strong").or_(tools.locator("strong"))).to_have_text("Side by side")
    assert_english(page)
    expect(page.locator('.cell.left .unit[lang="fr"]').first).to_contain_text("État partie")
    screenshot(page, "english-comparison-desktop")
    assert accessibility_violations(page) == []

    # An htmx switch in English stays in English, and at an English address. (On a fresh load:
    # axe's probes left in the page would be in htmx's history snapshot, which the CSP then reports.)
    page.reload()
    tools.get_by_role("link", name="Single column").click()
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/en/compare/un/art_25/budapest/art_16/\?view=inline$"))
    assert_english(page)

    # The switch leads to the same page, with its query, in French.
    page.get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/compare/un/art_25/budapest/art_16/\?view=inline$"))
    assert "/en/" not in page.url
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("navigation", name="Affichage de la comparaison")).to_be_visible()


def test_the_switch_keeps_the_filtered_concordance(page: Page):
    page.goto("/concordance/?from=un&chapter=chp_2")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/concordance/\?from=un&chapter=chp_2$"))
    assert_english(page)
    expect(page.locator("#results .summary")).to_contain_text("articles (filtered)")
    screenshot(page, "english-concordance-desktop")


def test_the_english_interface_on_a_phone(page: Page):
    page.set_viewport_size(PHONE)
    page.goto("/en/compare/un/art_25/budapest/art_16/")
    assert_english(page)
    page.get_by_text("Menu", exact=True).click()
    menu = page.get_by_role("navigation", name="Main navigation (menu)")
    expect(menu.get_by_role("link", name="Glossary")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "english-comparison-phone")
