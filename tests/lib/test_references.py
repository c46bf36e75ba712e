"""Internal cross-references are found in the treaty texts and resolved to eids."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from concordance.lib import references
from concordance.lib.references import Context, Target, find_references

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
UN = "un-resolution-79-243-fr.txt"
BILL = "budapest-bill-905-2003-fr.txt"
BENIN = "budapest-benin-decree-2024-773-fr.txt"
BENIN_PROTOCOL_FROM_LINE = 695  # "Protocole additionnel à la Convention sur la cybercriminalité…"
P1 = "budapest-p1"


def at(instrument: str, article: int | None = None, paragraph: str | None = None, **divisions: str) -> Context:
    return Context(instrument, article, paragraph, divisions.get("chapter"), divisions.get("section"))


def arts(first: int, last: int, instrument: str = "") -> list[str]:
    prefix = f"{instrument}:" if instrument else ""
    return [f"{prefix}art_{n}" for n in range(first, last + 1)]


def found(text: str, context: Context, exists=None) -> list[tuple[str, list[str]]]:
    """(words of the reference, targets) for each reference; offsets checked on the way.

    A target of the text's own instrument is written as its eid, another
    instrument's as "instrument:eid".
    """
    refs = find_references(text, context, exists)
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
    return [
        (
            " ".join(ref.text.split()),
            [t.eid if t.instrument == context.instrument else f"{t.instrument}:{t.eid}" for t in ref.targets],
        )
        for ref in refs
    ]


def resolved(text: str, context: Context) -> list[bool]:
    return [ref.resolved for ref in find_references(text, context)]


# -- every form the texts use, in isolation ------------------------------------

BUDAPEST = at("budapest", 5, "2", chapter="chp_2", section="chp_2__sec_1")

FORMS = [
    ("l'article 29", BUDAPEST, [("article 29", ["art_29"])]),
    ("l'article premier", BUDAPEST, [("article premier", ["art_1"])]),
    ("l'article 1er", BUDAPEST, [("article 1er", ["art_1"])]),
    ("Article premier", at("un"), [("Article premier", ["art_1"])]),
    ("article 14, paragraphe 3", BUDAPEST, [("article 14, paragraphe 3", ["art_14__para_3"])]),
    ("articles 2 à 11", BUDAPEST, [("articles 2 à 11", arts(2, 11))]),
    ("articles 2 à 5 ci-dessus", BUDAPEST, [("articles 2 à 5 ci-dessus", arts(2, 5))]),
    ("les articles 14 et 15", BUDAPEST, [("articles 14 et 15", ["art_14", "art_15"])]),
    ("aux articles 20 et 21", BUDAPEST, [("articles 20 et 21", ["art_20", "art_21"])]),
    ("articles 40, 42, 43", BUDAPEST, [("articles 40, 42, 43", ["art_40", "art_42", "art_43"])]),
    ("articles 31-32", BUDAPEST, [("articles 31-32", ["art_31", "art_32"])]),
    ("articles 2 – 5", BUDAPEST, [("articles 2 – 5", arts(2, 5))]),
    ("l'article 31 ou 50", BUDAPEST, [("article 31 ou 50", ["art_31", "art_50"])]),
    ("paragraphe 1 du présent article", BUDAPEST, [("paragraphe 1 du présent article", ["art_5__para_1"])]),
    ("le paragraphe 1 ci-dessus", BUDAPEST, [("paragraphe 1 ci-dessus", ["art_5__para_1"])]),
    ("au paragraphe 1", BUDAPEST, [("paragraphe 1", ["art_5__para_1"])]),
    (
        "aux paragraphes 1 ou 2 du présent article",
        BUDAPEST,
        [("paragraphes 1 ou 2 du présent article", ["art_5__para_1", "art_5__para_2"])],
    ),
    (
        "alinéa b) ii) du paragraphe 1 de l'article 17",
        BUDAPEST,
        [("alinéa b) ii) du paragraphe 1 de l'article 17", ["art_17__para_1__point_b__subpoint_ii"])],
    ),
    ("l'alinéa e) de l'article 2", at("un"), [("alinéa e) de l'article 2", ["art_2__point_e"])]),
    ("paragraphe 2.a", BUDAPEST, [("paragraphe 2.a", ["art_5__para_2__point_a"])]),
    ("article 5, paragraphe 2.a", BUDAPEST, [("article 5, paragraphe 2.a", ["art_5__para_2__point_a"])]),
    ("paragraphe 1 (a)(2)", BUDAPEST, [("paragraphe 1 (a)(2)", ["art_5__para_1__point_a__subpoint_ii"])]),
    ("paragraphe 1. a. ii", BUDAPEST, [("paragraphe 1. a. ii", ["art_5__para_1__point_a__subpoint_ii"])]),
    (
        "Article 4, paragraphe 2, Article 6, paragraphe 3, Article 9, paragraphe 4",
        BUDAPEST,
        # One reference per group, so that each link's words name its own target.
        [
            ("Article 4, paragraphe 2", ["art_4__para_2"]),
            ("Article 6, paragraphe 3", ["art_6__para_3"]),
            ("Article 9, paragraphe 4", ["art_9__para_4"]),
        ],
    ),
    (
        "articles 8, 9.1.a et c",
        BUDAPEST,
        [("articles 8, 9.1.a et c", ["art_8", "art_9__para_1__point_a", "art_9__para_1__point_c"])],
    ),
    (
        "aux paragraphes 1. b à 1. d du présent article",
        BUDAPEST,
        [
            (
                "paragraphes 1. b à 1. d du présent article",
                ["art_5__para_1__point_b", "art_5__para_1__point_c", "art_5__para_1__point_d"],
            )
        ],
    ),
    # A point of "the present article" is one of the paragraph being read…
    (
        "l'alinéa a du présent article",
        at("budapest", 27, "9"),
        [("alinéa a du présent article", ["art_27__para_9__point_a"])],
    ),
    # … or sits directly in the article when that has no paragraphs.
    ("l'alinéa a du présent article", at("un", 2), [("alinéa a du présent article", ["art_2__point_a"])]),
    (
        "alinéas a) à c) du présent paragraphe",
        at("un", 14, "1"),
        [
            (
                "alinéas a) à c) du présent paragraphe",
                ["art_14__para_1__point_a", "art_14__para_1__point_b", "art_14__para_1__point_c"],
            )
        ],
    ),
    (
        "des deux paragraphes précédents",
        at("budapest", 38, "3"),
        [("deux paragraphes précédents", ["art_38__para_1", "art_38__para_2"])],
    ),
    ("au présent chapitre", BUDAPEST, [("présent chapitre", ["chp_2"])]),
    ("à la présente section", BUDAPEST, [("présente section", ["chp_2__sec_1"])]),
    ("dans cette section", BUDAPEST, [("cette section", ["chp_2__sec_1"])]),
    ("le chapitre II", BUDAPEST, [("chapitre II", ["chp_2"])]),
    ("du chapitre Ier", BUDAPEST, [("chapitre Ier", ["chp_1"])]),
    ("du Chapitre III de la présente Convention", BUDAPEST, [("Chapitre III de la présente Convention", ["chp_3"])]),
    ("les chapitres II et III", BUDAPEST, [("chapitres II et III", ["chp_2", "chp_3"])]),
    ("La section 1 du chapitre II", BUDAPEST, [("section 1 du chapitre II", ["chp_2__sec_1"])]),
    ("la section 3", BUDAPEST, [("section 3", ["chp_2__sec_3"])]),
    ("le titre 2 de la présente section", BUDAPEST, [("titre 2 de la présente section", ["chp_2__sec_1__title_2"])]),
    (
        "article 24, paragraphe 1, de la présente Convention",
        BUDAPEST,
        [("article 24, paragraphe 1, de la présente Convention", ["art_24__para_1"])],
    ),
    ("l'article 3 de la présente Convention", at("un"), [("article 3 de la présente Convention", ["art_3"])]),
    ("l'article 56 de la Convention", at("un"), [("article 56 de la Convention", ["art_56"])]),
    ("les articles 29 et 30 de celle-ci", at("un"), [("articles 29 et 30 de celle-ci", ["art_29", "art_30"])]),
    # The Budapest Convention named from the UN text is a known instrument too.
    (
        "l'article 5 de la Convention sur la cybercriminalité",
        at("un"),
        [("article 5 de la Convention sur la cybercriminalité", ["budapest:art_5"])],
    ),
    # In the Protocol, "la Convention" is Budapest, everything else the Protocol.
    (
        "les articles 1 et 12 de la Convention",
        at(P1, 8),
        [("articles 1 et 12 de la Convention", ["budapest:art_1", "budapest:art_12"])],
    ),
    ("l'article 3 du présent Protocole", at(P1, 12), [("article 3 du présent Protocole", ["art_3"])]),
    ("l'article 6 de ce Protocole", at(P1, 12), [("article 6 de ce Protocole", ["art_6"])]),
    ("l'article 9", at(P1, 10), [("article 9", ["art_9"])]),
    ("l'article 12 ci-dessus", at(P1, 13), [("article 12 ci-dessus", ["art_12"])]),
    # The present article stays the Protocol's when a later group is the Convention's.
    (
        "le paragraphe 1 du présent article et les articles 14 et 15 de la Convention",
        at(P1, 8, "2"),
        [
            ("paragraphe 1 du présent article", ["art_8__para_1"]),
            ("articles 14 et 15 de la Convention", ["budapest:art_14", "budapest:art_15"]),
        ],
    ),
    # Anaphora: the last paragraph or chapter named, the last point for a sub-point.
    (
        "le paragraphe 1 du présent article, sauf l'alinéa a) ii) dudit paragraphe",
        at("un", 11, "3"),
        [
            ("paragraphe 1 du présent article", ["art_11__para_1"]),
            ("alinéa a) ii) dudit paragraphe", ["art_11__para_1__point_a__subpoint_ii"]),
        ],
    ),
    ("du chapitre II … par ledit chapitre", BUDAPEST, [("chapitre II", ["chp_2"]), ("ledit chapitre", ["chp_2"])]),
    (
        "l'alinéa e) de l'article 2 couvre, au sous-alinéa ii), les entités",
        at("un"),
        [("alinéa e) de l'article 2", ["art_2__point_e"]), ("sous-alinéa ii)", ["art_2__point_e__subpoint_ii"])],
    ),
    # A bare letter after a number is a point only where it cannot be a word.
    ("au paragraphe 1 a rendu possible", BUDAPEST, [("paragraphe 1", ["art_5__para_1"])]),
    ("au paragraphe 1 a, elle peut", BUDAPEST, [("paragraphe 1 a", ["art_5__para_1__point_a"])]),
    # Line breaks and stray spaces inside a reference.
    ("l'article\n  14,\n paragraphe\u00a03", BUDAPEST, [("article 14, paragraphe 3", ["art_14__para_3"])]),
    ("aux articles 14 et 1 5.", BUDAPEST, [("articles 14 et 1 5", ["art_14", "art_15"])]),
]


@pytest.mark.parametrize(("text", "context", "expected"), FORMS, ids=[f[0][:60] for f in FORMS])
def test_each_form_resolves(text, context, expected):
    assert found(text, context) == expected
    assert all(resolved(text, context))


# -- real references, quoted from the three sources -----------------------------

REAL = [
    # UN: resolution 79/243, its annexed Convention and interpretative notes
    (
        UN,
        "le compte visé à l'article 56 de la Convention sera administré",
        at("un"),
        [("article 56 de la Convention", ["art_56"])],
    ),
    (
        UN,
        "conformément à l'alinéa g) du paragraphe 5 de l'article 57 et aux articles 61 et 62 de la Convention ;",
        at("un"),
        [
            ("alinéa g) du paragraphe 5 de l'article 57", ["art_57__para_5__point_g"]),
            ("articles 61 et 62 de la Convention", ["art_61", "art_62"]),
        ],
    ),
    (UN, "comme prévu à ses articles 23 et 35.", at("un", 3), [("articles 23 et 35", ["art_23", "art_35"])]),
    (
        UN,
        "visé aux alinéas a) i) ou ii) du paragraphe 1 du présent article, afin qu'il serve à commettre l'une "
        "des infractions établies conformément aux articles 7 à 10 de la présente Convention.",
        at("un", 11, "1"),
        [
            (
                "alinéas a) i) ou ii) du paragraphe 1 du présent article",
                ["art_11__para_1__point_a__subpoint_i", "art_11__para_1__point_a__subpoint_ii"],
            ),
            ("articles 7 à 10 de la présente Convention", arts(7, 10)),
        ],
    ),
    (
        UN,
        "ne pas appliquer le paragraphe 1 du présent article, à condition que cette réserve ne porte pas sur la "
        "vente, la distribution ou d'autres formes de mise à disposition des éléments mentionnés à "
        "l'alinéa a) ii) dudit paragraphe.",
        at("un", 11, "3"),
        [
            ("paragraphe 1 du présent article", ["art_11__para_1"]),
            ("alinéa a) ii) dudit paragraphe", ["art_11__para_1__point_a__subpoint_ii"]),
        ],
    ),
    (
        UN,
        "conformément aux alinéas a) à c) du présent paragraphe,",
        at("un", 14, "1"),
        [
            (
                "alinéas a) à c) du présent paragraphe",
                ["art_14__para_1__point_a", "art_14__para_1__point_b", "art_14__para_1__point_c"],
            )
        ],
    ),
    (
        UN,
        "décrit aux alinéas a) à c) du paragraphe 2 du présent article,",
        at("un", 14, "4"),
        [
            (
                "alinéas a) à c) du paragraphe 2 du présent article",
                ["art_14__para_2__point_a", "art_14__para_2__point_b", "art_14__para_2__point_c"],
            )
        ],
    ),
    (
        UN,
        "Aux fins de l'alinéa b) du présent paragraphe,",
        at("un", 17, "2"),
        [("alinéa b) du présent paragraphe", ["art_17__para_2__point_b"])],
    ),
    (
        UN,
        "conformément à l'alinéa b) ii) du paragraphe 1 de l'article 17 de la présente Convention",
        at("un", 22, "2"),
        [
            (
                "alinéa b) ii) du paragraphe 1 de l'article 17 de la présente Convention",
                ["art_17__para_1__point_b__subpoint_ii"],
            )
        ],
    ),
    (
        UN,
        "conformément aux alinéas a) i) ou ii) ou b) i) du paragraphe 1 de l'article 17 de la présente Convention ;",
        at("un", 22, "2"),
        [
            (
                "alinéas a) i) ou ii) ou b) i) du paragraphe 1 de l'article 17 de la présente Convention",
                [
                    "art_17__para_1__point_a__subpoint_i",
                    "art_17__para_1__point_a__subpoint_ii",
                    "art_17__para_1__point_b__subpoint_i",
                ],
            )
        ],
    ),
    (
        UN,
        "Aux fins du paragraphe 11 de l'article 37 de la présente Convention,",
        at("un", 22, "3"),
        [("paragraphe 11 de l'article 37 de la présente Convention", ["art_37__para_11"])],
    ),
    (
        UN,
        "en vertu du paragraphe 1 ou 2 du présent article",
        at("un", 22, "5"),
        [("paragraphe 1 ou 2 du présent article", ["art_22__para_1", "art_22__para_2"])],
    ),
    (
        UN,
        "les pouvoirs et procédures prévus au présent chapitre",
        at("un", 23, "1", chapter="chp_4"),
        [("présent chapitre", ["chp_4"])],
    ),
    (
        UN,
        "les mesures visées aux articles 29 et 30 de celle-ci",
        at("un", 23, "3"),
        [("articles 29 et 30 de celle-ci", ["art_29", "art_30"])],
    ),
    (
        UN,
        "visées aux paragraphes 1 à 3 du présent article.",
        at("un", 28, "4"),
        [("paragraphes 1 à 3 du présent article", ["art_28__para_1", "art_28__para_2", "art_28__para_3"])],
    ),
    (
        UN,
        "comme prévu aux alinéas b) et c) du paragraphe 1 du présent article, les paragraphes pertinents de "
        "l'article 40 et les articles 41 à 46 de la présente Convention s'appliquent.",
        at("un", 35, "2"),
        [
            (
                "alinéas b) et c) du paragraphe 1 du présent article",
                ["art_35__para_1__point_b", "art_35__para_1__point_c"],
            ),
            ("article 40", ["art_40"]),
            ("articles 41 à 46 de la présente Convention", arts(41, 46)),
        ],
    ),
    (
        UN,
        "Les paragraphes 8 à 31 du présent article sont applicables",
        at("un", 40, "7"),
        [("paragraphes 8 à 31 du présent article", [f"art_40__para_{n}" for n in range(8, 32)])],
    ),
    (
        UN,
        "en vertu du paragraphe 21 du présent article ou d'en différer l'exécution en vertu du paragraphe 27,",
        at("un", 40, "28"),
        [("paragraphe 21 du présent article", ["art_40__para_21"]), ("paragraphe 27", ["art_40__para_27"])],
    ),
    (
        UN,
        "aux alinéas b) et c) du paragraphe 21 et au paragraphe 22 de l'article 40 de la présente Convention.",
        at("un", 42, "6"),
        [
            ("alinéas b) et c) du paragraphe 21", ["art_40__para_21__point_b", "art_40__para_21__point_c"]),
            ("paragraphe 22 de l'article 40 de la présente Convention", ["art_40__para_22"]),
        ],
    ),
    (
        UN,
        "en application de l'article 31 ou 50 de la présente Convention",
        at("un", 52, "1"),
        [("article 31 ou 50 de la présente Convention", ["art_31", "art_50"])],
    ),
    (
        UN,
        "en application de l'alinéa c) du paragraphe 2 de l'article 56 de la présente Convention",
        at("un", 52, "3"),
        [("alinéa c) du paragraphe 2 de l'article 56 de la présente Convention", ["art_56__para_2__point_c"])],
    ),
    (
        UN,
        "donnée à l'alinéa e) de l'article 2 couvre, au sous-alinéa ii), les entités",
        at("un"),
        [("alinéa e) de l'article 2", ["art_2__point_e"]), ("sous-alinéa ii)", ["art_2__point_e__subpoint_ii"])],
    ),
    (
        UN,
        "au titre de l'article 17 que lorsque l'infraction principale est une infraction établie conformément aux "
        "articles 7 à 16 de la Convention.",
        at("un"),
        [("article 17", ["art_17"]), ("articles 7 à 16 de la Convention", arts(7, 16))],
    ),
    (
        UN,
        "se rapportant aux articles 2, 17, 23 et 35 de la présente Convention",
        at("un"),
        [("articles 2, 17, 23 et 35 de la présente Convention", ["art_2", "art_17", "art_23", "art_35"])],
    ),
    # Bill n° 905: the explanatory statement speaks of the Budapest Convention
    (
        BILL,
        "C'est l'objet du chapitre Ier, dont l'article 1er définit",
        at("budapest"),
        [("chapitre Ier", ["chp_1"]), ("article 1er", ["art_1"])],
    ),
    (BILL, "La section 1 du chapitre II énumère", at("budapest"), [("section 1 du chapitre II", ["chp_2__sec_1"])]),
    (BILL, "Les articles 2 à 6 répriment", at("budapest"), [("articles 2 à 6", arts(2, 6))]),
    # outside the articles, a bare paragraph is one of the article last named
    (
        BILL,
        "L'article 19 transpose les notions de « perquisition » et de « saisie » du monde physique à l'univers "
        "en ligne : perquisition dans un ordinateur (paragraphe 1)",
        at("budapest"),
        [("article 19", ["art_19"]), ("paragraphe 1", ["art_19__para_1"])],
    ),
    (
        BILL,
        "des saisies de données stockées (articles 31-32) ainsi que de l'interception des données de trafic "
        "et de contenu (articles 33-34).",
        at("budapest"),
        [("articles 31-32", ["art_31", "art_32"]), ("articles 33-34", ["art_33", "art_34"])],
    ),
    (
        BILL,
        "les déclarations ou les réserves (articles 40, 42, 43), les amendements (article 44)",
        at("budapest"),
        [("articles 40, 42, 43", ["art_40", "art_42", "art_43"]), ("article 44", ["art_44"])],
    ),
    # Bill n° 905: the Budapest text
    (
        BILL,
        "conformément aux articles 2 à 5 ci-dessus ;",
        at("budapest", 6, "1"),
        [("articles 2 à 5 ci-dessus", arts(2, 5))],
    ),
    (
        BILL,
        "visé aux paragraphes a. i ou ii ci-dessus,",
        at("budapest", 6, "1"),
        [
            (
                "paragraphes a. i ou ii ci-dessus",
                ["art_6__para_1__point_a__subpoint_i", "art_6__para_1__point_a__subpoint_ii"],
            )
        ],
    ),
    (
        BILL,
        "mentionnés au paragraphe 1. a. ii du présent article.",
        at("budapest", 6, "3"),
        [("paragraphe 1. a. ii du présent article", ["art_6__para_1__point_a__subpoint_ii"])],
    ),
    (
        BILL,
        "les paragraphes 1, alinéas d et e, et 2, alinéas b et c.",
        at("budapest", 9, "4"),
        [
            (
                "paragraphes 1, alinéas d et e, et 2, alinéas b et c",
                [
                    "art_9__para_1__point_d",
                    "art_9__para_1__point_e",
                    "art_9__para_2__point_b",
                    "art_9__para_2__point_c",
                ],
            )
        ],
    ),
    (
        BILL,
        "en application des articles 3 à 5, 7, 8, 9.1.a et c de la présente Convention.",
        at("budapest", 11, "2"),
        [
            (
                "articles 3 à 5, 7, 8, 9.1.a et c de la présente Convention",
                arts(3, 5) + ["art_7", "art_8", "art_9__para_1__point_a", "art_9__para_1__point_c"],
            )
        ],
    ),
    (
        BILL,
        "prévus dans la présente section",
        at("budapest", 14, "1", chapter="chp_2", section="chp_2__sec_2"),
        [("présente section", ["chp_2__sec_2"])],
    ),
    (
        BILL,
        "doivent être soumis aux articles 14 et 1 5.",
        at("budapest", 18, "2"),
        [("articles 14 et 1 5", ["art_14", "art_15"])],
    ),
    (
        BILL,
        "énoncées au paragraphe 1 a, elle peut",
        at("budapest", 20, "2"),
        [("paragraphe 1 a", ["art_20__para_1__point_a"])],
    ),
    (
        BILL,
        "définies aux paragraphes 1. b à 1. d du présent article",
        at("budapest", 22, "2"),
        [
            (
                "paragraphes 1. b à 1. d du présent article",
                ["art_22__para_1__point_b", "art_22__para_1__point_c", "art_22__para_1__point_d"],
            )
        ],
    ),
    (
        BILL,
        "mentionnée à l'article 24, paragraphe 1, de la présente Convention,",
        at("budapest", 22, "3"),
        [("article 24, paragraphe 1, de la présente Convention", ["art_24__para_1"])],
    ),
    (
        BILL,
        "en application de l'alinéa a du présent article",
        at("budapest", 27, "9"),
        [("alinéa a du présent article", ["art_27__para_9__point_a"])],
    ),
    (
        BILL,
        "en application des deux paragraphes précédents",
        at("budapest", 38, "3"),
        [("deux paragraphes précédents", ["art_38__para_1", "art_38__para_2"])],
    ),
    (
        BILL,
        "tels que prévus aux articles 2, 3, 6, paragraphe 1. b, 7, 9, paragraphe 3, et 27, paragraphe 9. e.",
        at("budapest", 40),
        [
            (
                "articles 2, 3, 6, paragraphe 1. b, 7, 9, paragraphe 3, et 27, paragraphe 9. e",
                ["art_2", "art_3", "art_6__para_1__point_b", "art_7", "art_9__para_3", "art_27__para_9__point_e"],
            )
        ],
    ),
    (
        BILL,
        "ses obligations en vertu du chapitre II. En tout état de cause, il se dote de moyens étendus et "
        "effectifs permettant la mise en œuvre des mesures prévues par ledit chapitre.",
        at("budapest", 41, "2"),
        [("chapitre II", ["chp_2"]), ("ledit chapitre", ["chp_2"])],
    ),
    (
        BILL,
        "prévues à l'article 4, paragraphe 2, à l'article 6, paragraphe 3, à l'article 9, paragraphe 4, à "
        "l'article 10, paragraphe 3, à l'article 11, paragraphe 3, à l'article 14, paragraphe 3, à l'article 22, "
        "paragraphe 2, à l'article 29, paragraphe 4, et à l'article 41, paragraphe 1.",
        at("budapest", 42),
        [
            ("article 4, paragraphe 2", ["art_4__para_2"]),
            ("article 6, paragraphe 3", ["art_6__para_3"]),
            ("article 9, paragraphe 4", ["art_9__para_4"]),
            ("article 10, paragraphe 3", ["art_10__para_3"]),
            ("article 11, paragraphe 3", ["art_11__para_3"]),
            ("article 14, paragraphe 3", ["art_14__para_3"]),
            ("article 22, paragraphe 2", ["art_22__para_2"]),
            ("article 29, paragraphe 4", ["art_29__para_4"]),
            ("article 41, paragraphe 1", ["art_41__para_1"]),
        ],
    ),
    # Benin decree: the Council of Europe text of the Budapest Convention
    (
        BENIN,
        "conformément aux articles 2 – 5 ci-dessus ;",
        at("budapest", 6, "1"),
        [("articles 2 – 5 ci-dessus", arts(2, 5))],
    ),
    (
        BENIN,
        "visé aux paragraphes (a) (1) ou (2) ci-dessus",
        at("budapest", 6, "1"),
        [
            (
                "paragraphes (a) (1) ou (2) ci-dessus",
                ["art_6__para_1__point_a__subpoint_i", "art_6__para_1__point_a__subpoint_ii"],
            )
        ],
    ),
    (
        BENIN,
        "conformément à l'Article 2 à 5 de la présente Convention,",
        at("budapest", 6, "2"),
        [("Article 2 à 5 de la présente Convention", arts(2, 5))],
    ),
    (
        BENIN,
        "mentionnés au paragraphe 1 (a)(2).",
        at("budapest", 6, "3"),
        [("paragraphe 1 (a)(2)", ["art_6__para_1__point_a__subpoint_ii"])],
    ),
    (
        BENIN,
        "les paragraphes 1 (d) et 1 (e) et 2 (b) et 2 (c).",
        at("budapest", 9, "4"),
        [
            (
                "paragraphes 1 (d) et 1 (e) et 2 (b) et 2 (c)",
                [
                    "art_9__para_1__point_d",
                    "art_9__para_1__point_e",
                    "art_9__para_2__point_b",
                    "art_9__para_2__point_c",
                ],
            )
        ],
    ),
    (
        BENIN,
        "en application des Articles 3 à 5, 7, 8, 9 (1)a et 9(1)c de la présente Convention.",
        at("budapest", 11, "2"),
        [
            (
                "Articles 3 à 5, 7, 8, 9 (1)a et 9(1)c de la présente Convention",
                arts(3, 5) + ["art_7", "art_8", "art_9__para_1__point_a", "art_9__para_1__point_c"],
            )
        ],
    ),
    (
        BENIN,
        "mentionnée au paragraphe 1 a rendu possible",
        at("budapest", 12, "2"),
        [("paragraphe 1", ["art_12__para_1"])],
    ),
    (BENIN, "en application des articles 2 - 11 soient", at("budapest", 13, "1"), [("articles 2 - 11", arts(2, 11))]),
    (
        BENIN,
        "conformément aux articles 2-11 de la présente Convention ;",
        at("budapest", 14, "2"),
        [("articles 2-11 de la présente Convention", arts(2, 11))],
    ),
    (
        BENIN,
        "définies aux paragraphes 1b – 1d du présent article",
        at("budapest", 22, "2"),
        [
            (
                "paragraphes 1b – 1d du présent article",
                ["art_22__para_1__point_b", "art_22__para_1__point_c", "art_22__para_1__point_d"],
            )
        ],
    ),
    (
        BENIN,
        "tels que prévus aux Articles 2, 3, 6, paragraphe 1(b), 7, 9, paragraphe 3 et 27, paragraphe 9(e).",
        at("budapest", 40),
        [
            (
                "Articles 2, 3, 6, paragraphe 1(b), 7, 9, paragraphe 3 et 27, paragraphe 9(e)",
                ["art_2", "art_3", "art_6__para_1__point_b", "art_7", "art_9__para_3", "art_27__para_9__point_e"],
            )
        ],
    ),
    (
        BENIN,
        "aux termes du Chapitre II de la présente Convention",
        at("budapest", 41, "1"),
        [("Chapitre II de la présente Convention", ["chp_2"])],
    ),
    (
        BENIN,
        "prévues aux Article 4, paragraphe 2, Article 6, paragraphe 3, Article 9, paragraphe 4, Article 10, "
        "paragraphe 3, Article 11, paragraphe 3, Article 14, paragraphe 3, Article 22, paragraphe 2, Article 29, "
        "paragraphe 4, et à l'article 41, paragraphe 1.",
        at("budapest", 42),
        [
            ("Article 4, paragraphe 2", ["art_4__para_2"]),
            ("Article 6, paragraphe 3", ["art_6__para_3"]),
            ("Article 9, paragraphe 4", ["art_9__para_4"]),
            ("Article 10, paragraphe 3", ["art_10__para_3"]),
            ("Article 11, paragraphe 3", ["art_11__para_3"]),
            ("Article 14, paragraphe 3", ["art_14__para_3"]),
            ("Article 22, paragraphe 2", ["art_22__para_2"]),
            ("Article 29, paragraphe 4", ["art_29__para_4"]),
            ("article 41, paragraphe 1", ["art_41__para_1"]),
        ],
    ),
    # Benin decree: the First Additional Protocol
    (
        BENIN,
        "prévues au paragraphe 1 du présent article lorsque le matériel, tel que défini à l'article 2, "
        "paragraphe 1, préconise",
        at(P1, 3, "2"),
        [("paragraphe 1 du présent article", ["art_3__para_1"]), ("article 2, paragraphe 1", ["art_2__para_1"])],
    ),
    (
        BENIN,
        "Les articles 1, 12, 13, 22, 41, 44, 45 et 46 de la Convention s'appliquent",
        at(P1, 8, "1"),
        [
            (
                "articles 1, 12, 13, 22, 41, 44, 45 et 46 de la Convention",
                [f"budapest:art_{n}" for n in (1, 12, 13, 22, 41, 44, 45, 46)],
            )
        ],
    ),
    (
        BENIN,
        "définies aux articles 14 à 21 et 23 à 35 de la Convention, aux articles 2 à 7 de ce Protocole.",
        at(P1, 8, "2"),
        [
            ("articles 14 à 21 et 23 à 35 de la Convention", arts(14, 21, "budapest") + arts(23, 35, "budapest")),
            ("articles 2 à 7 de ce Protocole", arts(2, 7)),
        ],
    ),
    (
        BENIN,
        "prévues aux articles 3, 5 et 6 du présent Protocole.",
        at(P1, 12, "2"),
        [("articles 3, 5 et 6 du présent Protocole", ["art_3", "art_5", "art_6"])],
    ),
    (
        BENIN,
        "les réserves prévues à l'article 22, paragraphe 2, et à l'article 41, paragraphe 1, de la Convention,",
        at(P1, 12, "2"),
        [
            ("article 22, paragraphe 2", ["budapest:art_22__para_2"]),
            ("article 41, paragraphe 1, de la Convention", ["budapest:art_41__para_1"]),
        ],
    ),
    (
        BENIN,
        "tels que prévus à l'article 5, paragraphe 2.a, et à l'article 6, paragraphe 2.a, de ce Protocole.",
        at(P1, 12, "3"),
        [
            ("article 5, paragraphe 2.a", ["art_5__para_2__point_a"]),
            ("article 6, paragraphe 2.a, de ce Protocole", ["art_6__para_2__point_a"]),
        ],
    ),
    (BENIN, "conformément à l'article 12 ci-dessus", at(P1, 13, "1"), [("article 12 ci-dessus", ["art_12"])]),
    (
        BENIN,
        "conformément à ses articles 9, 10 et 11;",
        at(P1, 16),
        [("articles 9, 10 et 11", ["art_9", "art_10", "art_11"])],
    ),
]


def _source_text(filename: str) -> str:
    return (SOURCES / filename).read_text(encoding="utf-8")


def quoted(filename: str, fragment: str) -> str:
    """The fragment as the source prints it (non-breaking spaces, line breaks)."""
    pattern = r"\s+".join(re.escape(word) for word in fragment.split())
    match = re.search(pattern, _source_text(filename))
    assert match, f"not in {filename}: {fragment!r}"
    return match.group()


def test_the_table_of_real_references_is_large_and_spans_the_three_sources():
    assert len(REAL) >= 40
    assert sum(len(expected) for *_, expected in REAL) >= 60
    assert {filename for filename, *_ in REAL} == {UN, BILL, BENIN}


@pytest.mark.parametrize(("filename", "fragment", "context", "expected"), REAL, ids=[r[1][:60] for r in REAL])
def test_real_references_resolve(filename, fragment, context, expected):
    text = quoted(filename, fragment)
    assert found(text, context) == expected
    assert all(resolved(text, context))


# -- references to other instruments and words that are not references ----------

EXTERNAL = [
    (BILL, "à la majorité prévue à l'article 20.d du Statut du Conseil de l'Europe", at("budapest", 37, "1")),
    (BILL, "soumise au Parlement en vertu de l'article 53 de la Constitution.", at("budapest")),
    (BILL, "Vu l'article 39 de la Constitution,", at("budapest")),
    (
        BILL,
        "une retranscription de l'article 61 des accords sur les aspects des droits de propriété intellectuelle",
        at("budapest"),
    ),
    (BILL, "dans les délais prévus par les articles 30 et 31 du Règlement.)", at("budapest")),
    (BENIN, "sur la base de l'article K.3 du traité sur l'Union européenne", at(P1)),
    (UN, "pour les travaux visés aux paragraphes 5 et 6 de la présente résolution ;", at("un")),
]
INVENTED_EXTERNAL = [
    "l'article 30 et 31 du Règlement",
    "l'article 18 de la Convention des Nations Unies contre la criminalité transnationale organisée",
    "l'article 15 de la Convention européenne d'entraide judiciaire en matière pénale",
    "l'article 2 de la Convention de 1959",
    "l'article 5 du Code pénal",
]
NOT_REFERENCES = [
    "Le présent article ne saurait être interprété",  # the reader is already there
    "Aux fins du présent paragraphe,",
    "À ce titre, ils participent",  # an idiom, not a division
    "au titre de la présente Convention",
    "Notes interprétatives sur certains articles de la Convention",
    "les paragraphes pertinents",
    "dans une partie quelconque de ces paragraphes",
]


@pytest.mark.parametrize(("filename", "fragment", "context"), EXTERNAL, ids=[e[1][:60] for e in EXTERNAL])
def test_references_to_other_instruments_are_left_alone(filename, fragment, context):
    assert found(quoted(filename, fragment), context) == []


@pytest.mark.parametrize("text", INVENTED_EXTERNAL + NOT_REFERENCES)
def test_other_instruments_and_plain_words_give_nothing(text):
    assert found(text, at("un", 3, "1", chapter="chp_1")) == []


def test_a_protocol_is_foreign_to_the_un_texts():
    assert found("l'article 3 du Protocole", at("un")) == []
    assert found("l'article 3 du Protocole", at("budapest")) == [("article 3 du Protocole", ["budapest-p1:art_3"])]


# -- offsets ------------------------------------------------------------------------


def test_offsets_cover_the_words_of_the_reference_only():
    text = "Voir l'article\n 24,\n paragraphe 1, de la présente Convention, lorsque"
    (ref,) = find_references(text, at("budapest"))
    assert (ref.start, ref.end) == (text.index("article"), text.index(", lorsque"))
    assert ref.text == "article\n 24,\n paragraphe 1, de la présente Convention"
    assert text[ref.start : ref.end] == ref.text


def test_references_come_in_text_order_without_overlap():
    text = quoted(
        UN,
        "conformément aux alinéas a) i) ou ii) ou b) i) du paragraphe 1 de l'article 17 de la présente Convention ; ou",
    )
    text = f"Sous réserve de l'article 5, {text} au paragraphe 2 du présent article"
    refs = find_references(text, at("un", 22, "2"))
    assert [r.text for r in refs][0] == "article 5"
    assert all(a.end <= b.start for a, b in zip(refs, refs[1:], strict=False))
    assert refs[-1].targets == [Target("un", "art_22__para_2")]


# -- unresolved references ------------------------------------------------------------

UNRESOLVED = [
    # no article to attach a paragraph to (the explanatory statement of bill n° 905)
    ("perquisition dans un ordinateur (paragraphe 1)", at("budapest"), "paragraphe 1", []),
    ("au présent chapitre", at("un", 3), "présent chapitre", []),
    ("à l'alinéa a) ii) dudit paragraphe", at("un", 11, "3"), "alinéa a) ii) dudit paragraphe", []),
    ("au sous-alinéa ii)", at("un", 2), "sous-alinéa ii)", []),
    ("des deux paragraphes précédents", at("budapest", 38, "1"), "deux paragraphes précédents", []),
    # a range whose ends differ above the last level
    (
        "aux paragraphes 1 à 2. c du présent article",
        at("budapest", 6, "3"),
        "paragraphes 1 à 2. c du présent article",
        [Target("budapest", "art_6__para_1")],
    ),
]


@pytest.mark.parametrize(("text", "context", "words", "targets"), UNRESOLVED, ids=[u[0] for u in UNRESOLVED])
def test_references_that_cannot_be_resolved_are_reported_unresolved(text, context, words, targets):
    (ref,) = find_references(text, context)
    assert (ref.text, ref.targets, ref.resolved) == (words, targets, False)


def test_exists_turns_a_missing_target_into_an_unresolved_reference():
    asked: list[Target] = []

    def exists(target: Target) -> bool:
        asked.append(target)
        return target.eid != "art_11"

    (ref,) = find_references("les articles 10 à 12", at("budapest"), exists)
    assert asked == [Target("budapest", f"art_{n}") for n in (10, 11, 12)]
    assert (ref.targets, ref.resolved) == ([Target("budapest", "art_10"), Target("budapest", "art_12")], False)


def test_exists_sees_the_instrument_a_protocol_reference_points_to():
    asked: list[Target] = []
    text = "à l'article 22, paragraphe 2, et à l'article 7 de ce Protocole"
    refs = find_references(text, at(P1, 12, "2"), lambda t: asked.append(t) is None)
    assert [r.resolved for r in refs] == [True, True]
    assert asked == [Target(P1, "art_22__para_2"), Target(P1, "art_7")]
    (ref,) = find_references("l'article 22, paragraphe 2, de la Convention", at(P1, 12), lambda t: t.instrument == P1)
    assert (ref.targets, ref.resolved) == ([], False)


# -- whole files: no article number goes unread -----------------------------------------

# The only "article <number>" of the sources that are not ours. Each entry must
# still occur (test below), so the list cannot silently outgrow the texts.
KNOWN_EXTERNAL = {
    BILL: [
        "articles 30 et 31 du Règlement",
        "article 61 des accords",
        "article 53 de la Constitution",
        "article 39 de la Constitution",
        "article 20.d du Statut",
    ],
    BENIN: ["article 20.d du Statut"],
    UN: [],
}
ARTICLE_NUMBER = re.compile(r"(?i)\barticles?\s+(?:\d|premier\b|1er\b)")


def _line_context(filename: str, number: int) -> Context:
    instrument = {UN: "un", BILL: "budapest", BENIN: "budapest"}[filename]
    if filename == BENIN and number >= BENIN_PROTOCOL_FROM_LINE:
        instrument = P1
    # A full context, so that only the words decide whether a reference resolves.
    return at(instrument, 1, "3", chapter="chp_1", section="chp_1__sec_1")


@pytest.mark.parametrize("filename", [UN, BILL, BENIN])
def test_every_article_number_in_the_sources_is_read_or_known_external(filename):
    uncovered, unresolved, external_seen = [], [], set()
    for number, line in enumerate(_source_text(filename).splitlines(), 1):
        refs = find_references(line, _line_context(filename, number))
        assert all(line[r.start : r.end] == r.text for r in refs)
        unresolved += [(number, r.text) for r in refs if not r.resolved]
        for match in ARTICLE_NUMBER.finditer(line):
            if any(r.start <= match.start() < r.end for r in refs):
                continue
            words = " ".join(line[match.start() :].split())
            known = [e for e in KNOWN_EXTERNAL[filename] if words.startswith(e)]
            external_seen.update(known)
            if not known:
                uncovered.append((number, words[:60]))
    assert uncovered == []
    assert unresolved == []
    assert external_seen == set(KNOWN_EXTERNAL[filename])


# -- against the parser's provision tree -------------------------------------------------


def _provisions(node, context: Context):
    """(node, context of its text) for ``node`` and everything under it."""
    eid = node.eid.split("__")
    if node.kind == "chapter":
        context = Context(context.instrument, chapter=node.eid)
    elif node.kind == "section":
        context = Context(context.instrument, chapter=context.chapter, section=node.eid)
    elif node.kind == "article":
        context = Context(context.instrument, int(eid[0][4:]), None, context.chapter, context.section)
    elif node.kind == "paragraph":
        context = Context(context.instrument, context.article, eid[1][5:], context.chapter, context.section)
    yield node, context
    for child in node.children:
        yield from _provisions(child, context)


def test_every_reference_in_the_parsed_treaties_exists_in_the_parsed_treaties():
    parsing = pytest.importorskip("concordance.lib.parsing")
    parsers = {UN: parsing.parse_un_resolution, BILL: parsing.parse_budapest_bill, BENIN: parsing.parse_benin_decree}
    sources = [parse(_source_text(name), name) for name, parse in parsers.items()]
    known = {
        (instrument.slug, node.eid)
        for source in sources
        for instrument in source.instruments
        for top in instrument.body
        for node in top.walk()
    }
    unresolved, count = [], 0
    for source in sources:
        for instrument in source.instruments:
            for top in instrument.body:
                for node, context in _provisions(top, Context(instrument.slug)):
                    refs = find_references(node.text, context, lambda t: (t.instrument, t.eid) in known)
                    count += len(refs)
                    unresolved += [(instrument.slug, node.eid, r.text) for r in refs if not r.resolved]
    assert count > 300
    assert unresolved == []


# -- the module stays plain Python ---------------------------------------------------


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    # "from concordance.lib import eids" imports concordance.lib.eids.
    return imported | {
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


def test_the_resolver_uses_the_standard_library_only():
    # Besides its own modules, the resolver reads identifiers through lib/eids, itself standard library only.
    package = Path(references.__file__).parent
    eids_module = package.parent / "eids.py"
    imported = {name for path in package.glob("*.py") for name in _imported(path)}
    own = {name for name in imported if name.startswith(("concordance.lib.references.", "concordance.lib.eids"))}
    outside = {name.split(".")[0] for name in (imported - own) | _imported(eids_module)}
    assert outside <= set(sys.stdlib_module_names) | {"__future__"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("conformément au paragraphe 1 de l’article 17", ["art_17__para_1"]),
        ("l’alinéa b) du paragraphe 1 de l’article 17", ["art_17__para_1__point_b"]),
        ("aux articles 14 et 15 et à l’article 41", ["art_14", "art_15", "art_41"]),
    ],
)
def test_a_curly_apostrophe_reads_like_a_straight_one(text, expected):
    references = find_references(text, Context("un", article=1, paragraph="1"))
    assert [t.eid for reference in references for t in reference.targets] == expected
    # The words reported are the text's own, curly apostrophe included.
    assert all(reference.text == text[reference.start : reference.end] for reference in references)
    assert "’" in text[references[0].start : references[-1].end]
