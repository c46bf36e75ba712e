"""The three real source documents: counts, sample texts, notes, commentary."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from concordance.lib.parsing import (
    Node,
    ParsedInstrument,
    ParsedSource,
    parse_benin_decree,
    parse_budapest_bill,
    parse_un_resolution,
)
from concordance.lib.parsing.commentary import mentioned_articles

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
UN = "un-resolution-79-243-fr.txt"
BILL = "budapest-bill-905-2003-fr.txt"
DECREE = "budapest-benin-decree-2024-773-fr.txt"
PARSERS = {UN: parse_un_resolution, BILL: parse_budapest_bill, DECREE: parse_benin_decree}


@cache
def parsed(filename: str) -> ParsedSource:
    return PARSERS[filename]((SOURCES / filename).read_text(encoding="utf-8"), filename)


def instrument(filename: str, slug: str) -> ParsedInstrument:
    return next(i for i in parsed(filename).instruments if i.slug == slug)


def node(filename: str, slug: str, eid: str) -> Node:
    for top in instrument(filename, slug).body:
        for found in top.walk():
            if found.eid == eid:
                return found
    raise AssertionError(f"{eid} not in {filename}/{slug}")


EDITIONS = [
    pytest.param(UN, "un", id="un"),
    pytest.param(BILL, "budapest", id="bill-budapest"),
    pytest.param(DECREE, "budapest", id="decree-budapest"),
    pytest.param(DECREE, "budapest-p1", id="decree-protocol"),
]


# --- counts and shape -------------------------------------------------------


def test_each_source_yields_its_instruments() -> None:
    assert [i.slug for i in parsed(UN).instruments] == ["un"]
    assert [i.slug for i in parsed(BILL).instruments] == ["budapest"]
    assert [i.slug for i in parsed(DECREE).instruments] == ["budapest", "budapest-p1"]


@pytest.mark.parametrize(
    "filename, slug, articles, chapters",
    [
        (UN, "un", 68, 9),
        (BILL, "budapest", 48, 4),
        (DECREE, "budapest", 48, 4),
        (DECREE, "budapest-p1", 16, 4),
    ],
)
def test_article_and_chapter_counts(filename: str, slug: str, articles: int, chapters: int) -> None:
    found = instrument(filename, slug)
    assert [node.eid for node in found.articles()] == [f"art_{n}" for n in range(1, articles + 1)]
    assert [node.eid for node in found.body] == [f"chp_{n}" for n in range(1, chapters + 1)]


@pytest.mark.parametrize("filename", [BILL, DECREE])
def test_budapest_divisions_are_the_same_in_both_editions(filename: str) -> None:
    divisions = [(node.eid, node.kind) for node in instrument(filename, "budapest").divisions()]
    assert len(divisions) == 4 + 5 + 17  # chapters; sections; titles (5 + 5 + 4 + 3)
    assert ("chp_2__sec_1__title_5", "title") in divisions
    assert ("chp_2__sec_3", "section") in divisions
    assert ("chp_3__sec_2__title_3", "title") in divisions
    titles = instrument(filename, "budapest").divisions()
    assert [n.eid for n in titles] == [n.eid for n in instrument(BILL, "budapest").divisions()]


@pytest.mark.parametrize("filename, slug", EDITIONS)
def test_eids_are_unique_and_lines_increase(filename: str, slug: str) -> None:
    nodes = [n for top in instrument(filename, slug).body for n in top.walk()]
    assert [eid for eid, count in Counter(n.eid for n in nodes).items() if count > 1] == []
    lines = [n.line for n in nodes]
    assert lines == sorted(lines) and lines[0] > 0


@pytest.mark.parametrize("filename, slug", EDITIONS)
def test_provision_kinds_nest_as_documented(filename: str, slug: str) -> None:
    allowed = {
        "chapter": {"section", "title", "article"},
        "section": {"title", "article"},
        "title": {"article"},
        "article": {"paragraph", "point", "alinea", "wrapup"},
        "paragraph": {"point", "alinea", "wrapup"},
        "point": {"subpoint", "alinea", "wrapup"},
        "subpoint": set(),
        "alinea": set(),
        "wrapup": set(),
    }
    for top in instrument(filename, slug).body:
        for parent in top.walk():
            for child in parent.children:
                assert child.kind in allowed[parent.kind], (parent.eid, child.eid)
                assert child.eid.startswith(parent.eid + "__") or parent.kind in ("chapter", "section", "title")


# --- headings ----------------------------------------------------------------


@pytest.mark.parametrize(
    "filename, slug, eid, num, heading",
    [
        (UN, "un", "chp_1", "premier", "Dispositions générales"),
        (UN, "un", "chp_3", "III", "Compétence"),
        (UN, "un", "chp_4", "IV", "Mesures procédurales et détection et répression"),
        (UN, "un", "art_1", "premier", "Objet"),
        (UN, "un", "art_20", "20", "Prescription"),
        (UN, "un", "art_22", "22", "Compétence"),
        (UN, "un", "art_58", "58", "Secrétariat"),
        (BILL, "budapest", "chp_1", "Ier", "Terminologie"),
        (BILL, "budapest", "art_1", "1er", "Définitions"),
        (
            BILL,
            "budapest",
            "chp_2__sec_1__title_1",
            "Ier",
            "INFRACTIONS CONTRE LA CONFIDENTIALITÉ, L'INTÉGRITÉ ET LA DISPONIBILITÉ DES DONNÉES ET SYSTÈMES "
            "INFORMATIQUES",
        ),
        (
            BILL,
            "budapest",
            "art_10",
            "10",
            "Infractions liées aux atteintes à la propriété intellectuelle et aux droits connexes",
        ),
        (BILL, "budapest", "art_16", "16", "Conservation rapide de données informatiques stockées"),
        (DECREE, "budapest", "chp_1", "I", "Terminologie"),
        (DECREE, "budapest", "art_1", "1", "Définitions"),
        (
            DECREE,
            "budapest",
            "chp_3__sec_1__title_4",
            "4",
            "Procédures relatives aux demandes d'entraide en l'absence d'accords internationaux applicables",
        ),
        (DECREE, "budapest", "chp_3__sec_2", "2", "Dispositions spécifiques"),
        (DECREE, "budapest-p1", "art_8", "8", "Relations entre la Convention et ce Protocole"),
        (DECREE, "budapest-p1", "chp_3", "III", "Relations entre la Convention et ce Protocole"),
    ],
)
def test_headings(filename: str, slug: str, eid: str, num: str, heading: str) -> None:
    found = node(filename, slug, eid)
    assert (found.num, found.heading) == (num, heading)


# --- sample texts, written out from the sources ------------------------------

UN_25_2 = (
    "Lorsqu'un État partie donne effet au paragraphe 1 du présent article au moyen d'une injonction "
    "ordonnant à une personne de préserver certaines données électroniques stockées qui se trouvent en "
    "sa possession ou sous son contrôle, il adopte les mesures législatives et autres nécessaires pour "
    "obliger cette personne à préserver lesdites données électroniques et à en protéger l'intégrité "
    "pendant une durée aussi longue que nécessaire, au maximum de 90 jours, afin de permettre aux "
    "autorités compétentes d'obtenir leur divulgation. Un État partie peut prévoir qu'une telle "
    "injonction pourra être renouvelée."
)
BILL_16_2 = (
    "Lorsqu'une Partie fait application du paragraphe 1 ci-dessus, au moyen d'une injonction ordonnant "
    "à une personne de conserver des données stockées spécifiées se trouvant en sa possession ou sous "
    "son contrôle, cette Partie adopte les mesures législatives et autres qui se révèlent nécessaires "
    "pour obliger cette personne à conserver et à protéger l'intégrité desdites données pendant une "
    "durée aussi longue que nécessaire, au maximum de quatre-vingt-dix jours, afin de permettre aux "
    "autorités compétentes d'obtenir leur divulgation. Une Partie peut prévoir qu'une telle injonction "
    "soit renouvelée par la suite."
)
DECREE_16_2 = (
    "Lorsqu'une Partie fait application du paragraphe 1 ci-dessus, au moyen d'une injonction ordonnant "
    "à une personne de conserver des données stockées spécifiées se trouvant en sa possession ou sous "
    "son contrôle, cette Partie adopte les mesures législatives et autres qui se révèlent nécessaires "
    "pour obliger cette personne à conserver et protéger l'intégrité desdites données pendant une "
    "durée aussi longue que nécessaire, jusqu'à maximum 90 jours, afin de permettre aux autorités "
    "compétentes d'obtenir leur divulgation. Une Partie peut prévoir qu'une telle injonction soit "
    "renouvelée par la suite."
)


@pytest.mark.parametrize(
    "filename, slug, eid, line, text",
    [
        (UN, "un", "art_25__para_2", 476, UN_25_2),
        (BILL, "budapest", "art_16__para_2", 286, BILL_16_2),
        (DECREE, "budapest", "art_16__para_2", 295, DECREE_16_2),
    ],
)
def test_sample_paragraph_text(filename: str, slug: str, eid: str, line: int, text: str) -> None:
    found = node(filename, slug, eid)
    assert (found.kind, found.num, found.line, found.text, found.children) == ("paragraph", "2", line, text, [])


def test_un_article_25_structure() -> None:
    article = node(UN, "un", "art_25")
    assert (article.heading, article.text, article.line) == (
        "Préservation accélérée de données électroniques stockées",
        "",
        470,
    )
    assert [child.eid for child in article.children] == ["art_25__para_1", "art_25__para_2", "art_25__para_3"]


# --- preamble, title, closing, context ---------------------------------------


def test_un_title_preamble_and_closing() -> None:
    un = instrument(UN, "un")
    assert un.title.split("\n") == [
        "Convention des Nations Unies contre la cybercriminalité ;",
        "Renforcement de la coopération internationale pour la lutte contre certaines infractions commises "
        "au moyen de systèmes d'information et de communication et pour la communication de preuves sous "
        "forme électronique d'infractions graves",
    ]
    assert un.preamble[0] == "Les États parties à la présente Convention,"
    assert un.preamble[-1] == "Sont convenus de ce qui suit :"
    assert len(un.preamble) == 17
    assert un.preamble[14] == (
        "Rappelant les résolutions 74/247, du 27 décembre 2019, et 75/282, du 26 mai 2021, de l'Assemblée générale,"
    )
    assert un.closing == [
        "EN FOI DE QUOI, les plénipotentiaires soussignés, à ce dûment autorisés par leurs gouvernements "
        "respectifs, ont signé la présente Convention."
    ]
    assert [(f.marker, f.line) for f in un.footnotes] == [("¹", 1329)]
    assert un.footnotes[0].text.startswith("Des notes interprétatives se rapportant aux articles 2, 17, 23 et 35")


def test_un_context_is_the_whole_resolution() -> None:
    resolution = parsed(UN).context
    texts = [note.text for note in resolution]
    parts = [note.heading for note in resolution]
    assert parts == ["En-tête"] * 5 + ["Adoption"] * 2 + ["Titre"] + ["Préambule"] * 6 + ["Dispositif"] * 12 + [
        "Séance"
    ]
    assert texts[1] == "Distr. générale 31 décembre 2024"  # the document's date, not the adoption's
    assert texts[5] == "Résolution adoptée par l'Assemblée générale le 24 décembre 2024"
    assert texts[6] == "[sur la base du rapport de la Troisième Commission (A/79/460, par. 15)]"
    assert texts[7].split("\n") == [
        "79/243. Convention des Nations Unies contre la cybercriminalité ;",
        "Renforcement de la coopération internationale pour la lutte contre certaines infractions commises "
        "au moyen de systèmes d'information et de communication et pour la communication de preuves sous "
        "forme électronique d'infractions graves",
    ]
    assert texts[8] == "L'Assemblée générale,"
    assert texts[9].startswith("Rappelant sa résolution 74/247 du 27 décembre 2019, dans laquelle")
    assert [p.split(".")[0] for p in texts[14:26]] == [str(n) for n in range(1, 13)]
    assert texts[14].startswith("1. Prend note du rapport du Comité spécial")
    # a page break in the middle of a sentence (lines 32 / 36)
    assert "compromettre" in texts[11] and "en raison de ses conséquences économiques" in texts[11]
    assert texts[18].endswith(
        "pour qu'elle les examine et y donne suite, conformément à l'alinéa g) du "
        "paragraphe 5 de l'article 57 et aux articles 61 et 62 de la Convention ;"
    )
    assert texts[-1] == "55e séance plénière (reprise)\n24 décembre 2024"
    # Each block where the document prints it, in document order.
    assert [note.line for note in resolution][:9] == [5, 7, 10, 12, 14, 18, 20, 22, 26]
    assert resolution[-1].line == 68
    assert [note.position for note in resolution] == list(range(len(resolution)))


def test_budapest_titles_preambles_and_closings() -> None:
    bill = instrument(BILL, "budapest")
    assert bill.title == "CONVENTION sur la cybercriminalité faite à Budapest le 23 novembre 2001"
    assert len(bill.preamble) == 18
    assert bill.preamble[0] == "Les Etats membres du Conseil de l'Europe et les autres Etats signataires,"
    # OCR-like debris kept as printed
    assert "lors de leur 2le Conférence" in bill.preamble[15]
    assert (
        bill.closing[0]
        == "En foi de quoi, les soussignés, dûment autorisés à cet effet, ont signé la présente Convention."
    )
    assert len(bill.closing) == 3 and "© Assemblée nationale" not in " ".join(bill.closing)

    coe = instrument(DECREE, "budapest")
    assert coe.title == "Convention sur la cybercriminalité\nBudapest, 23.XI.2001"
    assert len(coe.preamble) == 18
    assert (
        coe.preamble[7]
        == "Estimant qu'une lutte bien menée contre la cybercriminalité requiert une coopération internationale en "
        "matière pénale accrue, rapide et efficace;"
    )
    assert "21e Conférence" in coe.preamble[15] and "23e Conférence" in coe.preamble[15]
    assert [p[:20] for p in coe.closing] == ["En foi de quoi, les ", "Fait à Budapest, le "]

    protocol = instrument(DECREE, "budapest-p1")
    assert protocol.title.split("\n")[1].startswith("Protocole additionnel à la Convention sur la cybercriminalité")
    assert protocol.preamble[0].startswith("Les Etats membres du Conseil de l'Europe et les autres Etats parties")
    assert protocol.preamble[-1] == "Sont convenus de ce qui suit:"
    assert (
        protocol.closing[0]
        == "En foi de quoi, les soussignés, dûment autorisés à cet effet, ont signé le présent Protocole."
    )
    assert protocol.closing[1].startswith("Fait à Strasbourg, le 28 janvier 2003")
    assert len(protocol.closing) == 2


def test_the_decree_and_the_bill_own_articles_are_not_treaty_articles() -> None:
    # Decree "Article premier" (line 24) and bill "Article unique" (line 77).
    assert instrument(DECREE, "budapest").articles()[0].line == 131
    assert instrument(BILL, "budapest").articles()[0].line == 119
    assert all("adhère" not in n.text for n in instrument(DECREE, "budapest").articles()[0].walk())


def test_only_the_known_source_defect_is_reported() -> None:
    assert parsed(UN).warnings == []
    assert parsed(BILL).warnings == []
    assert parsed(DECREE).warnings == ["line 525: article 29: point printed 'a' where 'b' is due; eid uses 'b'"]


# --- interpretative notes ------------------------------------------------------


def test_un_interpretative_notes() -> None:
    notes = parsed(UN).notes
    assert [(n.kind, n.heading, n.articles, n.line, n.position) for n in notes] == [
        ("interpretative", "Article 2", [2], 1315, 0),
        ("interpretative", "Article 17", [17], 1321, 1),
        ("interpretative", "Articles 23 et 35, concernant le terme « enquête »", [23, 35], 1325, 2),
        ("interpretative", "Article 35", [35], 1333, 3),
    ]
    assert [p[:3] for p in notes[0].text.split("\n\n")] == ["1. ", "2. "]
    # Note 4 runs over a page whose foot carries the footnote of the Convention.
    assert notes[2].text == (
        "4. Le terme « enquêtes pénales » englobe les situations où il existe des motifs raisonnables de "
        "croire, sur la base de circonstances factuelles, qu'une infraction pénale (y compris une infraction "
        "visée à l'article 19 de la Convention) a été commise ou est en cours de commission, y compris "
        "lorsque l'enquête vise à stopper ou à empêcher la commission de l'infraction en question."
    )
    assert notes[3].text.startswith("5. En dehors de la Convention")


# --- explanatory statement of bill n° 905 --------------------------------------


def test_explanatory_statement_paragraphs() -> None:
    notes = parsed(BILL).notes
    assert all(n.kind == "commentary" for n in notes)
    assert [n.position for n in notes] == list(range(len(notes)))
    assert len(notes) == 30  # the salutation and 29 paragraphs; the "* * *" separators are not text
    assert (notes[0].text, notes[0].line) == ("Mesdames, Messieurs,", 30)
    assert notes[-1].text.startswith("Telles sont les principales observations")
    assert notes[-1].line == 67
    assert not any("*" in n.text for n in notes)


@pytest.mark.parametrize(
    "line, articles",
    [
        (31, []),
        (39, [1]),  # "l'article 1er"
        (41, [2, 3, 4, 5, 6]),  # "Les articles 2 à 6 …", then each named again
        (42, [7, 8]),
        (44, [10]),  # not "l'article 61 des accords sur les aspects … (ADPIC)"
        (45, [11, 12, 13]),
        (49, [16, 17, 18]),
        (57, [29, 30, 31, 32, 33, 34]),  # "(articles 31-32)", "(articles 33-34)"
        (60, [36, 37, 47, 38, 40, 42, 43, 44, 45]),  # order of first mention
        (67, []),  # "l'article 53 de la Constitution"
    ],
)
def test_commentary_paragraph_names_articles(line: int, articles: list[int]) -> None:
    note = next(n for n in parsed(BILL).notes if n.line == line)
    assert note.articles == articles


@pytest.mark.parametrize(
    "text, articles",
    [
        ("Les articles 2 à 6 répriment", [2, 3, 4, 5, 6]),
        ("C'est l'objet du chapitre Ier, dont l'article 1er définit", [1]),
        ("des saisies de données stockées (articles 31-32) ainsi que", [31, 32]),
        ("les déclarations ou les réserves (articles 40, 42, 43), les amendements (article 44)", [40, 42, 43, 44]),
        ("doivent être soumis aux articles 14 et 1 5.", [14, 15]),
        ("Il est instauré, aux articles 45 et 46, un mécanisme", [45, 46]),
        ("une retranscription de l'article 61 des accords sur les aspects", []),
        ("en vertu de l'article 53 de la Constitution.", []),
        ("la section 3 du chapitre II est consacrée à la compétence", []),
        ("l'article 22 fixe les principes ; l'Article 22 encore", [22]),
    ],
)
def test_mentioned_articles(text: str, articles: list[int]) -> None:
    assert mentioned_articles(text, 48) == articles
