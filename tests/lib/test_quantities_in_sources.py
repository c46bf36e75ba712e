"""Every quantity of each whole source, the numbers that are not quantities, and spellings made up to test the edges."""

from __future__ import annotations

from collections import Counter

import pytest

from concordance.lib.quantities import QUANTITY_KINDS, UNITS, extract_quantities
from tests.lib.quantity_sources import FILES, NBSP, facts, source, source_quantities

# Every quantity of each source, by its exact words: a missed quantity or a
# false positive anywhere changes these counts.
INVENTORY = {
    "un": {
        "10 jours": 1,
        "deux ans": 1,
        "cinq jours maximum": 1,
        "un an": 2,
        "ne doit pas être inférieur à quatre ans": 1,
        "moins de 18 ans": 3,
        "plus de 18 ans": 1,
        "au maximum de 90 jours": 1,
        "15 jours": 1,
        "24 heures sur 24, sept jours sur sept": 1,
        "minimum de 60 jours": 1,
        "au plus tard un an": 1,
        "jusqu'au 31 décembre 2026": 2,
        "annuellement": 1,
        "Au moins 60 États parties": 1,
        "deux tiers au moins": 1,
        "deux tiers": 1,
        "six mois": 1,
        "au moins un État membre": 2,
        "au moins un de ses États membres": 1,
        "quatre-vingt-dixième jour": 1,
        "quarantième instrument": 2,
        "trentième jour": 1,
        "cinq ans": 1,
        "90 jours": 1,
    },
    "bill": {
        "dix-huit ans": 1,
        "seize ans": 1,
        "au moins un an": 2,
        "premier jour": 7,
        "quatrième mois": 1,
        "au moins cinq Etats": 1,
        "trois membres": 1,
        "au plus tard dans un délai de trois ans": 1,
        f"moins de 18{NBSP}ans": 1,
        f"au minimum de 16{NBSP}ans": 1,
        "au maximum de quatre-vingt-dix jours": 1,
        "assentiment unanime": 1,
        "à l'unanimité": 1,
        "toutes les Parties": 1,
        "au moins soixante jours": 1,
        "vingt-quatre heures sur vingt-quatre, sept jours sur sept": 1,
        "trois mois": 6,
        "cinq Etats": 1,
        "au moins trois Etats membres": 1,
        "trentième jour": 1,
        "Au plus tard à l'issue d'un délai de trois ans": 1,
    },
    "benin": {
        "moins de 18 ans": 1,
        "au minimum de 16 ans": 1,
        "jusqu'à maximum 90 jours": 1,
        "au moins un an": 1,
        "assentiment unanime": 1,
        "à l'unanimité": 1,
        "toutes les Parties": 1,
        "au moins 60 jours": 1,
        "24 heures sur 24, sept jours sur sept": 1,
        "premier jour": 12,
        "trois mois": 12,
        "cinq Etats": 2,
        "au moins trois Etats membres": 1,
        "trentième jour": 1,
        "Au plus tard à l'issue d'un délai de trois ans": 1,
    },
}


@pytest.mark.parametrize("name", FILES)
def test_whole_source_inventory(name: str) -> None:
    found = source_quantities(name)
    assert Counter(q.text for q in found) == INVENTORY[name]
    text = source(name)
    assert all(text[q.start : q.end] == q.text for q in found)
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert {q.unit for q in found} <= set(UNITS) and {q.kind for q in found} <= set(QUANTITY_KINDS)


# Numbers that are not quantities, each present in its source.
FALSE_POSITIVES = {
    "un": [
        "A/79/460",
        "79/243. Convention",
        "[74/247](#) du 27 décembre 2019",
        "Point 108 de l'ordre du jour",
        "Soixante-dix-neuvième session",
        "55^e séance plénière",
        "Article 25",
        "paragraphe 2",
        "l'article 29",
        "tenue du 29 juillet au 9 août 2024",
        "Article premier",
        "Chapitre premier",
        "le premier État partie",
        "un État partie",
        "des deux États parties",
        "un ou plusieurs États",
        "fonctionnement du réseau 24/7",
        "à un pays tiers",
        "à sa quatre-vingtième session",
        "aux articles 61 et 62",
        "Résolution adoptée par l'Assemblée générale le 24 décembre 2024",
    ],
    "bill": [
        f"No{NBSP}{NBSP}905",
        "DOUZIÈME",
        "le 23 novembre 2001",
        "Dès 1997",
        "de 1957 et 1959",
        f"l'article{NBSP}1er",
        f"no{NBSP}R{NBSP}(85){NBSP}10",
        f"2le{NBSP}Conférence",
        f"la convention no{NBSP}108",
        f"directive no{NBSP}2000/31/CE",
        "ces deux textes",
        "la législation des deux Parties concernées",
        "RÉSEAU 24/7",
        f"Les articles{NBSP}2 à 6",
    ],
    "benin": [
        "(1950)",
        "(1966)",
        "Budapest, 23.XI.2001",
        "[STE n°24]",
        "N° R (88) 2",
        "21^e Conférence",
        "PR 6 – AN 4",
        "AUTRES MINISTERES 18",
        "Titre 3 – Réseau 24/7",
        "les deux textes faisant également foi",
        "Protocole n° 12",
        "DÉCRET N° 2024 – 773 DU 1^{ER} FEVRIER 2024",
        "aux articles 14 à 21 et 23 à 35",
        "l'article 20.d du Statut",
        "2e Sommet",
        "le 12 mai 2022",
        "un ou plusieurs éléments",
    ],
}


@pytest.mark.parametrize(("name", "fragment"), [(n, f) for n, fragments in FALSE_POSITIVES.items() for f in fragments])
def test_known_false_positive_is_not_reported(name: str, fragment: str) -> None:
    text = source(name)
    assert fragment in text
    start = -1
    while (start := text.find(fragment, start + 1)) >= 0:
        end = start + len(fragment)
        assert [q.text for q in source_quantities(name) if q.start < end and start < q.end] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "l'article 29 et le paragraphe 2 de l'article 25",
        "la Convention (STE n° 185) du 23 novembre 2001",
        "la Convention de sauvegarde (1950) et la résolution 79/243 (A/79/460) de 2024",
        "un État partie peut demander à une Partie",
        "les deux Parties concernées et des deux États parties",
        "un ou plusieurs États",
        "à un tiers ou à des tiers",
        "le premier État partie et la deuxième session",
        "le réseau 24/7",
        "l'ordre du jour, le même jour, tenir à jour",
    ],
)
def test_synthetic_false_positive(sentence: str) -> None:
    assert extract_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("un délai de soixante et onze jours", [("soixante et onze jours", 71, "day", "duration", "")]),
        ("pendant deux cents jours", [("deux cents jours", 200, "day", "duration", "")]),
        ("une personne de vingt et un ans", [("vingt et un ans", 21, "year", "age", "")]),
        ("dans un délai d'une heure", [("une heure", 1, "hour", "duration", "")]),
        ("une période d'un an", [("un an", 1, "year", "duration", "")]),
        ("trois semaines", [("trois semaines", 3, "week", "duration", "")]),
        ("le troisième mois", [("troisième mois", 3, "month", "ordinal", "")]),
        ("quarante instruments", [("quarante instruments", 40, "instrument", "count", "")]),
        ("cinq ratifications", [("cinq ratifications", 5, "ratification", "count", "")]),
        (
            "24 heures sur 24, sept jours sur 7",
            [("24 heures sur 24, sept jours sur 7", 168, "hour", "availability", "")],
        ),
        ("ouvert 12 heures sur 24", [("12 heures sur 24", 84, "hour", "availability", "")]),
        (
            "une peine dont le maximum est inférieur à quatre ans",
            [("inférieur à quatre ans", 4, "year", "penalty", "under")],
        ),
        ("des mineurs de dix-huit ans", [("dix-huit ans", 18, "year", "age", "")]),
        ("trois quarts des Parties", [("trois quarts", 0.75, "fraction", "fraction", "")]),
        ("un délai de trente (30) jours", [("trente (30) jours", 30, "day", "duration", "")]),
        ("pendant 1 000 jours", [("1 000 jours", 1000, "day", "duration", "")]),
        ("Quarante-huit heures", [("Quarante-huit heures", 48, "hour", "duration", "")]),
        # Bounds written as a negation or as a named maximum or minimum.
        ("pendant pas moins de six mois", [("pas moins de six mois", 6, "month", "duration", "at-least")]),
        ("elle ne dure pas plus de dix jours", [("ne dure pas plus de dix jours", 10, "day", "duration", "at-most")]),
        ("pour une durée maximale de quatre ans", [("durée maximale de quatre ans", 4, "year", "duration", "at-most")]),
        ("pour une durée minimale de deux ans", [("durée minimale de deux ans", 2, "year", "duration", "at-least")]),
        ("six mois au plus tard après la date", [("six mois au plus tard", 6, "month", "duration", "at-most")]),
        # A range writes its unit once: both ends are quantities.
        ("des personnes âgées de 16 à 18 ans", [("16", 16, "year", "age", ""), ("18 ans", 18, "year", "age", "")]),
        ("entre 30 et 60 jours", [("30", 30, "day", "duration", ""), ("60 jours", 60, "day", "duration", "")]),
        # The penalty named after its length.
        ("passible de dix ans d'emprisonnement", [("dix ans", 10, "year", "penalty", "")]),
        ("puni de cinq ans de prison", [("cinq ans", 5, "year", "penalty", "")]),
        # One round-the-clock service, however the two halves are joined.
        (
            "joignable 24 heures sur 24 et 7 jours sur 7, afin",
            [("24 heures sur 24 et 7 jours sur 7", 168, "hour", "availability", "")],
        ),
    ],
)
def test_synthetic_spellings(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert facts(extract_quantities(sentence)) == expected
