"""The quantities as JSON: every quantity of every provision of the primary editions."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from pydantic import WithJsonSchema

from concordance.analysis import quantities as quantity_groups
from concordance.analysis.findings import QuantityEntry, findings
from concordance.api_errors import ErrorOut
from concordance.corpus.catalogue import INSTRUMENTS
from concordance.lib.quantities import BOUNDS, QUANTITY_KINDS, SUBJECT_LABELS, UNITS

router = Router(tags=["analyse"])


class QuantityOut(Schema):
    instrument: str = Field(description="Slug de l'instrument (un, budapest, budapest-p1).")
    eid: str = Field(description="Identifiant de la disposition qui énonce la quantité (art_25__para_2).")
    citation: str
    text: str = Field(description="Les mots exacts de la source, borne comprise (« au maximum de 90 jours »).")
    value: int | float = Field(
        description="Valeur normalisée dans l'unité donnée ; pour une fraction, la part elle-même."
    )
    unit: str = Field(description=f"Unité : {', '.join(UNITS)}.")
    kind: str = Field(description=f"Nature : {', '.join(QUANTITY_KINDS)}.")
    bound: str = Field(
        description="Borne : « » (exactement), "
        + ", ".join(f"{key} ({words})" for key, words in BOUNDS.items() if key)
        + ". Deux quantités de même valeur mais de bornes différentes divergent."
    )
    subject: str = Field(description=f"Ce que la quantité régit : {', '.join(SUBJECT_LABELS)}.")
    label: str = Field(description="Libellé normalisé, sans la borne (« 90 jours »).")
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


def one_of(values) -> WithJsonSchema:
    """A string parameter described as an enumeration of these values."""
    return WithJsonSchema({"type": "string", "enum": list(values)})


@router.get(
    "/quantities/",
    response={200: list[QuantityOut], 400: ErrorOut},
    summary="Les quantités de chaque disposition",
    description=f"Filtres facultatifs, combinables : instrument (slug), subject ({', '.join(SUBJECT_LABELS)}), "
    f"kind ({', '.join(QUANTITY_KINDS)}).",
)
def list_quantities(
    request: HttpRequest,
    instrument: Annotated[str, one_of(entry.slug for entry in INSTRUMENTS)] = "",
    subject: Annotated[str, one_of(SUBJECT_LABELS)] = "",
    kind: Annotated[str, one_of(QUANTITY_KINDS)] = "",
) -> list[dict]:
    # The admitted values are declared as enumerations in the description, so
    # that a client (or schemathesis) knows them; the parameters stay plain
    # strings so that another value gets the 400 below, naming them, rather
    # than django-ninja's generic 422.
    found = findings()
    instruments = list(dict.fromkeys(key[0] for key in found.articles))
    if instrument and instrument not in instruments:
        raise HttpError(400, f"Instrument inconnu : « {instrument} » ; valeurs admises : {', '.join(instruments)}.")
    if subject and subject not in SUBJECT_LABELS:
        raise HttpError(400, f"Objet inconnu : « {subject} » ; valeurs admises : {', '.join(SUBJECT_LABELS)}.")
    if kind and kind not in QUANTITY_KINDS:
        raise HttpError(400, f"Nature inconnue : « {kind} » ; valeurs admises : {', '.join(QUANTITY_KINDS)}.")
    return [quantity_out(q) for q in quantity_groups.select(found, instrument, subject, kind)]
