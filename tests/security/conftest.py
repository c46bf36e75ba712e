import pytest
from django.test import Client


@pytest.fixture
def curator_client_factory(curator):
    """A client signed in as the curator, separate from `client`, for tests
    that compare what a visitor and a curator get."""

    def make(**options) -> Client:
        client = Client(**options)
        client.force_login(curator)
        return client

    return make


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Users are created in most tests here; the production hasher's
    deliberate slowness would only slow the suite."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
