"""Unhandled errors are logged with their traceback, request id, path and
user, to standard error and to the log file, and the 500 page gives the id
to quote (D3 of the reliability review: production logged no traceback)."""

from __future__ import annotations

import io
import logging.config

import pytest
from django.conf import settings as django_settings
from django.test import Client

from concordance.error_log import LOG_FILE, logging_config

pytestmark = pytest.mark.django_db


class Logged:
    def __init__(self, folder):
        self.file = folder / LOG_FILE
        self.stderr = io.StringIO()


@pytest.fixture
def production_logging(tmp_path, settings):
    """Production's logging, with its file in a temporary folder and what it
    writes to standard error kept; Django's own 500 handling (not the test
    client's re-raising) as in production."""
    settings.DEBUG = False
    logged = Logged(tmp_path)
    config = logging_config(tmp_path)
    assert config["handlers"]["stderr"]["stream"] == "ext://sys.stderr"
    config["handlers"]["stderr"]["stream"] = logged.stderr
    logging.config.dictConfig(config)
    yield logged
    logging.config.dictConfig(django_settings.LOGGING)


@pytest.fixture
def failing_view(monkeypatch):
    def fail():
        raise RuntimeError("panne simulée du calcul des quantités")

    monkeypatch.setattr("concordance.analysis.api.findings", fail)
    return "/api/quantities/?kind=duration"


def test_an_unhandled_error_is_logged_with_its_request_id_path_user_and_traceback(
    production_logging, failing_view, curator
):
    client = Client(raise_request_exception=False)
    client.force_login(curator)
    response = client.get(failing_view)
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert len(request_id) >= 8

    logged = production_logging.file.read_text(encoding="utf-8")
    on_stderr = production_logging.stderr.getvalue()
    for record in (logged, on_stderr):
        assert f"[{request_id}] GET {failing_view} user=curatrice" in record
        assert "Traceback (most recent call last)" in record
        assert "RuntimeError: panne simulée du calcul des quantités" in record


def test_the_500_page_is_the_site_s_with_the_id_to_quote(production_logging, failing_view):
    response = Client(raise_request_exception=False).get(failing_view)
    page = response.content.decode()
    assert response.status_code == 500
    assert "Erreur du serveur" in page and 'class="site-header"' in page
    assert f'<code class="request-id">{response["X-Request-ID"]}</code>' in page


def test_the_500_page_needs_no_database(production_logging, failing_view, django_assert_num_queries):
    from django.test import RequestFactory

    from concordance.error_log import server_error

    request = RequestFactory().get(failing_view)
    request.request_id = "abcdef0123456789"
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500 and "abcdef0123456789" in response.content.decode()


def test_when_even_the_500_template_fails_the_id_is_given_in_plain_text(production_logging, monkeypatch):
    from django.test import RequestFactory

    from concordance import error_log

    def broken(name):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(error_log.loader, "get_template", broken)
    request = RequestFactory().get("/")
    request.request_id = "abcdef0123456789"
    response = error_log.server_error(request)
    assert response.status_code == 500 and response["Content-Type"].startswith("text/plain")
    assert "abcdef0123456789" in response.content.decode()


def test_an_anonymous_error_says_so(production_logging, failing_view):
    response = Client(raise_request_exception=False).get(failing_view)
    assert f"[{response['X-Request-ID']}] GET {failing_view} user=anonyme" in production_logging.stderr.getvalue()


# --- the request id -----------------------------------------------------------


def test_every_response_carries_a_new_request_id(client):
    first, second = client.get("/api/instruments/"), client.get("/no-such-page/")
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert len(first["X-Request-ID"]) == 32


def test_a_well_formed_incoming_request_id_is_kept(client):
    incoming = "5f0c6d1e-2b8a-4c1e-9d3f-0a1b2c3d4e5f"
    assert client.get("/api/instruments/", HTTP_X_REQUEST_ID=incoming)["X-Request-ID"] == incoming


@pytest.mark.parametrize(
    "incoming",
    ["short", "a" * 65, "abc def ghi", "abcdefgh\nforged log line", "abcdefgh]user=admin", "éèàçùâêîôû"],
    ids=["too short", "too long", "space", "newline", "bracket", "not ascii"],
)
def test_a_malformed_incoming_request_id_is_replaced(client, incoming):
    answered = client.get("/api/instruments/", HTTP_X_REQUEST_ID=incoming)["X-Request-ID"]
    assert answered != incoming and len(answered) == 32
