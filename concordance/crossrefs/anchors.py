"""Where the pages show a note or a footnote: the one place these addresses are built.

``Note.get_absolute_url`` (corpus) returns the same addresses once merged;
search hits and "cited by" lists call ``note_url`` until then, so that
swapping it for the model's method is a change in one function.
"""

from __future__ import annotations

from django.urls import reverse

from concordance.lib import eids


def note_url(kind: str, position: int, instrument_slug: str, article_eid: str | None, query: str = "") -> str:
    """A note under the first article it discusses, or in its instrument's page.

    ``/<slug>/art-<n>/#<article_eid>-note-<kind>-<position>`` for a note
    attached to an article; ``/un/#resolution-<position>`` for a paragraph
    of the resolution; ``/budapest/#commentary-<position>`` for a paragraph
    of the general commentary.
    """
    if article_eid:
        number = int(eids.label_of(article_eid))
        path = reverse("article", args=[instrument_slug, number])
        return f"{path}{query}#{article_eid}-note-{kind}-{position}"
    return f"{reverse('instrument', args=[instrument_slug])}{query}#{kind}-{position}"


def footnote_url(instrument_slug: str, query: str = "", line: int | None = None) -> str:
    """The instrument page, which shows the edition's footnotes at its end, each ``#footnote-<line>``."""
    anchor = f"#footnote-{line}" if line is not None else ""
    return f"{reverse('instrument', args=[instrument_slug])}{query}{anchor}"
