"""Loading the stored references a page links, and where each target leads.

Every function reads what a page needs in one query and returns plain
``PageReference`` values; ``rendering`` writes them into the text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse

from concordance.corpus.models import Edition
from concordance.crossrefs.models import Reference, ReferenceTarget
from concordance.lib import eids


@dataclass(frozen=True)
class Link:
    """Where one target of a reference leads, as seen from a page."""

    href: str
    preview: str
    title: str


@dataclass(frozen=True)
class PageReference:
    start: int
    end: int
    text: str
    targets: tuple[tuple[str, Link], ...]  # (eid, link), in the order of the words


def target_url(slug: str, eid: str, query: str = "") -> str:
    """``/<slug>/art-<n>/#eid`` for a provision, ``/<slug>/#eid`` for a division."""
    top = eids.levels(eid)[0]
    path = reverse("article", args=[slug, int(top.label)]) if top.kind == "art" else reverse("instrument", args=[slug])
    return f"{path}{query}#{eid}"


def preview_url(slug: str, eid: str, query: str = "") -> str:
    return reverse("reference-preview", args=[slug, eid]) + query


def link_for(target: ReferenceTarget, page_edition: Edition) -> Link:
    """The link to ``target`` from a page showing ``page_edition``.

    A page of a non-primary edition keeps to that edition for its own
    instrument's provisions; other instruments are read in their primary
    edition.
    """
    slug = target.instrument.slug
    query = ""
    if not page_edition.is_primary and target.instrument_id == page_edition.instrument_id:
        query = "?" + urlencode({"edition": page_edition.slug})
    return Link(target_url(slug, target.eid, query), preview_url(slug, target.eid, query), target.excerpt)


def _targets_by_reference(condition: Q, *related: str) -> list[list[ReferenceTarget]]:
    """The targets matching ``condition`` in one query, one list per reference, each in citing order."""
    rows = (
        ReferenceTarget.objects.filter(condition)
        .select_related("reference", "instrument", *related)
        .order_by("reference_id", "position")
    )
    grouped: dict[int, list[ReferenceTarget]] = defaultdict(list)
    for target in rows:
        grouped[target.reference_id].append(target)
    return list(grouped.values())


def page_references(edition: Edition) -> dict[tuple[str, int], list[PageReference]]:
    """Every linkable reference of what a page of ``edition`` shows, in one query.

    Keyed by ``("provision", pk)``, ``("note", pk)`` and ``("footnote",
    index in edition.footnotes)``. The page's view calls it once and passes
    the result to the template, so that the many provisions of an
    instrument page share the same query.
    """
    return _page_references(
        Q(reference__edition=edition) | Q(reference__note__instrument_id=edition.instrument_id), edition
    )


def provision_references(edition: Edition, provision_ids: list[int]) -> dict[tuple[str, int], list[PageReference]]:
    """The references of these provisions only, keyed as ``page_references`` keys them, in one query.

    A comparison shows a few provisions of each edition; reading every
    reference of the edition for them cost a tenth of a second per page.
    """
    return _page_references(Q(reference__provision_id__in=provision_ids), edition)


def _page_references(condition: Q, edition: Edition) -> dict[tuple[str, int], list[PageReference]]:
    result: dict[tuple[str, int], list[PageReference]] = defaultdict(list)
    for targets in _targets_by_reference(condition):
        reference: Reference = targets[0].reference
        if reference.provision_id:
            key = ("provision", reference.provision_id)
        elif reference.note_id:
            key = ("note", reference.note_id)
        else:
            key = ("footnote", reference.footnote)
        result[key].append(
            PageReference(
                reference.start,
                reference.end,
                reference.text,
                tuple((t.eid, link_for(t, edition)) for t in targets),
            )
        )
    for references in result.values():
        references.sort(key=lambda r: r.start)
    return result


def references_of_rows(
    provision_editions: dict[int, Edition], note_ids: list[int]
) -> dict[tuple[str, int], list[PageReference]]:
    """The references of some provisions and notes, in one query, as ``page_references`` gives them.

    ``provision_editions`` maps each provision's pk to its edition, from
    which its links are seen. Notes are read with their instrument's
    primary edition.
    """
    if not provision_editions and not note_ids:
        return {}
    result: dict[tuple[str, int], list[PageReference]] = defaultdict(list)
    for targets in _targets_by_reference(
        Q(reference__provision_id__in=list(provision_editions)) | Q(reference__note_id__in=note_ids)
    ):
        reference: Reference = targets[0].reference
        if reference.provision_id:
            key, edition = ("provision", reference.provision_id), provision_editions[reference.provision_id]
            links = tuple((t.eid, link_for(t, edition)) for t in targets)
        else:
            key = ("note", reference.note_id)
            links = tuple(
                (t.eid, Link(target_url(t.instrument.slug, t.eid), preview_url(t.instrument.slug, t.eid), t.excerpt))
                for t in targets
            )
        result[key].append(PageReference(reference.start, reference.end, reference.text, links))
    for references in result.values():
        references.sort(key=lambda r: r.start)
    return result


def edition_provision_references(editions: list[Edition]) -> dict[tuple[int, str], list[PageReference]]:
    """The references of every provision of ``editions``, keyed by ``(edition pk, provision eid)``, in one query.

    For pages that know provisions by eid only (the collation of two
    editions, which is cached as plain data).
    """
    by_pk = {edition.pk: edition for edition in editions}
    result: dict[tuple[int, str], list[PageReference]] = defaultdict(list)
    for targets in _targets_by_reference(
        Q(reference__edition_id__in=list(by_pk), reference__provision__isnull=False), "reference__provision"
    ):
        reference: Reference = targets[0].reference
        edition = by_pk[reference.edition_id]
        result[(edition.pk, reference.provision.eid)].append(
            PageReference(
                reference.start, reference.end, reference.text, tuple((t.eid, link_for(t, edition)) for t in targets)
            )
        )
    for references in result.values():
        references.sort(key=lambda r: r.start)
    return result
