import csv
import io
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Q

from concordance.mapping.interchange.export import export_document
from concordance.mapping.models import Correspondence, MissingCounterpart, Theme
from concordance.mapping.suggestions import store_suggestions

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel needs the byte-order mark to read UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def fixture_document() -> dict:
    return json.loads(settings.CONCORDANCE_FIXTURE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("slug", ["un", "budapest", "budapest-p1"])
def test_csv_read_from_an_instrument_lists_its_curated_correspondences_and_articles_without_counterpart(client, slug):
    response = client.get(f"/concordance.csv?from={slug}")
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    correspondences = [r for r in rows if r["kind"] == "correspondence"]
    touching = Correspondence.objects.curated().filter(
        Q(left__edition__instrument__slug=slug, left__edition__is_primary=True)
        | Q(right__edition__instrument__slug=slug, right__edition__is_primary=True)
    )
    assert len(correspondences) == touching.count()
    missing = [r for r in rows if r["kind"] == "without_counterpart"]
    assert len(missing) == MissingCounterpart.objects.filter(article__edition__instrument__slug=slug).count()
    if slug == "un":
        assert any(r["left_eid"] == "art_25" and r["right_eid"] == "art_16" for r in correspondences)
    if slug == "budapest":
        # Budapest 41 has a Protocol counterpart, none in the UN Convention: the row says which.
        assert any(r["left_eid"] == "art_41" and r["right_instrument"] == "un" for r in missing)


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client):
    link = Correspondence.objects.curated().get(left__eid="art_25", right__eid="art_16")
    link.note = '=HYPERLINK("http://example.org","x")'
    link.save()
    gap = MissingCounterpart.objects.get(article__eid="art_32", article__edition__instrument__slug="budapest")
    gap.reason = "@SUM(A1:A2)"
    gap.save()
    rows = csv_rows(client.get("/concordance.csv")) + csv_rows(client.get("/concordance.csv?from=budapest"))
    notes = {r["note"] for r in rows} | {r["reason"] for r in rows}
    assert '\'=HYPERLINK("http://example.org","x")' in notes
    assert "'@SUM(A1:A2)" in notes
    assert not any(value.startswith(("=", "+", "-", "@")) for r in rows for value in r.values())


def test_public_exports_leave_the_aligner_suggestions_out(client):
    assert store_suggestions("un", "budapest") > 0
    curated = Correspondence.objects.curated().count()
    data = client.get("/api/concordance/").json()
    assert len(data["correspondences"]) == curated
    assert {c["origin"] for c in data["correspondences"]} == {"curated"}
    rows = csv_rows(client.get("/concordance.csv"))
    assert {r["origin"] for r in rows if r["kind"] == "correspondence"} == {"curated"}
    out = StringIO()
    call_command("export_concordance", stdout=out)
    assert {c["origin"] for c in json.loads(out.getvalue())["correspondences"]} == {"curated"}


def test_export_can_include_the_suggestions_marked_with_their_score(tmp_path):
    store_suggestions("un", "budapest")
    path = tmp_path / "all.json"
    call_command("export_concordance", str(path), "--include-suggested", stderr=StringIO())
    entries = json.loads(path.read_text())["correspondences"]
    suggested = [c for c in entries if c["origin"] == "suggested"]
    assert len(suggested) == Correspondence.objects.suggested().count() > 0
    assert all(0 < c["score"] <= 1 for c in suggested)
    assert all("score" not in c for c in entries if c["origin"] == "curated")


def test_json_api_gives_the_same_document(client):
    data = client.get("/api/concordance/").json()
    entry = next(c for c in data["correspondences"] if c["left"] == {"instrument": "un", "eid": "art_42"})
    assert entry["right"] == {"instrument": "budapest", "eid": "art_29"}
    assert set(entry) == {"left", "right", "relation", "note", "themes", "status", "origin"}
    assert {"instrument": "un", "eid": "art_16", "other_instrument": "budapest"}.items() <= next(
        m for m in data["without_counterpart"] if m["eid"] == "art_16" and m["instrument"] == "un"
    ).items()
    # One shape (mapping.interchange.schema) for the API and the export: the same document, key for key,
    # the API's lists in the order of their ids, a page at a time.
    assert data["pages"] == 1 and data["next"] is None and data["previous"] is None
    assert data["count"] == len(data["correspondences"])
    assert in_any_order(merged_pages(client)) == in_any_order(json.loads(json.dumps(export_document())))


def merged_pages(client) -> dict:
    """The API's pages put together as its description says: lists end to end, article themes merged."""
    merged: dict = {"themes": None, "article_themes": {}, "correspondences": [], "without_counterpart": []}
    address = "/api/concordance/"
    while address:
        page = client.get(address).json()
        assert merged["themes"] in (None, page["themes"])
        merged["themes"] = page["themes"]
        for slug, by_eid in page["article_themes"].items():
            assert not set(by_eid) & set(merged["article_themes"].get(slug, {}))  # an article on one page only
            merged["article_themes"].setdefault(slug, {}).update(by_eid)
        merged["correspondences"] += page["correspondences"]
        merged["without_counterpart"] += page["without_counterpart"]
        address = page["next"]
    return merged


def in_any_order(document: dict) -> dict:
    return {
        **document,
        "correspondences": sorted(document["correspondences"], key=json.dumps),
        "without_counterpart": sorted(document["without_counterpart"], key=json.dumps),
    }


def test_the_json_api_gives_the_concordance_in_pages_that_add_up_to_the_document(client, monkeypatch):
    from concordance.mapping.interchange import pages

    monkeypatch.setattr(pages, "PER_PAGE", 40)
    first = client.get("/api/concordance/").json()
    assert first["pages"] > 3 and len(first["correspondences"]) == 40 and first["previous"] is None
    assert first["next"] == "http://testserver/api/concordance/?page=2"
    second = client.get(first["next"]).json()
    assert second["previous"] == "http://testserver/api/concordance/?page=1"
    assert {json.dumps([c["left"], c["right"]]) for c in first["correspondences"]}.isdisjoint(
        json.dumps([c["left"], c["right"]]) for c in second["correspondences"]
    )
    merged = merged_pages(client)
    assert len(merged["correspondences"]) == first["count"]
    assert in_any_order(merged) == in_any_order(json.loads(json.dumps(export_document())))


def test_a_bad_concordance_page_is_a_400_and_a_page_past_the_end_a_404(client):
    for bad in ("abc", "0", "-2", "1.5"):
        response = client.get(f"/api/concordance/?page={bad}")
        assert response.status_code == 400, bad
        assert "Numéro de page invalide" in response.json()["detail"]
    assert client.get("/api/concordance/?page=2").status_code == 404


def test_export_then_import_replace_round_trips_exactly(tmp_path):
    store_suggestions("un", "budapest")
    first = tmp_path / "first.json"
    call_command("export_concordance", str(first), "--include-suggested", stderr=StringIO())
    Correspondence.objects.filter(left__eid="art_25").delete()
    MissingCounterpart.objects.filter(article__eid="art_16").delete()
    Correspondence.objects.suggested().update(score=None)
    call_command("import_concordance", str(first), "--replace", stdout=StringIO())
    second = tmp_path / "second.json"
    call_command("export_concordance", str(second), "--include-suggested", stderr=StringIO())
    assert first.read_bytes() == second.read_bytes()


def test_curated_fixture_loads_without_change():
    out = StringIO()
    call_command("import_concordance", str(settings.CONCORDANCE_FIXTURE), "--replace", stdout=out)
    assert "0 created, 0 updated, 0 deleted" in out.getvalue()


def test_a_partial_document_adds_and_keeps_the_rest(tmp_path):
    total, gaps, themes = Correspondence.objects.count(), MissingCounterpart.objects.count(), Theme.objects.count()
    entry = fixture_document()["correspondences"][0]
    entry["note"] = "Note revue."
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"correspondences": [entry]}))
    out = StringIO()
    call_command("import_concordance", str(path), stdout=out)
    assert "1 updated" in out.getvalue() and "kept that the document does not contain" in out.getvalue()
    assert (Correspondence.objects.count(), MissingCounterpart.objects.count(), Theme.objects.count()) == (
        total,
        gaps,
        themes,
    )


def test_replace_refuses_a_document_that_lacks_a_section(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"correspondences": fixture_document()["correspondences"]}))
    total = MissingCounterpart.objects.count()
    with pytest.raises(CommandError, match="--replace needs every section"):
        call_command("import_concordance", str(path), "--replace", stdout=StringIO())
    assert MissingCounterpart.objects.count() == total


def test_replace_deletes_what_the_document_leaves_out_and_keeps_it_in_history(tmp_path):
    document = fixture_document()
    dropped = document["correspondences"].pop(0)
    path = tmp_path / "fewer.json"
    path.write_text(json.dumps(document))
    out = StringIO()
    call_command("import_concordance", str(path), "--replace", stdout=out)
    assert "1 deleted" in out.getvalue()
    gone = Correspondence.history.filter(
        history_type="-", left__eid=dropped["left"]["eid"], right__eid=dropped["right"]["eid"]
    ).get()
    assert gone.history_change_reason == "import_concordance fewer.json"


def test_dry_run_prints_the_changes_and_changes_nothing(tmp_path):
    document = fixture_document()
    dropped = document["correspondences"].pop(0)
    document["correspondences"][0]["note"] = "Note modifiée."
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document))
    before = list(Correspondence.objects.order_by("pk").values_list("pk", "relation", "note"))
    out = StringIO()
    call_command("import_concordance", str(path), "--replace", "--dry-run", stdout=out)
    text = out.getvalue()
    assert f"- correspondence {dropped['left']['instrument']}:{dropped['left']['eid']}" in text
    assert "(note)" in text and "Dry run, nothing changed" in text
    assert list(Correspondence.objects.order_by("pk").values_list("pk", "relation", "note")) == before


def test_an_invalid_document_imports_nothing(tmp_path):
    document = fixture_document()
    document["correspondences"][0]["right"]["eid"] = "art_999"
    document["correspondences"][1]["relation"] = "sameish"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    before = list(Correspondence.objects.values_list("pk", "relation", "note"))
    with pytest.raises(CommandError) as error:
        call_command("import_concordance", str(path), stdout=StringIO())
    assert str(path) in str(error.value)
    assert "correspondences[0].right" in str(error.value) and "art_999" in str(error.value)
    assert "correspondences[1].relation" in str(error.value)
    assert list(Correspondence.objects.values_list("pk", "relation", "note")) == before


LINK = {
    "left": {"instrument": "un", "eid": "art_25"},
    "right": {"instrument": "budapest", "eid": "art_16"},
    "relation": "equivalent",
}


@pytest.mark.parametrize(
    "content, expected",
    [
        ("[1, 2]", "must be a JSON object"),
        ('{"correspondences": [1]}', "correspondences[0]: expected an object"),
        ('{"themes": [{"slug": "x"}]}', "themes[0]"),
        ('{"themes": [{"slug": "Pas un slug", "name": "x"}]}', "themes[0].slug"),
        ('{"article_themes": {"un": []}}', "article_themes.un: expected an object"),
        ('{"article_themes": {"un": {"art_1": "offences"}}}', "article_themes.un.art_1: expected a list"),
        ('{"article_themes": {"un": {"art_25__para_1": ["offences"]}}}', "is not an article"),
        ('{"correspondences": {"a": 1}}', "correspondences: expected a JSON array"),
        (
            json.dumps({"correspondences": [{**LINK, "right": {"instrument": "budapest", "eid": "art_99"}}]}),
            "correspondences[0].right: budapest:art_99 is not a provision",
        ),
        (json.dumps({"correspondences": [{**LINK, "relation": "pareil"}]}), "correspondences[0].relation"),
        (json.dumps({"correspondences": [{**LINK, "note": 5}]}), "correspondences[0].note: expected a string"),
        (json.dumps({"correspondences": [{**LINK, "score": 0.5}]}), "only a suggested correspondence"),
        (json.dumps({"correspondences": [{**LINK, "left": "un:art_25"}]}), "correspondences[0].left: expected"),
        (
            json.dumps({"without_counterpart": [{"instrument": "un", "eid": "art_16", "reason": "x"}]}),
            "without_counterpart[0]: expected the fields",
        ),
        (
            json.dumps(
                {
                    "without_counterpart": [
                        {"instrument": "un", "eid": "art_16", "other_instrument": "un", "reason": "x"}
                    ]
                }
            ),
            "without_counterpart[0].other_instrument",
        ),
        (
            json.dumps(
                {
                    "without_counterpart": [
                        {"instrument": "un", "eid": "art_25", "other_instrument": "budapest", "reason": "Aucune."}
                    ]
                }
            ),
            "without_counterpart un:art_25 in budapest: this article also has a correspondence",
        ),
        ('{"surprise": []}', "unknown top-level keys"),
        # Each of these once reached the database and crashed the import with a traceback.
        (
            json.dumps({"correspondences": [{**LINK, "note": "avant\x00après"}]}),
            "correspondences[0].note: contains a NUL character",
        ),
        (
            json.dumps(
                {
                    "without_counterpart": [
                        {"instrument": "un", "eid": "art_16", "other_instrument": "budapest", "reason": "Aucune\x00."}
                    ]
                }
            ),
            "without_counterpart[0].reason: contains a NUL character",
        ),
        (
            json.dumps({"themes": [{"slug": "long", "name": "x" * 121}]}),
            "themes[0].name: longer than the 120 characters allowed (121)",
        ),
        (
            json.dumps({"themes": [{"slug": "s" * 61, "name": "Long"}]}),
            "themes[0].slug: longer than the 60 characters allowed (61)",
        ),
        (
            json.dumps(
                {
                    "without_counterpart": [
                        {"instrument": "un", "eid": "art_16", "other_instrument": ["budapest"], "reason": "x"}
                    ]
                }
            ),
            "without_counterpart[0].other_instrument: expected a string, got ['budapest']",
        ),
        (
            json.dumps({"correspondences": [{**LINK, "themes": [["offences"]]}]}),
            "correspondences[0].themes[0]: expected a string",
        ),
        (
            json.dumps({"correspondences": [{**LINK, "origin": "suggested", "score": float("nan")}]}),
            "correspondences[0].score: expected a finite number or null, got nan",
        ),
        (
            '{"correspondences": [{"left": {"instrument": "un", "eid": "art_25"}, '
            '"right": {"instrument": "budapest", "eid": "art_16"}, "relation": "equivalent", '
            '"origin": "suggested", "score": 1e309}]}',
            "correspondences[0].score: expected a finite number or null, got inf",
        ),
        (
            json.dumps({"correspondences": [{**LINK, "origin": "suggested", "score": True}]}),
            "correspondences[0].score: expected a finite number or null, got True",
        ),
        ('{"correspondences": [' + "[" * 100_000 + "]" * 100_000 + "]}", "nested too deeply"),
        # Pages showing a note grew by its size: a 10 MB note was accepted.
        (
            json.dumps({"correspondences": [{**LINK, "note": "x" * 10_001}]}),
            "correspondences[0].note: longer than the 10000 characters allowed (10001)",
        ),
        (
            json.dumps(
                {
                    "without_counterpart": [
                        {"instrument": "un", "eid": "art_16", "other_instrument": "budapest", "reason": "x" * 10_001}
                    ]
                }
            ),
            "without_counterpart[0].reason: longer than the 10000 characters allowed (10001)",
        ),
        (
            '{"correspondences": [' + "[" * 500 + "]" * 500 + "]}",
            "correspondences[0]: expected an object, got [[[[...]]]]",
        ),
    ],
)
def test_every_malformed_document_is_refused_clearly_and_changes_nothing(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = (
        list(Correspondence.objects.order_by("pk").values_list("pk", "relation", "note")),
        list(MissingCounterpart.objects.order_by("pk").values_list("pk", "reason")),
        list(Theme.objects.order_by("pk").values_list("slug", "name")),
    )
    with pytest.raises(CommandError) as error:
        call_command("import_concordance", str(path), stdout=StringIO())
    assert str(path) in str(error.value)
    assert expected in str(error.value)
    assert before == (
        list(Correspondence.objects.order_by("pk").values_list("pk", "relation", "note")),
        list(MissingCounterpart.objects.order_by("pk").values_list("pk", "reason")),
        list(Theme.objects.order_by("pk").values_list("slug", "name")),
    )


def test_unreadable_files_are_refused_clearly(tmp_path):
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"themes": [{"slug": "a", "name": "Défs"}]}'.encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_concordance", str(latin1), stdout=StringIO())
    with pytest.raises(CommandError, match="is a directory"):
        call_command("import_concordance", str(tmp_path), stdout=StringIO())
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_concordance", str(tmp_path / "nope.json"), stdout=StringIO())


def test_import_if_empty_keeps_curators_work():
    Correspondence.objects.filter(left__eid="art_25", right__eid="art_16").update(note="Note d'une curatrice")
    call_command("import_concordance", "--if-empty", stdout=StringIO())
    assert Correspondence.objects.get(left__eid="art_25", right__eid="art_16").note == "Note d'une curatrice"
