"""Quantities in the three French sources: found, normalised, classified, compared."""

from __future__ import annotations

import ast
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from concordance.lib import quantities as module
from concordance.lib.quantities import (
    QUANTITY_KINDS,
    SUBJECT_LABELS,
    UNITS,
    Quantity,
    compare,
    extract_quantities,
    parse_french_number,
    parse_french_ordinal,
    subject_of,
)
from concordance.lib.quantities import subject as subject_module

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
FILES = {
    "un": "un-resolution-79-243-fr.txt",
    "bill": "budapest-bill-905-2003-fr.txt",
    "benin": "budapest-benin-decree-2024-773-fr.txt",
}
NBSP = "\u00a0"
TWO_THIRDS = 2 / 3


@cache
def source(name: str) -> str:
    return (SOURCES / FILES[name]).read_text(encoding="utf-8")


@cache
def source_quantities(name: str) -> tuple[Quantity, ...]:
    return tuple(extract_quantities(source(name)))


def facts(found: list[Quantity] | tuple[Quantity, ...]) -> list[tuple[object, ...]]:
    return [(q.text, q.value, q.unit, q.kind, q.bound) for q in found]


def line_with(name: str, fragment: str) -> str:
    """The whole source line (paragraph) containing ``fragment``."""
    return next(line for line in source(name).splitlines() if fragment in line)


# --------------------------------------------------------------------------
# Numbers


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("quatre-vingt-dix", 90),
        ("soixante et onze", 71),
        ("soixante-et-onze", 71),
        ("dix-huit", 18),
        ("trente", 30),
        ("soixante", 60),
        ("quarante", 40),
        ("seize", 16),
        ("vingt-quatre", 24),
        ("vingt et un", 21),
        ("vingt-et-une", 21),
        ("une", 1),
        ("cent", 100),
        ("deux cents", 200),
        ("deux-cents", 200),
        ("deux cent trois", 203),
        ("quatre-vingts", 80),
        ("quatre-vingt-un", 81),
        ("quatre-vingt-dix-neuf", 99),
        ("soixante-dix-sept", 77),
        ("mille", 1000),
        ("deux mille vingt-quatre", 2024),
        ("Nonante", 90),
        ("90", 90),
        ("1 000", 1000),
    ],
)
def test_parse_french_number(words: str, value: int) -> None:
    assert parse_french_number(words) == value


@pytest.mark.parametrize("words", ["", "et", "vingt trente", "deux trois", "dix dix", "cent cent", "jours", "premier"])
def test_parse_french_number_rejects_what_is_not_a_cardinal(words: str) -> None:
    assert parse_french_number(words) is None


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("quatre-vingt-dixième", 90),
        ("quarantième", 40),
        ("trentième", 30),
        ("premier", 1),
        ("première", 1),
        ("troisième", 3),
        ("quatrième", 4),
        ("cinquième", 5),
        ("neuvième", 9),
        ("onzième", 11),
        ("vingt et unième", 21),
        ("soixante-dix-neuvième", 79),
        ("centième", 100),
        ("1er", 1),
        ("90e", 90),
        ("2ème", 2),
    ],
)
def test_parse_french_ordinal(words: str, value: int) -> None:
    assert parse_french_ordinal(words) == value


@pytest.mark.parametrize("words", ["quarante", "unième", "ième", "article", "90"])
def test_parse_french_ordinal_rejects_what_is_not_an_ordinal(words: str) -> None:
    assert parse_french_ordinal(words) is None


# --------------------------------------------------------------------------
# Real sentences, quoted exactly from the sources

REAL = [
    # UN Convention
    (
        "un",
        "pendant une durée aussi longue que nécessaire, au maximum de 90 jours, afin de permettre",
        [("au maximum de 90 jours", 90, "day", "duration", "at-most")],
    ),
    (
        "un",
        "l'est pour une période minimum de 60 jours, afin de permettre à l'État partie requérant",
        [("minimum de 60 jours", 60, "day", "duration", "at-least")],
    ),
    (
        "un",
        "Chaque État partie désigne un point de contact joignable 24 heures sur 24, sept jours sur sept, afin",
        [("24 heures sur 24, sept jours sur sept", 168, "hour", "availability", "")],
    ),
    (
        "un",
        "qui dépeint, décrit ou représente une personne de moins de 18 ans :",
        [("moins de 18 ans", 18, "year", "age", "under")],
    ),
    (
        "un",
        "un enregistrement visuel d'une personne de plus de 18 ans réalisé par quelque moyen",
        [("plus de 18 ans", 18, "year", "age", "over")],
    ),
    (
        "un",
        "passible d'une peine privative de liberté dont le maximum ne doit pas être inférieur à quatre ans ou d'une peine plus lourde",
        [("ne doit pas être inférieur à quatre ans", 4, "year", "penalty", "at-least")],
    ),
    (
        "un",
        "pendant une période de 15 jours consécutifs ou toute autre période convenue",
        [("15 jours", 15, "day", "duration", "")],
    ),
    (
        "un",
        "La présente Convention entre en vigueur le quatre-vingt-dixième jour suivant la date de dépôt du quarantième instrument de ratification",
        [
            ("quatre-vingt-dixième jour", 90, "day", "ordinal", ""),
            ("quarantième instrument", 40, "instrument", "ordinal", ""),
        ],
    ),
    (
        "un",
        "y adhère après le dépôt du quarantième instrument pertinent, la présente Convention entre en vigueur le trentième jour suivant",
        [("quarantième instrument", 40, "instrument", "ordinal", ""), ("trentième jour", 30, "day", "ordinal", "")],
    ),
    (
        "un",
        "À l'expiration d'un délai de cinq ans à compter de l'entrée en vigueur de la présente Convention, un État partie peut proposer un amendement",
        [("cinq ans", 5, "year", "duration", "")],
    ),
    (
        "un",
        "entre en vigueur pour un État partie 90 jours après la date de dépôt",
        [("90 jours", 90, "day", "duration", "")],
    ),
    (
        "un",
        "Une telle dénonciation prend effet un an après la date de réception de la notification",
        [("un an", 1, "year", "duration", "")],
    ),
    (
        "un",
        "convoque la Conférence des États parties au plus tard un an après l'entrée en vigueur",
        [("au plus tard un an", 1, "year", "duration", "at-most")],
    ),
    (
        "un",
        "Si, dans un délai de six mois à compter de la date de la demande d'arbitrage",
        [("six mois", 6, "month", "duration", "")],
    ),
    (
        "un",
        "Au moins 60 États parties sont requis pour que la Conférence des États parties envisage l'adoption d'un protocole additionnel",
        [("Au moins 60 États parties", 60, "party", "count", "at-least")],
    ),
    (
        "un",
        "un vote à la majorité des deux tiers au moins des États parties présents",
        [("deux tiers au moins", TWO_THIRDS, "fraction", "majority", "at-least")],
    ),
    (
        "un",
        # "two or more": several, not a number with legal effect.
        "Tout différend entre deux États parties ou plus concernant l'interprétation",
        [],
    ),
    (
        "un",
        "à la condition qu'au moins un État membre d'une telle organisation l'ait signée",
        [("au moins un État membre", 1, "state", "count", "at-least")],
    ),
    (
        "un",
        "si au moins un de ses États membres l'a fait",
        [("au moins un de ses États membres", 1, "state", "count", "at-least")],
    ),
    (
        "un",
        "deux sessions de 10 jours chacune seront convoquées, dont la première se tiendra deux ans après",
        [("10 jours", 10, "day", "duration", ""), ("deux ans", 2, "year", "duration", "")],
    ),
    (
        "un",
        "une session de cinq jours maximum, un an après l'adoption de la Convention",
        [("cinq jours maximum", 5, "day", "duration", "at-most"), ("un an", 1, "year", "duration", "")],
    ),
    # Budapest Convention, French bill n° 905 (2003): words where the Council of Europe uses digits
    (
        "bill",
        "représentation visuelle de mineurs de dix-huit ans (ou, le cas échéant, de seize ans pour les Etats",
        [("dix-huit ans", 18, "year", "age", ""), ("seize ans", 16, "year", "age", "")],
    ),
    (
        "bill",
        f"toute personne âgée de moins de 18{NBSP}ans. Une Partie peut toutefois exiger une limite d'âge inférieure, qui doit être au minimum de 16{NBSP}ans.",
        [
            (f"moins de 18{NBSP}ans", 18, "year", "age", "under"),
            (f"au minimum de 16{NBSP}ans", 16, "year", "age", "at-least"),
        ],
    ),
    (
        "bill",
        "pendant une durée aussi longue que nécessaire, au maximum de quatre-vingt-dix jours, afin de permettre",
        [("au maximum de quatre-vingt-dix jours", 90, "day", "duration", "at-most")],
    ),
    (
        "bill",
        "sera valable pour une période d'au moins soixante jours afin de permettre",
        [("au moins soixante jours", 60, "day", "duration", "at-least")],
    ),
    (
        "bill",
        "joignable vingt-quatre heures sur vingt-quatre, sept jours sur sept, afin d'",
        [("vingt-quatre heures sur vingt-quatre, sept jours sur sept", 168, "hour", "availability", "")],
    ),
    (
        "bill",
        "La présente Convention entrera en vigueur le premier jour du mois qui suit l'expiration d'une période de trois mois après la date à laquelle cinq Etats, incluant au moins trois Etats membres du Conseil de l'Europe",
        [
            ("premier jour", 1, "day", "ordinal", ""),
            ("trois mois", 3, "month", "duration", ""),
            ("cinq Etats", 5, "state", "count", ""),
            ("au moins trois Etats membres", 3, "state", "count", "at-least"),
        ],
    ),
    (
        "bill",
        "fixée au premier jour du quatrième mois suivant sa ratification par au moins cinq Etats, dont trois membres du Conseil de l'Europe",
        [
            ("premier jour", 1, "day", "ordinal", ""),
            ("quatrième mois", 4, "month", "ordinal", ""),
            ("au moins cinq Etats", 5, "state", "count", "at-least"),
            ("trois membres", 3, "state", "count", ""),
        ],
    ),
    (
        "bill",
        "Le seuil d'applicabilité est en principe fixé à une peine d'emprisonnement d'au moins un an",
        [("au moins un an", 1, "year", "penalty", "at-least")],
    ),
    (
        "bill",
        "par une peine privative de liberté pour une période maximale d'au moins un an, ou par une peine plus sévère",
        [("au moins un an", 1, "year", "penalty", "at-least")],
    ),
    (
        "bill",
        "entre en vigueur le trentième jour après que toutes les Parties ont informé",
        [("trentième jour", 30, "day", "ordinal", ""), ("toutes les Parties", 1.0, "fraction", "majority", "")],
    ),
    (
        "bill",
        "au plus tard dans un délai de trois ans après l'entrée en vigueur, un bilan de son application",
        [("au plus tard dans un délai de trois ans", 3, "year", "duration", "at-most")],
    ),
    (
        "bill",
        "tel qu'applicable entre deux ou plusieurs parties, y compris la Convention européenne d'extradition",
        [],
    ),
    # Council of Europe text (Benin decree): digits, and the Protocol
    (
        "benin",
        "pendant une durée aussi longue que nécessaire, jusqu'à maximum 90 jours, afin de permettre",
        [("jusqu'à maximum 90 jours", 90, "day", "duration", "at-most")],
    ),
    (
        "benin",
        "sera valable pour une période d'au moins 60 jours afin de permettre",
        [("au moins 60 jours", 60, "day", "duration", "at-least")],
    ),
    (
        "benin",
        "joignable 24 heures sur 24, sept jours sur sept, afin d'assurer",
        [("24 heures sur 24, sept jours sur sept", 168, "hour", "availability", "")],
    ),
    (
        "benin",
        "Au plus tard à l'issue d'un délai de trois ans à compter de l'entrée en vigueur",
        [("Au plus tard à l'issue d'un délai de trois ans", 3, "year", "duration", "at-most")],
    ),
    (
        "benin",
        "Le présent Protocole entrera en vigueur le premier jour du mois qui suit l'expiration d'une période de trois mois après la date à laquelle cinq Etats auront exprimé leur consentement",
        [
            ("premier jour", 1, "day", "ordinal", ""),
            ("trois mois", 3, "month", "duration", ""),
            ("cinq Etats", 5, "state", "count", ""),
        ],
    ),
    (
        "benin",
        "Si deux ou plusieurs Parties ont déjà conclu un accord",
        [],
    ),
]


@pytest.mark.parametrize(("name", "sentence", "expected"), REAL, ids=[f"{n}:{s[:40]}" for n, s, _ in REAL])
def test_real_sentence(name: str, sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert sentence in source(name), "the table must quote the source exactly"
    found = extract_quantities(sentence)
    assert facts(found) == expected
    assert all(sentence[q.start : q.end] == q.text for q in found)
    # In place, with the whole document around it, the reading is the same.
    offset = source(name).index(sentence)
    in_place = [q for q in source_quantities(name) if offset <= q.start and q.end <= offset + len(sentence)]
    assert facts(in_place) == expected
    assert [q.start - offset for q in in_place] == [q.start for q in found]


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


# --------------------------------------------------------------------------
# Labels


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("au maximum de quatre-vingt-dix jours", "90 jours"),
        ("moins de 18 ans", "18 ans"),
        ("un an", "1 an"),
        ("trois mois", "3 mois"),
        ("quarante instruments", "40 instruments"),
        ("cinq Etats", "5 États"),
        ("Au moins 60 États parties", "60 Parties"),
        ("vingt-quatre heures sur vingt-quatre, sept jours sur sept", "24 h/24, 7 j/7"),
        ("24 heures sur 24", "24 h/24"),
        ("le quatre-vingt-dixième jour", "90e jour"),
        ("le premier jour", "1er jour"),
        ("du quarantième instrument", "40e instrument"),
        ("la majorité des deux tiers", "2/3"),
    ],
)
def test_label(sentence: str, label: str) -> None:
    [quantity] = extract_quantities(sentence)
    assert quantity.label == label


# --------------------------------------------------------------------------
# Subjects

SUBJECTS = [
    # (source, fragment of the paragraph, quantity text, article heading, subject)
    (
        "un",
        "au maximum de 90 jours",
        "au maximum de 90 jours",
        "Préservation rapide de données électroniques stockées",
        "preservation",
    ),
    (
        "un",
        "minimum de 60 jours",
        "minimum de 60 jours",
        "Coopération internationale aux fins de la préservation rapide de données électroniques stockées",
        "preservation",
    ),
    ("un", "joignable 24 heures sur 24", "24 heures sur 24, sept jours sur sept", "Réseau 24/7", "availability"),
    (
        "un",
        "représente une personne de moins de 18 ans",
        "moins de 18 ans",
        "Infractions liées à des contenus présentant des abus sexuels sur enfant",
        "age",
    ),
    ("un", "quatre-vingt-dixième jour", "quatre-vingt-dixième jour", "Entrée en vigueur", "entry-into-force"),
    ("un", "quatre-vingt-dixième jour", "quarantième instrument", "Entrée en vigueur", "entry-into-force"),
    ("un", "délai de cinq ans", "cinq ans", "Amendement", "amendment"),
    ("un", "délai de cinq ans", "cinq ans", "", "amendment"),
    ("un", "90 jours après la date de dépôt", "90 jours", "Amendement", "amendment"),
    ("un", "prend effet un an après", "un an", "Dénonciation", "denunciation"),
    ("un", "prend effet un an après", "un an", "", "denunciation"),
    # Convening the Conference is not reviewing the Convention (Budapest 46 §3).
    (
        "un",
        "au plus tard un an après",
        "au plus tard un an",
        "Conférence des États parties à la Convention",
        "conference",
    ),
    ("un", "au plus tard un an après", "au plus tard un an", "", "conference"),
    ("un", "délai de six mois", "six mois", "Règlement des différends", "dispute"),
    ("un", "Au moins 60 États parties", "deux tiers au moins", "Adoption de protocoles additionnels", "protocol"),
    ("un", "inférieur à quatre ans", "ne doit pas être inférieur à quatre ans", "Terminologie", "serious-offence"),
    (
        "un",
        "période de 15 jours consécutifs",
        "15 jours",
        "Principes généraux et procédures relatives à l'entraide judiciaire",
        "assistance",
    ),
    (
        "un",
        "qu'au moins un État membre",
        "au moins un État membre",
        "Signature, ratification, acceptation, approbation et adhésion",
        "accession",
    ),
    (
        "bill",
        "quatre-vingt-dix jours",
        "au maximum de quatre-vingt-dix jours",
        "Conservation rapide de données informatiques stockées",
        "preservation",
    ),
    ("bill", "mineurs de dix-huit ans", "seize ans", "", "age"),
    ("bill", "fixée au premier jour du quatrième mois", "quatrième mois", "", "entry-into-force"),
    ("bill", "fixée au premier jour du quatrième mois", "trois membres", "", "entry-into-force"),
    ("bill", "Le seuil d'applicabilité", "au moins un an", "", "extradition"),
    ("bill", "au plus tard dans un délai de trois ans", "au plus tard dans un délai de trois ans", "", "review"),
    ("bill", "entre en vigueur le trentième jour", "trentième jour", "Amendements", "amendment"),
    ("bill", "entre en vigueur le trentième jour", "trentième jour", "", "amendment"),
    ("benin", "période maximale d'au moins un an", "au moins un an", "Article 24 – Extradition", "extradition"),
    ("benin", "cinq Etats, incluant", "cinq Etats", "Article 36 – Signature et entrée en vigueur", "entry-into-force"),
    (
        "benin",
        "Pour tout Etat adhérent à la Convention",
        "trois mois",
        "Article 37 – Adhésion à la Convention",
        # When the Convention enters into force for an acceding State: UN 65 §2's subject.
        "entry-into-force",
    ),
    (
        "benin",
        "La Convention entrera en vigueur à l'égard de ce territoire",
        "trois mois",
        "Article 38 – Application territoriale",
        "territorial-application",
    ),
    (
        "benin",
        "Au plus tard à l'issue d'un délai de trois ans",
        "Au plus tard à l'issue d'un délai de trois ans",
        "Article 46 – Concertation des Parties",
        "review",
    ),
    (
        "benin",
        "Au plus tard à l'issue d'un délai de trois ans",
        "Au plus tard à l'issue d'un délai de trois ans",
        "",
        "review",
    ),
    ("benin", "2 La dénonciation prendra effet", "premier jour", "Article 47 – Dénonciation", "denunciation"),
]


@pytest.mark.parametrize(("name", "fragment", "quantity_text", "heading", "subject"), SUBJECTS)
def test_subject_of(name: str, fragment: str, quantity_text: str, heading: str, subject: str) -> None:
    paragraph = line_with(name, fragment)
    [quantity] = [q for q in extract_quantities(paragraph) if q.text == quantity_text][:1]
    assert subject_of(quantity, paragraph, heading) == subject
    assert subject in SUBJECT_LABELS


def test_subject_of_unrelated_quantity_is_other() -> None:
    text = "Le comité se réunit pendant trois jours."
    [quantity] = extract_quantities(text)
    assert subject_of(quantity, text) == "other"


def test_every_subject_has_a_french_label() -> None:
    cues = {subject for subject, _ in subject_module._SUBJECT_CUES}
    assert cues | {"other"} == set(SUBJECT_LABELS)
    assert all(SUBJECT_LABELS.values())


# --------------------------------------------------------------------------
# Comparison


def pair_facts(left: str, right: str) -> list[tuple[object, ...]]:
    return [
        (p.status, p.left.text if p.left else None, p.right.text if p.right else None, p.spelled_differently)
        for p in compare(extract_quantities(left), extract_quantities(right))
    ]


def in_words(quantity: Quantity | None) -> bool:
    """Whether a quantity's numbers are written in words ("quatre-vingt-dix") rather than digits."""
    assert quantity is not None
    return any(n and not n[:1].isdigit() for n in quantity.numerals)


def test_compare_same_value_spelled_differently() -> None:
    un = line_with("un", "au maximum de 90 jours")
    bill = line_with("bill", "au maximum de quatre-vingt-dix jours")
    [pair] = compare(extract_quantities(un), extract_quantities(bill))
    assert (pair.status, pair.spelled_differently, pair.bound_differs) == ("same", True, False)
    assert (pair.kind, pair.unit, pair.left.value, pair.right.value) == ("duration", "day", 90, 90)  # type: ignore[union-attr]
    assert (in_words(pair.left), in_words(pair.right)) == (False, True)


def test_compare_same_value_same_spelling_different_bound_words() -> None:
    assert pair_facts(line_with("un", "minimum de 60 jours"), line_with("benin", "au moins 60 jours")) == [
        ("same", "minimum de 60 jours", "au moins 60 jours", False)
    ]


def test_compare_availability() -> None:
    assert pair_facts(
        line_with("un", "24 heures sur 24"), line_with("bill", "vingt-quatre heures sur vingt-quatre")
    ) == [
        (
            "same",
            "24 heures sur 24, sept jours sur sept",
            "vingt-quatre heures sur vingt-quatre, sept jours sur sept",
            True,
        )
    ]
    assert pair_facts(line_with("un", "24 heures sur 24"), line_with("benin", "24 heures sur 24")) == [
        ("same", "24 heures sur 24, sept jours sur sept", "24 heures sur 24, sept jours sur sept", False)
    ]


def test_compare_entry_into_force() -> None:
    # UN: the 90th day after the 40th instrument; Budapest: the first day of
    # the month after a three-month period once five States have consented.
    # The delays are compared with each other, the thresholds with each other,
    # and "le premier jour du mois" is a calendar point with no UN counterpart.
    un = line_with("un", "quatre-vingt-dixième jour")
    benin = line_with("benin", "3. La présente Convention entrera en vigueur")
    assert pair_facts(un, benin) == [
        ("right-only", None, "premier jour", False),
        ("divergent", "quatre-vingt-dixième jour", "trois mois", False),
        ("divergent", "quarantième instrument", "cinq Etats", False),
        ("right-only", None, "au moins trois Etats membres", False),
    ]
    badges = [p.badge for p in compare(extract_quantities(un), extract_quantities(benin)) if p.status == "divergent"]
    assert badges == ["90e jour ≠ 3 mois", "40e instrument ≠ 5 États"]


def test_compare_is_order_preserving_within_a_kind() -> None:
    left = "après 30 jours, puis 90 jours, enfin 60 jours"
    right = "après 90 jours, enfin 45 jours"
    assert pair_facts(left, right) == [
        ("left-only", "30 jours", None, False),
        ("same", "90 jours", "90 jours", False),
        ("divergent", "60 jours", "45 jours", False),
    ]


def test_compare_durations_in_a_common_unit() -> None:
    # Denunciation: UN art. 67 "un an" against Budapest art. 47 "trois mois".
    un = line_with("un", "Une telle dénonciation prend effet un an")
    bill = line_with("bill", "La dénonciation prendra effet le premier jour du mois")
    [divergent] = [p for p in compare(extract_quantities(un), extract_quantities(bill)) if p.left and p.right]
    assert (divergent.status, divergent.badge, divergent.across_units) == ("divergent", "1 an ≠ 3 mois", True)
    # A year is twelve months, a week seven days.
    assert pair_facts("un an", "douze mois") == [("same", "un an", "douze mois", True)]
    assert pair_facts("deux semaines", "quatorze jours") == [("same", "deux semaines", "quatorze jours", True)]
    # Days and months never meet in a common unit: 90 days is not three months.
    assert pair_facts("90 jours", "trois mois") == [("divergent", "90 jours", "trois mois", False)]
    # The amendment's delay: UN art. 66 "90 jours" against Budapest art. 44 "le trentième jour".
    [amendment] = compare(extract_quantities("90 jours après"), extract_quantities("le trentième jour après"))
    assert amendment.badge == "90 jours ≠ 30e jour"


def test_a_different_bound_is_a_divergence_and_the_badge_says_so() -> None:
    [pair] = compare(extract_quantities("au maximum de 90 jours"), extract_quantities("au moins 90 jours"))
    assert (pair.status, pair.bound_differs) == ("divergent", True)
    assert pair.badge == "au plus 90 jours ≠ au moins 90 jours"
    [pair] = compare(extract_quantities("moins de 18 ans"), extract_quantities("plus de 18 ans"))
    assert pair.badge == "moins de 18 ans ≠ plus de 18 ans"
    # The domestic preservation period: the same bound in other words.
    [pair] = compare(
        extract_quantities(line_with("un", "au maximum de 90 jours")),
        extract_quantities(line_with("benin", "jusqu'à maximum 90 jours")),
    )
    assert (pair.status, pair.badge) == ("same", "au plus 90 jours = au plus 90 jours")


def test_equivalent_quantities() -> None:
    [a], [b], [c] = (
        extract_quantities(t) for t in ("au moins 60 jours", "minimum de soixante jours", "au plus 60 jours")
    )
    assert module.equivalent(a, b) and not module.equivalent(a, c)
    [year], [months] = extract_quantities("un an"), extract_quantities("douze mois")
    assert module.equivalent(year, months)


def test_compare_never_pairs_different_dimensions() -> None:
    # An age, a penalty and a delay answer different questions.
    assert pair_facts("une personne de moins de 18 ans", "pendant 18 mois") == [
        ("right-only", None, "18 mois", False),
        ("left-only", "moins de 18 ans", None, False),
    ]
    assert pair_facts("une peine d'au moins un an", "un délai d'un an") == [
        ("right-only", None, "un an", False),
        ("left-only", "au moins un an", None, False),
    ]
    # A count of States is not a delay.
    assert pair_facts("cinq Etats", "cinq jours") == [
        ("right-only", None, "cinq jours", False),
        ("left-only", "cinq Etats", None, False),
    ]
    assert compare([], []) == []


def test_takes_effect_tells_the_delay_of_an_act_from_one_counted_from_entry_into_force() -> None:
    un = line_with("un", "À l'expiration d'un délai de cinq ans")
    [five_years, *_] = extract_quantities(un)
    assert not module.takes_effect(five_years, un)
    un = line_with("un", "entre en vigueur pour un État partie 90 jours")
    [ninety] = extract_quantities(un)
    assert module.takes_effect(ninety, un)
    review = line_with("un", "au plus tard un an après l'entrée en vigueur")
    [one_year] = extract_quantities(review)
    assert not module.takes_effect(one_year, review)


# --------------------------------------------------------------------------
# Purity


def test_module_imports_only_the_standard_library() -> None:
    package = module.__name__
    imported = {
        name if name.startswith(package + ".") else name.split(".")[0]
        for path in Path(module.__file__).parent.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    }
    outside = {name for name in imported if not name.startswith(package + ".")}
    assert outside <= set(sys.stdlib_module_names) | {"__future__"}
