import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def rows(client, query: str = "") -> list[dict[str, str]]:
    response = client.get(f"/divergences.csv{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "divergences.csv" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_every_kind_is_exported(client):
    found = rows(client)
    kinds = [row["kind"] for row in found]
    assert kinds.count("most-different") == 20
    un_16 = next(
        row for row in found if row["kind"] == "missing" and row["instrument"] == "un" and row["eid"] == "art_16"
    )
    assert "diffusion non consentie" in un_16["reason"]
    assert un_16["url"].endswith("/un/art-16/")
    days = next(
        row
        for row in found
        if row["kind"] == "quantity"
        and row["eid"] == "art_65__para_1"
        and row["label"] == "90e jour"
        and row["counterpart_instrument"] == "budapest"
    )
    assert (days["words"], days["counterpart_words"], days["counterpart_eid"]) == (
        "quatre-vingt-dixième jour",
        "trois mois",
        "art_36__para_3",
    )
    assert (days["status"], days["comparison"]) == ("divergent", "90e jour ≠ 3 mois")
    assert days["url"].endswith("/compare/un/art_65__para_1/budapest/art_36__para_3/")
    age = next(
        row for row in found if row["kind"] == "one-sided" and row["counterpart_words"] == "au minimum de 16 ans"
    )
    assert (age["status"], age["comparison"], age["counterpart_eid"]) == (
        "right-only",
        "au moins 16 ans",
        "art_9__para_3",
    )


def test_most_different_rows_are_ordered_by_share(client):
    found = [float(row["substantive_share"]) for row in rows(client, "?kind=most-different")]
    assert len(found) == 20 and found == sorted(found, reverse=True)


def test_filters_apply(client):
    found = rows(client, "?theme=offences&kind=missing")
    assert found and all(row["kind"] == "missing" and "offences" in row["themes"].split(";") for row in found)
    assert any(row["eid"] == "art_16" for row in found)


def test_a_bad_filter_is_a_400_that_says_why(client):
    response = client.get("/divergences.csv?kind=all")
    assert response.status_code == 400
    assert "Filtre invalide" in response.content.decode() and "all" in response.content.decode()


def test_one_sided_quantities_are_exported_on_their_own(client):
    found = rows(client, "?kind=one-sided")
    assert found and {row["kind"] for row in found} == {"one-sided"}
    assert {row["status"] for row in found} <= {"left-only", "right-only"}
    six_months = next(row for row in found if row["words"] == "six mois")
    assert (six_months["instrument"], six_months["eid"], six_months["counterpart_instrument"]) == (
        "un",
        "art_63__para_2",
        "budapest",
    )


def test_the_file_opens_in_a_spreadsheet_with_its_accents_and_no_live_formula(client):
    from concordance.mapping.models import MissingCounterpart

    content = client.get("/divergences.csv").content
    # The byte-order mark tells Excel the file is UTF-8 ("≠", "É").
    assert content.startswith("\ufeff".encode()) and "≠".encode() in content
    missing = MissingCounterpart.objects.get(article__eid="art_16", article__edition__instrument__slug="un")
    missing.reason = '=HYPERLINK("http://example.org","voir")'
    missing.save()
    un_16 = next(row for row in rows(client, "?kind=missing") if row["eid"] == "art_16" and row["instrument"] == "un")
    assert un_16["reason"] == '\'=HYPERLINK("http://example.org","voir")'
