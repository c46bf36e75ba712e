import csv
import io
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from concordance.mapping.models import Correspondence

pytestmark = pytest.mark.django_db


def test_csv_lists_every_correspondence_and_every_article_without_counterpart(client):
    response = client.get("/concordance.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    correspondences = [r for r in rows if r["kind"] == "correspondence"]
    assert len(correspondences) == Correspondence.objects.count()
    assert any(
        r["left_eid"] == "art_25" and r["right_instrument"] == "budapest" and r["right_eid"] == "art_16"
        for r in correspondences
    )
    missing = [r for r in rows if r["kind"] == "without_counterpart"]
    assert any(r["left_eid"] == "art_32" and r["left_instrument"] == "budapest" for r in missing)


def test_json_api_gives_the_same_document(client):
    data = client.get("/api/concordance/").json()
    entry = next(c for c in data["correspondences"] if c["left"] == {"instrument": "un", "eid": "art_42"})
    assert entry["right"] == {"instrument": "budapest", "eid": "art_29"}
    assert set(entry) == {"left", "right", "relation", "note", "themes", "status", "origin"}
    assert any(m["eid"] == "art_16" and m["instrument"] == "un" for m in data["without_counterpart"])


def test_export_then_import_round_trips_exactly(tmp_path):
    first = tmp_path / "first.json"
    call_command("export_concordance", str(first), stderr=StringIO())
    Correspondence.objects.filter(left__eid="art_25").delete()
    call_command("import_concordance", str(first), stdout=StringIO())
    second = tmp_path / "second.json"
    call_command("export_concordance", str(second), stderr=StringIO())
    assert first.read_text() == second.read_text()


def test_curated_fixture_loads_without_change():
    out = StringIO()
    call_command("import_concordance", str(settings.CONCORDANCE_FIXTURE), stdout=out)
    assert "0 created, 0 updated, 0 deleted" in out.getvalue()


def test_an_invalid_document_imports_nothing(tmp_path):
    document = json.loads(settings.CONCORDANCE_FIXTURE.read_text())
    document["correspondences"][0]["right"]["eid"] = "art_999"
    document["correspondences"][1]["relation"] = "sameish"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    before = list(Correspondence.objects.values_list("pk", "relation", "note"))
    with pytest.raises(CommandError) as error:
        call_command("import_concordance", str(path), stdout=StringIO())
    assert "correspondences[0].right" in str(error.value) and "art_999" in str(error.value)
    assert "correspondences[1].relation" in str(error.value)
    assert list(Correspondence.objects.values_list("pk", "relation", "note")) == before


def test_import_if_empty_keeps_curators_work():
    Correspondence.objects.filter(left__eid="art_25", right__eid="art_16").update(note="Note d'une curatrice")
    call_command("import_concordance", "--if-empty", stdout=StringIO())
    assert Correspondence.objects.get(left__eid="art_25", right__eid="art_16").note == "Note d'une curatrice"
