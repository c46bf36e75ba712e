"""Lists in the sources: markers as printed, "a" the verb and "i" the letter, unnumbered text
(closing words, alinéas), on the real text and on small inputs."""

from __future__ import annotations

import pytest

from concordance.lib.parsing.markers import scan
from tests.lib.parsed_trees import children, fragment, tree

# --- list markers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, labels, strong, text",
    [
        ("- a) De promouvoir", ["a"], True, "De promouvoir"),
        ("a) Toute introduction", ["a"], True, "Toute introduction"),
        ("a  la production", ["a"], True, "la production"),
        ("a. la production", ["a"], True, "la production"),
        ("- 1 Aux fins", ["1"], True, "Aux fins"),
        ("1  Chaque Partie", ["1"], True, "Chaque Partie"),
        ("1. Chaque Partie", ["1"], True, "Chaque Partie"),
        ("3  a   Chaque Partie peut", ["3", "a"], True, "Chaque Partie peut"),
        ("a) i) À la conversion", ["a", "i"], True, "À la conversion"),
        ("- c toute date", ["c"], True, "toute date"),
        ("2 Une Partie peut:", ["2"], False, "Une Partie peut:"),
        ("a rendu possible", ["a"], False, "rendu possible"),
        ("3.", ["3"], True, ""),
        ("d", ["d"], True, ""),
        ("- cet État partie peut", [], False, "cet État partie peut"),
        ("à la condition", [], False, "à la condition"),
        ("vise à", [], False, "vise à"),
    ],
)
def test_marker_styles(line: str, labels: list[str], strong: bool, text: str) -> None:
    found = scan(line)
    assert [m.label for m in found.markers] == labels
    assert all(m.strong == strong for m in found.markers)
    assert found.text == text


@pytest.mark.parametrize(
    "which, eid, num, text_start",
    [
        ("un", "art_1__point_a", "a", "De promouvoir et renforcer"),  # "- a)"
        ("un", "art_13__point_a", "a", "Toute introduction"),  # "a)"
        ("un", "art_14__para_3__point_b", "b", "Contenu représentant"),  # " - b)"
        ("bill", "art_8__point_a", "a", "par toute introduction"),  # "a  "
        ("coe", "art_8__point_a", "a", "l'introduction, l'altération"),  # "- a."
        ("protocol", "art_2__para_1", "1", "Aux fins du présent Protocole"),  # "- 1 "
        ("protocol", "art_6__para_2", "2", "Une Partie peut:"),  # "2 " (weak, in sequence)
        ("bill", "art_4__para_2", "2", "Une Partie peut se réserver"),  # "2  "
        ("un", "art_4__para_2", "2", "Aucune disposition"),  # "2."
        ("coe", "art_47__para_1", "1", "Toute Partie peut"),  # "1 " (weak)
        ("protocol", "art_16__point_c", "c", "toute date d'entrée en vigueur"),  # "- c "
        ("protocol", "art_5__para_2__point_a", "a", "soit exiger"),  # " - a "
        ("bill", "art_24__para_7__point_b", "b", "Le Secrétaire Général"),  # "b)  " among "a  "
    ],
)
def test_marker_styles_in_the_sources(which: str, eid: str, num: str, text_start: str) -> None:
    node = tree(which)[eid]
    assert node.num == num and node.text.startswith(text_start)


@pytest.mark.parametrize(
    "which, eid, marker",
    [
        ("un", "art_25__para_2", "2."),
        ("un", "art_2__point_e", "e)"),  # "- e)"
        ("un", "art_2__point_e__subpoint_ii", "ii)"),
        ("bill", "art_8__point_a", "a"),  # "a  ": no punctuation printed
        ("bill", "art_4__para_2", "2"),
        ("bill", "art_24__para_7__point_b", "b)"),  # "b)  " among "a  "
        ("coe", "art_8__point_a", "a."),  # "- a."
        ("coe", "art_29__para_5__point_b", "a."),  # printed "a." where "b." is due
        ("protocol", "art_2__para_1", "1"),  # "- 1 "
    ],
)
def test_the_marker_is_kept_as_printed(which: str, eid: str, marker: str) -> None:
    assert tree(which)[eid].marker == marker


def test_articles_and_unnumbered_text_have_no_marker() -> None:
    nodes = tree("un")
    assert nodes["art_1"].marker == "" and nodes["art_23__para_3__point_b__wrapup"].marker == ""


@pytest.mark.parametrize(
    "which, eid, expected",
    [
        # "3  a   Chaque Partie…": paragraph 3 and its point a on one line
        ("bill", "art_14__para_3", [("art_14__para_3__point_a", "point"), ("art_14__para_3__point_b", "point")]),
        ("coe", "art_14__para_3", [("art_14__para_3__point_a", "point"), ("art_14__para_3__point_b", "point")]),
        # "3." alone on its line, then " - a)"
        ("un", "art_23__para_3", [("art_23__para_3__point_a", "point"), ("art_23__para_3__point_b", "point")]),
        # "a) i) À la conversion…"
        (
            "un",
            "art_17__para_1__point_a",
            [("art_17__para_1__point_a__subpoint_i", "subpoint"), ("art_17__para_1__point_a__subpoint_ii", "subpoint")],
        ),
        # "1. a) Un État partie…", "12. a) Chaque État partie…", "2. a. Le point de contact…"
        ("un", "art_36__para_1", [(f"art_36__para_1__point_{x}", "point") for x in "abc"]),
        ("un", "art_40__para_12", [(f"art_40__para_12__point_{x}", "point") for x in "abcd"]),
        ("coe", "art_35__para_2", [("art_35__para_2__point_a", "point"), ("art_35__para_2__point_b", "point")]),
        ("bill", "art_24__para_1", [("art_24__para_1__point_a", "point"), ("art_24__para_1__point_b", "point")]),
    ],
)
def test_labels_sharing_a_line(which: str, eid: str, expected: list[tuple[str, str]]) -> None:
    assert tree(which)[eid].text == ""
    assert children(which, eid) == expected


def test_paragraph_three_after_points_of_paragraph_two_in_the_decree() -> None:
    # " - b. Si le point de contact…" then " 3. Chaque Partie fera en sorte…"
    assert [eid for eid, _ in children("coe", "art_35")] == ["art_35__para_1", "art_35__para_2", "art_35__para_3"]


def test_marker_alone_on_its_line_takes_the_next_line_as_text() -> None:
    # bill art. 1: "    a  " / "l'expression « système informatique » …"; "    d" / "  « données …"
    assert tree("bill")["art_1__point_a"].text.startswith("l'expression « système informatique » désigne")
    assert tree("bill")["art_1__point_d"].text.startswith("« données relatives au trafic » désigne")
    assert tree("bill")["art_1"].text == "Aux fins de la présente Convention,"


def test_split_number_is_kept_as_printed() -> None:
    # "articles 14 et 1 5" (bill art. 18 § 2): no proof it is layout debris, so kept.
    assert tree("bill")["art_18__para_2"].text == (
        "Les pouvoirs et procédures mentionnés dans le présent article doivent être soumis aux articles 14 et 1 5."
    )


def test_typos_are_kept_as_printed() -> None:
    assert tree("coe")["art_4__para_2"].text.startswith("Une Partie peut se résERVER le droit")


# --- "a" the verb, "i" the letter --------------------------------------------------------------


def test_a_line_starting_with_the_verb_a_continues_the_sentence() -> None:
    nodes = fragment(
        "Article 1\nObjet\n\n1. L'absence de contrôle d'une personne mentionnée au paragraphe 1\n\n"
        "a rendu possible la commission.\n2. Fin.\n"
    )
    assert nodes["art_1__para_1"].text.endswith("au paragraphe 1 a rendu possible la commission.")
    assert "art_1__para_1__point_a" not in nodes


def test_a_sentence_starting_with_a_after_a_full_stop_is_not_a_point() -> None:
    nodes = fragment("Article 1\nObjet\n\n1. Le texte est clos.\n\na été adopté hier.\n")
    assert "art_1__para_1__point_a" not in nodes
    assert nodes["art_1__para_1__alinea_1"].text == "a été adopté hier."


def test_a_after_a_colon_opens_a_list() -> None:
    nodes = fragment("Article 1\nObjet\n\n1 Une Partie peut:\na soit exiger;\nb soit se réserver.\n")
    assert [n.eid for n in nodes["art_1__para_1"].children] == ["art_1__para_1__point_a", "art_1__para_1__point_b"]


def test_i_after_h_is_a_point_and_after_a_colon_a_subpoint() -> None:
    assert tree("un")["art_2__point_i"].kind == "point"
    assert tree("un")["art_2__point_e__subpoint_i"].kind == "subpoint"
    assert tree("un")["art_53__para_3__point_i"].kind == "point"
    assert tree("un")["art_54__para_3__point_i"].kind == "point"
    assert [eid for eid, _ in children("un", "art_2__point_f")] == [
        "art_2__point_f__subpoint_i",
        "art_2__point_f__subpoint_ii",
        "art_2__point_f__subpoint_iii",
    ]


def test_a_repeated_letter_is_kept_as_printed_and_flagged() -> None:
    # Decree line 525: "- a." where "- b." is due.
    second = tree("coe")["art_29__para_5__point_b"]
    assert (second.num, second.line) == ("a", 525)
    assert second.text.startswith("si la Partie requise estime")


# --- unnumbered text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "which, eid, starts",
    [
        ("un", "art_11__para_1__point_a__wrapup", "afin que ce dispositif"),  # closes sub-points; point b follows
        ("un", "art_13__wrapup", "dans l'intention frauduleuse"),  # points directly in the article
        ("un", "art_28__para_1__wrapup", "ou à y accéder de façon similaire"),
        ("un", "art_29__para_1__wrapup", "en temps réel, les données de trafic"),
        # The paragraph has no opening words: the main clause ends point b's "Lorsque …" sentence.
        ("un", "art_23__para_3__point_b__wrapup", "cet État partie peut se réserver"),  # printed "- cet État …"
        ("bill", "art_14__para_3__point_b__wrapup", "cette Partie peut réserver le droit"),
        ("coe", "art_14__para_3__point_b__wrapup", "cette Partie peut résERVER le droit"),
        (
            "un",
            "art_30__para_1__wrapup",
            "en temps réel, les données de contenu",
        ),  # completes the paragraph's "ce qui suit :"
        ("bill", "art_6__para_1__point_a__wrapup", "dans l'intention qu'ils soient utilisés"),
        ("bill", "art_19__para_1__wrapup", "sur son territoire."),  # at the margin after indented items
        ("bill", "art_20__para_1__wrapup", "en temps réel, les données relatives au trafic"),
        ("coe", "art_8__wrapup", "dans l'intention, frauduleuse ou délictueuse"),  # printed "- dans …"
        ("coe", "art_21__para_1__wrapup", "en temps réel, les données relatives au contenu"),  # no blank line before
    ],
)
def test_wrapups(which: str, eid: str, starts: str) -> None:
    node = tree(which)[eid]
    assert node.kind == "wrapup" and node.text.startswith(starts)


@pytest.mark.parametrize("which, article", [("un", 23), ("bill", 14), ("coe", 14)])
def test_the_main_clause_after_sub_points_ends_the_point_it_completes(which: str, article: int) -> None:
    # "3." has no words of its own; "b) Lorsque … qui : i) … ii) …" is only a
    # sentence with the words after ii): citing "al. b)" must include them.
    point = f"art_{article}__para_3__point_b"
    assert [eid for eid, _ in children(which, point)] == [
        f"{point}__subpoint_i",
        f"{point}__subpoint_ii",
        f"{point}__wrapup",
    ]
    assert tree(which)[point].text.startswith("Lorsqu")
    assert f"art_{article}__para_3__wrapup" not in tree(which)


@pytest.mark.parametrize(
    "which, article", [("un", 29), ("un", 30), ("bill", 20), ("bill", 21), ("coe", 20), ("coe", 21)]
)
def test_closing_words_that_complete_the_paragraph_stay_on_the_paragraph(which: str, article: int) -> None:
    # "1. … ce qui suit : a) … b) … : i) … ii) … en temps réel, …" governs a) and b).
    paragraph = f"art_{article}__para_1"
    assert tree(which)[paragraph].text.endswith(":")
    assert children(which, paragraph)[-1] == (f"{paragraph}__wrapup", "wrapup")


def test_closing_words_on_the_same_item_line_stay_in_the_item() -> None:
    # The decree prints art. 19 § 1 b) "… des données informatiques sur son territoire." on one line.
    assert tree("coe")["art_19__para_1__point_b"].text.endswith("des données informatiques sur son territoire.")
    assert "art_19__para_1__wrapup" not in tree("coe")


def test_a_lone_conjunction_between_points_joins_the_point_before() -> None:
    # UN art. 14 § 2: "c) … sexuelles ;" / "ou" / "- d) …"
    assert tree("un")["art_14__para_2__point_c"].text.endswith("à des fins principalement sexuelles ; ou")
    assert [eid for eid, _ in children("un", "art_14__para_2")][-1] == "art_14__para_2__point_d"


@pytest.mark.parametrize(
    "which, eid, text_start",
    [
        ("bill", "art_39__para_1__alinea_1", "de la Convention européenne d'extradition"),
        ("bill", "art_39__para_1__alinea_3", "du Protocole additionnel"),
        ("coe", "art_39__para_1__alinea_3", "du Protocole additionnel"),
        ("protocol", "art_2__para_1__alinea_1", "«matériel raciste et xénophobe»"),
        ("protocol", "art_3__para_1__alinea_1", "la diffusion ou les autres formes"),
        ("protocol", "art_4__alinea_1", "la menace, par le biais d'un système informatique"),
    ],
)
def test_alineas(which: str, eid: str, text_start: str) -> None:
    node = tree(which)[eid]
    assert node.kind == "alinea" and node.text.startswith(text_start)


def test_article_opening_words_are_the_article_text() -> None:
    assert tree("un")["art_1"].text == "La présente Convention a pour objet :"
    assert tree("protocol")["art_4"].text.endswith("le comportement suivant:")
    assert tree("un")["art_20"].children == [] and tree("un")["art_20"].text.startswith("Lorsqu'il y a lieu")


def test_synthetic_wrapups_and_alineas_get_numbered_eids() -> None:
    nodes = fragment(
        "Article 1\nObjet\n\nTexte :\n\na) un ;\n\nb) deux :\n\ni) trois ;\n\nii) quatre ;\n\n"
        "fin du point b ;\n\nc) cinq ;\n\nfin de l'article.\n\nEncore une phrase.\n"
    )
    assert [n.eid for n in nodes["art_1"].children] == [
        "art_1__point_a",
        "art_1__point_b",
        "art_1__point_c",
        "art_1__wrapup",
        "art_1__alinea_1",
    ]
    assert [n.eid for n in nodes["art_1__point_b"].children] == [
        "art_1__point_b__subpoint_i",
        "art_1__point_b__subpoint_ii",
        "art_1__point_b__wrapup",
    ]


def test_bill_layout_margin_line_after_an_item_is_closing_words() -> None:
    text = "Article 1\nObjet\n\n    1  Chaque Partie :\n    a  un ;\n    b  des données\nsur son territoire.\n"
    assert fragment(text, indented_items=True)["art_1__para_1__wrapup"].text == "sur son territoire."
    assert fragment(text)["art_1__para_1__point_b"].text == "des données sur son territoire."
