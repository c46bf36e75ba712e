"""Each layout hazard of the sources, on the real text and on small inputs."""

from __future__ import annotations

import pytest

from concordance.lib.parsing import Node, parse_un_resolution
from concordance.lib.parsing.cleaning import split_lines, strip_markup
from concordance.lib.parsing.markers import scan
from tests.lib.parsed_trees import FILES, SOURCES, fragment, tree

# --- page breaks ------------------------------------------------------------------


def test_page_break_inside_a_point_is_rejoined() -> None:
    # UN art. 2 c): "… d'un système d'information et" / blank / "de communication, qui sont …"
    point = tree("un")["art_2__point_c"]
    assert "effectuée au moyen d'un système d'information et de communication, qui sont générées" in point.text
    assert point.text.endswith("ou le type de service sous-jacent ;")
    assert tree("un")["art_2__point_d"].line == 143


@pytest.mark.parametrize(
    "which, eid, joined",
    [
        ("un", "art_16__para_2", "réalisé par quelque moyen que ce soit, y compris"),
        ("un", "art_17__para_2__point_b", "un éventail complet d'infractions"),
        ("un", "art_53__para_3__point_h", "qui est exercée par l'utilisation de systèmes"),
        ("un", "art_42__para_5", "à la présente Convention, se réserver le droit"),  # next page starts upper-case
        ("un", "art_19__para_3", "conformément à son droit interne, lorsque l'acte"),  # cut after a comma
        ("coe", "art_9__para_1__point_b", "par le biais d'un système informatique;"),
        ("coe", "art_27__para_9__point_e", "d'approbation ou d'adhésion, que, pour des raisons"),
    ],
)
def test_page_breaks_in_the_sources_are_rejoined(which: str, eid: str, joined: str) -> None:
    assert joined in tree(which)[eid].text
    assert [c for c in tree(which)[eid].children if c.kind == "alinea"] == []


def test_page_break_in_a_synthetic_paragraph() -> None:
    nodes = fragment("Article 1\nObjet\n\n1. Chaque Partie adopte les\n\n\n\nmesures nécessaires.\n2. Fin.\n")
    assert nodes["art_1__para_1"].text == "Chaque Partie adopte les mesures nécessaires."
    assert [n.eid for n in nodes["art_1"].children] == ["art_1__para_1", "art_1__para_2"]


# --- running heads, page numbers, footnotes ----------------------------------------


def test_running_heads_and_page_numbers_are_dropped() -> None:
    text = "Article 1\nObjet\n\n1. Chaque Partie adopte\n\n12\n\nles mesures.\n\n- 13 -\n\n2. Fin.\n"
    assert fragment(text)["art_1__para_1"].text == "Chaque Partie adopte les mesures."
    bill = tree("bill")["art_48"]
    assert "N° 905" not in " ".join(node.text for node in bill.walk())


def _parse_real(which: str, old: str, new: str) -> dict[str, Node]:
    filename, parse, index = FILES[which]
    text = (SOURCES / filename).read_text(encoding="utf-8")
    assert text.count(old) == 1
    instrument = parse(text.replace(old, new), filename).instruments[index]
    return {node.eid: node for top in instrument.body for node in top.walk()}


@pytest.mark.parametrize(
    "which, eid, old, page_break",
    [
        # The UN printed document's running head and job number, between two
        # halves of a sentence of art. 25 § 2.
        (
            "un",
            "art_25__para_2",
            "au maximum de 90 jours",
            "au maximum\n\n24-23456\n\nA/RES/79/243\n\n\n12\n\nde 90 jours",
        ),
        # The bill's running title and copyright line inside art. 17 § 1 b).
        (
            "bill",
            "art_17__para_1__point_b",
            "désignée par cette autorité, d'une quantité",
            "désignée par cette\n\n© Assemblée nationale\n\nN° 905 - Projet de loi autorisant "
            "l'approbation de la convention sur la cybercriminalité\n\n    autorité, d'une quantité",
        ),
    ],
)
def test_a_running_head_in_mid_sentence_is_removed_and_the_sentence_rejoined(
    which: str, eid: str, old: str, page_break: str
) -> None:
    before = tree(which)
    after = _parse_real(which, old, page_break)
    assert after[eid].text == before[eid].text
    assert old in after[eid].text
    assert list(after) == list(before)


def test_a_label_alone_on_its_line_is_not_a_page_number() -> None:
    nodes = fragment("Article 1\nObjet\n\n1\nChaque Partie.\n\n2.\n\nFin.\n")
    assert (nodes["art_1__para_1"].text, nodes["art_1__para_2"].text) == ("Chaque Partie.", "Fin.")


def test_footnote_is_kept_apart_and_attached_to_the_node_that_calls_it() -> None:
    text = (
        "Article 1\nObjet\n\n1. Chaque Partie adopte les mesures²\n\n"
        "² Une note de bas de page.\n\nnécessaires.\n2. Fin.\n"
    )
    para = fragment(text)["art_1__para_1"]
    assert para.text == "Chaque Partie adopte les mesures nécessaires."
    assert [(f.marker, f.text, f.line) for f in para.footnotes] == [("²", "Une note de bas de page.", 6)]
    # The mark is layout, out of the text; where it sat is kept for the page.
    assert para.text[: para.footnotes[0].offset] == "Chaque Partie adopte les mesures"


def test_the_un_footnote_call_keeps_its_place_in_the_closing_clause() -> None:
    un = parse_un_resolution((SOURCES / FILES["un"][0]).read_text(encoding="utf-8"), FILES["un"][0]).instruments[0]
    [note] = un.footnotes
    assert (note.part, note.paragraph) == ("closing", 0)
    # Printed "la présente Convention¹." (line 1309).
    assert un.closing[0][: note.offset].endswith("ont signé la présente Convention")
    assert un.closing[0][note.offset :] == "."


def test_split_lines_blanks_footnote_lines_and_removes_calls() -> None:
    lines, footnotes = split_lines("ont signé la présente Convention¹.\n\n¹ Des notes interprétatives.")
    assert [(line.text, line.calls) for line in lines] == [
        ("ont signé la présente Convention.", ["¹"]),
        ("", []),
        ("", []),
    ]
    assert lines[0].call_offsets == [len("ont signé la présente Convention")]
    assert [(f.marker, f.text, f.line) for f in footnotes] == [("¹", "Des notes interprétatives.", 3)]


# --- markup debris -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, clean",
    [
        (
            "Rappelant sa résolution [74/247](#) du 27 décembre 2019",
            "Rappelant sa résolution 74/247 du 27 décembre 2019",
        ),
        ("1. *Prend note* du rapport", "1. Prend note du rapport"),
        ("Chapitre III **Compétence**", "Chapitre III Compétence"),
        ("***Titre 4 – Procédures", "Titre 4 – Procédures"),
        ("DÉCRET N° 2024 – 773 DU 1^{ER} FEVRIER 2024", "DÉCRET N° 2024 – 773 DU 1ER FEVRIER 2024"),
        ("la loi n° 2024-06 du 1^{er} février 2024", "la loi n° 2024-06 du 1er février 2024"),
        ("55^e séance plénière", "55e séance plénière"),
        ("«*matériel raciste et xénophobe*» désigne", "«matériel raciste et xénophobe» désigne"),
    ],
)
def test_markup_is_removed_and_words_kept(raw: str, clean: str) -> None:
    assert strip_markup(raw) == clean


def test_markup_debris_in_the_real_trees() -> None:
    assert tree("un")["art_50__para_3"].text.startswith(
        "Les dispositions de l'article 40 de la présente Convention s'appliquent mutatis mutandis au présent article."
    )
    assert tree("protocol")["art_2__para_1__alinea_1"].text.startswith("«matériel raciste et xénophobe» désigne")
    assert tree("protocol")["art_8__para_1"].text == (
        "Les articles 1, 12, 13, 22, 41, 44, 45 et 46 de la Convention s'appliquent, mutatis mutandis, à ce Protocole."
    )


# --- headings glued to their titles ------------------------------------------------------


@pytest.mark.parametrize(
    "source, kind, num, heading",
    [
        ("Article 22 *Compétence*\n\n1. Texte.\n", "article", "22", "Compétence"),
        ("*Article 20\nPrescription*\n\nTexte.\n", "article", "20", "Prescription"),
        (
            "Article 8 – Relations entre la Convention et ce Protocole\n\nTexte.\n",
            "article",
            "8",
            "Relations entre la Convention et ce Protocole",
        ),
        ("Article premier\n\nObjet\n\nTexte.\n", "article", "premier", "Objet"),
        ("Article 1er\nDéfinitions\n\nTexte.\n", "article", "1er", "Définitions"),
        ("Article 1^{er}\nDéfinitions\n\nTexte.\n", "article", "1er", "Définitions"),
        ("Chapitre III **Compétence**\n\nArticle 1\nObjet\n", "chapter", "III", "Compétence"),
        ("Chapitre I - Terminologie\n\nArticle 1\nObjet\n", "chapter", "I", "Terminologie"),
        (
            "Chapitre premier\n\nDispositions générales\n\nArticle 1\nObjet\n",
            "chapter",
            "premier",
            "Dispositions générales",
        ),
        ("Chapitre  Ier\nTerminologie\n\nArticle 1\nObjet\n", "chapter", "Ier", "Terminologie"),
    ],
)
def test_heading_forms(source: str, kind: str, num: str, heading: str) -> None:
    first = next(iter(fragment(source).values()))
    assert (first.kind, first.num, first.heading) == (kind, num, heading)


@pytest.mark.parametrize(
    "source, eid, heading",
    [
        (
            "TITRE  Ier\nINFRACTIONS CONTRE LA CONFIDENTIALITÉ\nET LA DISPONIBILITÉ\n\nArticle 1\nObjet\n",
            "chp_1__sec_1__title_1",
            "INFRACTIONS CONTRE LA CONFIDENTIALITÉ ET LA DISPONIBILITÉ",
        ),
        ("Titre 4 – Procédures\n\nArticle 1\nObjet\n", "chp_1__sec_1__title_4", "Procédures"),
        (
            "***Titre 4 – Procédures relatives\nen l'absence d'accords***\n\nArticle 1\nObjet\n",
            "chp_1__sec_1__title_4",
            "Procédures relatives en l'absence d'accords",
        ),
    ],
)
def test_title_headings(source: str, eid: str, heading: str) -> None:
    nodes = fragment("Chapitre I - A\n\nSection 1 - B\n\n" + source)
    assert (nodes[eid].kind, nodes[eid].heading) == ("title", heading)


def test_divisions_in_the_bill_and_the_decree() -> None:
    assert (tree("bill")["chp_2__sec_1__title_1"].num, tree("coe")["chp_2__sec_1__title_1"].num) == ("Ier", "1")
    assert tree("coe")["chp_3__sec_1__title_4"].heading.endswith("en l'absence d'accords internationaux applicables")
    assert [eid for eid in tree("bill") if eid.startswith("chp_2__sec_3")] == ["chp_2__sec_3"]
    assert tree("bill")["art_22"].line == 367


def test_no_break_space_indentation_of_the_bill() -> None:
    lines, _ = split_lines("\u00a0\u00a0\u00a0\u00a01\u00a0\u00a0Chaque Partie")
    assert (lines[0].indent, lines[0].text) == (4, "1 Chaque Partie")
    assert [m.label for m in scan(lines[0].spaced).markers] == ["1"]


def test_letter_spaced_title_is_closed_up() -> None:
    assert tree("bill")["art_1"].heading == "Définitions"
    filename, parse, _ = FILES["bill"]
    title = parse((SOURCES / filename).read_text(encoding="utf-8"), filename).instruments[0].title
    assert title.startswith("CONVENTION sur la cybercriminalité")
