"""Real references of the UN texts (resolution 79/243, the Convention, its notes), quoted exactly.

A table for tests/lib/test_references_in_sources.py: (source, fragment, context, [(words, targets)]).
"""

from __future__ import annotations

from tests.lib.reference_cases import UN, arts, at

REAL_UN = [
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
]
