"""The stored cross-references as JSON: ``GET /api/references/``."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from concordance.api_errors import ErrorOut
from concordance.corpus.models import Instrument
from concordance.crossrefs.models import Reference

router = Router(tags=["renvois"])


class ReferenceOut(Schema):
    instrument: str = Field(description="Instrument du texte qui cite (un, budapest, budapest-p1).")
    edition: str | None = Field(
        description="Édition du texte qui cite ; null pour une note (les notes vont avec l'édition principale)."
    )
    source: str = Field(
        description="Identifiant du texte qui cite : eid de la disposition, « <kind>-<position> » d'une note, "
        "« footnote-<n> » d'une note de bas de page de l'édition."
    )
    source_kind: str = Field(description="« provision », « note » ou « footnote ».")
    start: int = Field(description="Début des mots du renvoi dans le texte qui cite (caractères).")
    end: int = Field(description="Fin des mots du renvoi (exclue).")
    text: str = Field(description="Les mots exacts du renvoi.")
    targets: list[str] = Field(description="Identifiants (eid) des cibles, dans l'ordre des mots.")
    target_instrument: str | None = Field(
        description="Instrument des cibles (un renvoi vise un seul instrument) ; null sans cible."
    )
    resolved: bool = Field(description="Faux quand une cible n'a pas pu être trouvée.")


def reference_out(reference: Reference) -> dict:
    targets = list(reference.targets.all())
    return {
        "instrument": reference.instrument.slug,
        "edition": reference.edition.slug if reference.edition_id else None,
        "source": reference.source_key,
        "source_kind": reference.source_kind,
        "start": reference.start,
        "end": reference.end,
        "text": reference.text,
        "targets": [target.eid for target in targets],
        "target_instrument": targets[0].instrument.slug if targets else None,
        "resolved": reference.resolved,
    }


@router.get(
    "/references/",
    response={200: list[ReferenceOut], 400: ErrorOut, 404: ErrorOut},
    summary="Les renvois internes des textes, avec leurs cibles",
)
def list_references(request: HttpRequest, instrument: str | None = None) -> list[dict]:
    if instrument and not Instrument.objects.filter(slug=instrument).exists():
        raise HttpError(404, f"Aucun instrument « {instrument} ».")
    references = (
        Reference.objects.of_instrument(instrument)
        .select_related("instrument", "edition", "provision", "note")
        .prefetch_related("targets__instrument")
        .in_reading_order()
    )
    return [reference_out(r) for r in references]
