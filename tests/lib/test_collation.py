"""The collation classifier, on variants printed in the two French editions of the Budapest Convention."""

from pathlib import Path

import pytest

from concordance.lib.collation import (
    CLASSES,
    EditionUnit,
    align_units,
    classify,
    collate,
    collate_units,
    edit_distance,
    lexicon_of,
)

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
BILL = (SOURCES / "budapest-bill-905-2003-fr.txt").read_text(encoding="utf-8")
BENIN = (SOURCES / "budapest-benin-decree-2024-773-fr.txt").read_text(encoding="utf-8")
UN = (SOURCES / "un-resolution-79-243-fr.txt").read_text(encoding="utf-8")
LEXICON = lexicon_of([BILL, BENIN, UN])

# (bill n° 905, 2003 | Benin decree 2024-773, class): each pair is copied from the two sources.
REAL_VARIANTS = [
    ("Une Partie peut se réserver le droit", "Une Partie peut se résERVER le droit", "typo"),
    (
        "Chaque Partie peut se réserver le droit de ne pas appliquer",
        "Chaque Partie peut se réservé le droit de ne pas appliquer",
        "typo",
    ),
    (
        "Chaque Partie peut se réserver le droit de ne pas appliquer",
        "Chaque Partie peut se réservier le droit de ne pas appliquer",
        "typo",
    ),
    ("ne saurait être interprété comme imposant", "ne saurait être interpréter comme imposant", "typo"),
    ("doivent être soumis aux articles 14 et 1 5.", "doivent être soumis aux articles 14 et 15.", "typo"),
    ("quatre-vingt-dix jours, afin de permettre aux autorités", "90 jours, afin de permettre aux autorités", "number"),
    ("pour une période d'au moins soixante jours", "pour une période d'au moins 60 jours", "number"),
    ("joignable vingt-quatre heures sur vingt-quatre", "joignable 24 heures sur 24", "number"),
    ("la mise en œuvre des mesures", "la mise en oeuvre des mesures", "spelling"),
    ("aux Etats membres du Conseil de l'Europe", "aux États membres du Conseil de l'Europe", "spelling"),
    ("(STE no 24)", "[STE n°24]", "punctuation"),
    (
        "sauvegarde des Droits de l'Homme et des Libertés fondamentales",
        "sauvegarde des droits de l'homme et des libertés fondamentales",
        "punctuation",
    ),
    (
        "établies en application des articles 2 à 11 soient",
        "établies en application des articles 2 - 11 soient",
        "punctuation",
    ),
    # "ou" (or) / "où" (where): the accent makes another word, a slip, not a spelling.
    ("possession ou sous", "possession où sous", "typo"),
    # A word typed twice: "un d'un accès".
    ("la perquisition ou l'accès d'une façon", "la perquisition ou un d'un accès d'une façon", "typo"),
    ("à l'occasion de leur 2e Sommet", "à l'occasion de leur Deuxième Sommet", "number"),
    # Only a space differs: invisible to the word diff, a typographic variant all the same.
    ("comportement sexuellement explicite ;", "comportement sexuellement explicite;", "punctuation"),
    ("le terme « mineur » désigne", "le terme «mineur» désigne", "punctuation"),
    # The same meaning in other words (art. 31 §3 b).
    (
        "arrangements et législations visés au paragraphe 2",
        "arrangements et législations évoqués au paragraphe 2",
        "wording",
    ),
    # Two real words, one a copying slip: "possibles de sanctions" is not French.
    ("soient passibles de sanctions effectives", "soient possibles de sanctions effectives", "typo"),
    # The heading of art. 17 says the disclosure is partial in one edition only.
    (
        "Conservation et divulgation partielle rapides de données",
        "Conservation et divulgation rapides de données",
        "substantive",
    ),
]


@pytest.mark.parametrize(("bill", "benin", "expected"), REAL_VARIANTS)
def test_real_variants_are_classified(bill, benin, expected):
    collated = collate(bill, benin, LEXICON)
    assert collated.variants
    assert {v.cls for v in collated.variants} == {expected}


def test_every_example_is_printed_in_its_source():
    flat_bill, flat_benin = " ".join(BILL.split()), " ".join(BENIN.split())
    missing = [(bill, benin) for bill, benin, _ in REAL_VARIANTS if bill not in flat_bill or benin not in flat_benin]
    assert missing == []


def test_every_class_has_a_real_example():
    assert {cls for *_, cls in REAL_VARIANTS} == set(CLASSES)


def test_the_examples_are_printed_in_the_sources():
    flat_bill, flat_benin = " ".join(BILL.split()), " ".join(BENIN.split())
    for phrase in (
        "se résERVER le droit",
        "se réservé le droit",
        "se réservier le droit",
        "être interpréter comme",
        "jusqu'à maximum 90 jours",
        "d'au moins 60 jours",
        "joignable 24 heures sur 24",
        "mise en oeuvre des mesures",
        "(CDPC) procèdera",
        "[STE n°24]",
        "possibles de sanctions",
        "divulgation rapides de données",
    ):
        assert phrase in flat_benin, phrase
    for phrase in (
        "se réserver le droit",
        "être interprété comme",
        "articles 14 et 1 5.",
        "au maximum de quatre-vingt-dix jours",
        "d'au moins soixante jours",
        "vingt-quatre heures sur vingt-quatre",
        "mise en œuvre",
        "(STE no 24)",
        "Droits de l'Homme et des Libertés",
        "articles 2 à 11 soient passibles",
        "divulgation partielle rapides de données",
    ):
        assert phrase in flat_bill, phrase


def test_a_number_inside_a_rewrite_stands_apart():
    # Article 16.2 as printed: the bound is reworded, the period only changes script.
    collated = collate(
        "aussi longue que nécessaire, au maximum de quatre-vingt-dix jours, afin",
        "aussi longue que nécessaire, jusqu'à maximum 90 jours, afin",
        LEXICON,
    )
    by_class = {v.cls: (v.left.strip(), v.right.strip()) for v in collated.variants}
    assert by_class["number"] == ("quatre-vingt-dix", "90")
    assert "wording" in by_class


def test_a_rewrite_with_only_commas_in_common_stays_one_variant():
    collated = collate(
        "de l'article 9, paragraphe 1, alinéas d et e, et 2, alinéas b et c",
        "de l'article 9, paragraphe 1(d) et 1 (e) et 2 (b) et 2 (c)",
        LEXICON,
    )
    assert [v.cls for v in collated.variants] == ["wording"]


def test_the_collated_pieces_rebuild_both_texts():
    left = "Chaque Partie peut se réserver le droit, au maximum de quatre-vingt-dix jours, de ne pas appliquer"
    right = "Chaque Partie peut se résERVER le droit jusqu'à maximum 90 jours de ne pas  appliquer"
    collated = collate(left, right, LEXICON)
    assert "".join(p.text for p in collated.pieces if p.kind != "inserted") == left
    assert collated.left_text == left
    assert collated.right_text == right


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("cyber-espace", "cyberespace", "spelling"),
        ("l'expression", "l’expression", None),  # the apostrophe alone is no variant at all
        ("Partie :", "Partie:", "punctuation"),
        ("Partie  :", "Partie\n:", None),  # how much space is layout, not a variant
        ("dans le cyberespace", "dans le cyber espace", "typo"),
        ("se réserver", "se reserver", "spelling"),
    ],
)
def test_textbook_cases(left, right, expected):
    collated = collate(left, right, LEXICON | {"cyberespace"})
    assert [v.cls for v in collated.variants] == ([expected] if expected else [])


def test_typographic_changes_the_diff_sees():
    assert classify("« données »", '"données"').cls == "punctuation"
    assert classify("Article", "article").cls == "punctuation"
    assert classify("CDPC", "cdpc").cls == "punctuation"


def test_two_real_words_one_letter_apart_are_wording_not_typo():
    assert classify("services", "service", lexicon=LEXICON).cls == "wording"
    # Two real words one letter apart are never a typing error; these two differ in meaning.
    assert classify("amendements", "aménagements", lexicon=LEXICON).cls == "substantive"


def test_without_a_lexicon_an_unknown_word_is_wording():
    assert classify("réserver", "réservier").cls == "wording"
    assert classify("réserver", "réservier", lexicon=LEXICON).cls == "typo"


def test_split_into_two_known_words_is_spelling():
    assert classify("portemonnaie", "porte monnaie", lexicon={"porte", "monnaie", "portemonnaie"}).cls == "spelling"
    # Two words run together into a non-word: a slip.
    assert classify("de la Partie", "dela Partie", lexicon={"de", "la", "partie"}).cls == "typo"


def test_edit_distance():
    assert edit_distance("reserver", "reservier") == 1
    assert edit_distance("ab", "ba") == 1  # a transposition
    assert edit_distance("doublé", "doubblé") == 1
    assert edit_distance("abc", "xyzuvw", limit=3) == 3


def test_lexicon_keeps_words_of_two_sources_only():
    lexicon = lexicon_of(["se réserver le droit", "se réservier le droit à l'article", "réserver l'article"])
    assert "réserver" in lexicon and "article" in lexicon
    assert "réservier" not in lexicon


def test_units_align_by_eid_then_by_similarity():
    left = [
        EditionUnit("a__1", "1", "Un premier paragraphe."),
        EditionUnit("a__w", "fin", "dans l'intention de commettre une infraction"),
        EditionUnit("a__2", "2", "Un second paragraphe."),
    ]
    right = [
        EditionUnit("a__1", "1", "Un premier paragraphe."),
        EditionUnit("a__x", "x", "dans l'intention de commettre une infraction ;"),
        EditionUnit("a__2", "2", "Un second paragraphe modifié."),
    ]
    assert align_units(left, right) == [(0, 0), (1, 1), (2, 2)]
    rows = collate_units(left, right)
    assert [row.by_eid for row in rows] == [True, False, True]
    assert [len(row.variants) for row in rows] == [0, 1, 1]


def test_a_unit_in_one_edition_only_is_one_variant():
    rows = collate_units(
        [EditionUnit("a", "1", "Texte.")],
        [EditionUnit("a", "1", "Texte."), EditionUnit("b", "2", "Tout autre chose.")],
    )
    assert rows[1].left is None and [v.cls for v in rows[1].variants] == ["substantive"]


def test_look_alike_characters_are_a_typing_error():
    # Bill n° 905, preamble: "lors de leur 2le Conférence" for the 21st.
    collated = collate("les ministres lors de leur 2le Conférence", "les ministres à leur 21e Conférence", LEXICON)
    assert [(v.cls, v.left, v.right) for v in collated.variants] == [
        ("wording", "lors de ", "à "),
        ("typo", "2le ", "21e "),
    ]


def test_a_spacing_variant_rebuilds_both_texts_and_says_where():
    left, right = "le terme « mineur » désigne", "le terme «mineur» désigne"
    collated = collate(left, right)
    assert collated.left_text == left and collated.right_text == right
    assert len(collated.variants) == 2
    assert "édition de référence" in collated.variants[0].reason


def test_printed_numbers():
    from concordance.lib.collation import collate_marker, marker_of

    assert marker_of("art_29__para_5__point_b#num") == "b"
    # Benin decree, art. 29 par. 5: the second point is printed "a".
    misprint = collate_marker("b", "b", "a")
    assert [v.cls for v in misprint.variants] == ["typo"]
    assert "« a »" in misprint.variants[0].reason
    # "Article 1er" / "Article 1": the French ordinal abbreviation.
    assert [v.cls for v in collate_marker("1", "1er", "1").variants] == ["punctuation"]
    assert [v.cls for v in collate_marker("c", "d", "e").variants] == ["wording"]
    # "TITRE Ier" / "Titre 1", "Chapitre Ier" / "Chapitre I": one number, printed differently.
    assert [v.cls for v in collate_marker("1", "Ier", "1").variants] == ["punctuation"]
    assert [v.cls for v in collate_marker("1", "Ier", "I").variants] == ["punctuation"]
    assert [v.cls for v in collate_marker("2", "II", "3").variants] == ["wording"]
    assert collate_marker("a", "a", "a").variants == ()


# --------------------------------------------------------------------------
# Substantive, wording or copying slip (lib.collation.meaning)
# --------------------------------------------------------------------------

MEANING_CASES = [
    # Art. 10 §1: each edition names a different treaty.
    (
        "en application de l'Acte de Paris du 24 juillet 1971 portant révision de la Convention de Berne",
        "en application de la Convention universelle sur le droit d'auteur révisée à Paris le 24 juillet 1971, "
        "de la Convention de Berne",
        {"substantive"},
    ),
    # Art. 46 §3.
    (
        "proposera, le cas échéant, les amendements appropriés",
        "proposera, le cas échéant, les aménagements appropriés",
        {"substantive"},
    ),
    # Art. 21 §1 b): the capacities "existing" in one edition only.
    (
        "dans le cadre de ses capacités techniques :",
        "dans le cadre de ses capacités techniques existantes, à :",
        {"substantive"},
    ),
    # Art. 48 d): one more article referred to.
    ("en vertu de l'article 40 ou", "en vertu des Articles 40 et 41 ou", {"substantive"}),
    # Grammatical words only, or the same references noted otherwise: wording.
    ("l'altération ou la suppression de données", "l'altération et la suppression de données", {"wording"}),
    ("visés au paragraphe 1. a. ii du présent article", "visés au paragraphe 1(a)(2)", {"wording"}),
    (
        "soumission du différend au CDPC, à un tribunal",
        "soumission du différend au Comité européen pour les problèmes criminels, à un tribunal",
        {"wording"},
    ),
    ("afin de trouver des solutions", "afin de chercher des solutions", {"wording"}),
    # Copying slips.
    ("conformément à l'article 9 ;", "conformément aux Article 9 ;", {"typo"}),
    # The mirror slip (art. 6 §2, Benin edition): a singular "l'Article" before several articles.
    (
        "une infraction établie conformément aux articles 2 à 5 de la présente Convention",
        "une infraction établie conformément à l'Article 2 à 5 de la présente Convention",
        {"typo"},
    ),
]


@pytest.mark.parametrize(("bill", "benin", "expected"), MEANING_CASES)
def test_wording_variants_are_told_substantive_wording_or_slip(bill, benin, expected):
    collated = collate(bill, benin, LEXICON)
    classes = {v.cls for v in collated.variants} - {"punctuation", "spelling", "number"}
    assert classes == expected


def test_a_clause_moved_from_one_point_to_another_is_wording():
    # Art. 6 §1 a): the intent clause closes the list in one edition, ends point ii) in the other.
    intent = "dans l'intention qu'ils soient utilisés afin de commettre l'une des infractions ;"
    rows = collate_units(
        [EditionUnit("p__ii", "ii)", "un mot de passe,"), EditionUnit("p__wrapup", "fin", intent)],
        [EditionUnit("p__ii", "ii)", "un mot de passe, " + intent)],
    )
    assert {v.cls for row in rows for v in row.variants} <= {"wording", "punctuation"}
