"""The relation labels defined on /relations/, reachable from every badge (issue 14 §2)."""

import re

import pytest

from concordance.mapping.models import Correspondence, Relation

pytestmark = pytest.mark.django_db

CODES = [code for code, _ in Relation.choices]
BADGE = re.compile(r'<a class="badge badge-(\w+)" href="([^"]+)"')


def test_each_label_has_its_anchor_definition_and_reading_the_other_way(client):
    page = client.get("/relations/").content.decode()
    for code, label in Relation.choices:
        assert re.search(rf'<dt id="{code}"><span class="badge badge-{code}">{label}</span></dt>', page)
    definitions = dict(re.findall(r'<dt id="(\w+)">.*?</dt>\s*<dd>(.*?)</dd>', page, re.S))
    assert list(definitions) == CODES
    assert 'la relation se lit <a href="#narrower">« plus étroit »</a>' in definitions["broader"]
    assert 'la relation se lit <a href="#broader">« plus large »</a>' in definitions["narrower"]
    assert "si A est plus large que B, B est plus étroit que A" in definitions["broader"]
    for symmetric in ("equivalent", "partial", "related"):
        assert "la relation se lit de même" in definitions[symmetric]


def test_each_label_says_how_often_the_concordance_uses_it(client):
    page = client.get("/relations/").content.decode()
    for code in CODES:
        count = Correspondence.objects.curated().filter(relation=code).count()
        assert re.search(rf'href="/concordance/\?relation={code}">{count} correspondances?</a>', page), code


def test_the_page_costs_one_query(client, django_assert_num_queries):
    client.get("/relations/")
    with django_assert_num_queries(1):
        assert client.get("/relations/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/concordance/",
        "/concordance/?from=budapest",
        "/compare/un/art_25/budapest/art_16/",
        "/compare/un/art_14/budapest/art_9/?view=inline",
        "/compare/un/art_24__para_2/budapest/art_15__para_2/",
        "/themes/procedural-powers/",
        "/un/art-25/",
        "/divergences/",
    ],
)
def test_every_relation_badge_links_to_its_definition(client, url):
    page = client.get(url).content.decode()
    badges = BADGE.findall(page)
    assert badges, url
    assert all(href == f"/relations/#{code}" for code, href in badges), url
    # No badge of a relation is left as plain text.
    assert not re.search(r'<span class="badge badge-(?:equivalent|partial|broader|narrower|related)"', page), url
