"""Curators see the references that could not be resolved."""

from __future__ import annotations

import pytest

from concordance.corpus.models import Edition, Provision
from concordance.crossrefs.models import Reference

pytestmark = pytest.mark.django_db


def test_no_unresolved_reference_shows_a_clear_none_state(client):
    page = client.get("/references/unresolved/").content.decode()
    assert "Aucun renvoi non résolu" in page
    assert "<table" not in page


def unresolved_in(slug: str, eid: str, words: str) -> Reference:
    edition = Edition.objects.get(instrument__slug=slug, is_primary=True)
    provision = Provision.objects.get(edition=edition, eid=eid)
    start = provision.text.index(words)
    return Reference.objects.create(
        instrument=edition.instrument,
        edition=edition,
        provision=provision,
        start=start,
        end=start + len(words),
        text=words,
        resolved=False,
    )


def test_unresolved_references_are_listed_with_their_place(client):
    unresolved_in("budapest", "art_16__para_4", "présent article")
    page = client.get("/references/unresolved/").content.decode()
    assert "« présent article »" in page
    assert 'href="/budapest/art-16/#art_16__para_4"' in page
    assert "Aucun renvoi non résolu" not in page


def test_filter_by_instrument(client):
    unresolved_in("budapest", "art_16__para_4", "présent article")
    assert "« présent article »" not in client.get("/references/unresolved/?instrument=un").content.decode()
    assert "« présent article »" in client.get("/references/unresolved/?instrument=budapest").content.decode()


def test_htmx_filter_gets_the_results_only(client):
    page = client.get("/references/unresolved/?instrument=un", HTTP_HX_REQUEST="true").content.decode()
    assert 'id="unresolved-results"' in page and "<html" not in page


def test_unknown_instrument_is_404(client):
    assert client.get("/references/unresolved/?instrument=nope").status_code == 404
