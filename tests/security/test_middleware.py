"""The project's own request-level defences (concordance/security.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        "/compare/un/art_1%00/budapest/art_2/",
        "/un/?edition=%00",
        "/concordance/?from=un%00",
        "/search/?q=donn%C3%A9es&instrument=un%00",
        "/api/instruments/un%00/",
        "/un/?%00=1",
    ],
)
def test_a_nul_character_in_the_address_is_a_400_with_the_usual_headers(client, address):
    # PostgreSQL text cannot hold NUL: without this, the query fails (a 500).
    response = client.get(address)
    assert response.status_code == 400
    assert "caractère nul" in response.content.decode()
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_an_address_without_nul_is_untouched(client):
    assert client.get("/un/?edition=pjl-905-2003").status_code != 400


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("address", ["/api/openapi.json", "/api/docs", "/api/instruments/", "/api/instruments/un/"])
def test_the_api_answers_405_to_anything_but_reading(client, method, address):
    response = getattr(client, method)(address, data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_the_api_still_reads(client):
    assert client.get("/api/instruments/").status_code == 200
    assert client.get("/api/openapi.json").status_code == 200
