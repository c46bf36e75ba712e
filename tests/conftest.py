import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the whole corpus, loaded once per run.

    Each test runs in a transaction rolled back at its end, so the corpus
    is shared but never altered between tests.
    """
    import json

    from django.db import connection

    from concordance.corpus.ingest import ingest
    from concordance.crossrefs.resolution import resolve_references
    from concordance.mapping.interchange.load import import_document

    with django_db_blocker.unblock():
        # Speed over durability, for this throw-away database only (the
        # cluster itself keeps full durability: scripts/db.sh).
        if connection.settings_dict["NAME"].startswith("test_"):  # never the database it copies
            with connection.cursor() as cursor:
                cursor.execute(
                    f"ALTER DATABASE {connection.ops.quote_name(connection.settings_dict['NAME'])} "
                    "SET synchronous_commit = off"
                )
                cursor.execute("SET synchronous_commit = off")
        ingest(settings.SOURCES_DIR)
        resolve_references()
        import_document(json.loads(settings.CONCORDANCE_FIXTURE.read_text(encoding="utf-8")))


@pytest.fixture
def curator(db, django_user_model):
    from concordance.mapping.curators import curators_group

    # As manage.py createcurator makes them: staff, so the admin opens too.
    user = django_user_model.objects.create_user("curatrice", password="un-mot-de-passe-solide", is_staff=True)
    user.groups.add(curators_group())
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client
