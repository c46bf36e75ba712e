"""The curated glossary against the texts: an equivalence must not swallow a substantive addition."""

from pathlib import Path

from concordance.lib.comparison import same_quantity
from concordance.lib.diffing import diff
from concordance.lib.terminology import load_glossary

GLOSSARY = load_glossary(Path(__file__).resolve().parents[2] / "fixtures" / "glossary.json")


def changes(left: str, right: str) -> list[tuple[str, str, str]]:
    segments = GLOSSARY.classify(
        diff(left, right), left_instrument="un", right_instrument="budapest", same_quantity=same_quantity
    )
    return [(s.kind, s.left.strip(), s.right.strip()) for s in segments if s.kind != "equal"]


def test_the_uns_added_criminal_intent_stays_substantive():
    # UN art. 7 §2 against Budapest art. 2, second sentence.
    un = "dans une autre intention malhonnête ou criminelle, ou en relation avec"
    budapest = "dans une autre intention délictueuse, ou soit en relation avec"
    found = changes(un, budapest)
    # Same role, another scope in French ("dishonest intent" in both English texts): near-equivalent.
    assert ("near", "malhonnête", "délictueuse") in found
    assert ("substantive", "ou criminelle", "") in found


def test_the_uns_added_theft_stays_substantive():
    # Headings of UN art. 13 and Budapest art. 8.
    found = changes(
        "Vol ou fraude en rapport avec les systèmes d'information et de communication", "Fraude informatique"
    )
    assert found == [
        ("substantive", "Vol ou", ""),
        ("terminology", "fraude en rapport avec les systèmes d'information et de communication", "Fraude informatique"),
    ]


def test_at_least_25_entries():
    assert len(GLOSSARY.entries) >= 25


def test_the_definitions_reworded_read_as_terminology():
    # UN art. 2 a), c) and e) i) against Budapest art. 1 a), d) and c) i).
    assert ("terminology", "traitement automatique", "traitement automatisé") in changes(
        "les soumettent à un traitement automatique ;", "un traitement automatisé de données ;"
    )
    assert ("terminology", "sa voie d'acheminement", "l'itinéraire") in changes(
        "sa destination, sa voie d'acheminement, son heure", "la destination, l'itinéraire, l'heure"
    )
    assert changes(
        "offre aux personnes utilisant ses services la possibilité de communiquer",
        "offre aux utilisateurs de ses services la possibilité de communiquer",
    ) == [("terminology", "personnes utilisant", "utilisateurs de")]
