"""The quantities as JSON: every quantity of every provision of the primary editions."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from concordance.analysis import quantities as quantity_groups
from concordance.analysis.findings import QuantityEntry, findings
from concordance.api_errors import ErrorOut
from concordance.lib.quantities import KINDS, SUBJECT_LABELS

router = Router(tags=["analyse"])


class QuantityOut(Schema):
    instrument: str
    eid: str
    citation: str
    text: str  # the exact words of the source, bound included
    value: int | float
    unit: str
    kind: str
    bound: str
    subject: str
    label: str
    url: str


def quantity_out(quantity: QuantityEntry) -> dict:
    return {
        "instrument": quantity.instrument,
        "eid": quantity.eid,
        "citation": quantity.provision.citation,
        "text": quantity.text,
        "value": quantity.value,
        "unit": quantity.unit,
        "kind": quantity.kind,
        "bound": quantity.bound,
        "subject": quantity.subject,
        "label": quantity.label,
        "url": quantity.provision.url,
    }


@router.get(
    "/quantities/",
    response={200: list[QuantityOut], 400: ErrorOut},
    summary="Les quantités de chaque disposition",
    description=f"Filtres facultatifs : instrument (slug), subject ({', '.join(SUBJECT_LABELS)}). "
    f"kind est l'un de : {', '.join(KINDS)}.",
)
def list_quantities(request: HttpRequest, instrument: str = "", subject: str = "") -> list[dict]:
    found = findings()
    if instrument and not any(key[0] == instrument for key in found.articles):
        raise HttpError(400, f"Instrument inconnu : « {instrument} ».")
    if subject and subject not in SUBJECT_LABELS:
        raise HttpError(400, f"Objet inconnu : « {subject} » ; valeurs admises : {', '.join(SUBJECT_LABELS)}.")
    return [quantity_out(q) for q in quantity_groups.select(found, instrument, subject)]
