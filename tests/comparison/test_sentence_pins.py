"""A curator pins one sentence of a paragraph against a provision of the other text.

UN 67 §1 says in two sentences what Budapest 47 §1 and §2 say: denunciation,
then when it takes effect. The curated paragraph link UN 67 §1 ↔ Budapest
47 §1 puts the whole UN paragraph against Budapest §1, and Budapest §2 (three
months) stood alone. The sentence pin UN 67 §1, sentence 2 ↔ Budapest 47 §2
(curated data, through the review corrections) puts the UN's second sentence
against it in its own row; the first sentence stays against §1; each text is
shown whole, once, in order.
"""

from __future__ import annotations

import pytest

from concordance.comparison.inputs import DatabaseSource, compare_pair, pair_inputs
from concordance.corpus.models import Provision
from concordance.mapping.models import Correspondence

pytestmark = pytest.mark.django_db

PAGE = "/compare/un/art_67/budapest/art_47/"
PIN = {
    "left_instrument": "un",
    "left_provision": "67.1",
    "left_sentence": "2",
    "right_instrument": "budapest",
    "right_provision": "47.2",
    "relation": "partial",
    "note": "Prise d'effet de la dénonciation : un an (ONU), premier jour du mois après trois mois (Budapest).",
    "status": "reviewed",
}


def rows(client) -> list[tuple[tuple[str, ...], tuple[str, ...], bool]]:
    comparison = client.get(PAGE).context["pair"].comparison
    return [(tuple(u.label for u in r.lefts), tuple(u.label for u in r.rights), r.curated) for r in comparison.rows]


def shown_whole(comparison, side: str) -> dict[str, str]:
    """Each provision's words as the rows show them, its parts joined, in the order shown."""
    shown: dict[str, str] = {}
    for row in comparison.rows:
        for block in row.left_blocks if side == "left" else row.right_blocks:
            shown[block.unit.eid] = shown.get(block.unit.eid, "") + "".join(p.text for p in block.pieces)
    return shown


def test_a_sentence_pin_changes_the_alignment_and_removing_it_restores_it(client, curator_client):
    pinned = [(("par. 1, phrase 1",), ("par. 1",), True), (("par. 1, phrase 2",), ("par. 2",), True)]
    # The curated data pins it (review corrections, constat 4).
    pin = Correspondence.objects.get(left__eid="art_67__para_1", right__eid="art_47__para_2")
    assert (pin.left_sentence, pin.right_sentence) == (2, None)
    with_pin = rows(client)
    assert all(row in with_pin for row in pinned)
    page = client.get(PAGE).content.decode()
    assert 'id="l-art_67__para_1"' in page and 'id="l-art_67__para_1-phrase-2"' in page

    delete = f"/concordance/correspondences/{pin.pk}/delete/"
    version = curator_client.get(delete).context["version"]
    assert curator_client.post(delete, {"version": version}).status_code == 302
    # Without it, the paragraph link §1 ↔ §1 holds the whole UN paragraph and Budapest §2 faces nothing.
    without = rows(client)
    assert (("par. 1",), ("par. 1",), True) in without and ((), ("par. 2",), False) in without
    assert not any(row in without for row in pinned)

    response = curator_client.post("/concordance/correspondences/new/", PIN)
    assert response.status_code == 302, response.context["form"].errors
    assert rows(client) == with_pin


def test_with_a_sentence_pin_each_text_is_shown_whole_once_and_in_order():
    left = Provision.objects.get(edition__instrument__slug="un", edition__is_primary=True, eid="art_67")
    right = Provision.objects.get(edition__instrument__slug="budapest", edition__is_primary=True, eid="art_47")
    source = DatabaseSource()
    comparison = compare_pair(pair_inputs(left, right, source))
    for side, root in (("left", left), ("right", right)):
        provisions = [p for p in source.subtree(root) if p.text.strip()]
        assert list(shown_whole(comparison, side).items()) == [(p.eid, p.text) for p in provisions]
    # The second sentence's words keep their offsets in the provision (references, quantities).
    second = next(block for row in comparison.rows for block in row.left_blocks if block.unit.sentence == 2)
    provision_text = Provision.objects.get(pk__in=[p.pk for p in source.subtree(left)], eid="art_67__para_1").text
    assert all(provision_text[p.start : p.start + len(p.text)] == p.text for p in second.pieces)


def test_the_comparison_page_costs_the_same_queries_with_a_sentence_pin(client, django_assert_num_queries):
    assert Correspondence.objects.filter(left_sentence=2).exists()
    client.get(PAGE)
    with django_assert_num_queries(11):
        client.get(PAGE)


def test_a_quantity_in_a_pinned_sentence_is_read_in_its_own_words(client):
    """UN 67 §1's « un an » sits in the second sentence, a part that starts 170 characters into
    the paragraph: what it governs is read at its place in that part, so it meets Budapest's
    « trois mois » as a divergence of the same subject, on the page and in the API."""
    rows_out = client.get("/api/comparisons/un/art_67/budapest/art_47/").json()["rows"]
    pair = next(q for row in rows_out for q in row["quantities"] if q["left"] and q["left"]["text"] == "un an")
    assert pair["right"]["text"] == "trois mois" and pair["status"] == "divergent"
    assert pair["left"]["subject"] == pair["right"]["subject"] != "other"
    verdicts = client.get(PAGE).context["pair"].verdicts
    assert verdicts.divergent_count >= 1 and verdicts.different_count == 0


def test_a_link_to_a_later_sentence_part_goes_to_that_part():
    """A moved note or an across-rows quantity names the part, not the provision's first part."""
    from concordance.lib.comparison.model import ComparedUnit, Elsewhere

    first = ComparedUnit(eid="art_67__para_1", label="par. 1", text="Une phrase.", offset=0, sentence=1)
    later = ComparedUnit(eid="art_67__para_1", label="par. 1, phrase 2", text="Une autre.", offset=12, sentence=2)
    assert Elsewhere((later,), "down").anchor == "art_67__para_1-phrase-2" == later.anchor
    assert Elsewhere((first, later), "up").anchor == "art_67__para_1"
