"""The analysis pages find their results under the data version, not by hashing every text (issue 16, §2)."""

from __future__ import annotations

import pytest

from concordance.analysis import findings as findings_module
from concordance.analysis import inputs, terms
from concordance.mapping.models import Correspondence

pytestmark = pytest.mark.django_db

PAIR = "/compare/un/art_25__para_2/budapest/art_16__para_2/"  # 90 days against 60


def refuse_to_load(*args, **kwargs):
    raise AssertionError("a warm request fetched every text to hash it")


@pytest.mark.parametrize("url", ["/divergences/", "/quantities/", "/glossary/", "/api/quantities/"])
def test_a_warm_request_hashes_nothing(client, monkeypatch, url):
    assert client.get(url).status_code == 200
    for module in (inputs, findings_module, terms):
        monkeypatch.setattr(module, "load_texts", refuse_to_load)
        monkeypatch.setattr(module, "load_concordance", refuse_to_load, raising=False)
    assert client.get(url).status_code == 200


def test_the_divergences_follow_a_curators_edit_on_the_next_request(client):
    before = client.get("/divergences/").content.decode()
    assert PAIR in before
    # The curated links between UN 25 and Budapest 16, article and paragraphs, removed as a curator would.
    links = Correspondence.objects.curated().filter(
        left__edition__instrument__slug="un",
        left__article_eid="art_25",
        right__edition__instrument__slug="budapest",
        right__article_eid="art_16",
    )
    assert links.exists()
    for correspondence in links:
        correspondence.delete()
    after = client.get("/divergences/").content.decode()
    assert PAIR not in after
