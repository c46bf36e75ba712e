"""A comparison and a citation as data: ``/api/comparisons/…/`` and ``/api/cite/…/``.

The comparison is the page's (``comparison.page.comparison_page``, the one
pipeline), its rows given as each side's segments: a side's segments, joined,
are its paragraph's text exactly, so a program rebuilds both texts and every
difference without reading HTML.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from concordance.api_errors import ErrorOut
from concordance.comparison.lookup import find
from concordance.comparison.page import ComparisonPage, comparison_page
from concordance.corpus.citations import cite
from concordance.corpus.models import Provision
from concordance.lib import quantities
from concordance.lib.comparison import AlignedRow, Block, ComparedUnit, Elsewhere
from concordance.mapping.models import Correspondence

router = Router(tags=["exports"])

# The comparison's piece kinds, as the API names them.
SEGMENT_KINDS = {
    "equal": "equal",
    "deleted": "deleted",
    "inserted": "inserted",
    "term": "terminology",
    "near": "near-equivalent",
    "reference": "corresponding-reference",
    "form": "form",
}
YES, NO = ("1", "true", "oui"), ("", "0", "false", "non")


class CitationOut(Schema):
    text: str = Field(description="La citation : « Convention …, 24 décembre 2024, art. 25, par. 2 ».")
    url: str = Field(description="Le lien permanent de la disposition.")
    csl: dict[str, object] = Field(description="La même référence en CSL-JSON (Zotero, Mendeley…).")


class ProvisionOut(Schema):
    instrument: str
    eid: str
    citation: str = Field(description="La citation en style juridique français.")
    heading: str = Field(description="L'intitulé de l'article.")
    url: str


class UnitOut(Schema):
    eid: str
    label: str = Field(description="Le repère dans l'article : « par. 2 », « a) »…")
    text: str


class SegmentOut(Schema):
    kind: str = Field(description="equal, deleted, inserted, terminology ou form.")
    text: str
    provision: str = Field(description="L'eid du paragraphe où se trouve le segment.")
    start: int = Field(description="Début du segment dans le texte de ce paragraphe (caractères).")
    counterpart: str = Field(description="Pour un terme ou une mise en forme : les mots de l'autre texte.")


class ElsewhereOut(Schema):
    provisions: list[str]
    direction: str = Field(description="« up » ou « down » : où se trouvent ces paragraphes, depuis cette ligne.")


class ComparedQuantityOut(Schema):
    text: str
    value: float
    unit: str
    kind: str
    bound: str
    provision: str
    subject: str = Field(description="Ce que la quantité régit (clé de SUBJECT_LABELS).")


class QuantityPairOut(Schema):
    status: str = Field(description="same, divergent, left-only ou right-only.")
    badge: str
    left: ComparedQuantityOut | None
    right: ComparedQuantityOut | None


class RowOut(Schema):
    number: int = Field(description="Rang de la ligne dans la comparaison complète (à partir de 1).")
    left: list[UnitOut]
    right: list[UnitOut]
    left_elsewhere: ElsewhereOut | None
    right_elsewhere: ElsewhereOut | None
    substantive_change: bool
    terminology_change: bool
    left_segments: list[SegmentOut]
    right_segments: list[SegmentOut]
    quantities: list[QuantityPairOut]


class CorrespondenceOut(Schema):
    relation: str
    relation_label: str
    note: str
    between: str = Field(description="« provisions » : ces deux dispositions ; « articles » : leurs articles.")


class ComparisonOut(Schema):
    left: ProvisionOut
    right: ProvisionOut
    correspondence: CorrespondenceOut | None
    substantive_share: float = Field(description="Part des mots touchés par un changement de fond.")
    rows: list[RowOut]
    across: list[QuantityPairOut] = Field(description="Quantités qui se répondent d'une ligne à l'autre.")


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def csl_json(provision: Provision, url: str) -> dict[str, object]:
    citation = cite(provision)
    issued = citation.issued
    return {
        "id": f"{provision.edition.instrument.slug}:{provision.eid}",
        "type": "legislation",
        "genre": "treaty",
        "title": citation.title,
        "issued": {"date-parts": [[issued.year, issued.month, issued.day]]},
        "locator": citation.locator,
        "URL": url,
        "language": "fr",
        "accessed": {"date-parts": [list(datetime.date.today().timetuple()[:3])]},
    }


@router.get(
    "/cite/{slug}/{eid}/",
    response={200: CitationOut, 400: ErrorOut, 404: ErrorOut},
    summary="La citation d'une disposition, et sa référence CSL-JSON",
)
def citation(request: HttpRequest, slug: str, eid: str) -> dict:
    provision = find(slug, eid)
    found = cite(provision)
    url = absolute(request, found.path)
    return {"text": found.text, "url": url, "csl": csl_json(provision, url)}


def provision_out(request: HttpRequest, provision: Provision, heading: str) -> dict:
    found = cite(provision)
    return {
        "instrument": provision.edition.instrument.slug,
        "eid": provision.eid,
        "citation": found.text,
        "heading": heading,
        "url": absolute(request, found.path),
    }


def correspondence_out(pair: ComparisonPage) -> dict | None:
    link: Correspondence | None = pair.correspondence or pair.article_correspondence
    if link is None:
        return None
    return {
        "relation": link.relation,
        "relation_label": link.get_relation_display(),
        "note": link.note,
        "between": "provisions" if pair.correspondence else "articles",
    }


def units_out(units: list[ComparedUnit]) -> list[dict]:
    return [{"eid": u.eid, "label": u.label, "text": u.text} for u in units]


def segments_out(blocks: list[Block]) -> list[dict]:
    return [
        {
            "kind": SEGMENT_KINDS.get(piece.kind, piece.kind),
            "text": piece.text,
            "provision": block.unit.eid,
            "start": piece.start,
            "counterpart": piece.counterpart,
        }
        for block in blocks
        for piece in block.pieces
    ]


def elsewhere_out(elsewhere: Elsewhere | None) -> dict | None:
    if elsewhere is None:
        return None
    return {"provisions": [u.eid for u in elsewhere.units], "direction": elsewhere.direction}


def quantity_out(quantity: quantities.Quantity | None, unit: ComparedUnit | None, heading: str) -> dict | None:
    if quantity is None or unit is None:
        return None
    return {
        "text": quantity.text,
        "value": quantity.value,
        "unit": quantity.unit,
        "kind": quantity.kind,
        "bound": quantity.bound,
        "provision": unit.eid,
        "subject": quantities.subject_of(unit.within(quantity), unit.text, heading),
    }


def row_quantities(row: AlignedRow, headings: tuple[str, str]) -> list[dict]:
    units = {u.eid: u for u in (*row.lefts, *row.rights, *row.elsewhere_units)}
    return [
        {
            "status": pair.status,
            "badge": pair.badge,
            "left": quantity_out(pair.left, units.get(left_eid), headings[0]),
            "right": quantity_out(pair.right, units.get(right_eid), headings[1]),
        }
        for pair, left_eid, right_eid in row.located_quantity_pairs()
    ]


def row_out(number: int, row: AlignedRow, headings: tuple[str, str]) -> dict:
    return {
        "number": number,
        "left": units_out(row.lefts),
        "right": units_out(row.rights),
        "left_elsewhere": elsewhere_out(row.left_elsewhere),
        "right_elsewhere": elsewhere_out(row.right_elsewhere),
        "substantive_change": row.has_substantive_change,
        "terminology_change": row.has_terminology_change,
        "left_segments": segments_out(row.left_blocks),
        "right_segments": segments_out(row.right_blocks),
        "quantities": row_quantities(row, headings),
    }


@router.get(
    "/comparisons/{left_slug}/{left_eid}/{right_slug}/{right_eid}/",
    response={200: ComparisonOut, 400: ErrorOut, 404: ErrorOut},
    summary="La comparaison de deux dispositions, ligne à ligne",
    description="changes=1 ne garde que les lignes qui changent, sur le fond ou la terminologie "
    "(le rang de chaque ligne dit où sont les autres) ; 404 pour une disposition inconnue.",
)
def comparison(
    request: HttpRequest, left_slug: str, left_eid: str, right_slug: str, right_eid: str, changes: str = ""
) -> dict:
    if changes.lower() not in YES + NO:
        raise HttpError(400, f"changes : « {changes} » n'est pas une valeur admise ; valeurs admises : 1 ou 0.")
    pair = comparison_page(find(left_slug, left_eid), find(right_slug, right_eid))
    rows = [
        row_out(number, row, pair.headings)
        for number, row in enumerate(pair.comparison.rows, start=1)
        if changes.lower() not in YES or row.has_substantive_change or row.has_terminology_change
    ]
    return {
        "left": provision_out(request, pair.left, pair.headings[0]),
        "right": provision_out(request, pair.right, pair.headings[1]),
        "correspondence": correspondence_out(pair),
        "substantive_share": pair.comparison.substantive_share,
        "rows": rows,
        "across": [
            {
                "status": found.pair.status,
                "badge": found.pair.badge,
                "left": quantity_out(found.pair.left, found.left, pair.headings[0]),
                "right": quantity_out(found.pair.right, found.right, pair.headings[1]),
            }
            for found in pair.comparison.across
        ],
    }
