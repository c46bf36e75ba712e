"""The concordance as a document (``schema.ConcordanceDocument``), for the fixture, exports and the API."""

from __future__ import annotations

from typing import Any

from concordance.corpus.models import Provision
from concordance.lib import eids
from concordance.mapping.interchange.schema import Key
from concordance.mapping.models import Correspondence, MissingCounterpart, Origin, Theme


def key_of(provision: Provision) -> Key:
    return Key(provision.edition.instrument.slug, provision.eid)


def export_document(include_suggested: bool = False) -> dict[str, Any]:
    """The concordance as a document; the aligner's suggestions only when asked for.

    Suggestions are machine guesses, not curated statements: a public export
    that mixed them in would present them as the concordance.
    """
    # A total order, so that two exports of the same concordance are byte-identical.
    correspondences = Correspondence.objects.with_provisions().order_by(
        "left__edition__instrument__position",
        "left__position",
        "right__edition__instrument__position",
        "right__position",
        "pk",
    )
    if not include_suggested:
        correspondences = correspondences.curated()
    missing = MissingCounterpart.objects.with_instruments()
    article_themes: dict[str, dict[str, list[str]]] = {}
    for theme in Theme.objects.prefetch_related("articles__edition__instrument"):
        for article in theme.articles.all():
            instrument = article_themes.setdefault(article.edition.instrument.slug, {})
            instrument.setdefault(article.eid, []).append(theme.slug)
    return {
        "themes": [{"slug": t.slug, "name": t.name, "name_en": t.name_en} for t in Theme.objects.all()],
        "article_themes": {
            slug: dict(sorted(by_eid.items(), key=lambda item: eids.sort_key(item[0])))
            for slug, by_eid in article_themes.items()
        },
        "correspondences": [correspondence_entry(c) for c in correspondences],
        "without_counterpart": [
            {
                **key_of(m.article).as_json(),
                "other_instrument": m.other_instrument.slug,
                "reason": m.reason,
            }
            for m in missing
        ],
    }


def correspondence_entry(c: Correspondence) -> dict[str, Any]:
    return entry_of(
        key_of(c.left),
        key_of(c.right),
        c.relation,
        c.note,
        [theme.slug for theme in c.themes.all()],
        c.status,
        c.origin,
        c.score,
        c.left_sentence,
        c.right_sentence,
    )


def entry_of(
    left: Key,
    right: Key,
    relation: str,
    note: str,
    themes: list[str],
    status: str,
    origin: str,
    score: float | None,
    left_sentence: int | None,
    right_sentence: int | None,
) -> dict[str, Any]:
    """A correspondence as the document writes it, from its values (the API's pages read no model)."""
    entry: dict[str, Any] = {
        "left": left.as_json(),
        "right": right.as_json(),
        "relation": relation,
        "note": note,
        "themes": themes,
        "status": status,
        "origin": origin,
    }
    if origin == Origin.SUGGESTED:
        entry["score"] = score
    # Only when named, so that a document without sentence pins reads as before.
    for side, sentence in (("left_sentence", left_sentence), ("right_sentence", right_sentence)):
        if sentence is not None:
            entry[side] = sentence
    return entry
