"""What the article page asks: which articles' two French editions differ; the cache."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from concordance.corpus import texts
from concordance.corpus.models import Provision
from concordance.editions import collation

pytestmark = pytest.mark.django_db


def differing_articles(instrument) -> frozenset[str]:
    """The eids of the articles whose two French editions differ."""
    return frozenset(collation.article_variant_counts(instrument))


def test_differing_articles_of_budapest():
    differing = differing_articles(texts.get_instrument("budapest"))
    assert {"art_4", "art_16", "art_18", "art_41"} <= differing
    # Read the same in both editions.
    assert not {"art_2", "art_3"} & differing
    assert len(differing) < 48


def test_variant_counts_per_article():
    counts = collation.article_variant_counts(texts.get_instrument("budapest"))
    assert counts["art_4"] == 1  # "se résERVER"
    assert counts["art_16"] == 4


def test_one_query_for_the_whole_instrument_and_none_without_a_second_edition():
    budapest = texts.get_instrument("budapest")
    collation.article_variant_counts(budapest)  # warm the cache
    with CaptureQueriesContext(connection) as queries:
        collation.article_variant_counts(budapest)
    assert len(queries) == 1
    un = texts.get_instrument("un")
    with CaptureQueriesContext(connection) as queries:
        assert collation.article_variant_counts(un) == {}
        assert differing_articles(un) == frozenset()
    assert len(queries) == 0


def test_the_collation_is_cached_by_content(monkeypatch):
    budapest = texts.get_instrument("budapest")
    first = collation.collation_of(budapest)

    def fail(*args, **kwargs):
        raise AssertionError("recomputed although nothing changed")

    monkeypatch.setattr(collation, "collate_units", fail)
    assert collation.collation_of(budapest) == first
    monkeypatch.undo()
    # A changed text is a different key: the collation follows it.
    Provision.objects.filter(edition__slug="coe-benin-2024", edition__instrument=budapest, eid="art_2").update(
        text="Texte modifié pour le test."
    )
    assert "art_2" in differing_articles(budapest)


def test_the_article_notice_links_to_the_collation_anchor():
    budapest = texts.get_instrument("budapest")
    article = Provision.objects.get(edition__slug="pjl-905-2003", eid="art_16")
    counts = collation.article_variant_counts(budapest)
    notice = render_to_string(
        "editions/article_notice.html",
        {"instrument": budapest, "article": article, "edition_variants": counts.get(article.article_eid, 0)},
    )
    assert "Les deux éditions françaises de cet article diffèrent" in notice
    assert 'href="/budapest/editions/#art_16"' in notice
    same = Provision.objects.get(edition__slug="pjl-905-2003", eid="art_2")
    assert (
        render_to_string(
            "editions/article_notice.html",
            {"instrument": budapest, "article": same, "edition_variants": counts.get("art_2", 0)},
        ).strip()
        == ""
    )


def test_unit_labels():
    assert collation.unit_label("art_6__para_1__point_a__subpoint_ii") == "par. 1, a), ii)"
    assert collation.unit_label("art_39__para_1__alinea_2") == "par. 1, alinéa 2"
    assert collation.unit_label("art_19__para_1__wrapup") == "par. 1, fin"
    assert collation.unit_label("art_32") == "texte"


def test_the_right_edition_reads_with_its_own_spaces():
    from concordance.editions.templatetags.editions import collated
    from concordance.lib.collation import collate

    rendered = collated(collate("système informatique, ou", "système informatique dans l'intention ; ou"))
    # Left: "informatique," — right: "informatique dans": the space lives in the insertion.
    assert "informatique<span" in rendered
    assert '<ins class="change"> dans' in rendered


def test_article_differs():
    budapest = texts.get_instrument("budapest")
    assert "art_16" in differing_articles(budapest)
    assert "art_3" not in differing_articles(budapest)
    assert "art_16" not in differing_articles(texts.get_instrument("un"))
