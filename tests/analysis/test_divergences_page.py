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


def divergence_rows(page: str, kind: str = "kind-quantity") -> list[str]:
    return re.findall(r"<tr class=\"link-[\w-]+\"[^>]*>.*?</tr>", block(page, kind), re.DOTALL)


def row_with(rows: list[str], *fragments: str) -> str:
    found = [row for row in rows if all(fragment in row for fragment in fragments)]
    assert len(found) == 1, (fragments, len(found))
    return found[0]


def test_the_preservation_periods_are_stated_with_their_comparisons(client):
    section = block(client.get("/divergences/").content.decode(), "kind-quantity")
    statement = section[section.index('id="preservation-periods"') : section.index("</ul>")]
    domestic, international = re.findall(r"<li .*?</li>", statement, re.DOTALL)
    assert "En droit interne : au plus 90 jours" in domestic
    assert "« au maximum de 90 jours »" in domestic and "« au maximum de quatre-vingt-dix jours »" in domestic
    assert 'href="/compare/un/art_25__para_2/budapest/art_16__para_2/"' in domestic
    assert "En coopération internationale : au moins 60 jours" in international
    assert "« minimum de 60 jours »" in international and "« au moins soixante jours »" in international
    assert 'href="/compare/un/art_42__para_8/budapest/art_29__para_7/"' in international
    assert "les deux conventions concordent" in domestic and "les deux conventions concordent" in international


def test_every_numeric_divergence_between_the_conventions_is_listed(client):
    rows = divergence_rows(client.get("/divergences/").content.decode())
    expected = {
        # subject, badge, UN provision, Budapest provision
        ("Dénonciation", "1 an ≠ 3 mois", "/un/art-67/#art_67__para_1", "/budapest/art-47/#art_47__para_2"),
        ("Amendements", "90 jours ≠ 30e jour", "/un/art-66/#art_66__para_4", "/budapest/art-44/#art_44__para_5"),
        # Not UN 57 §2 "au plus tard un an" (convening the Conference) against Budapest 46 §3 (review):
        # they govern different things (tests/analysis/test_divergences_expected.py).
        ("Entrée en vigueur", "90e jour ≠ 3 mois", "/un/art-65/#art_65__para_1", "/budapest/art-36/#art_36__para_3"),
        (
            "Entrée en vigueur",
            "40e instrument ≠ 5 États",
            "/un/art-65/#art_65__para_1",
            "/budapest/art-36/#art_36__para_3",
        ),
        ("Entrée en vigueur", "30e jour ≠ 3 mois", "/un/art-65/#art_65__para_2", "/budapest/art-36/#art_36__para_4"),
        ("Entrée en vigueur", "30e jour ≠ 3 mois", "/un/art-65/#art_65__para_2", "/budapest/art-37/#art_37__para_2"),
    }
    for subject, badge, un, budapest in expected:
        row = row_with(rows, f">{badge}<", f'href="{un}"', f'href="{budapest}"')
        assert subject in row
    between_conventions = [row for row in rows if "/budapest-p1/" not in row]
    assert len(between_conventions) == len(expected)
    # The Protocol's final clauses copy the Convention's, so the UN's differ
    # from them the same way: entry into force three times (UN 65 §1 faces
    # Protocol 10 §1 through their curated paragraph link), denunciation once.
    with_protocol = [row for row in rows if "/budapest-p1/" in row]
    assert len(with_protocol) == 4
    assert any(
        ">1 an ≠ 3 mois<" in row and 'href="/budapest-p1/art-15/#art_15__para_2"' in row for row in with_protocol
    )
    # The misleading "90e jour ≠ 1er jour" is gone.
    assert not any("1er jour" in row for row in rows)


def test_quantities_stated_on_one_side_only_are_listed(client):
    rows = divergence_rows(client.get("/divergences/").content.decode(), "kind-one-sided")
    age = row_with(rows, "« au minimum de 16 ans »")
    assert "seulement Convention de Budapest" in age and 'href="/budapest/art-9/#art_9__para_3"' in age
    assert 'href="/un/art-14/#art_14__para_2"' in age
    extradition = row_with(rows, "« au moins un an »")
    assert 'href="/budapest/art-24/#art_24__para_1__point_a"' in extradition
    assert "seulement Convention des Nations Unies" in row_with(
        rows, "« six mois »", 'href="/un/art-63/#art_63__para_2"'
    )
    assert "Amendements" in row_with(rows, "« cinq ans »", 'href="/un/art-66/#art_66__para_1"')
    assert "Amendements" in row_with(rows, "« deux tiers »", 'href="/un/art-66/#art_66__para_1"')
    # "Le premier jour du mois" closes a delay compared on its own: alone, it is no divergence.
    assert not any("« premier jour »" in row for row in rows)
    # Both conventions define a minor as under 18: that is no one-sided age.
    assert not any("« moins de 18 ans »" in row for row in rows)


def test_a_quantity_divergence_links_to_its_comparison(client):
    section = block(client.get("/divergences/").content.decode(), "kind-quantity")
    assert "« quatre-vingt-dixième jour »" in section and "« trois mois »" in section
    assert 'href="/compare/un/art_65__para_1/budapest/art_36__para_3/"' in section
    # Identical periods are stated, not listed as divergences.
    table = section[section.index("<table") :]
    assert "« au maximum de 90 jours »" not in table and "« minimum de 60 jours »" not in table


def test_most_different_pairs_are_meant_to_correspond(client):
    section = block(client.get("/divergences/").content.decode(), "kind-most-different")
    assert "badge-related" not in section
    relations = set(re.findall(r'class="badge badge-([\w-]+)"', section))
    assert relations and relations <= {"equivalent", "partial", "broader", "narrower"}


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


def test_filter_by_kind_one_sided(client):
    page = client.get("/divergences/?kind=one-sided").content.decode()
    assert 'id="kind-one-sided"' in page and "« au minimum de 16 ans »" in page
    assert 'id="kind-quantity"' not in page and 'id="preservation-periods"' not in page
    assert 'id="kind-missing"' not in page and 'id="kind-most-different"' not in page


def test_filter_by_theme(client):
    page = client.get("/divergences/?theme=offences").content.decode()
    missing = block(page, "kind-missing")
    assert 'id="missing-un-art_16-budapest"' in missing
    assert 'id="missing-un-art_1-budapest"' not in missing  # purpose: not an offence
    assert "Aucune quantité divergente ici." in page  # entry into force is a final clause
    final = client.get("/divergences/?theme=final-clauses&kind=quantity").content.decode()
    assert "« quatre-vingt-dixième jour »" in final
    assert 'id="kind-one-sided"' not in final


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
    for url in ("/divergences/", "/divergences/?theme=offences&kind=missing", "/divergences/?kind=one-sided"):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2] <= 9, counts


def test_with_a_bad_filter_the_csv_link_carries_only_the_filter_applied(client):
    response = client.get("/divergences/?theme=nope&kind=quantity")
    assert response.status_code == 400
    link = re.search(r'href="(/divergences\.csv[^"]*)"', response.content.decode()).group(1)
    assert link == "/divergences.csv?kind=quantity"
    assert client.get(link).status_code == 200


def test_a_common_unit_is_claimed_only_where_the_values_were_converted(client):
    rows = divergence_rows(client.get("/divergences/?kind=quantity").content.decode())
    years_months = row_with(rows, "1 an ≠ 3 mois", "art. 47")
    assert "comparées dans une unité commune" in years_months
    for badge in ("90e jour ≠ 3 mois", "40e instrument ≠ 5 États", "90 jours ≠ 30e jour"):
        for row in (row for row in rows if badge in row):
            assert "comparées dans une unité commune" not in row
            assert "mises en regard sans conversion" in row
