import pytest
from django.conf import settings
from django.test import Client, override_settings


@pytest.fixture(autouse=True, scope="module")
def english_catalogue():
    """The current English catalogue read afresh (Django caches catalogues; tests/testing_environment.py
    compiled it at start)."""
    # Setting LOCALE_PATHS, even to itself, empties Django's cache of loaded catalogues.
    with override_settings(LOCALE_PATHS=settings.LOCALE_PATHS):
        yield


@pytest.fixture
def reader(settings, db):
    """An anonymous reader with the whole-response cache on, as in production."""
    settings.RESPONSE_CACHE = True
    return Client(HTTP_ACCEPT_ENCODING="identity")
