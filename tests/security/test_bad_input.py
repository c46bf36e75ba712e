"""Bad input gets a clear answer, never a 500 (D8, D13, D14 of the
reliability review)."""

from __future__ import annotations

import pytest
import schemathesis
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from concordance.corpus.catalogue import INSTRUMENTS
from concordance.lib.quantities import QUANTITY_KINDS, SUBJECT_LABELS
from concordance.mapping.models import Correspondence, MissingCounterpart
from concordance.wsgi import application

pytestmark = pytest.mark.django_db


# --- D8: the admin's history views with an id that cannot be one ------------


@pytest.fixture
def history_addresses():
    correspondence = Correspondence.objects.order_by("pk").first()
    missing = MissingCounterpart.objects.order_by("pk").first()
    return {
        "correspondence": f"/admin/mapping/correspondence/{correspondence.pk}/history/",
        "missing counterpart": f"/admin/mapping/missingcounterpart/{missing.pk}/history/",
        "correspondence version": (
            f"/admin/mapping/correspondence/{correspondence.pk}/history/"
            f"{correspondence.history.earliest('history_id').history_id}/"
        ),
    }


@pytest.mark.parametrize(
    "address",
    [
        "/admin/mapping/correspondence/abc/history/",
        "/admin/mapping/missingcounterpart/abc/history/",
        "/admin/mapping/correspondence/1/history/abc/",
        "/admin/mapping/correspondence/abc/history/1/",
        "/admin/mapping/correspondence/99999999999999999999999/history/",
        "/admin/mapping/correspondence/1/history/99999999999999999999999/",
    ],
)
def test_admin_history_with_an_id_that_cannot_be_one_is_404(curator_client, address):
    assert curator_client.get(address).status_code == 404


def test_admin_history_of_real_ids_still_opens(curator_client, history_addresses):
    for name, address in history_addresses.items():
        assert curator_client.get(address).status_code == 200, name


# --- D13: the API's HEAD and OPTIONS, and its declared enumerations -----------

API_ADDRESSES = ["/api/instruments/", "/api/instruments/un/", "/api/quantities/?kind=duration", "/api/openapi.json"]


@pytest.mark.parametrize("address", API_ADDRESSES)
def test_head_on_the_api_answers_like_get_without_a_body(client, address):
    got = client.get(address)
    head = client.head(address)
    assert head.status_code == got.status_code == 200
    assert head["Content-Type"] == got["Content-Type"]
    assert head.content == b""


def test_head_on_an_unknown_api_address_is_404(client):
    assert client.head("/api/instruments/no-such-instrument/").status_code == 404


@pytest.mark.parametrize("address", API_ADDRESSES)
def test_options_on_the_api_lists_the_reading_methods(client, address):
    response = client.options(address)
    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.content == b""


def test_options_still_sends_the_security_headers(client):
    response = client.options("/api/instruments/")
    assert response["X-Content-Type-Options"] == "nosniff"


def quantities_parameters() -> dict[str, dict]:
    operation = Client().get("/api/openapi.json").json()["paths"]["/api/quantities/"]["get"]
    return {parameter["name"]: parameter["schema"] for parameter in operation["parameters"]}


def test_the_quantities_filters_are_declared_as_enumerations():
    parameters = quantities_parameters()
    assert set(parameters["instrument"]["enum"]) == {entry.slug for entry in INSTRUMENTS}
    assert set(parameters["subject"]["enum"]) == set(SUBJECT_LABELS)
    assert set(parameters["kind"]["enum"]) == set(QUANTITY_KINDS)


def test_every_declared_value_of_the_quantities_filters_is_accepted(client):
    for name, schema in quantities_parameters().items():
        for value in schema["enum"]:
            assert client.get("/api/quantities/", {name: value}).status_code == 200, (name, value)


def test_schemathesis_finds_no_valid_request_the_quantities_refuse(one_connection):
    # ST202 of the review: values that fit the description answered 400.
    operation = schemathesis.openapi.from_wsgi("/api/openapi.json", application)["/api/quantities/"]["GET"]

    @given(case=operation.as_strategy(GenerationMode.POSITIVE))
    @hypothesis_settings(
        max_examples=30,
        deadline=None,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    def send(case) -> None:
        case.call_and_validate(checks=[positive_data_acceptance])

    send()


def test_an_unknown_filter_value_is_still_refused_saying_what_is_admitted(client):
    response = client.get("/api/quantities/", {"kind": "weight"})
    assert response.status_code == 400
    assert "valeurs admises" in response.json()["detail"]


# --- D14: request bodies are bounded ------------------------------------------


def big_multipart(size: int) -> tuple[bytes, str]:
    boundary = "borne"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + b"x" * size
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize("address", ["/accounts/login/", "/admin/login/", "/concordance/correspondences/new/"])
def test_an_oversized_body_is_refused_with_413_before_it_is_read(address):
    client = Client(enforce_csrf_checks=True)
    body, content_type = big_multipart(settings.MAX_REQUEST_BODY_BYTES + 1)
    response = client.generic("POST", address, body, content_type=content_type)
    assert response.status_code == 413
    assert "volumineuse" in response.content.decode()
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_body_within_the_limit_reaches_the_form(client):
    body, content_type = big_multipart(1000)
    # No CSRF token: refused by the CSRF check (403), not by the size limit.
    response = Client(enforce_csrf_checks=True).generic("POST", "/accounts/login/", body, content_type=content_type)
    assert response.status_code == 403


def test_the_limit_leaves_room_for_the_largest_form_and_is_django_s_too():
    assert settings.MAX_REQUEST_BODY_BYTES >= 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.MAX_REQUEST_BODY_BYTES
