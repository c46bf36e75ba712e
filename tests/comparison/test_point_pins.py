"""A curator pins a point pair as a paragraph pair, through the curation form.

The pin is a curated correspondence between two points: the plan honours it
before any content matching, the page marks its row "lien établi", and
removing it gives the points back to the alignment by content.
"""

from __future__ import annotations

import re

import pytest

from concordance.mapping.models import Correspondence

pytestmark = pytest.mark.django_db

PAGE = "/compare/un/art_14/budapest/art_9/"
# UN 14 §2 b) (in the presence of a sexual act) faces nothing by content: a
# curator who reads it otherwise pins it against Budapest 9 §2 b.
PIN = {
    "left_instrument": "un",
    "left_provision": "14.2.b",
    "right_instrument": "budapest",
    "right_provision": "9.2.b",
    "relation": "related",
    "note": "Épingle d'essai",
    "status": "reviewed",
}


def row_of(page: str, eid: str) -> str:
    """The HTML of the side-by-side row that shows the unit ``eid`` on the left."""
    rows = re.findall(r'<div class="row[^"]*" role="row" id="row-\d+">.*?(?=<div class="row|</div>\s*$)', page, re.S)
    return next(row for row in rows if f'id="l-{eid}"' in row)


def partners(client, label: str) -> tuple[str, ...]:
    rows = client.get(PAGE).context["pair"].comparison.rows
    return next(tuple(u.label for u in row.rights) for row in rows if label in [u.label for u in row.lefts])


def test_a_point_pin_changes_the_alignment_and_removing_it_restores_content_matching(client, curator_client):
    assert partners(client, "par. 2, b)") == ()
    assert curator_client.post("/concordance/correspondences/new/", PIN).status_code == 302
    pin = Correspondence.objects.get(left__eid="art_14__para_2__point_b", right__eid="art_9__para_2__point_b")
    assert pin.history.first().history_user.username == "curatrice"

    assert partners(client, "par. 2, b)") == ("par. 2, b)",)
    page = client.get(PAGE).content.decode()
    assert 'class="curated-mark"' in row_of(page, "art_14__para_2__point_b")

    delete = f"/concordance/correspondences/{pin.pk}/delete/"
    version = curator_client.get(delete).context["version"]
    assert curator_client.post(delete, {"version": version}).status_code == 302
    assert partners(client, "par. 2, b)") == ()
    page = client.get(PAGE).content.decode()
    assert 'class="curated-mark"' not in row_of(page, "art_14__para_2__point_b")


def test_rows_aligned_by_content_carry_no_curated_mark_and_pinned_rows_do(client):
    page = client.get(PAGE).content.decode()
    # UN 14 §2 a) ↔ Budapest 9 §2 a is pinned in the curated data,
    assert 'class="curated-mark"' in row_of(page, "art_14__para_2__point_a")
    assert "(les autres lignes sont alignées sur le contenu)" in page
    # UN 40 §21 b) ↔ Budapest 27 §4 b (sovereignty) is the alignment by content's work, under the pinned §21 ↔ §4.
    page = client.get("/compare/un/art_40/budapest/art_27/").content.decode()
    assert 'class="curated-mark"' in row_of(page, "art_40__para_21")
    assert 'id="r-art_27__para_4__point_b"' in row_of(page, "art_40__para_21__point_b")
    assert 'class="curated-mark"' not in row_of(page, "art_40__para_21__point_b")
