"""Any two provisions can be compared; differing quantities are called divergent only when they govern
the same thing in provisions the concordance links (issue 14 §4)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def badges(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<(?:span|p) class="badge badge-(divergent|different)"[^>]*>([^<]*)<', page)[2:]


def summary(page: str) -> str:
    found = re.search(r'<p class="summary">(.*?)</p>', page, re.S)
    assert found is not None
    return found.group(1)


def test_quantities_governing_different_things_are_not_a_divergence(client):
    page = client.get("/compare/un/art_57__para_2/budapest/art_46__para_3/").content.decode()
    assert badges(page) == [
        (
            "different",
            "au plus 1 an / au plus 3 ans — ne régissent pas la même chose "
            "(convocation de la Conférence des États parties / suivi et réexamen de la convention)",
        )
    ]
    assert "divergente" not in summary(page)
    assert "1 quantité différente qui ne régit pas la même chose" in summary(page)


def test_provisions_the_concordance_does_not_link_have_no_divergence(client):
    # Domestic preservation (UN 25) against the international one (Budapest 29): not counterparts.
    page = client.get("/compare/un/art_25/budapest/art_29/").content.decode()
    found = badges(page)
    assert found and all(kind == "different" for kind, _ in found)
    assert "dispositions que la concordance ne met pas en correspondance" in found[0][1]


def test_a_real_divergence_is_still_called_one(client):
    page = client.get("/compare/un/art_65__para_2/budapest/art_37__para_2/").content.decode()
    assert ("divergent", "30e jour ≠ 3 mois") in badges(page)
    assert "1 quantité divergente" in summary(page)
    page = client.get("/compare/un/art_67/budapest/art_47/").content.decode()
    assert ("divergent", "1 an ≠ 3 mois") in badges(page)
