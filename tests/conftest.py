import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the whole corpus, loaded once per run.

    Each test runs in a transaction rolled back at its end, so the corpus
    is shared but never altered between tests.
    """
    from concordance.corpus.ingest import ingest

    with django_db_blocker.unblock():
        ingest(settings.SOURCES_DIR)
