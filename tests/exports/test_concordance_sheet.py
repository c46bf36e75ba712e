import csv
import io
import re

import pytest
from openpyxl import load_workbook

from concordance.corpus.models import Provision

pytestmark = pytest.mark.django_db

FILTER_SETS = [
    "from=un&chapter=chp_2",
    "from=budapest&theme=procedural-powers",
    "from=un&relation=partial",
    "from=un&missing=on",
    "from=budapest-p1",
    "",
]


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def screen_table(client, query: str) -> tuple[list[str], set[tuple[str, str, str, str]]]:
    """The articles the page lists, in order, and every comparison link it gives (article and paragraph)."""
    page = client.get(f"/concordance/?{query}").content.decode()
    results = page.split('<section id="results"')[1]
    articles = re.findall(r'<tr id="row-([^"]+)">', results)
    links = set(re.findall(r'href="/compare/([^/]+)/([^/]+)/([^/]+)/([^/]+)/"', results))
    return articles, links


@pytest.mark.parametrize("query", FILTER_SETS)
def test_the_csv_is_the_table_on_screen(client, query):
    articles, links = screen_table(client, query)
    rows = csv_rows(client.get(f"/concordance.csv?{query}"))
    assert list(dict.fromkeys(row["left_eid"].split("__")[0] for row in rows)) == articles
    linked = {
        (row["left_instrument"], row["left_eid"], row["right_instrument"], row["right_eid"])
        for row in rows
        if row["kind"] == "correspondence"
    }
    assert linked == links


def test_the_xlsx_has_the_csv_rows_a_frozen_header_and_set_widths(client):
    query = "from=un&chapter=chp_2&text=1"
    rows = csv_rows(client.get(f"/concordance.csv?{query}"))
    response = client.get(f"/concordance.xlsx?{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.freeze_panes == "A2"
    values = [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    header = values[0]
    assert header == list(rows[0])
    assert [dict(zip(header, row, strict=True)) for row in values[1:]] == rows
    widths = {
        sheet.cell(1, index).value: sheet.column_dimensions[letter].width
        for index, letter in enumerate("ABCDEFGHIJKLMNOPQR", 1)
    }
    assert widths["left_text"] == 80 and widths["note"] == 60 and widths["kind"] == 16


def test_each_side_has_its_citation_heading_and_with_text_its_words(client):
    rows = csv_rows(client.get("/concordance.csv?from=un&text=1"))
    line = next(r for r in rows if r["left_eid"] == "art_25" and r["right_eid"] == "art_16")
    assert (line["left_citation"], line["right_citation"]) == ("art. 25", "art. 16")
    assert line["left_heading"] == "Préservation accélérée de données électroniques stockées"
    assert line["right_heading"] == "Conservation rapide de données informatiques stockées"
    for side, slug, eid in (("left", "un", "art_25"), ("right", "budapest", "art_16")):
        for unit in Provision.objects.filter(
            edition__instrument__slug=slug, edition__is_primary=True, article_eid=eid
        ).exclude(text=""):
            assert unit.text in line[f"{side}_text"]
    paragraph = next(r for r in rows if r["kind"] == "correspondence" and "__" in r["left_eid"])
    assert paragraph["left_citation"].count(",") >= 1  # "art. 25, par. 2"
    assert "left_text" not in csv_rows(client.get("/concordance.csv?from=un"))[0]


def test_an_article_without_counterpart_says_in_which_instrument_and_why(client):
    rows = csv_rows(client.get("/concordance.csv?from=budapest&missing=on"))
    line = next(r for r in rows if r["left_eid"] == "art_41")
    assert line["kind"] == "without_counterpart" and line["right_instrument"] == "un" and line["reason"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("chapter=chp_99", "chapter"),
        ("theme=nope", "theme"),
        ("relation=sameish", "relation"),
        ("text=yes", "text"),
    ],
)
@pytest.mark.parametrize("export", ["concordance.csv", "concordance.xlsx"])
def test_bad_filters_are_refused_with_a_message(client, export, query, message):
    response = client.get(f"/{export}?{query}")
    assert response.status_code == 400
    assert message in response.content.decode() and "Filtre invalide" in response.content.decode()


def test_an_unknown_instrument_is_404(client):
    assert client.get("/concordance.csv?from=nowhere").status_code == 404


def test_the_page_links_carry_the_filters_applied(client):
    page = client.get("/concordance/?from=budapest&chapter=chp_2&relation=equivalent&missing=").content.decode()
    assert 'href="/concordance.csv?from=budapest&amp;chapter=chp_2&amp;relation=equivalent"' in page
    assert 'href="/concordance.xlsx?from=budapest&amp;chapter=chp_2&amp;relation=equivalent"' in page
    # On paper the form is hidden: the page says which chapter it shows.
    assert re.search(r'class="print-only filters-applied">[^<]*Chapitre : <span lang="fr">Chapitre II', page)


@pytest.mark.parametrize(
    "query, queries",
    [("from=un", 10), ("from=budapest&chapter=chp_2", 10), ("from=un&text=1", 11), ("from=budapest-p1&text=1", 11)],
)
def test_query_count_is_fixed_whatever_the_rows(client, django_assert_num_queries, query, queries):
    # The page's own queries (instruments, chapters, themes, the table), and one for every text.
    with django_assert_num_queries(queries):
        assert client.get(f"/concordance.csv?{query}").status_code == 200
    with django_assert_num_queries(queries):
        assert client.get(f"/concordance.xlsx?{query}").status_code == 200


def test_the_words_are_read_in_a_statement_that_does_not_grow_with_the_articles(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/concordance.csv?text=1")
    assert response.status_code == 200
    # The UN table reaches some 150 articles on both sides: one OR term each made an 11,400-character statement.
    assert max(len(query["sql"]) for query in captured.captured_queries) < 6_000
