"""What the diff and alignment tests share: the engines, real paragraphs and articles, the
vocabulary of generated texts, token keys."""

from __future__ import annotations

from concordance.lib.diffing import token_key, tokenise

ENGINES = ["rapidfuzz", "difflib"]

# Real paragraphs: UN art. 25 § 1 and Budapest art. 16 § 1 (2003 French bill).
UN_25_1 = (
    "1. Chaque État partie adopte les mesures législatives et autres nécessaires pour permettre à ses "
    "autorités compétentes d'ordonner ou d'obtenir de façon similaire la préservation rapide de certaines "
    "données électroniques, y compris des données de trafic, des données de contenu et des informations "
    "relatives aux personnes abonnées qui ont été stockées au moyen d'un système d'information et de "
    "communication, notamment lorsqu'il existe des raisons de penser que ces données électroniques sont "
    "particulièrement susceptibles d'être perdues ou modifiées."
)
BUDAPEST_16_1 = (
    "1  Chaque Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour permettre "
    "à ses autorités compétentes d'ordonner ou d'imposer d'une autre manière la conservation rapide de "
    "données électroniques spécifiées, y compris des données relatives au trafic, stockées au moyen d'un "
    "système informatique, notamment lorsqu'il y a des raisons de penser que celles-ci sont "
    "particulièrement susceptibles de perte ou de modification."
)

# The whole articles (UN art. 25, Budapest art. 16), paragraph by paragraph.
UN_ART_25 = [
    UN_25_1,
    "2. Lorsqu'un État partie donne effet au paragraphe 1 du présent article au moyen d'une injonction "
    "ordonnant à une personne de préserver certaines données électroniques stockées qui se trouvent en sa "
    "possession ou sous son contrôle, il adopte les mesures législatives et autres nécessaires pour obliger "
    "cette personne à préserver lesdites données électroniques et à en protéger l'intégrité pendant une durée "
    "aussi longue que nécessaire, au maximum de 90 jours, afin de permettre aux autorités compétentes "
    "d'obtenir leur divulgation. Un État partie peut prévoir qu'une telle injonction pourra être renouvelée.",
    "3. Chaque État partie adopte les mesures législatives et autres nécessaires pour obliger la personne "
    "détentrice des données électroniques ou une autre personne chargée de les préserver à garder le secret "
    "sur la mise en œuvre desdites procédures pendant la durée prévue par sa législation interne.",
]
BUDAPEST_ART_16 = [
    BUDAPEST_16_1,
    "2  Lorsqu'une Partie fait application du paragraphe 1 ci-dessus, au moyen d'une injonction ordonnant à "
    "une personne de conserver des données stockées spécifiées se trouvant en sa possession ou sous son "
    "contrôle, cette Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour obliger "
    "cette personne à conserver et à protéger l'intégrité desdites données pendant une durée aussi longue que "
    "nécessaire, au maximum de quatre-vingt-dix jours, afin de permettre aux autorités compétentes d'obtenir "
    "leur divulgation. Une Partie peut prévoir qu'une telle injonction soit renouvelée par la suite.",
    "3  Chaque Partie adopte les mesures législatives et autres qui se révèlent nécessaires pour obliger le "
    "gardien des données ou une autre personne chargée de conserver celles-ci à garder le secret sur la mise "
    "en œuvre desdites procédures pendant la durée prévue par son droit interne.",
    "4  Les pouvoirs et procédures mentionnés dans le présent article doivent être soumis aux articles 14 et 15.",
]

# Words and signs of the treaties, for texts drawn by hypothesis.
VOCAB = [
    "Partie",
    "État",
    "partie",
    "de",
    "la",
    "données",
    "système",
    "informatique",
    "d'",
    "l’",
    ",",
    ";",
    "«",
    "»",
    "90",
    "jours",
    "a)",
    "1.",
]


def keys(text: str) -> list[str]:
    return [token_key(t) for t in tokenise(text)]
