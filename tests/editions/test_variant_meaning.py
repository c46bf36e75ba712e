"""The Budapest editions' variants told apart: what changes the meaning, what is wording, what is a slip."""

import re

import pytest

from concordance.corpus.models import Instrument
from concordance.editions.collation import collation_of

pytestmark = pytest.mark.django_db

URL = "/budapest/editions/"

# Every variant of the two French editions that changes the meaning, read against the sources:
# (part, row, reference edition's words, other edition's words).
SUBSTANTIVE = [
    ("Préambule", "alinéa 7", "dans l'utilisation et le", "liés au"),
    ("Préambule", "alinéa 11", "du droit à", "de"),
    ("Préambule", "alinéa 11", "tel que spécifié", "telle que la confère"),
    (
        "Article 10",
        "par. 1",
        "l'Acte de Paris du",
        "la Convention universelle sur le droit d'auteur révisée à Paris le",
    ),  # noqa: E501
    ("Article 10", "par. 1", "portant révision", ","),
    ("Article 12", "par. 2", "établies en application de la présente Convention", "visées au paragraphe 1"),
    ("Article 17", "intitulé", "partielle", ""),
    ("Article 21", "par. 1, b)", "", "existantes, à"),
    ("Article 29", "par. 2, b)", "ou de procédures pénales", ""),
    ("Article 29", "par. 4", "stockées", ""),
    ("Article 46", "par. 3", "amendements", "aménagements"),
    ("Article 48", "d)", "de l'article 40", "des Articles 40 et 41"),
]


def variants(cls: str) -> list[tuple[str, str, str, str]]:
    collation = collation_of(Instrument.objects.get(slug="budapest"))
    return [
        (article.label, row.label, v.left.strip(), v.right.strip())
        for article in collation.articles
        for row in article.rows
        for v in row.variants
        if v.cls == cls
    ]


def test_the_substantive_variants_are_exactly_the_expected_ones():
    assert variants("substantive") == SUBSTANTIVE


def test_the_wording_variants_once_all_wording_are_split_into_three_classes():
    totals = collation_of(Instrument.objects.get(slug="budapest")).totals
    # The 186 variants once all "rédaction": 12 substantive, 170 wording, 4 copying slips
    # (passibles/possibles, "aux Article", "à l'Article 2 à 5", "restent confidentiels"), the four the
    # accuracy review counted; the 16 typing errors are unchanged.
    assert totals["substantive"] == 12
    assert totals["wording"] == 170
    assert totals["typo"] == 16 + 4
    assert sum(totals.values()) == 404


def test_copying_slips_say_why():
    slips = {(part, row, left, right) for part, row, left, right in variants("typo")}
    assert ("Article 13", "par. 1", "passibles", "possibles") in slips
    assert ("Article 27", "par. 8", "", "restent confidentiels") in slips
    assert ("Article 42", "texte", "à l'article", "aux Article") in slips
    assert ("Article 6", "par. 2", "aux articles", "à l'Article") in slips


def test_the_page_leads_with_the_substantive_variants(client):
    page = client.get(URL).content.decode()
    lead = page.index('id="substantive-heading"')
    assert lead < page.index('<table class="editions-summary">') < page.index('<article class="editions-article"')
    section = re.search(r'<section class="editions-substantive".*?</section>', page, re.S).group(0)
    assert section.count("<li>") == len(SUBSTANTIVE)
    assert "aménagements" in section and "Convention universelle sur le droit d&#x27;auteur" in section
    assert '<li class="variant-substantive">' in page


def test_filtering_by_substantive_keeps_the_articles_that_change_meaning(client):
    page = client.get(URL + "?class=substantive").content.decode()
    shown = set(re.findall(r'<article class="editions-article" id="([\w]+)"', page))
    assert {"art_10", "art_46", "art_48", "art_21"} <= shown
    assert "art_4" not in shown  # only a typing error there
    assert 'class="variant variant-substantive"' in page
