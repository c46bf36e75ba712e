"""Journey 1: from the home page to an article, along its cross-references."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import in_viewport

pytestmark = pytest.mark.django_db


def test_home_to_un_article_25(page: Page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Concordance des conventions sur la cybercriminalité")

    page.get_by_role("heading", level=2).get_by_role(
        "link", name="Convention des Nations Unies contre la cybercriminalité"
    ).click()
    expect(page).to_have_url(re.compile(r"/un/$"))
    table_of_contents = page.get_by_role("navigation", name="Table des matières")
    expect(
        table_of_contents.get_by_role("link", name=re.compile(r"^Art\. 25 — Préservation accélérée"))
    ).to_be_visible()

    # The table of contents leads to the article in the page, whose heading links to its own page.
    table_of_contents.get_by_role("link", name=re.compile(r"^Art\. 25 — ")).click()
    expect(page).to_have_url(re.compile(r"/un/#art_25$"))
    assert in_viewport(page, "#art_25-heading")
    page.locator("#art_25-heading").get_by_role("link", name="Article 25").click()

    expect(page).to_have_url(re.compile(r"/un/art-25/$"))
    expect(page).to_have_title(re.compile(r"^Article 25 — Convention des Nations Unies contre la cybercriminalité"))
    expect(page.locator("#art_25__para_2")).to_contain_text("au maximum de 90 jours")
    pager = page.get_by_role("navigation", name="Articles voisins")
    expect(pager.get_by_role("link", name=re.compile(r"Article 24"))).to_have_attribute("href", "/un/art-24/")
    expect(pager.get_by_role("link", name=re.compile(r"Article 26"))).to_have_attribute("href", "/un/art-26/")


def test_a_cross_reference_leads_to_the_cited_paragraph(page: Page):
    page.goto("/un/art-25/")
    reference = page.locator("#art_25__para_2").get_by_role("link", name="paragraphe 1 du présent article")
    expect(reference).to_have_attribute("href", "/un/art-25/#art_25__para_1")
    # Scroll the cited paragraph out of view first, so that arriving at it shows.
    page.locator(".cited-by").scroll_into_view_if_needed()
    reference.click()
    expect(page).to_have_url(re.compile(r"/un/art-25/#art_25__para_1$"))
    assert in_viewport(page, "#art_25__para_1")
    expect(page.locator("#art_25__para_1")).to_contain_text("la préservation rapide de certaines données électroniques")


def test_cited_by_lists_the_articles_citing_it_and_leads_back(page: Page):
    page.goto("/un/art-25/")
    cited_by = page.get_by_role("region", name="Cité par")
    expect(cited_by.locator(".cited-by-groups > li > a")).to_have_text(
        [
            "Article 26 — Préservation et divulgation partielle accélérées de données de trafic",
            re.compile(r"^Article 42 — Coopération internationale aux fins de la préservation accélérée"),
        ]
    )
    expect(cited_by).to_contain_text("« article 25 de la présente Convention »")

    cited_by.get_by_role("link", name=re.compile(r"^Article 26 — ")).click()
    expect(page).to_have_url(re.compile(r"/un/art-26/$"))

    # Article 26 cites article 25 in its text: the link goes back to it.
    page.locator("#art_26").get_by_role("link", name="article 25 de la présente Convention").first.click()
    expect(page).to_have_url(re.compile(r"/un/art-25/#art_25$"))
    expect(
        page.get_by_role("region", name="Cité par").get_by_role("link", name=re.compile(r"^Article 26"))
    ).to_be_visible()
