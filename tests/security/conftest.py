import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
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


@pytest.fixture
def one_connection():
    """Requests reach the WSGI handler directly, not through Django's test
    client, so Django would close the database connection at each request's
    start and end — and with it the test's transaction. Do what the test
    client does: keep it open."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
