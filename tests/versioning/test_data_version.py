"""The data version moves with every write to the corpus or the curated data, and with nothing else."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection, transaction

from concordance.mapping.interchange.load import import_document
from concordance.mapping.models import Correspondence, Theme
from concordance.versioning import versions

pytestmark = pytest.mark.django_db


def test_every_table_of_the_corpus_and_the_curated_data_carries_the_trigger():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = %s",
            [versions.TRIGGER],
        )
        triggered = {name for (name,) in cursor.fetchall()}
    tables = set(versions.versioned_tables())
    assert {"corpus_provision", "mapping_correspondence", "mapping_historicalcorrespondence"} <= tables
    assert "crossrefs_reference" in tables
    assert tables <= triggered


def test_a_write_through_the_orm_advances_the_version_in_its_own_transaction():
    before = versions.stored()
    Correspondence.objects.filter(pk=Correspondence.objects.first().pk).update(note="changée")
    after = versions.stored()
    assert after.counter == before.counter + 1
    assert after.token != before.token
    assert after.changed_at >= before.changed_at


def test_a_write_no_django_code_sees_advances_it_too():
    before = versions.stored()
    with connection.cursor() as cursor:
        # As a psql session would: raw SQL, outside any model method or signal.
        cursor.execute("UPDATE mapping_theme SET name = name || '' WHERE slug = 'offences'")
    assert versions.stored().counter == before.counter + 1


def test_a_rolled_back_write_leaves_the_version_as_it_was():
    before = versions.stored()
    with pytest.raises(RuntimeError), transaction.atomic():
        Theme.objects.filter(slug="offences").update(name="Autre")
        raise RuntimeError("rolled back")
    assert versions.stored() == before


def test_a_transaction_advances_it_once_however_many_statements_it_runs():
    before = versions.stored()
    with transaction.atomic():
        for correspondence in Correspondence.objects.all()[:5]:
            correspondence.note += "."
            correspondence.save()
    # The test's own transaction is the one these writes belong to.
    assert versions.stored().counter == before.counter + 1


def test_writes_outside_the_corpus_and_the_curated_data_do_not_move_it():
    before = versions.stored()
    get_user_model().objects.create_user("lectrice", password="un-mot-de-passe-solide")
    assert versions.stored() == before


def test_import_concordance_advances_it():
    before = versions.stored()
    document = json.loads(settings.CONCORDANCE_FIXTURE.read_text(encoding="utf-8"))
    document["correspondences"][0]["note"] = "Note modifiée par un import."
    import_document(document)
    assert versions.stored().counter == before.counter + 1


def test_a_flushed_version_table_gets_its_row_back():
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {versions.TABLE}")
    version = versions.stored()
    assert version.counter == 1
    assert versions.stored() == version


def test_the_published_copy_is_written_only_at_commit(django_capture_on_commit_callbacks):
    cache.delete(versions.PUBLISHED_KEY)
    before = versions.published()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Theme.objects.filter(slug="offences").update(name="Infractions pénales")
        # Not committed yet: every worker still reads the version whose data it can see.
        assert versions.published() == before
    assert len(callbacks) == 1, "one publication per transaction, whatever the number of writes"
    callbacks[0]()
    assert versions.published().counter == before.counter + 1


def test_advance_by_hand_publishes_a_new_version(django_capture_on_commit_callbacks):
    before = versions.published()
    with django_capture_on_commit_callbacks(execute=True):
        advanced = versions.advance()
    assert advanced.token != before.token
    assert versions.published() == advanced
