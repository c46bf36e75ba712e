import pytest
from django.test import Client


@pytest.fixture
def response_cache(settings):
    """The whole-response cache on, as in production (the rest of the suite runs without it)."""
    settings.RESPONSE_CACHE = True
    return settings


@pytest.fixture
def reader(response_cache, db):
    """An anonymous reader whose browser offers gzip, as every browser does."""
    return Client(HTTP_ACCEPT_ENCODING="gzip, deflate")
