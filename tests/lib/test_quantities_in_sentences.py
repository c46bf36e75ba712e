"""Quantities in real sentences, quoted exactly from the three French sources."""

from __future__ import annotations

import pytest

from concordance.lib.quantities import extract_quantities
from tests.lib.quantity_sources import NBSP, TWO_THIRDS, facts, source, source_quantities

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
        "passible d'une peine privative de liberté dont le maximum ne doit pas être inférieur à quatre ans ou d'une "
        "peine plus lourde",
        [("ne doit pas être inférieur à quatre ans", 4, "year", "penalty", "at-least")],
    ),
    (
        "un",
        "pendant une période de 15 jours consécutifs ou toute autre période convenue",
        [("15 jours", 15, "day", "duration", "")],
    ),
    (
        "un",
        "La présente Convention entre en vigueur le quatre-vingt-dixième jour suivant la date de dépôt du quarantième "
        "instrument de ratification",
        [
            ("quatre-vingt-dixième jour", 90, "day", "ordinal", ""),
            ("quarantième instrument", 40, "instrument", "ordinal", ""),
        ],
    ),
    (
        "un",
        "y adhère après le dépôt du quarantième instrument pertinent, la présente Convention entre en vigueur le "
        "trentième jour suivant",
        [("quarantième instrument", 40, "instrument", "ordinal", ""), ("trentième jour", 30, "day", "ordinal", "")],
    ),
    (
        "un",
        "À l'expiration d'un délai de cinq ans à compter de l'entrée en vigueur de la présente Convention, un État "
        "partie peut proposer un amendement",
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
        "Au moins 60 États parties sont requis pour que la Conférence des États parties envisage l'adoption d'un "
        "protocole additionnel",
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
        f"toute personne âgée de moins de 18{NBSP}ans. Une Partie peut toutefois exiger une limite d'âge inférieure, "
        f"qui doit être au minimum de 16{NBSP}ans.",
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
        "La présente Convention entrera en vigueur le premier jour du mois qui suit l'expiration d'une période de "
        "trois mois après la date à laquelle cinq Etats, incluant au moins trois Etats membres du Conseil de l'Europe",
        [
            ("premier jour", 1, "day", "ordinal", ""),
            ("trois mois", 3, "month", "duration", ""),
            ("cinq Etats", 5, "state", "count", ""),
            ("au moins trois Etats membres", 3, "state", "count", "at-least"),
        ],
    ),
    (
        "bill",
        "fixée au premier jour du quatrième mois suivant sa ratification par au moins cinq Etats, dont trois membres "
        "du Conseil de l'Europe",
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
        "Le présent Protocole entrera en vigueur le premier jour du mois qui suit l'expiration d'une période de trois "
        "mois après la date à laquelle cinq Etats auront exprimé leur consentement",
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
