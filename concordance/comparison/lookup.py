"""Finding the provisions a comparison names, in the primary editions."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from concordance.corpus.models import Provision


def find(slug: str, eid: str) -> Provision:
    provision = (
        Provision.objects.filter(edition__instrument__slug=slug, edition__is_primary=True, eid=eid)
        .select_related("edition__instrument")
        .first()
    )
    if provision is None:
        raise Http404(f"Aucune disposition « {eid} » dans « {slug} ».")
    return provision


def existing(references: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which (instrument slug, eid) pairs name a provision of a primary edition (one query)."""
    query = Q(pk__in=[])
    for slug, eid in references:
        query |= Q(edition__instrument__slug=slug, eid=eid)
    return set(
        Provision.objects.filter(query, edition__is_primary=True).values_list("edition__instrument__slug", "eid")
    )
