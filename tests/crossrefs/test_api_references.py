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
    assert art_16["targets"] == [{"eid": "art_14", "instrument": None}, {"eid": "art_15", "instrument": None}]
    assert art_16["resolved"] is True


def test_a_target_in_another_instrument_names_it(client):
    body = client.get("/api/references/?instrument=budapest-p1").json()
    assert {r["instrument"] for r in body} == {"budapest-p1"}
    other = [t for r in body for t in r["targets"] if t["instrument"]]
    assert {"eid": "art_14", "instrument": "budapest"} in other


def test_notes_are_identified_by_kind_and_position(client):
    body = client.get("/api/references/?instrument=budapest").json()
    notes = [r for r in body if r["source_kind"] == "note"]
    assert notes and all(r["edition"] is None for r in notes)
    assert any(r["source"] == "commentary-16" and r["text"] == "article 19" for r in notes)


def test_unknown_instrument_is_404(client):
    response = client.get("/api/references/?instrument=nope")
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]
