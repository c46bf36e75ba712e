"""A page of /api/concordance/ costs its entries as values: no model built per entry, queries fixed."""

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Edition, Instrument, Provision
from concordance.mapping.models import Correspondence, MissingCounterpart

pytestmark = pytest.mark.django_db


def test_a_page_builds_no_model_per_entry(client, monkeypatch):
    from concordance.mapping.interchange import pages

    monkeypatch.setattr(pages, "PER_PAGE", 15)
    built: list[type] = []

    def count(sender, **kwargs):
        built.append(sender)

    models = (Correspondence, MissingCounterpart, Provision, Edition, Instrument)
    for model in models:
        post_init.connect(count, sender=model)
    try:
        page = client.get("/api/concordance/?page=2").json()
        assert len(page["correspondences"]) == len(page["without_counterpart"]) == 15 and page["article_themes"]
    finally:
        for model in models:
            post_init.disconnect(count, sender=model)
    assert built == []


def test_the_queries_of_a_page_do_not_grow_with_its_entries(client, monkeypatch):
    from concordance.mapping.interchange import pages

    counts = []
    for per_page in (5, 15):  # every list full on both pages
        monkeypatch.setattr(pages, "PER_PAGE", per_page)
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/api/concordance/").json()
        assert len(page["correspondences"]) == len(page["without_counterpart"]) == per_page
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
