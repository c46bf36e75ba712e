import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Provision
from concordance.lib.quantities import QUANTITY_KINDS, SUBJECT_LABELS, UNITS

pytestmark = pytest.mark.django_db

FIELDS = {"instrument", "eid", "citation", "text", "value", "unit", "kind", "bound", "subject", "label", "url"}


def test_every_quantity_has_its_fields_and_exact_words(client):
    response = client.get("/api/quantities/")
    assert response.status_code == 200
    quantities = response.json()
    assert {q["instrument"] for q in quantities} == {"un", "budapest", "budapest-p1"}
    texts = dict(
        ((slug, eid), text)
        for slug, eid, text in Provision.objects.filter(edition__is_primary=True).values_list(
            "edition__instrument__slug", "eid", "text"
        )
    )
    for quantity in quantities:
        assert set(quantity) == FIELDS
        assert quantity["text"] in texts[(quantity["instrument"], quantity["eid"])]
        assert (
            quantity["unit"] in UNITS and quantity["kind"] in QUANTITY_KINDS and quantity["subject"] in SUBJECT_LABELS
        )


def test_the_preservation_periods_read_as_written(client):
    quantities = client.get("/api/quantities/?subject=preservation").json()
    assert [
        (q["instrument"], q["eid"], q["text"], q["value"], q["unit"], q["kind"], q["label"]) for q in quantities
    ] == [
        ("un", "art_25__para_2", "au maximum de 90 jours", 90, "day", "duration", "90 jours"),
        ("un", "art_42__para_8", "minimum de 60 jours", 60, "day", "duration", "60 jours"),
        ("budapest", "art_16__para_2", "au maximum de quatre-vingt-dix jours", 90, "day", "duration", "90 jours"),
        ("budapest", "art_29__para_7", "au moins soixante jours", 60, "day", "duration", "60 jours"),
    ]
    assert quantities[0]["url"] == "/un/art-25/#art_25__para_2"
    assert quantities[0]["bound"] == "at-most" and quantities[3]["bound"] == "at-least"


def test_filter_by_instrument(client):
    quantities = client.get("/api/quantities/?instrument=budapest-p1").json()
    assert quantities and {q["instrument"] for q in quantities} == {"budapest-p1"}


def test_filter_by_kind(client):
    quantities = client.get("/api/quantities/?kind=ordinal&instrument=un").json()
    assert [(q["eid"], q["text"]) for q in quantities] == [
        ("art_65__para_1", "quatre-vingt-dixième jour"),
        ("art_65__para_1", "quarantième instrument"),
        ("art_65__para_2", "quarantième instrument"),
        ("art_65__para_2", "trentième jour"),
    ]


@pytest.mark.parametrize(
    ("query", "admitted"),
    [("instrument=nope", "budapest-p1"), ("subject=weather", "preservation"), ("kind=weight", "ordinal")],
)
def test_bad_filter_is_a_400_naming_the_admitted_values(client, query, admitted):
    response = client.get(f"/api/quantities/?{query}")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "inconnu" in detail and "valeurs admises" in detail and admitted in detail


def test_the_schema_is_published_and_documents_the_bound(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/quantities/" in schema["paths"]
    fields = schema["components"]["schemas"]["QuantityOut"]["properties"]
    assert {"instrument", "eid", "text", "value", "unit", "kind", "bound"} <= set(fields)
    assert (
        "at-least (au moins)" in fields["bound"]["description"]
        and "at-most (au plus)" in fields["bound"]["description"]
    )


def test_bounds_are_exported(client):
    quantities = client.get("/api/quantities/?instrument=budapest&subject=age").json()
    assert [(q["text"], q["value"], q["bound"]) for q in quantities] == [
        ("moins de 18 ans", 18, "under"),
        ("au minimum de 16 ans", 16, "at-least"),
    ]


def test_queries_are_few(client):
    client.get("/api/quantities/")  # warms the cache
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/quantities/")
    assert len(queries) <= 7
