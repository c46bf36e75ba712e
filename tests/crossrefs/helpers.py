"""Reading the links back out of a rendered page."""

from __future__ import annotations

import html
import re

TEXT_PARAGRAPH = re.compile(r'<p class="text">(.*?)</p>', re.S)
LINK = re.compile(r'<a class="xref" href="(?P<href>[^"]*)"[^>]*>(?P<words>.*?)</a>', re.S)


def section(page: str, eid: str) -> str:
    """The HTML of the provision ``eid`` up to its first text paragraph's end."""
    start = page.index(f'id="{eid}"')
    return page[start : page.index("</p>", start) + 4]


def links(fragment: str) -> list[tuple[str, str]]:
    """(words, href) of every cross-reference link, href unescaped."""
    return [(html.unescape(m["words"]), html.unescape(m["href"])) for m in LINK.finditer(fragment)]


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))
