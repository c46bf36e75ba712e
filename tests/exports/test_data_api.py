"""A comparison and a citation as data: the same rows, words and quantities as the page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

COMPARISON = "/api/comparisons/un/art_65/budapest/art_36/"


def test_each_side_s_segments_are_its_paragraphs_word_for_word_in_the_page_s_rows(client):
    data = client.get("/api/comparisons/un/art_25/budapest/art_16/").json()
    page = client.get("/compare/un/art_25/budapest/art_16/").context["pair"]
    assert [row["number"] for row in data["rows"]] == list(range(1, len(page.comparison.rows) + 1))
    for row, shown in zip(data["rows"], page.comparison.rows, strict=True):
        assert [u["eid"] for u in row["left"]] == [u.eid for u in shown.lefts]
        assert [u["eid"] for u in row["right"]] == [u.eid for u in shown.rights]
        for side in ("left", "right"):
            for unit in row[side]:
                pieces = [s["text"] for s in row[f"{side}_segments"] if s["provision"] == unit["eid"]]
                assert "".join(pieces) == unit["text"]
    kinds = {s["kind"] for row in data["rows"] for s in row["left_segments"] + row["right_segments"]}
    assert {"equal", "deleted", "inserted", "terminology"} <= kinds
    term = next(s for row in data["rows"] for s in row["left_segments"] if s["kind"] == "terminology")
    assert (term["text"], term["counterpart"]) == ("État partie ", "Partie ")


def test_the_provisions_and_their_correspondence_are_named(client):
    data = client.get(COMPARISON).json()
    assert data["left"] == {
        "instrument": "un",
        "eid": "art_65",
        "citation": "Convention des Nations Unies contre la cybercriminalité, 24 décembre 2024, art. 65",
        "heading": "Entrée en vigueur",
        "url": "http://testserver/un/art-65/#art_65",
    }
    assert data["right"]["citation"] == "Convention sur la cybercriminalité, 23 novembre 2001, art. 36"
    assert data["correspondence"]["relation"] == "partial"
    assert data["correspondence"]["between"] == "provisions"
    assert data["correspondence"]["note"].startswith("Entrée en vigueur : 90e jour")


def test_quantity_pairs_give_values_units_and_subjects(client):
    data = client.get(COMPARISON).json()
    divergent = [q for row in data["rows"] for q in row["quantities"] if q["status"] == "divergent"]
    assert [q["badge"] for q in divergent] == ["90e jour ≠ 3 mois", "40e instrument ≠ 5 États", "30e jour ≠ 3 mois"]
    first = divergent[0]
    assert first["left"]["value"] == 90 and first["right"]["value"] == 3
    assert first["right"]["unit"] == "month"
    assert first["left"]["subject"] == first["right"]["subject"] == "entry-into-force"
    assert first["left"]["provision"].startswith("art_65__para_")


def test_changes_only_keeps_the_changed_rows_with_their_numbers(client):
    every = client.get("/api/comparisons/un/art_25/budapest/art_16/").json()["rows"]
    changed = client.get("/api/comparisons/un/art_25/budapest/art_16/?changes=1").json()["rows"]
    assert changed == [r for r in every if r["substantive_change"] or r["terminology_change"]]


def test_a_bad_parameter_answers_400_saying_why(client):
    response = client.get(COMPARISON + "?changes=perhaps")
    assert response.status_code == 400
    assert "changes" in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/comparisons/un/art_99/budapest/art_16/",
        "/api/comparisons/un/art_25/budapest/nothing/",
        "/api/comparisons/xx/art_25/budapest/art_16/",
        "/api/cite/un/art_25__para_9/",
        "/api/cite/zz/art_1/",
    ],
)
def test_unknown_provisions_answer_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["detail"]


def test_a_citation_in_french_legal_style_with_its_permalink_and_csl_json(client):
    data = client.get("/api/cite/un/art_25__para_2/").json()
    assert data["text"] == "Convention des Nations Unies contre la cybercriminalité, 24 décembre 2024, art. 25, par. 2"
    assert data["url"] == "http://testserver/un/art-25/#art_25__para_2"
    csl = data["csl"]
    assert csl["type"] == "legislation" and csl["genre"] == "treaty"
    assert csl["title"] == "Convention des Nations Unies contre la cybercriminalité"
    assert csl["issued"] == {"date-parts": [[2024, 12, 24]]}
    assert csl["locator"] == "art. 25, par. 2"
    assert csl["URL"] == data["url"]
    point = client.get("/api/cite/budapest/art_16__para_1/").json()
    assert point["text"] == "Convention sur la cybercriminalité, 23 novembre 2001, art. 16, par. 1"
