"""The JSON API, fuzzed from its own OpenAPI description (schemathesis).

Every operation gets generated requests — valid and invalid parameters
alike — sent to the Django WSGI application in this process, so they run
inside the test's transaction on the test database with the corpus loaded.
No response may be a server error, and each must match the schema that the
description declares for its status code.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from concordance.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


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


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    database=None,  # no .hypothesis folder left in the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_api_operations_never_fail_and_match_their_schema(case, one_connection):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])


def test_the_description_covers_the_api():
    operations = {(result.ok().method.upper(), result.ok().path) for result in schema.get_all_operations()}
    assert ("GET", "/api/instruments/") in operations
    assert ("GET", "/api/instruments/{slug}/") in operations
    assert ("GET", "/api/concordance/") in operations
    assert all(method == "GET" for method, _ in operations)


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "articles"), [("un", 68), ("budapest", 48), ("budapest-p1", 16)])
def test_the_fuzzed_application_sees_the_corpus(one_connection, slug, articles):
    # The generated slugs mostly name nothing (404): this case shows that the
    # same application, on the same connection, answers with the real data.
    case = schema["/api/instruments/{slug}/"]["GET"].Case(path_parameters={"slug": slug})
    response = case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
    assert response.status_code == 200
    assert response.json()["article_count"] == articles
