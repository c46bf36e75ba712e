"""/divergences/ lists only real divergences, and the ones the review found missing (issue 14 §4).

The review of 6 December 2026 counted, of 38 rows, 1 mis-paired divergence (UN 57 §2 "un an", convening the
Conference, against Budapest 46 §3 "trois ans", reviewing the Convention) and 13 one-sided artefacts; it
found missing the divergence of UN 65 §2 and Budapest 37 §2 and the quantities written without a number
(dates, frequencies, consent rules). Each row below was read against the texts.
"""

import pytest

from concordance.analysis.divergences import divergences
from concordance.analysis.findings import findings

pytestmark = pytest.mark.django_db


def side(entry, provision) -> tuple[str, str]:
    return (f"{provision.article.instrument}:{provision.eid}", entry.text if entry else "")


def rows(links) -> set[tuple]:
    return {(*side(link.left, link.left_provision), *side(link.right, link.right_provision)) for link in links}


DIVERGENT = {
    ("un:art_65__para_1", "quatre-vingt-dixième jour", "budapest:art_36__para_3", "trois mois"),
    ("un:art_65__para_1", "quatre-vingt-dixième jour", "budapest-p1:art_10__para_1", "trois mois"),
    ("un:art_65__para_1", "quarantième instrument", "budapest:art_36__para_3", "cinq Etats"),
    ("un:art_65__para_1", "quarantième instrument", "budapest-p1:art_10__para_1", "cinq Etats"),
    ("un:art_65__para_2", "trentième jour", "budapest:art_36__para_4", "trois mois"),
    # Missed before: entry into force for an acceding State (the new paragraph link).
    ("un:art_65__para_2", "trentième jour", "budapest:art_37__para_2", "trois mois"),
    ("un:art_65__para_2", "trentième jour", "budapest-p1:art_11__para_2", "trois mois"),
    ("un:art_66__para_4", "90 jours", "budapest:art_44__para_5", "trentième jour"),
    ("un:art_67__para_1", "un an", "budapest:art_47__para_2", "trois mois"),
    ("un:art_67__para_1", "un an", "budapest-p1:art_15__para_2", "trois mois"),
}

ONE_SIDED = {
    ("un:art_2__point_h", "ne doit pas être inférieur à quatre ans", "budapest:art_1", ""),
    ("un:art_14__para_2", "", "budapest:art_9__para_3", "au minimum de 16 ans"),
    ("un:art_37__para_1", "", "budapest:art_24__para_1__point_a", "au moins un an"),
    ("un:art_40__para_29", "15 jours", "budapest:art_25", ""),
    ("un:art_41__para_2", "annuellement", "budapest:art_35", ""),
    ("un:art_55", "", "budapest:art_46__para_3", "Au plus tard à l'issue d'un délai de trois ans"),
    ("un:art_57__para_2", "au plus tard un an", "budapest:art_46", ""),
    ("un:art_62__para_1", "Au moins 60 États parties", "budapest:art_46", ""),
    ("un:art_62__para_1", "deux tiers au moins", "budapest:art_46", ""),
    ("un:art_63__para_2", "six mois", "budapest:art_45__para_2", ""),
    ("un:art_64__para_1", "jusqu'au 31 décembre 2026", "budapest:art_37", ""),
    ("un:art_64__para_2", "au moins un État membre", "budapest:art_37", ""),
    ("un:art_64__para_3", "au moins un de ses États membres", "budapest:art_37", ""),
    ("un:art_64__para_4", "au moins un État membre", "budapest:art_37__para_1", ""),
    ("un:art_64__para_4", "", "budapest:art_37__para_1", "assentiment unanime"),
    ("un:art_64__para_4", "", "budapest:art_37__para_1", "à l'unanimité"),
    ("un:art_65__para_1", "", "budapest:art_36__para_3", "au moins trois Etats membres"),
    ("un:art_66__para_1", "cinq ans", "budapest:art_44", ""),
    ("un:art_66__para_1", "deux tiers", "budapest:art_44", ""),
    # Entry into force of an amendment: for each State on its own deposit (UN 66 §4), once all have
    # accepted (Budapest 44 §5).
    ("un:art_66__para_4", "", "budapest:art_44__para_5", "toutes les Parties"),
    ("budapest-p1:art_10__para_1", "", "budapest:art_36__para_3", "au moins trois Etats membres"),
    ("budapest-p1:art_11", "", "budapest:art_37__para_1", "assentiment unanime"),
    ("budapest-p1:art_11", "", "budapest:art_37__para_1", "à l'unanimité"),
}


def test_the_divergences_are_exactly_the_expected_ones():
    found = divergences(findings())
    assert rows(found.quantities) == DIVERGENT
    assert rows(found.one_sided) == ONE_SIDED


def test_the_review_s_artefacts_are_gone():
    found = divergences(findings())
    words = {text for row in rows(found.quantities) | rows(found.one_sided) for text in (row[1], row[3])}
    # "Several", not a number; calendar points closing a compared delay; a back-reference to §1's threshold.
    assert not words & {"deux États parties ou plus", "deux ou plusieurs parties", "premier jour"}
    assert ("un:art_65__para_2", "quarantième instrument") not in {row[:2] for row in rows(found.one_sided)}
    # Protocol art. 8 applies Budapest 44 and 46 mutatis mutandis: their quantities are not absent from it.
    assert not any(row[0].startswith("budapest-p1:art_8") for row in rows(found.one_sided))
    # UN 2 h) is reported once, against the Convention, not again against its Protocol.
    assert not any(row[0] == "un:art_2__point_h" and row[2].startswith("budapest-p1") for row in rows(found.one_sided))


def test_convening_the_conference_is_not_reviewing_the_convention():
    found = divergences(findings())
    assert not any(
        link.left and link.right and "art_57" in link.left_provision.eid and "art_46" in link.right_provision.eid
        for link in found.quantities
    )


def test_a_one_sided_quantity_no_provision_governs_says_so(client):
    page = client.get("/divergences/?kind=one-sided").content.decode()
    start = page.index("« 15 jours »")
    row = page[start : page.index("</tr>", start)]
    assert "Convention de Budapest sur la cybercriminalité : aucune disposition ne régit cela" in row
    assert "/budapest/art-25/" in row  # the article it was read against, for the reader to check


def test_the_csv_says_when_no_provision_governs_a_one_sided_quantity(client):
    import csv
    import io

    body = client.get("/divergences.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    [safe_conduct] = [row for row in rows if row["words"] == "15 jours"]
    assert safe_conduct["kind"] == "one-sided"
    assert safe_conduct["reason"] == "aucune disposition de l'autre instrument ne régit cela"
    [age] = [row for row in rows if row["counterpart_words"] == "au minimum de 16 ans"]
    assert age["reason"] == ""  # UN 14 §2 governs the age too: set against it
