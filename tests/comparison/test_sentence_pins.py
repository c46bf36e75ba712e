"""A curator pins one sentence of a paragraph against a provision of the other text.

UN 67 §1 says in two sentences what Budapest 47 §1 and §2 say: denunciation,
then when it takes effect. The curated paragraph link UN 67 §1 ↔ Budapest
47 §1 puts the whole UN paragraph against Budapest §1, and Budapest §2 (three
months) stands alone. A sentence pin (UN 67 §1, sentence 2 ↔ Budapest 47 §2)
puts the UN's second sentence against it in its own row, the first sentence
stays against §1, each text whole, once, in order.
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
    before = rows(client)
    assert (("par. 1",), ("par. 1",), True) in before
    assert ((), ("par. 2",), False) in before

    response = curator_client.post("/concordance/correspondences/new/", PIN)
    assert response.status_code == 302, response.context["form"].errors
    pin = Correspondence.objects.get(left__eid="art_67__para_1", right__eid="art_47__para_2")
    assert (pin.left_sentence, pin.right_sentence) == (2, None)

    after = rows(client)
    assert (("par. 1, phrase 1",), ("par. 1",), True) in after
    assert (("par. 1, phrase 2",), ("par. 2",), True) in after
    page = client.get(PAGE).content.decode()
    assert 'id="l-art_67__para_1"' in page and 'id="l-art_67__para_1-phrase-2"' in page

    delete = f"/concordance/correspondences/{pin.pk}/delete/"
    version = curator_client.get(delete).context["version"]
    assert curator_client.post(delete, {"version": version}).status_code == 302
    assert rows(client) == before


def test_with_a_sentence_pin_each_text_is_shown_whole_once_and_in_order(client, curator_client):
    curator_client.post("/concordance/correspondences/new/", PIN)
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


def test_the_comparison_page_costs_the_same_queries_with_a_sentence_pin(
    client, curator_client, django_assert_num_queries
):
    curator_client.post("/concordance/correspondences/new/", PIN)
    client.logout()
    client.get(PAGE)
    with django_assert_num_queries(11):
        client.get(PAGE)
