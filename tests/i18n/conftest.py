import pytest
from django.test import Client


@pytest.fixture
def reader(settings, db):
    """An anonymous reader with the whole-response cache on, as in production."""
    settings.RESPONSE_CACHE = True
    return Client(HTTP_ACCEPT_ENCODING="identity")
