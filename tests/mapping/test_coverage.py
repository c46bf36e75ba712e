import pytest
from django.db.models import Q

from concordance.corpus.models import Provision
from concordance.mapping.models import Correspondence, MissingCounterpart

pytestmark = pytest.mark.django_db

# Which other instruments each instrument's articles must be accounted for against:
# the two conventions against each other, the Protocol against the UN Convention.
REQUIRED = {"un": ["budapest"], "budapest": ["un"], "budapest-p1": ["un"]}


def linked_pairs() -> set[tuple[str, str, str]]:
    """(instrument, article eid, other instrument) for every curated link, at any level."""
    pairs = set()
    for li, la, ri, ra in Correspondence.objects.curated().values_list(
        "left__edition__instrument__slug", "left__article_eid", "right__edition__instrument__slug", "right__article_eid"
    ):
        pairs.add((li, la, ri))
        pairs.add((ri, ra, li))
    return pairs


def gap_pairs() -> set[tuple[str, str, str]]:
    return set(
        MissingCounterpart.objects.values_list(
            "article__edition__instrument__slug", "article__eid", "other_instrument__slug"
        )
    )


def test_every_article_is_accounted_for_in_each_other_instrument():
    articles = list(
        Provision.objects.filter(kind="article", edition__is_primary=True).values_list(
            "edition__instrument__slug", "eid"
        )
    )
    assert len(articles) == 68 + 48 + 16
    linked, gaps = linked_pairs(), gap_pairs()
    unaccounted = [
        (instrument, eid, other)
        for instrument, eid in articles
        for other in REQUIRED[instrument]
        if (instrument, eid, other) not in linked | gaps
    ]
    assert unaccounted == []
    # Linked to an instrument and without counterpart in it: never both.
    assert linked & gaps == set()


@pytest.mark.parametrize("eid", ["art_38", "art_40", "art_41", "art_42", "art_43"])
def test_budapest_articles_linked_only_to_the_protocol_still_say_what_the_un_convention_has(eid):
    linked_to_un = ("budapest", eid, "un") in linked_pairs()
    without_in_un = ("budapest", eid, "un") in gap_pairs()
    assert linked_to_un != without_in_un


@pytest.mark.parametrize(
    "un, budapest, relation",
    [("art_25", "art_16", "equivalent"), ("art_42", "art_29", "partial"), ("art_41", "art_35", "partial")],
)
def test_key_pairs_are_curated(un, budapest, relation):
    link = Correspondence.objects.curated().get(
        left__edition__instrument__slug="un",
        left__eid=un,
        right__edition__instrument__slug="budapest",
        right__eid=budapest,
    )
    assert link.relation == relation and link.note


def test_the_un_mutual_assistance_article_links_to_several_budapest_articles():
    targets = set(
        Correspondence.objects.curated()
        .filter(left__edition__instrument__slug="un", left__eid="art_40", right__edition__instrument__slug="budapest")
        .values_list("right__eid", flat=True)
    )
    assert {"art_25", "art_27"} <= targets


@pytest.mark.parametrize(
    "instrument, eid, other",
    [
        ("un", "art_16", "budapest"),
        ("budapest", "art_32", "un"),
        ("budapest", "art_41", "un"),
        ("un", "art_61", "budapest"),
    ],
)
def test_articles_without_counterpart_have_a_reason(instrument, eid, other):
    record = MissingCounterpart.objects.get(
        article__edition__instrument__slug=instrument, article__eid=eid, other_instrument__slug=other
    )
    assert len(record.reason) > 20


def test_paragraph_links_exist_for_offences_and_procedural_powers():
    paragraph_links = Correspondence.objects.curated().filter(
        ~Q(left__kind="article"), ~Q(right__kind="article"), themes__slug__in=["offences", "procedural-powers"]
    )
    assert paragraph_links.filter(left__eid="art_25__para_2", right__eid="art_16__para_2").exists()
    assert paragraph_links.count() >= 30
