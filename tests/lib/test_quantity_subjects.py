"""What a quantity governs (its subject) and how it is labelled."""

from __future__ import annotations

import pytest

from concordance.lib.quantities import SUBJECT_LABELS, extract_quantities, subject_of
from concordance.lib.quantities import subject as subject_module
from tests.lib.quantity_sources import line_with

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
