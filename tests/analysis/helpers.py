"""Slicing rendered pages, shared by the analysis page tests."""

from __future__ import annotations


def block(page: str, element_id: str) -> str:
    """The HTML from the element with ``element_id`` to the next element of the same tag."""
    start = page.index(f'id="{element_id}"')
    tag_start = page.rindex("<", 0, start)
    tag = page[tag_start + 1 : page.index(" ", tag_start)]
    end = page.find(f"<{tag} ", start)
    return page[tag_start : end if end != -1 else None]
