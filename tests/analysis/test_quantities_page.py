import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.analysis.helpers import block

pytestmark = pytest.mark.django_db


def links_table(group: str) -> str:
    start = group.index("quantity-links")
    return group[start : group.index("</table>", start)]


def link_rows(group: str) -> list[str]:
    return re.findall(r'<tr class="link-[^"]+">.*?</tr>', links_table(group), re.DOTALL)


def row_with(rows: list[str], *fragments: str) -> str:
    found = [row for row in rows if all(fragment in row for fragment in fragments)]
    assert len(found) == 1, (fragments, len(found))
    return found[0]


def test_preservation_periods_are_paired_domestic_and_international(client):
    group = block(client.get("/quantities/").content.decode(), "subject-preservation")
    assert "Conservation rapide des données" in group
    rows = link_rows(group)
    domestic = row_with(rows, 'href="/un/art-25/#art_25__para_2"', 'href="/budapest/art-16/#art_16__para_2"')
    assert "identique" in domestic
    assert domestic.count('<strong class="quantity-label">90 jours</strong>') == 2
    assert "« au maximum de 90 jours »" in domestic and "« au maximum de quatre-vingt-dix jours »" in domestic
    assert "droit interne" in domestic and "coopération internationale" not in domestic
    assert 'href="/compare/un/art_25__para_2/budapest/art_16__para_2/"' in domestic
    international = row_with(rows, 'href="/un/art-42/#art_42__para_8"', 'href="/budapest/art-29/#art_29__para_7"')
    assert "identique" in international
    assert international.count('<strong class="quantity-label">60 jours</strong>') == 2
    assert "« minimum de 60 jours »" in international and "« au moins soixante jours »" in international
    assert international.count("coopération internationale") == 2
    # The headings tell the two periods apart.
    assert "Préservation accélérée de données électroniques stockées" in domestic
    assert "Coopération internationale aux fins de la préservation accélérée" in international


def test_quantities_are_grouped_by_what_they_govern(client):
    page = client.get("/quantities/").content.decode()
    order = [m for m in re.findall(r'id="subject-([\w-]+)"', page)]
    assert (
        order.index("preservation") < order.index("age") < order.index("entry-into-force") < order.index("denunciation")
    )
    ages = block(page, "subject-age")
    listed = ages[ages.index("quantity-list") :]
    assert "« moins de 18 ans »" in listed and "« au minimum de 16 ans »" in listed
    entry_into_force = block(page, "subject-entry-into-force")
    assert "« quarantième instrument »" in entry_into_force and "« cinq Etats »" in entry_into_force
    assert "« au maximum de 90 jours »" not in entry_into_force


def test_every_quantity_links_to_its_article_and_paragraph(client):
    page = client.get("/quantities/").content.decode()
    row = block(page, "q-un-art_67__para_1-" + re.search(r'id="q-un-art_67__para_1-(\d+)"', page)[1])
    assert 'href="/un/art-67/#art_67__para_1"' in row
    assert "« un an »" in row and "1 an" in row


def test_a_divergence_between_corresponding_provisions_is_marked(client):
    group = block(client.get("/quantities/").content.decode(), "subject-entry-into-force")
    rows = link_rows(group)
    # UN 65 enters into force on the 90th day after the deposit; Budapest 36
    # once a three-month period has run (then on the first day of the next
    # month): the two delays are set against each other.
    days = row_with(rows, "« quatre-vingt-dixième jour »", "« trois mois »", 'href="/budapest/art-36/#art_36__para_3"')
    assert 'class="badge badge-divergent">divergent : 90e jour ≠ 3 mois<' in days
    assert 'href="/compare/un/art_65__para_1/budapest/art_36__para_3/"' in days
    # "Le premier jour du mois" closes the three months: it is not compared with the 90th day, and alone
    # it is no one-sided quantity either.
    assert not [
        row
        for row in rows
        if "« premier jour »" in row and 'href="/un/art-65/' in row and 'href="/budapest/art-36/' in row
    ]
    # How many ratifications: the 40th instrument against five States.
    threshold = row_with(rows, "« quarantième instrument »", "« cinq Etats »", 'href="/budapest/art-36/')
    assert "40e instrument ≠ 5 États" in threshold and "unités différentes" in threshold
    # Where the Protocol copies the Convention, the same thresholds read as identical.
    protocol = row_with(rows, 'href="/budapest-p1/art-10/#art_10__para_1"', "« cinq Etats »", 'href="/budapest/art-36/')
    assert "identique" in protocol
    listed = group[group.index("quantity-list") :]
    un_day = block(listed, re.search(r'id="(q-un-art_65__para_1-\d+)"', listed)[1])
    assert "divergente" in un_day


def test_denunciation_one_year_against_three_months(client):
    group = block(client.get("/quantities/").content.decode(), "subject-denunciation")
    row = row_with(link_rows(group), "« un an »", "« trois mois »", 'href="/budapest/art-47/')
    # The year is in UN 67 §1, the three months in Budapest 47 §2: paired across paragraphs.
    assert 'href="/un/art-67/#art_67__para_1"' in row and 'href="/budapest/art-47/#art_47__para_2"' in row
    assert "divergent : 1 an ≠ 3 mois" in row


def test_the_preservation_group_states_both_periods(client):
    group = block(client.get("/quantities/").content.decode(), "subject-preservation")
    statement = group[group.index('id="preservation-periods"') : group.index("quantity-links")]
    assert "En droit interne : au plus 90 jours" in statement
    assert "En coopération internationale : au moins 60 jours" in statement
    assert statement.count("les deux conventions concordent") == 2


def test_filter_by_instrument_and_subject(client):
    page = client.get("/quantities/?instrument=budapest-p1&subject=denunciation").content.decode()
    results = page[page.index('id="results"') :]
    assert re.findall(r'id="subject-([\w-]+)"', results) == ["denunciation"]
    assert 'href="/budapest-p1/art-15/#art_15__para_2"' in results
    listed = results[results.index("quantity-list") :]
    assert "/un/art-67/" not in listed and 'href="/budapest/art-47/' not in listed
    only_un = client.get("/quantities/?instrument=un").content.decode()
    # The list holds UN quantities only (a Protocol provision may still appear as a linked counterpart).
    assert 'id="q-un-' in only_un and 'id="q-budapest-p1-' not in only_un


def test_bad_filter_values_get_a_clear_400(client):
    response = client.get("/quantities/?subject=weather&instrument=un")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Filtre ignoré" in page and "« weather »" in page
    # The valid filter still applies.
    assert "/budapest/art-16/" not in page[page.index("quantity-list") :]


def test_htmx_request_gets_only_the_results(client):
    response = client.get("/quantities/?subject=age", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="results"')
    assert "<html" not in page and 'id="subject-age"' in page


def test_queries_are_few_and_do_not_depend_on_the_filters(client):
    client.get("/quantities/")  # warms the cache
    counts = []
    for url in ("/quantities/", "/quantities/?instrument=budapest-p1&subject=age"):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 9, counts


def test_the_json_export_link_keeps_the_valid_filters(client):
    page = client.get("/quantities/?subject=age&instrument=nope").content.decode()
    assert 'href="/api/quantities/?subject=age"' in page
