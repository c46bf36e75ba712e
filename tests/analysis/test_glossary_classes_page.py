"""The glossary page says each entry's class and why, and filters by class (issue 14 §2)."""

import json
import re
from pathlib import Path

import pytest
from django.utils.html import escape

from tests.analysis.helpers import block

pytestmark = pytest.mark.django_db

RAW = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "glossary.json").read_text(encoding="utf-8"))
CLASS_OF = {entry["id"]: entry["class"] for entry in RAW["entries"]}


def test_each_entry_shows_its_class_and_reason(client):
    page = client.get("/glossary/").content.decode()
    for entry in RAW["entries"]:
        shown = block(page, f"entry-{entry['id']}")
        assert f'class="badge class-{entry["class"]}"' in shown, entry["id"]
        assert escape(entry["why"]) in shown, entry["id"]
    assert 'quasi-équivalent</span> <span lang="fr">Même rôle' in block(page, "entry-access-code")
    assert 'termes distincts</span> <span lang="fr">Pas une équivalence' in block(page, "entry-procurement-for-use")


@pytest.mark.parametrize("term_class", ["equivalent", "near", "distinct"])
def test_the_class_filter_keeps_only_that_class(client, term_class):
    page = client.get(f"/glossary/?class={term_class}").content.decode()
    shown = re.findall(r'<article class="glossary-entry" id="entry-([\w-]+)"', page)
    assert shown == [entry_id for entry_id, cls in CLASS_OF.items() if cls == term_class]
    assert f'<option value="{term_class}" selected>' in page


def test_the_class_filter_combines_with_the_others(client):
    page = client.get("/glossary/?class=near&instrument=un&q=acc%C3%A8s").content.decode()
    assert re.findall(r'id="entry-([\w-]+)"', page.split('id="results"')[1]) == ["access-code"]


def test_an_unknown_class_is_a_clear_400(client):
    response = client.get("/glossary/?class=synonym")
    assert response.status_code == 400
    page = response.content.decode()
    assert "« synonym »" in page
    assert page.count('class="glossary-entry"') == len(RAW["entries"])


def test_the_comparison_legend_leads_to_the_near_equivalents(client):
    page = client.get("/compare/un/art_11/budapest/art_6/").content.decode()
    assert 'href="/glossary/?class=near"' in page
    assert 'href="/glossary/#entry-access-code"' in page
