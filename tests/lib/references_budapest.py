"""Real references of the Budapest texts (bill n° 905, the Benin decree), quoted exactly.

A table for tests/lib/test_references_in_sources.py: (source, fragment, context, [(words, targets)]).
"""

from __future__ import annotations

from tests.lib.reference_cases import BENIN, BILL, P1, arts, at

REAL_BUDAPEST = [
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
