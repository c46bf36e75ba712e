"""The stored provisions hold exactly the words of their source.

The parser's tree is checked in tests/lib/test_parsing_fidelity.py; this
checks what ingest wrote: for every article of every instrument and edition,
the rows of the article read in document order (number label as printed,
heading, text) are the words of the source from the article's heading to the
next heading, with the same debris removal (tests/lib/fidelity.py).
"""

from collections import defaultdict

import pytest

from concordance.corpus.models import Division, Edition, Provision
from tests.lib.fidelity import spans, words_mismatch

pytestmark = pytest.mark.django_db


def stored_mismatches(edition: Edition) -> list[str]:
    filename = edition.source.filename
    rows = list(Provision.objects.filter(edition=edition).order_by("position"))
    by_article: dict[str, list[Provision]] = defaultdict(list)
    for row in rows:
        by_article[row.article_eid].append(row)
    articles = [row for row in rows if row.kind == "article"]
    headings = [row.line for row in articles] + list(
        Division.objects.filter(edition=edition).values_list("line", flat=True)
    )
    found = []
    for article, (start, end) in zip(articles, spans(filename, [a.line for a in articles], headings), strict=True):
        words = [
            word
            for row in by_article[article.eid]
            for field in (row.num, row.heading, row.text)
            for word in field.split()
        ]
        if mismatch := words_mismatch(
            filename, f"{edition.instrument.slug}/{edition.slug}:{article.eid}", words, start, end
        ):
            found.append(mismatch)
    return found


EDITIONS = [
    ("un", "onu-2024"),
    ("budapest", "pjl-905-2003"),
    ("budapest", "coe-benin-2024"),
    ("budapest-p1", "coe-benin-2024"),
]


@pytest.mark.parametrize("instrument, edition", EDITIONS)
def test_every_stored_article_has_exactly_the_words_of_its_source(instrument, edition):
    edition = Edition.objects.select_related("source", "instrument").get(instrument__slug=instrument, slug=edition)
    assert Provision.objects.filter(edition=edition, kind="article").count() > 0
    assert stored_mismatches(edition) == []


def test_every_edition_is_checked():
    assert sorted(Edition.objects.values_list("instrument__slug", "slug")) == sorted(EDITIONS)


def test_the_check_sees_a_stored_word_changed():
    edition = Edition.objects.select_related("source", "instrument").get(slug="onu-2024")
    row = Provision.objects.get(edition=edition, eid="art_25__para_2")
    row.text = row.text.replace("90 jours", "80 jours")
    row.save()
    assert [m.split(" ")[0] for m in stored_mismatches(edition)] == ["un/onu-2024:art_25"]
