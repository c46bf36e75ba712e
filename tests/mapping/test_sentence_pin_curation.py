"""A sentence pin through the curator's form, history, version check, admin and the JSON interchange."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from concordance.mapping.interchange.export import export_document
from concordance.mapping.models import Correspondence
from tests.mapping.curating import edit_url, opened_form

pytestmark = pytest.mark.django_db


def link() -> Correspondence:
    """UN 67 §1 (two sentences: denunciation, when it takes effect) ↔ Budapest 47 §1 (denunciation)."""
    return Correspondence.objects.get(left__eid="art_67__para_1", right__eid="art_47__para_1")


def test_the_form_shows_the_sentences_first_words_and_saves_a_pin_into_the_history(curator_client):
    correspondence = link()
    response = curator_client.get(edit_url(correspondence))
    text = html.unescape(response.content.decode())
    assert "Phrases de art. 67, par. 1 : 1 « Un État partie peut dénoncer la présente Convention … »" in text
    assert "2 « Une telle dénonciation prend effet un an après … »" in text
    assert 'name="left_sentence"' in text and 'name="right_sentence"' in text

    data = opened_form(curator_client, correspondence)
    assert curator_client.post(edit_url(correspondence), {**data, "left_sentence": "1"}).status_code == 302
    correspondence.refresh_from_db()
    assert (correspondence.left_sentence, correspondence.right_sentence) == (1, None)
    history = html.unescape(curator_client.get(f"{edit_url(correspondence)}history/").content.decode())
    assert re.search(r"phrase de gauche\s*:\s*<del>—</del>\s*→\s*<ins>1</ins>", history)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("left_sentence", "3", "a 2 phrases : choisissez un numéro de 1 à 2."),
        ("right_sentence", "1", "n'a qu'une phrase : liez la disposition entière"),
        ("left_sentence", "0", "supérieure ou égale à 1"),
    ],
)
def test_a_sentence_the_provision_does_not_have_is_refused_beside_its_field(curator_client, field, value, message):
    correspondence = link()
    response = curator_client.post(
        edit_url(correspondence), {**opened_form(curator_client, correspondence), field: value}
    )
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    correspondence.refresh_from_db()
    assert (correspondence.left_sentence, correspondence.right_sentence) == (None, None)


def test_a_stale_edit_keeps_the_other_curators_sentence_pin(curator_client, second_curator):
    second = second_curator
    correspondence = link()
    seen_by_a, seen_by_b = opened_form(curator_client, correspondence), opened_form(second, correspondence)
    assert curator_client.post(edit_url(correspondence), {**seen_by_a, "left_sentence": "1"}).status_code == 302
    response = second.post(edit_url(correspondence), {**seen_by_b, "note": "Note de B"})
    assert response.status_code == 409
    assert "phrase de gauche" in html.unescape(response.content.decode())
    rebased = response.context["form"]
    assert (rebased["left_sentence"].value(), rebased["note"].value()) == (1, "Note de B")


def test_the_database_refuses_a_sentence_zero():
    with pytest.raises(IntegrityError), transaction.atomic():
        Correspondence.objects.filter(pk=link().pk).update(left_sentence=0)


def test_a_sentence_pin_goes_out_and_comes_back_through_the_interchange(tmp_path):
    Correspondence.objects.filter(pk=link().pk).update(left_sentence=1)
    entry = next(e for e in export_document()["correspondences"] if e["left"]["eid"] == "art_67__para_1")
    assert entry["left_sentence"] == 1 and "right_sentence" not in entry
    first = tmp_path / "first.json"
    call_command("export_concordance", str(first), stderr=StringIO())
    Correspondence.objects.filter(pk=link().pk).update(left_sentence=None)
    call_command("import_concordance", str(first), "--replace", stdout=StringIO())
    assert link().left_sentence == 1
    second = tmp_path / "second.json"
    call_command("export_concordance", str(second), stderr=StringIO())
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    ("side", "value", "problem"),
    [
        ("left_sentence", 3, "correspondences[0].left_sentence: un:art_67__para_1 has 2 sentences, not 3."),
        ("right_sentence", 1, "correspondences[0].right_sentence: budapest:art_47__para_1 has a single sentence"),
        ("left_sentence", 0, "correspondences[0].left_sentence"),
    ],
)
def test_an_import_naming_a_sentence_the_provision_lacks_is_refused(tmp_path, side, value, problem):
    entry = next(e for e in export_document()["correspondences"] if e["left"]["eid"] == "art_67__para_1")
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"correspondences": [{**entry, side: value}]}))
    with pytest.raises(Exception) as refused:
        call_command("import_concordance", str(path), stdout=StringIO(), stderr=StringIO())
    assert problem in str(refused.value)
    assert link().left_sentence is None


def test_the_concordance_and_article_pages_name_the_pinned_sentence(client):
    Correspondence.objects.filter(pk=link().pk).update(left_sentence=1)
    table = html.unescape(client.get("/concordance/").content.decode())
    assert re.search(r"art\. 67, par\. 1, phrase 1 ↔ [^<]*art\. 47, par\. 1</a>", table)
    article = html.unescape(client.get("/budapest/art-47/").content.decode())
    assert re.search(r"art\. 47, par\. 1 ↔\s*<a [^>]*>[^<]*art\. 67, par\. 1, phrase 1</a>", article)


def test_the_concordance_spreadsheet_cites_the_pinned_sentence(client):
    # The curated pin UN 67 §1, sentence 2 ↔ Budapest 47 §2.
    text = client.get("/concordance.csv?from=un").content.decode("utf-8").removeprefix("\ufeff")
    rows = {(r["left_eid"], r["right_eid"]): r for r in csv.DictReader(io.StringIO(text))}
    assert rows[("art_67__para_1", "art_47__para_2")]["left_citation"] == "art. 67, par. 1, phrase 2"
    assert rows[("art_67__para_1", "art_47__para_1")]["left_citation"] == "art. 67, par. 1"
