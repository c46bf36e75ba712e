"""Reading the search page as the tests do: the page, its results, its hits in order, a group,
every page of a search."""

import html as html_module
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


NEXT_PAGE = re.compile(r'<a href="(\?[^"]*)" rel="next"')


def every_page(client, **params) -> list[str]:
    """The HTML of each page of a search's results, first to last, following the "next" links."""
    pages = [page(client, **params)]
    while found := NEXT_PAGE.search(results(pages[-1])):
        response = client.get("/search/" + html_module.unescape(found.group(1)))
        assert response.status_code == 200
        pages.append(response.content.decode())
    return pages


def every_hit(client, **params) -> list[str]:
    """Result links of every page, in rank order."""
    return [hit for html in every_page(client, **params) for hit in hits(html)]


def every_result(client, **params) -> str:
    """The results of every page, one after the other."""
    return "".join(results(html) for html in every_page(client, **params))
