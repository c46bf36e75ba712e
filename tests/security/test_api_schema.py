"""The JSON API, fuzzed from its own OpenAPI description (schemathesis).

Every operation gets generated requests — parameters that fit the
description and, where there are parameters, parameters that do not — sent to
the Django WSGI application in this process, so they run inside the test's
transaction on the test database with the corpus loaded.

No response may be a server error; each status code, content type and body
must be one the description declares for that operation: the error answers
(400, 404) are described too, so they are checked like the 200s.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup, ServerError
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from concordance.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 40


def operations() -> dict[str, schemathesis.APIOperation]:
    found = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        found[f"{operation.method.upper()} {operation.path}"] = operation
    return found


OPERATIONS = operations()


def takes_parameters(operation) -> bool:
    return any(True for _ in operation.iter_parameters())


def cases(operation):
    """Valid requests, and for an operation with parameters invalid ones too."""
    strategy = operation.as_strategy(GenerationMode.POSITIVE)
    if takes_parameters(operation):
        strategy = st.one_of(strategy, operation.as_strategy(GenerationMode.NEGATIVE))
    return strategy


def fuzz(operation, examples: int = EXAMPLES, phases=(Phase.explicit, Phase.generate, Phase.shrink)) -> Counter:
    """Send generated requests to the operation; the status codes it answered, counted."""
    statuses: Counter = Counter()

    @given(case=cases(operation))
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,  # no .hypothesis folder left in the repository
        # The same requests on every run: whether some were refused must not
        # depend on the draw (with enumerations declared, a random draw of 40
        # could hold no invalid value at all).
        derandomize=True,
        phases=phases,
        suppress_health_check=list(HealthCheck),
    )
    def send(case) -> None:
        response = case.call_and_validate(checks=CHECKS)
        statuses[response.status_code] += 1

    send()
    return statuses


@pytest.mark.django_db
@pytest.mark.parametrize("name", OPERATIONS)
def test_api_operations_never_fail_and_answer_as_described(name, one_connection):
    operation = OPERATIONS[name]
    statuses = fuzz(operation)
    if takes_parameters(operation):
        # Hypothesis really sent that many requests, and some were refused:
        # the declared error answers were checked, not only the 200s.
        assert sum(statuses.values()) >= EXAMPLES // 2, statuses
        assert set(statuses) - {200}, statuses
    else:
        # Nothing to vary: one request says it all.
        assert statuses[200] >= 1, statuses


def test_the_description_covers_the_api_and_its_errors():
    assert set(OPERATIONS) == {
        "GET /api/instruments/",
        "GET /api/instruments/{slug}/",
        "GET /api/concordance/",
        "GET /api/references/",
        "GET /api/quantities/",
        "GET /api/comparisons/{left_slug}/{left_eid}/{right_slug}/{right_eid}/",
        "GET /api/cite/{slug}/{eid}/",
    }
    declared = {name: set(operation.responses.status_codes) for name, operation in OPERATIONS.items()}
    assert declared["GET /api/instruments/{slug}/"] == {"200", "400", "404"}
    assert declared["GET /api/references/"] == {"200", "400", "404"}
    assert declared["GET /api/quantities/"] == {"200", "400"}
    assert declared["GET /api/comparisons/{left_slug}/{left_eid}/{right_slug}/{right_eid}/"] == {"200", "400", "404"}
    assert declared["GET /api/cite/{slug}/{eid}/"] == {"200", "400", "404"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/api/instruments/nope/", 404),
        ("/api/instruments/un/?edition=zzz", 404),
        ("/api/references/?instrument=zz", 404),
        ("/api/quantities/?instrument=zz", 400),
        ("/api/quantities/?subject=zz", 400),
        ("/api/instruments/un%00/", 400),
        ("/api/concordance/?x=%00", 400),
        ("/api/comparisons/un/art_25/budapest/art_16/?changes=perhaps", 400),
        ("/api/comparisons/un/art_99/budapest/art_16/", 404),
        ("/api/cite/un/art_25__para_9/", 404),
    ],
)
def test_every_refusal_is_json_saying_why(client, address, status):
    response = client.get(address)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert set(response.json()) == {"detail"} and response.json()["detail"]


@pytest.mark.django_db
def test_the_fuzzing_fails_when_an_operation_answers_a_server_error(one_connection, monkeypatch):
    # Proof that the fuzzing can fail: the same run, with a view that breaks.
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the quantities")

    monkeypatch.setattr("concordance.analysis.quantities.select", broken)
    with pytest.raises(FailureGroup) as failures:
        fuzz(OPERATIONS["GET /api/quantities/"], examples=5, phases=(Phase.generate,))
    assert failures.group_contains(ServerError)


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "articles"), [("un", 68), ("budapest", 48), ("budapest-p1", 16)])
def test_the_fuzzed_application_sees_the_corpus(one_connection, slug, articles):
    # The generated slugs mostly name nothing (404): this case shows that the
    # same application, on the same connection, answers with the real data.
    case = schema["/api/instruments/{slug}/"]["GET"].Case(path_parameters={"slug": slug})
    response = case.call_and_validate(checks=CHECKS)
    assert response.status_code == 200
    assert response.json()["article_count"] == articles
