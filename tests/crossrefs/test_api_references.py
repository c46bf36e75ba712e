"""GET /api/references/: every stored reference as JSON."""

from __future__ import annotations

import pytest

from concordance.crossrefs.models import Reference

pytestmark = pytest.mark.django_db


def test_every_reference_is_listed(client):
    body = client.get("/api/references/").json()
    assert len(body) == Reference.objects.count() > 300
    assert {r["instrument"] for r in body} == {"un", "budapest", "budapest-p1"}
    assert all(r["resolved"] for r in body)


def test_reference_gives_its_words_source_and_targets(client):
    body = client.get("/api/references/?instrument=budapest").json()
    [art_16] = [r for r in body if r["source"] == "art_16__para_4" and r["edition"] == "pjl-905-2003"]
    assert art_16["text"] == "articles 14 et 15"
    assert art_16["targets"] == ["art_14", "art_15"]
    assert art_16["target_instrument"] == "budapest"
    assert art_16["resolved"] is True


def test_a_target_in_another_instrument_names_it(client):
    body = client.get("/api/references/?instrument=budapest-p1").json()
    assert {r["instrument"] for r in body} == {"budapest-p1"}
    other = [r for r in body if r["target_instrument"] == "budapest"]
    assert any("art_14" in r["targets"] for r in other)
    assert all(isinstance(eid, str) for r in body for eid in r["targets"])


def test_the_resolution_and_the_un_footnote_are_listed(client):
    body = client.get("/api/references/?instrument=un").json()
    resolution = [r for r in body if r["source"].startswith("resolution-")]
    assert {r["text"] for r in resolution} >= {"article 56 de la Convention", "article 58 de la Convention"}
    # One reference per group: "l'alinéa g) du paragraphe 5 de l'article 57 et aux articles 61 et 62".
    [point_g] = [r for r in resolution if r["text"] == "alinéa g) du paragraphe 5 de l'article 57"]
    [par_5] = [r for r in resolution if "61 et 62" in r["text"]]
    assert point_g["targets"] == ["art_57__para_5__point_g"] and point_g["source"] == par_5["source"]
    assert par_5["targets"] == ["art_61", "art_62"]
    assert par_5["source_kind"] == "note" and par_5["target_instrument"] == "un"
    [footnote] = [r for r in body if r["source_kind"] == "footnote"]
    assert footnote["source"] == "footnote-0" and footnote["edition"] == "onu-2024"
    assert footnote["targets"] == ["art_2", "art_17", "art_23", "art_35"]


def test_the_schema_documents_targets_as_identifiers(client):
    schema = client.get("/api/openapi.json").json()
    properties = schema["components"]["schemas"]["ReferenceOut"]["properties"]
    assert properties["targets"]["items"]["type"] == "string"
    assert "target_instrument" in properties and properties["targets"]["description"]


def test_notes_are_identified_by_kind_and_position(client):
    body = client.get("/api/references/?instrument=budapest").json()
    notes = [r for r in body if r["source_kind"] == "note"]
    assert notes and all(r["edition"] is None for r in notes)
    assert any(r["source"] == "commentary-16" and r["text"] == "article 19" for r in notes)


def test_unknown_instrument_is_404(client):
    response = client.get("/api/references/?instrument=nope")
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]
