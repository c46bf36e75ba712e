"""Reading the search page as the tests do: the page, its results, its hits in order, a group."""

import re

HIT_LINK = re.compile(r'<p class="search-hit-title">\s*<a href="([^"]+)"')


def page(client, **params) -> str:
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def results(html: str) -> str:
    return html[html.index('<section id="results"') :]


def hits(html: str) -> list[str]:
    """Result links in page order."""
    return HIT_LINK.findall(html)


def group(html: str, slug: str) -> str:
    start = html.index(f'id="results-{slug}"')
    end = html.find('<section class="search-group"', start + 1)
    return html[start : end if end != -1 else None]
