"""Internal cross-references are found in the treaty texts and resolved to eids."""

from __future__ import annotations

import ast
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from concordance.lib import references
from concordance.lib.references import Context, Target, find_references
from tests.lib.reference_cases import BENIN, BILL, P1, UN, arts, at, found, quoted, resolved

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
    assert all(a.end <= b.start for a, b in pairwise(refs))
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
