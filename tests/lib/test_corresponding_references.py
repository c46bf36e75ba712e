"""Cross-reference numbers naming corresponding articles (concordance.lib.comparison.corresponding)."""

from pathlib import Path

from concordance.lib.comparison import ComparedUnit, compare_units
from concordance.lib.comparison.corresponding import cited_articles, reference_spans
from concordance.lib.terminology import load_glossary

GLOSSARY = load_glossary(Path(__file__).resolve().parents[2] / "fixtures" / "glossary.json")
UN = [ComparedUnit("art_26__para_1", "par. 1", "les données préservées en application de l'article 25 sont")]
BUDAPEST = [ComparedUnit("art_17__para_1", "par. 1", "les données conservées en application de l'article 16 sont")]
LINKED = [("un", "art_25", "budapest", "art_16")]


def kinds(corresponding=()):
    comparison = compare_units(
        UN,
        BUDAPEST,
        glossary=GLOSSARY,
        left_instrument="un",
        right_instrument="budapest",
        corresponding_articles=corresponding,
    )
    return {(p.kind, p.text.strip()) for row in comparison.rows for p in row.inline_pieces}, comparison


def test_the_cited_articles_are_found_in_each_unit_with_its_own_instrument():
    assert cited_articles(UN, "un") == {("un", "art_25")}
    assert cited_articles(BUDAPEST, "budapest") == {("budapest", "art_16")}
    (span,) = reference_spans(UN, "un")
    assert UN[0].text[span.start : span.end] == "article 25"


def test_linked_articles_make_the_numbers_a_reference_outside_the_share():
    marked, with_link = kinds(LINKED)
    plain, without = kinds()
    assert ("reference", "25") in marked and ("reference", "16") in marked
    assert ("deleted", "25") in plain and ("inserted", "16") in plain
    assert with_link.substantive_share < without.substantive_share
    assert with_link.rows[0].reference_tokens == 2


def test_a_link_between_other_articles_changes_nothing():
    marked, _ = kinds([("un", "art_25", "budapest", "art_29")])
    assert ("deleted", "25") in marked
