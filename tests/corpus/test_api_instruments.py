import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_instrument_list_gives_metadata_and_editions(client):
    data = client.get("/api/instruments/").json()
    assert [item["slug"] for item in data] == ["un", "budapest", "budapest-p1"]
    budapest = data[1]
    assert budapest["article_count"] == 48
    assert budapest["adopted_on"] == "2001-11-23"
    assert {edition["slug"] for edition in budapest["editions"]} == {"pjl-905-2003", "coe-benin-2024"}
    assert data[2]["parent"] == "budapest"


def find(nodes, eid):
    for node in nodes:
        if node["eid"] == eid:
            return node
        found = find(node["children"], eid)
        if found:
            return found
    return None


def test_instrument_detail_gives_the_provision_tree(client):
    data = client.get("/api/instruments/un/").json()
    assert data["edition"] == "onu-2024"
    article = find(data["body"], "art_25")
    assert article["kind"] == "article" and article["num"] == "25" and article["heading"]
    paragraph = find(article["children"], "art_25__para_2")
    assert paragraph["kind"] == "paragraph" and "90 jours" in paragraph["text"]
    assert (paragraph["num"], paragraph["marker"]) == ("2", "2.")


def test_the_api_gives_list_labels_as_printed(client):
    bill = client.get("/api/instruments/budapest/").json()
    decree = client.get("/api/instruments/budapest/?edition=coe-benin-2024").json()
    assert find(bill["body"], "art_8__point_a")["marker"] == "a"
    assert find(decree["body"], "art_8__point_a")["marker"] == "a."


def test_instrument_detail_of_another_edition(client):
    data = client.get("/api/instruments/budapest/?edition=coe-benin-2024").json()
    assert data["edition"] == "coe-benin-2024"
    assert find(data["body"], "art_48")


@pytest.mark.parametrize("url", ["/api/instruments/nope/", "/api/instruments/un/?edition=x"])
def test_unknown_instrument_or_edition_is_404(client, url):
    assert client.get(url).status_code == 404


def test_openapi_description_is_served(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/instruments/{slug}/" in schema["paths"]


def test_queries_do_not_grow_with_the_instrument(client):
    counts = []
    for slug in ("un", "budapest"):
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/api/instruments/{slug}/")
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_list_costs_the_same_queries_whatever_the_number_of_instruments(client):
    import datetime

    from concordance.corpus.models import Edition, Instrument, Source

    with CaptureQueriesContext(connection) as three:
        assert len(client.get("/api/instruments/").json()) == 3
    source = Source.objects.create(filename="autre.txt", title="Autre", issuer="X", issued_on=datetime.date(2020, 1, 1))
    other = Instrument.objects.create(
        slug="autre",
        title="Autre",
        short_title="Autre",
        issuer="X",
        adopted_at="Genève",
        adopted_on=datetime.date(2020, 1, 1),
        position=9,
    )
    for slug in ("a", "b"):
        Edition.objects.create(
            instrument=other, source=source, slug=slug, label=slug, is_primary=slug == "a", title="Autre"
        )
    with CaptureQueriesContext(connection) as four:
        assert len(client.get("/api/instruments/").json()) == 4
    # instruments with their article counts, their editions with sources
    assert len(four) == len(three) <= 2
