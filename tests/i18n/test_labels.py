"""Each family of labels written in Python reads English on English pages and unchanged French on French ones.

The language is set with ``translation.override``, as the middleware does for
a request: nothing here depends on the ``/en/`` prefix.
"""

from __future__ import annotations

import pytest
from django.utils import translation

from concordance.analysis.forms import GlossaryFilterForm, QuantityFilterForm
from concordance.analysis.terms import CLASS_LABELS as GLOSSARY_CLASSES
from concordance.editions.forms import CollationFilterForm
from concordance.languages import translate
from concordance.lib.collation import CLASS_LABELS as VARIANT_CLASSES
from concordance.lib.quantities import SUBJECT_LABELS, extract_quantities, pair
from concordance.mapping.forms import ConcordanceFilterForm
from concordance.mapping.models import Relation
from concordance.mapping.relations import DEFINITION_OF
from concordance.search.forms import SearchFilterForm

RELATIONS = {
    "equivalent": ("équivalent", "equivalent"),
    "partial": ("partiel", "partial"),
    "broader": ("plus large", "broader"),
    "narrower": ("plus étroit", "narrower"),
    "related": ("connexe", "related"),
}


def in_language(language: str, read):
    with translation.override(language):
        return read()


@pytest.mark.parametrize(("code", "names"), RELATIONS.items())
def test_relation_labels(code: str, names: tuple[str, str]) -> None:
    french, english = names
    assert in_language("fr", lambda: str(Relation(code).label)) == french
    assert in_language("en", lambda: str(Relation(code).label)) == english


def test_relations_read_from_the_other_provision() -> None:
    converse = {code: DEFINITION_OF[code].converse.label for code in RELATIONS}
    assert in_language("en", lambda: {code: str(label) for code, label in converse.items()}) == {
        "equivalent": "equivalent",
        "partial": "partial",
        "broader": "narrower",
        "narrower": "broader",
        "related": "related",
    }
    assert in_language("fr", lambda: str(converse["broader"])) == "plus étroit"


def test_relation_definitions() -> None:
    definition = DEFINITION_OF["broader"]
    assert in_language("en", lambda: str(definition.definition)).startswith("The provision read from goes further")
    assert in_language("fr", lambda: str(definition.definition)).startswith("La disposition d'où on lit va plus loin")
    # Quoted treaty words stay French in the English explanation.
    assert "« s'efforcent »" in in_language("en", lambda: str(DEFINITION_OF["narrower"].example))


def test_quantity_subjects() -> None:
    assert in_language("en", lambda: translate(SUBJECT_LABELS["preservation"])) == "expedited preservation of data"
    assert in_language("en", lambda: translate(SUBJECT_LABELS["entry-into-force"])) == "entry into force"
    assert in_language("fr", lambda: translate(SUBJECT_LABELS["preservation"])) == "conservation rapide des données"
    choices = in_language(
        "en", lambda: dict((k, str(v)) for k, v in QuantityFilterForm({}, instruments=[]).fields["subject"].choices)
    )
    assert choices["conference"] == "convening the Conference of the States Parties"
    assert choices[""] == "all"


@pytest.mark.parametrize(
    ("text", "french", "english"),
    [
        ("pour une durée maximale de quatre-vingt-dix jours", "au plus 90 jours", "at most 90 days"),
        ("au moins 18 ans", "au moins 18 ans", "at least 18 years"),
        ("le trentième jour suivant", "30e jour", "day 30"),
        ("le premier jour du mois", "1er jour", "day 1"),
        ("jusqu'au 31 décembre 2026", "jusqu'au 31 décembre 2026", "until 31 December 2026"),
        ("à l'unanimité", "unanimité", "unanimity"),
        ("24 heures sur 24, 7 jours sur 7", "24 h/24, 7 j/7", "24 h/24, 7 days/7"),
    ],
)
def test_quantity_units_and_bounds(text: str, french: str, english: str) -> None:
    (quantity,) = extract_quantities(text)
    assert in_language("fr", lambda: quantity.bounded_label_in(translate)) == french
    assert quantity.bounded_label == french  # the library alone writes French
    assert in_language("en", lambda: quantity.bounded_label_in(translate)) == english


def test_a_divergent_pair_badge() -> None:
    (left,) = extract_quantities("pour une durée maximale de quatre-vingt-dix jours")
    (right,) = extract_quantities("pendant au moins 60 jours")
    divergent = pair(left, right)
    assert in_language("en", lambda: divergent.badge_in(translate)) == "at most 90 days ≠ at least 60 days"
    assert divergent.badge == "au plus 90 jours ≠ au moins 60 jours"


def test_glossary_classes() -> None:
    assert in_language("en", lambda: {k: str(v) for k, v in GLOSSARY_CLASSES.items()}) == {
        "equivalent": "equivalent term",
        "near": "near-equivalent",
        "distinct": "distinct terms",
    }
    assert in_language("fr", lambda: str(GLOSSARY_CLASSES["near"])) == "quasi-équivalent"
    form_classes = in_language(
        "en", lambda: {k: str(v) for k, v in GlossaryFilterForm({}, instruments=[]).fields["class"].choices}
    )
    assert form_classes["distinct"] == "distinct terms"


def test_variant_classes() -> None:
    assert in_language("en", lambda: translate(VARIANT_CLASSES["substantive"])) == "change of meaning"
    assert in_language("en", lambda: translate(VARIANT_CLASSES["wording"])) == "wording, same meaning"
    assert in_language("fr", lambda: translate(VARIANT_CLASSES["wording"])) == "rédaction, même sens"


def test_the_variant_class_error_lists_the_classes_in_the_page_language() -> None:
    def error() -> str:
        return " ".join(CollationFilterForm({"class": "bogus"}).errors["class"])

    assert in_language("en", error) == (
        "Unknown variant class: “bogus”. Possible classes: substantive (change of meaning), punctuation "
        "(punctuation or typography), spelling (spelling or word break), number (number in words or in figures), "
        "typo (apparent typing or copying error), wording (wording, same meaning)."
    )
    assert in_language("fr", error).startswith(
        "Classe de variante inconnue : « bogus ». Classes possibles : substantive (changement de sens)"
    )


def test_concordance_filter_form() -> None:
    def read():
        form = ConcordanceFilterForm({"relation": "bogus"}, chapters=[], themes=[])
        choices = {code: str(label) for code, label in form.fields["relation"].choices}
        return str(form.fields["missing"].label), " ".join(form.errors["relation"]), choices

    label, error, choices = in_language("en", read)
    assert label == "Without counterpart only"
    assert error == "Select a valid choice. bogus is not one of the available choices."
    assert (choices["broader"], choices[""]) == ("broader", "all")
    label, error, _ = in_language("fr", read)
    assert label == "Sans équivalent seulement"
    assert error.startswith("Sélectionnez un choix valide")


def test_search_filter_form() -> None:
    def read():
        form = SearchFilterForm({"kind": "bogus"}, instruments=[], themes=[])
        return (
            str(form.fields["kind"].label),
            " ".join(form.errors["kind"]),
            {k: str(v) for k, v in form.fields["kind"].choices},
        )

    label, error, choices = in_language("en", read)
    assert (label, choices["commentary"], choices[""]) == ("In", "Explanatory statement", "everything")
    assert error.startswith("Select a valid choice.")
    assert in_language("fr", read)[2]["commentary"] == "Exposé des motifs"


@pytest.mark.parametrize(
    ("eid", "stored", "english"),
    [
        ("art_6__para_1__point_a__subpoint_ii", "par. 1, a), ii)", "para. 1, a), ii)"),
        ("art_6", "texte", "text"),
        ("art_6#heading", "intitulé", "heading"),
        ("art_6#num", "numéro de l'article", "article number"),
        ("art_6__para_2#num", "par. 2 — numéro imprimé", "para. 2 — printed number"),
        ("chp_2#num", "numéro", "number"),
        ("preamble_2", "alinéa 3", "preambular paragraph 3"),
        ("title", "titre", "title"),
        ("art_6__para_1__wrapup", "par. 1, fin", "para. 1, closing words"),
    ],
)
def test_the_collation_rows_labels(eid: str, stored: str, english: str) -> None:
    from concordance.editions.collation import displayed_unit_label
    from concordance.lib.collation import EditionUnit

    unit = EditionUnit(eid, stored, "…")
    assert in_language("fr", lambda: displayed_unit_label(unit)) == stored
    assert in_language("en", lambda: displayed_unit_label(unit)) == english


@pytest.mark.parametrize(
    ("stored", "english"),
    [
        ("par. 1, a)", "para. 1, a)"),
        ("texte", "text"),
        ("par. 1, phrase 2", "para. 1, sentence 2"),
        ("par. 1, phrases 1 à 3", "para. 1, sentences 1 to 3"),
        ("texte, phrase 2", "text, sentence 2"),
    ],
)
def test_the_comparison_units_labels_sentence_parts_included(stored: str, english: str) -> None:
    """The comparison is cached with French labels; a sentence part's label is read in the page's language too."""
    from concordance.comparison.page import display_unit_label

    assert in_language("fr", lambda: display_unit_label(stored)) == stored
    assert in_language("en", lambda: display_unit_label(stored)) == english
