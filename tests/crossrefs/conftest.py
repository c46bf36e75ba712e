import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The session's corpus, with its cross-references computed once.

    Calling it when the ingest already did is harmless: the computation is
    idempotent.
    """
    from concordance.crossrefs.resolution import resolve_references

    with django_db_blocker.unblock():
        resolve_references()
