import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.analysis.helpers import block

pytestmark = pytest.mark.django_db


def shares(page: str) -> list[int]:
    section = block(page, "kind-most-different")
    return [int(n) for n in re.findall(r'<span class="share">(\d+) %</span>', section)]


def test_one_page_holds_the_three_kinds(client):
    page = client.get("/divergences/").content.decode()
    assert 'id="kind-quantity"' in page and 'id="kind-missing"' in page and 'id="kind-most-different"' in page


def test_un_16_is_without_counterpart_with_its_reason(client):
    page = client.get("/divergences/").content.decode()
    row = block(page, "missing-un-art_16-budapest")
    assert 'href="/un/art-16/"' in row
    assert "Diffusion non consentie d&#x27;images intimes" in row
    assert "La Convention de Budapest n&#x27;incrimine pas la diffusion non consentie" in row


def test_a_quantity_divergence_links_to_its_comparison(client):
    section = block(client.get("/divergences/").content.decode(), "kind-quantity")
    assert "« quatre-vingt-dixième jour »" in section and "« premier jour »" in section
    assert 'href="/compare/un/art_65__para_1/budapest/art_36__para_3/"' in section
    # Identical periods are not divergences.
    assert "90 jours" not in section and "60 jours" not in section


def test_most_different_pairs_are_ordered_by_share_and_link_their_comparison(client):
    page = client.get("/divergences/").content.decode()
    found = shares(page)
    assert len(found) == 20
    assert found == sorted(found, reverse=True)
    assert found[0] > found[-1]
    assert re.search(r'<a href="/compare/[\w-]+/art_\d+/[\w-]+/art_\d+/">', block(page, "kind-most-different"))


def test_filter_by_kind(client):
    page = client.get("/divergences/?kind=missing").content.decode()
    assert 'id="kind-missing"' in page
    assert 'id="kind-quantity"' not in page and 'id="kind-most-different"' not in page


def test_filter_by_theme(client):
    page = client.get("/divergences/?theme=offences").content.decode()
    missing = block(page, "kind-missing")
    assert 'id="missing-un-art_16-budapest"' in missing
    assert 'id="missing-un-art_1-budapest"' not in missing  # purpose: not an offence
    assert "Aucune quantité divergente ici." in page  # entry into force is a final clause
    final = client.get("/divergences/?theme=final-clauses&kind=quantity").content.decode()
    assert "« quatre-vingt-dixième jour »" in final


def test_bad_filter_values_get_a_clear_400(client):
    response = client.get("/divergences/?kind=everything&theme=offences")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Filtre ignoré" in page and "« everything »" in page
    assert 'id="missing-un-art_1-budapest"' not in page  # the valid theme filter still applies


def test_the_csv_link_keeps_the_filters(client):
    page = client.get("/divergences/?theme=offences&kind=missing").content.decode()
    assert 'href="/divergences.csv?theme=offences&amp;kind=missing"' in page


def test_htmx_request_gets_only_the_results(client):
    response = client.get("/divergences/?kind=quantity", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="results"')
    assert "<html" not in page


def test_queries_are_few_and_do_not_depend_on_the_filters(client):
    client.get("/divergences/")  # warms the cache
    counts = []
    for url in ("/divergences/", "/divergences/?theme=offences&kind=missing"):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 9, counts
