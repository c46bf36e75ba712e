import pytest
from django.conf import settings
from django.test import Client, override_settings

from tests.i18n.catalogue import compile_if_stale


@pytest.fixture(autouse=True, scope="module")
def english_catalogue():
    """The current English catalogue, compiled if needed and read afresh (Django caches catalogues)."""
    compile_if_stale()
    # Setting LOCALE_PATHS, even to itself, empties Django's cache of loaded catalogues.
    with override_settings(LOCALE_PATHS=settings.LOCALE_PATHS):
        yield


@pytest.fixture
def reader(settings, db):
    """An anonymous reader with the whole-response cache on, as in production."""
    settings.RESPONSE_CACHE = True
    return Client(HTTP_ACCEPT_ENCODING="identity")
