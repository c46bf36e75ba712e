import pytest
from django.db.models import Q

from concordance.corpus.models import Provision
from concordance.mapping.models import Correspondence, MissingCounterpart

pytestmark = pytest.mark.django_db


def test_every_article_of_the_three_instruments_is_accounted_for():
    articles = Provision.objects.filter(kind="article", edition__is_primary=True)
    linked = set(
        Correspondence.objects.curated().filter(left__kind="article").values_list("left_id", flat=True)
    ) | set(Correspondence.objects.curated().filter(right__kind="article").values_list("right_id", flat=True))
    missing = set(MissingCounterpart.objects.values_list("article_id", flat=True))
    unaccounted = [str(a) for a in articles.select_related("edition__instrument") if a.pk not in linked | missing]
    assert unaccounted == []
    assert articles.count() == 68 + 48 + 16
    # An article is either linked or recorded without counterpart, never both.
    assert linked & missing == set()


@pytest.mark.parametrize(
    "un, budapest, relation",
    [("art_25", "art_16", "equivalent"), ("art_42", "art_29", "equivalent"), ("art_41", "art_35", "equivalent")],
)
def test_key_pairs_are_curated(un, budapest, relation):
    link = Correspondence.objects.curated().get(
        left__edition__instrument__slug="un", left__eid=un,
        right__edition__instrument__slug="budapest", right__eid=budapest,
    )
    assert link.relation == relation and link.note


def test_the_un_mutual_assistance_article_links_to_several_budapest_articles():
    targets = set(
        Correspondence.objects.curated()
        .filter(left__edition__instrument__slug="un", left__eid="art_40", right__edition__instrument__slug="budapest")
        .values_list("right__eid", flat=True)
    )
    assert {"art_25", "art_27"} <= targets


@pytest.mark.parametrize("instrument, eid", [("un", "art_16"), ("budapest", "art_32")])
def test_articles_without_counterpart_have_a_reason(instrument, eid):
    record = MissingCounterpart.objects.get(article__edition__instrument__slug=instrument, article__eid=eid)
    assert len(record.reason) > 20


def test_paragraph_links_exist_for_offences_and_procedural_powers():
    paragraph_links = Correspondence.objects.curated().filter(
        ~Q(left__kind="article"), ~Q(right__kind="article"), themes__slug__in=["offences", "procedural-powers"]
    )
    assert paragraph_links.filter(left__eid="art_25__para_2", right__eid="art_16__para_2").exists()
    assert paragraph_links.count() >= 30
