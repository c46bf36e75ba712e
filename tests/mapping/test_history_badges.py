"""The curators' history pages show relations as every other page does: a badge linking to its
definition on /relations/ (``relation_badge``), in the site's history, the deleted list and the
admin's history (issue 18)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from concordance.mapping.models import Correspondence
from tests.mapping.test_curation_history import admin_form, edit_form

pytestmark = pytest.mark.django_db


def badge_links(page: str) -> list[tuple[str, str]]:
    """(relation code, link) of each relation badge of ``page``."""
    return re.findall(r'<a class="badge badge-([a-z]+)" href="([^"]+)"', page)


def test_the_history_links_the_current_relation_and_each_change_of_it_to_its_definition(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    assert correspondence.relation == "equivalent"
    edit = f"/concordance/correspondences/{correspondence.pk}/"
    assert curator_client.post(edit, edit_form(curator_client, correspondence, relation="partial")).status_code == 302
    page = Client().get(f"{edit}history/").content.decode()
    current, history = page.split('<ol class="history">')
    assert badge_links(current) == [("partial", "/relations/#partial")]
    changed = [line for line in history.splitlines() if "relation :" in line]
    assert len(changed) == 1
    assert badge_links(changed[0]) == [("equivalent", "/relations/#equivalent"), ("partial", "/relations/#partial")]


def test_the_deleted_list_names_each_pair_with_its_relation_badge(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_42", right__eid="art_29")
    delete = f"/concordance/correspondences/{correspondence.pk}/delete/"
    curator_client.post(delete, {"version": curator_client.get(delete).context.get("version") or ""})
    page = Client().get("/concordance/deleted/").content.decode()
    item = next(line for line in page.splitlines() if f"Correspondance n° {correspondence.pk}<" in line)
    assert "art. 42" in item and "art. 29" in item
    assert badge_links(item) == [(correspondence.relation, f"/relations/#{correspondence.relation}")]


def test_the_admin_history_shows_a_change_of_relation_as_badges(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    change = f"/admin/mapping/correspondence/{correspondence.pk}/change/"
    assert curator_client.post(change, admin_form(correspondence, relation="broader")).status_code == 302
    page = curator_client.get(f"/admin/mapping/correspondence/{correspondence.pk}/history/").content.decode()
    assert ("equivalent", "/relations/#equivalent") in badge_links(page)
    assert ("broader", "/relations/#broader") in badge_links(page)
