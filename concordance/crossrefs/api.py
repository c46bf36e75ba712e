"""The stored cross-references as JSON: ``GET /api/references/``."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from concordance.api_errors import ErrorOut
from concordance.corpus.models import Instrument
from concordance.crossrefs.models import Reference

router = Router(tags=["renvois"])


class TargetOut(Schema):
    eid: str
    # Only when the target is in another instrument than the citing text.
    instrument: str | None


class ReferenceOut(Schema):
    instrument: str
    edition: str | None  # None for a note (notes go with the primary edition)
    source: str  # eid of the citing provision, or "<kind>-<position>" of a note
    source_kind: str  # "provision" | "note"
    start: int
    end: int
    text: str
    targets: list[TargetOut]
    resolved: bool


def reference_out(reference: Reference) -> dict:
    return {
        "instrument": reference.instrument.slug,
        "edition": reference.edition.slug if reference.edition_id else None,
        "source": reference.source_key,
        "source_kind": "provision" if reference.provision_id else "note",
        "start": reference.start,
        "end": reference.end,
        "text": reference.text,
        "targets": [
            {
                "eid": target.eid,
                "instrument": None if target.instrument_id == reference.instrument_id else target.instrument.slug,
            }
            for target in reference.targets.all()
        ],
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
