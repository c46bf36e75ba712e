"""The words of a reference link name its own target (the review's finding 6: in lists that repeat
"à l'article N, paragraphe M" the words "article 9" led to art. 6 §3)."""

from __future__ import annotations

import re

import pytest

from tests.crossrefs.helpers import links

pytestmark = pytest.mark.django_db

ARTICLE_WORDS = re.compile(r"\barticles?\s+(\d+)(?:\s*(?:à|-|–)\s*(\d+))?", re.IGNORECASE)
TARGET_ARTICLE = re.compile(r"(?:#|/)art[_-](\d+)")


def misnamed(page: str) -> list[tuple[str, str]]:
    """Links whose words name an article that is not the one they lead to."""
    wrong = []
    for words, href in links(page):
        named = ARTICLE_WORDS.findall(words)
        target = TARGET_ARTICLE.findall(href)
        if not named or not target:
            continue
        number = int(target[-1])
        if not any(int(first) <= number <= int(last or first) for first, last in named):
            wrong.append((words, href))
    return wrong


@pytest.mark.parametrize("edition", ["", "?edition=coe-benin-2024"])
def test_budapest_42_links_carry_their_own_words(client, edition):
    page = client.get(f"/budapest/art-42/{edition}").content.decode()
    found = [(words, href) for words, href in links(page) if "art_" in href and "paragraphe" in words]
    by_words = {words.casefold(): href for words, href in found}
    assert by_words["article 6, paragraphe 3"].endswith("#art_6__para_3")
    assert by_words["article 9, paragraphe 4"].endswith("#art_9__para_4")
    assert len([1 for words, _ in found if re.search(r"article \d+, paragraphe \d+$", words, re.I)]) == 9
    assert misnamed(page) == []


@pytest.mark.parametrize(
    "address", ["/un/", "/budapest/", "/budapest/?edition=coe-benin-2024", "/budapest-p1/", "/budapest/editions/"]
)
def test_no_link_of_the_corpus_names_another_article_than_its_target(client, address):
    page = client.get(address).content.decode()
    assert len(links(page)) > 20
    assert misnamed(page) == []
