"""Journey 5: a curator signs in, adds a correspondence, edits it, restores the first version."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import committed

pytestmark = pytest.mark.django_db

USERNAME = "curatrice-navigateur"
PASSWORD = "un-mot-de-passe-solide-42"
FIRST_NOTE = "Même obligation de secret, pour la collecte en temps réel."
SECOND_NOTE = "Secret limité à la collecte en temps réel des données de trafic."


def create_curator() -> None:
    from django.contrib.auth import get_user_model

    from concordance.mapping.curators import curators_group

    user = get_user_model().objects.create_user(USERNAME, password=PASSWORD)
    user.groups.add(curators_group())


def sign_in(page: Page, then: str) -> None:
    page.goto(then)
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion des curateurs")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(re.compile(re.escape(then) + "$"))
    expect(page.locator(".account")).to_contain_text(USERNAME)


def test_a_curator_adds_edits_and_restores_a_correspondence(page: Page, undo_commits):
    committed(create_curator)
    sign_in(page, "/concordance/correspondences/new/")

    # Add: UN art. 25, par. 3 ↔ Budapest art. 20, par. 3 (not in the curated concordance).
    expect(page.get_by_role("heading", level=1)).to_have_text("Nouvelle correspondance")
    page.get_by_label("Instrument (gauche)").select_option("un")
    page.get_by_label("Disposition (gauche)").fill("25.3")
    page.get_by_label("Instrument (droite)").select_option("budapest")
    page.get_by_label("Disposition (droite)").fill("20.3")
    page.get_by_label("Relation").select_option(label="connexe")
    page.get_by_label("Note").fill(FIRST_NOTE)
    page.get_by_label("Statut").select_option(label="proposé")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page).to_have_url(re.compile(r"/concordance/correspondences/\d+/history/$"))
    number = re.search(r"/correspondences/(\d+)/", page.url).group(1)
    expect(page.get_by_role("status")).to_contain_text("Correspondance créée")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Historique de la correspondance n° {number}")
    current = page.locator("p.current")
    expect(current).to_contain_text("art. 25, par. 3")
    expect(current).to_contain_text("art. 20, par. 3")
    expect(current.locator(".badge")).to_have_text("connexe")
    expect(page.locator("p.note")).to_have_text(FIRST_NOTE)
    expect(page.locator("ol.history > li")).to_have_count(1)
    expect(page.locator("ol.history > li").first).to_contain_text(USERNAME)

    # The article's page lists it among its counterparts.
    page.goto("/un/art-25/")
    expect(page.get_by_role("region", name="Correspondants")).to_contain_text(FIRST_NOTE)

    # Edit: another relation and note.
    page.goto(f"/concordance/correspondences/{number}/history/")
    page.get_by_role("link", name="Modifier", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/concordance/correspondences/{number}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Modifier la correspondance")
    expect(page.get_by_label("Note")).to_have_value(FIRST_NOTE)
    page.get_by_label("Relation").select_option(label="partiel")
    page.get_by_label("Note").fill(SECOND_NOTE)
    page.get_by_role("button", name="Enregistrer").click()

    expect(page).to_have_url(re.compile(rf"/concordance/correspondences/{number}/history/$"))
    expect(page.get_by_role("status")).to_contain_text("la version précédente reste dans l'historique")
    expect(page.locator("p.current .badge")).to_have_text("partiel")
    expect(page.locator("p.note")).to_have_text(SECOND_NOTE)
    entries = page.locator("ol.history > li")
    expect(entries).to_have_count(2)
    # What changed, old → new (the wording of the relation: see test_history_names_relations_in_french).
    expect(entries.first.locator("li")).to_have_text(
        [re.compile(r"^relation : "), f"note : {FIRST_NOTE} → {SECOND_NOTE}"]
    )

    # Restore the first version, from the history page.
    expect(entries.first.get_by_role("button", name="Restaurer cette version")).to_have_count(0)
    entries.nth(1).get_by_role("button", name="Restaurer cette version").click()

    expect(page).to_have_url(re.compile(rf"/concordance/correspondences/{number}/history/$"))
    expect(page.get_by_role("status")).to_contain_text("restaurée")
    expect(page.locator("p.current .badge")).to_have_text("connexe")
    expect(page.locator("p.note")).to_have_text(FIRST_NOTE)
    expect(entries).to_have_count(3)
    expect(entries.first.locator("li")).to_have_text(
        [re.compile(r"^relation : "), f"note : {SECOND_NOTE} → {FIRST_NOTE}"]
    )


def test_history_names_relations_in_french(page: Page, undo_commits):
    def correspondence_edited_once() -> int:
        from concordance.mapping.curation import find_provision
        from concordance.mapping.models import Correspondence, Relation

        correspondence = Correspondence.objects.create(
            left=find_provision("un", "25.3"),
            right=find_provision("budapest", "20.3"),
            relation=Relation.RELATED,
            note=FIRST_NOTE,
        )
        correspondence.relation = Relation.PARTIAL
        correspondence.save()
        return correspondence.pk

    number = committed(correspondence_edited_once)
    page.goto(f"/concordance/correspondences/{number}/history/")
    expect(page.locator("ol.history > li").first).to_contain_text("relation : connexe → partiel")
