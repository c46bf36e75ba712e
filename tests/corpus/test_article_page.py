import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_article_page_shows_the_article_with_previous_and_next(client):
    page = client.get("/un/art-25/").content.decode()
    assert "Article 25" in page
    assert 'id="art_25__para_2"' in page
    assert 'rel="prev" href="/un/art-24/"' in page
    assert 'rel="next" href="/un/art-26/"' in page


def test_first_and_last_articles_have_one_neighbour(client):
    first = client.get("/un/art-1/").content.decode()
    last = client.get("/un/art-68/").content.decode()
    assert 'rel="prev"' not in first and 'rel="next" href="/un/art-2/"' in first
    assert 'rel="next"' not in last and 'rel="prev" href="/un/art-67/"' in last


def test_article_premier_keeps_its_printed_label(client):
    assert "Article premier" in client.get("/un/art-1/").content.decode()
    assert "Article 1er" in client.get("/budapest/art-1/").content.decode()


def test_article_page_shows_its_notes(client):
    page = client.get("/un/art-2/").content.decode()
    assert "Note interprétative" in page


def test_article_of_the_other_edition_keeps_the_edition_in_links(client):
    page = client.get("/budapest/art-16/?edition=coe-benin-2024").content.decode()
    assert 'href="/budapest/art-17/?edition=coe-benin-2024"' in page


@pytest.mark.parametrize("url", ["/un/art-69/", "/un/art-0/", "/budapest-p1/art-17/", "/nope/art-1/", "/un/art-x/"])
def test_unknown_article_is_404(client, url):
    assert client.get(url).status_code == 404


def test_queries_do_not_grow_with_the_size_of_the_article(client):
    counts = []
    # UN 40 is the longest article (over 3,000 words), UN 25 one of the
    # shortest; both have counterparts and no notes.
    for url in ("/un/art-40/", "/un/art-25/"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts


def test_budapest_article_says_when_its_two_editions_differ(client):
    page = client.get("/budapest/art-16/").content.decode()
    assert 'href="/budapest/editions/#art_16"' in page
    # Articles 2, 3, 34 and 47 read the same in both editions.
    assert '/budapest/editions/#art_2"' not in client.get("/budapest/art-2/").content.decode()


@pytest.mark.parametrize("url", ["/un/art-2/", "/un/"])
def test_each_paragraph_of_an_interpretative_note_is_its_own_paragraph(client, url):
    page = client.get(url).content.decode()
    note = page[page.index('id="art_2-note-interpretative-0"') :]
    note = note[: note.index("</section>")]
    paragraphs = [p.split("</p>")[0] for p in note.split("<p>")[1:]]
    assert [p[:2] for p in paragraphs] == ["1.", "2."]
    assert paragraphs[0].endswith("couvertes par cette définition.")


@pytest.mark.parametrize(
    "url, eid, marker",
    [
        ("/un/art-25/", "art_25__para_2", "2."),
        ("/un/art-2/", "art_2__point_e", "e)"),
        ("/budapest/art-8/", "art_8__point_a", "a"),  # the bill prints bare labels
        ("/budapest/art-8/?edition=coe-benin-2024", "art_8__point_a", "a."),
        ("/budapest-p1/art-2/", "art_2__para_1", "1"),
    ],
)
def test_list_labels_are_shown_as_printed(client, url, eid, marker):
    page = client.get(url).content.decode()
    item = page[page.index(f'id="{eid}"') :]
    assert item[item.index('<a class="num"') :].split(">", 1)[1].startswith(f"{marker}</a>")


@pytest.mark.parametrize(
    "url, target",
    [
        ("/un/art-01/", "/un/art-1/"),
        ("/budapest/art-007/?edition=coe-benin-2024", "/budapest/art-7/?edition=coe-benin-2024"),
    ],
)
def test_a_number_with_leading_zeros_redirects_permanently_to_the_article(client, url, target):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == target


def test_a_subtree_is_the_provision_and_what_it_holds_on_whole_levels():
    from concordance.corpus.models import Provision

    un = Provision.objects.filter(edition__slug="onu-2024")
    article = un.get(eid="art_25")
    whole_article = set(un.filter(article_eid="art_25").values_list("eid", flat=True))
    assert set(un.subtree(article).values_list("eid", flat=True)) == whole_article
    assert set(un.subtree("art_25").values_list("eid", flat=True)) == whole_article
    paragraph = set(un.subtree("art_25__para_2").values_list("eid", flat=True))
    assert paragraph == {eid for eid in whole_article if eid == "art_25__para_2" or eid.startswith("art_25__para_2__")}
    # art_2 holds art_2__…, never art_20 or art_25.
    assert set(un.subtree("art_2").values_list("article_eid", flat=True)) == {"art_2"}
