"""Journey 6: the same journeys with JavaScript switched off — links navigate, forms submit."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import committed, in_viewport

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(new_context) -> Iterator[Page]:
    """A page of a browser context that runs no script at all (not even htmx)."""
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_scripts_are_really_off(page: Page, context):
    page.goto("/concordance/")
    # The page's own scripts did not run: htmx never defined itself.
    assert page.evaluate("typeof window.htmx") == "undefined"
    scripted = context.new_page()
    scripted.goto(page.url)
    assert scripted.evaluate("typeof window.htmx") == "object"


def test_reading_journey(page: Page):
    page.goto("/")
    page.get_by_role("heading", level=2).get_by_role(
        "link", name="Convention des Nations Unies contre la cybercriminalité"
    ).click()
    expect(page).to_have_url(re.compile(r"/un/$"))
    page.locator("#art_25-heading").get_by_role("link", name="Article 25").click()
    expect(page).to_have_url(re.compile(r"/un/art-25/$"))

    page.locator("#art_25__para_2").get_by_role("link", name="paragraphe 1 du présent article").click()
    expect(page).to_have_url(re.compile(r"/un/art-25/#art_25__para_1$"))
    assert in_viewport(page, "#art_25__para_1")

    page.get_by_role("region", name="Cité par").get_by_role("link", name=re.compile(r"^Article 26 — ")).click()
    expect(page).to_have_url(re.compile(r"/un/art-26/$"))
    expect(page.locator("#art_26")).to_contain_text("article 25 de la présente Convention")


def test_concordance_filter_submits_and_back_returns(page: Page):
    page.goto("/concordance/")
    expect(page.locator("#results tbody tr")).to_have_count(68)
    page.get_by_label("Thème").select_option(label="Pouvoirs procéduraux")
    # No script: choosing alone changes nothing until the form is sent.
    expect(page.locator("#results tbody tr")).to_have_count(68)
    page.get_by_role("button", name="Filtrer").click()

    expect(page).to_have_url(re.compile(r"/concordance/\?.*theme=procedural-powers"))
    expect(page.locator("#results .summary")).to_have_text(re.compile(r"^11 articles \(filtrés\)"))
    expect(page.get_by_label("Thème")).to_have_value("procedural-powers")

    page.locator("#row-art_25").get_by_role(
        "link", name="Convention de Budapest sur la cybercriminalité, art. 16"
    ).click()
    expect(page).to_have_url(re.compile(r"/compare/un/art_25/budapest/art_16/$"))

    page.go_back()
    expect(page.locator("#results .summary")).to_have_text(re.compile(r"^11 articles \(filtrés\)"))


def test_comparison_options_are_links(page: Page):
    page.goto("/compare/un/art_25/budapest/art_16/")
    options = page.get_by_role("navigation", name="Affichage de la comparaison")

    options.get_by_role("link", name="En une colonne").click()
    expect(page).to_have_url(re.compile(r"\?view=inline$"))
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()
    expect(options.locator('[aria-current="true"]')).to_have_text("En une colonne")

    options.get_by_role("link", name="Différences seulement").click()
    expect(page).to_have_url(re.compile(r"\?(?=.*view=inline)(?=.*changes=1)"))
    expect(page.locator("#rows")).to_have_attribute("data-changes-only", "1")

    options.get_by_role("link", name="Masquer la terminologie").click()
    expect(page).to_have_url(re.compile(r"\?(?=.*view=inline)(?=.*changes=1)(?=.*terms=hide)"))
    expect(page.locator("#rows")).to_have_class(re.compile(r"\bterms-hidden\b"))
    expect(page.locator("#rows ol.rows.inline")).to_be_visible()


def test_comparison_form_submits(page: Page):
    page.goto("/compare/")
    page.get_by_label("Instrument de gauche").select_option("un")
    page.locator("#id_left_ref").fill("25.2")
    page.get_by_label("Instrument de droite").select_option("budapest")
    page.locator("#id_right_ref").fill("16.2")
    page.get_by_role("button", name="Comparer").click()
    expect(page).to_have_url(re.compile(r"/compare/un/art_25__para_2/budapest/art_16__para_2/$"))
    expect(page.locator("#rows")).to_contain_text("90 jours")


def test_search_submits_and_opens_a_result(page: Page):
    response = page.goto("/search/")
    assert response is not None and response.status == 200
    page.get_by_role("searchbox", name="Rechercher").fill("garder le secret")
    page.get_by_role("button", name="Rechercher").click()
    expect(page).to_have_url(re.compile(r"/search/\?(.*&)?q=garder"))
    expect(page.locator("#results .summary")).to_have_text("7 résultats.")

    page.locator("#results-un").get_by_role("link", name="Art. 25, par. 3", exact=True).click()
    expect(page).to_have_url(re.compile(r"/un/art-25/#art_25__para_3$"))
    assert in_viewport(page, "#art_25__para_3")


def test_curation_forms_submit(page: Page, undo_commits):
    from tests.browser.test_curation import FIRST_NOTE, PASSWORD, SECOND_NOTE, USERNAME, create_curator

    committed(create_curator)
    page.goto("/concordance/correspondences/new/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(re.compile(r"/concordance/correspondences/new/$"))

    page.get_by_label("Instrument (gauche)").select_option("un")
    page.get_by_label("Disposition (gauche)").fill("25.3")
    page.get_by_label("Instrument (droite)").select_option("budapest")
    page.get_by_label("Disposition (droite)").fill("20.3")
    page.get_by_label("Relation").select_option("related")
    page.get_by_label("Note").fill(FIRST_NOTE)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page).to_have_url(re.compile(r"/concordance/correspondences/\d+/history/$"))
    expect(page.get_by_role("status")).to_contain_text("Correspondance créée")

    page.get_by_role("link", name="Modifier", exact=True).click()
    page.get_by_label("Note").fill(SECOND_NOTE)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("p.note")).to_have_text(SECOND_NOTE)

    page.locator("ol.history > li").nth(1).get_by_role("button", name="Restaurer cette version").click()
    expect(page.get_by_role("status")).to_contain_text("restaurée")
    expect(page.locator("p.note")).to_have_text(FIRST_NOTE)

    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.locator(".account")).to_contain_text("Connexion curateur")


def test_search_results_are_reached_page_by_page(page: Page):
    page.goto("/search/?q=donn%C3%A9es")
    page.locator("#results .page-links").get_by_role("link", name="Suivante →").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=donn%C3%A9es&page=2$"))
    expect(page.locator("#results .summary")).to_contain_text("Résultats 26 à 50 sur")
