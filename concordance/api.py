"""The JSON API, described by OpenAPI at /api/openapi.json (docs at /api/docs)."""

from __future__ import annotations

import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError
from pydantic import WithJsonSchema

from concordance import paging
from concordance.api_errors import ErrorOut
from concordance.corpus import texts
from concordance.corpus.models import Instrument, Provision
from concordance.mapping.interchange.pages import PER_PAGE, concordance_page
from concordance.mapping.interchange.schema import ConcordanceDocument

api = NinjaAPI(
    title="Concordance",
    version="1",
    description="Textes et concordance de la Convention des Nations Unies contre la "
    "cybercriminalité et de la Convention de Budapest.",
    urls_namespace="api",
)


class SourceOut(Schema):
    filename: str
    title: str
    issuer: str
    issued_on: datetime.date


class EditionOut(Schema):
    slug: str
    label: str
    is_primary: bool
    source: SourceOut


class InstrumentOut(Schema):
    slug: str
    title: str
    short_title: str
    issuer: str
    adopted_at: str
    adopted_on: datetime.date
    parent: str | None
    article_count: int
    editions: list[EditionOut]


class NodeOut(Schema):
    eid: str
    kind: str
    num: str
    # A list item's label as printed ("2.", "a)", "a."); empty otherwise.
    marker: str
    heading: str
    text: str
    children: list[NodeOut]


NodeOut.model_rebuild()


class InstrumentDetailOut(InstrumentOut):
    edition: str
    preamble: list[str]
    body: list[NodeOut]


def instrument_out(instrument: Instrument) -> dict:
    return {
        "slug": instrument.slug,
        "title": instrument.title,
        "short_title": instrument.short_title,
        "issuer": instrument.issuer,
        "adopted_at": instrument.adopted_at,
        "adopted_on": instrument.adopted_on,
        "parent": instrument.parent.slug if instrument.parent_id else None,
        "article_count": instrument.article_count,
        "editions": [
            {
                "slug": edition.slug,
                "label": edition.label,
                "is_primary": edition.is_primary,
                "source": edition.source,
            }
            for edition in instrument.editions.all()
        ],
    }


def provision_out(provision: Provision) -> dict:
    return {
        "eid": provision.eid,
        "kind": provision.kind,
        "num": provision.num,
        "marker": provision.marker,
        "heading": provision.heading,
        "text": provision.text,
        "children": [provision_out(child) for child in provision.subprovisions],
    }


def division_out(entry: texts.DivisionEntry) -> dict:
    return {
        "eid": entry.division.eid,
        "kind": entry.division.kind,
        "num": entry.division.num,
        "marker": "",
        "heading": entry.division.heading,
        "text": "",
        "children": [division_out(child) for child in entry.children]
        + [provision_out(article) for article in entry.articles],
    }


@api.get("/instruments/", response={200: list[InstrumentOut], 400: ErrorOut}, summary="Les instruments")
def list_instruments(request: HttpRequest) -> list[dict]:
    return [instrument_out(i) for i in Instrument.objects.with_facts().select_related("parent")]


@api.get(
    "/instruments/{slug}/",
    # 400: a NUL character in the address (concordance.security); 404: no
    # such instrument, or no such edition of it.
    response={200: InstrumentDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="Un instrument et son arbre de dispositions",
)
def instrument_detail(request: HttpRequest, slug: str, edition: str | None = None) -> dict:
    instrument = texts.get_instrument(slug)
    chosen = texts.choose_edition(instrument, edition)
    text = texts.instrument_text(instrument, chosen)
    return {
        **instrument_out(instrument),
        "edition": chosen.slug,
        "preamble": chosen.preamble,
        "body": [division_out(entry) for entry in text.outline],
    }


class ConcordancePageOut(ConcordanceDocument):
    """A page of the concordance: the import's document shape, with where it stands among the pages."""

    count: int = Field(description="Nombre total de correspondances établies (toutes pages).")
    page: int = Field(description="Numéro de cette page, à partir de 1.")
    pages: int = Field(description="Nombre de pages.")
    next: str | None = Field(description="Adresse de la page suivante ; null sur la dernière.")
    previous: str | None = Field(description="Adresse de la page précédente ; null sur la première.")


PAGE_PARAMETER = WithJsonSchema({"type": "integer", "minimum": 1, "default": 1})


@api.get(
    "/concordance/",
    # The shape the import reads (mapping.interchange.schema), declared once, with the page's place.
    response={200: ConcordancePageOut, 400: ErrorOut, 404: ErrorOut},
    summary="La concordance, par pages, au format de manage.py export_concordance",
    description=(
        "Une page de la concordance établie : tous les thèmes et au plus "
        f"{PER_PAGE} entrées de chaque liste (correspondances, articles sans équivalent, "
        "thèmes des articles), dans l'ordre de leurs identifiants. `?page=N` (à partir de 1) "
        "choisit la page ; `next` et `previous` donnent l'adresse des pages voisines, `count` "
        "le nombre de correspondances, `pages` le nombre de pages. Le document entier est "
        "la réunion des pages : mettre bout à bout leurs `correspondences` et leurs "
        "`without_counterpart`, fusionner leurs `article_themes` (les thèmes d'un article "
        "sont toujours sur une seule page). Un numéro qui n'est pas un entier à partir de 1 "
        "reçoit 400, une page au-delà de la dernière 404."
    ),
    # A curated correspondence has no score: the field is left out, as in the export.
    exclude_unset=True,
)
def concordance(request: HttpRequest, page: Annotated[str, PAGE_PARAMETER] = "") -> dict:
    # A plain string, described as an integer: a bad value gets the 400 below
    # with its reason rather than django-ninja's generic 422.
    try:
        number = paging.page_number(request.GET)
        found = concordance_page(number)
    except paging.BadPage as error:
        raise HttpError(400, str(error)) from error
    except paging.NoSuchPage as error:
        raise HttpError(404, str(error)) from error

    def address(other: int) -> str | None:
        return request.build_absolute_uri(f"{request.path}?page={other}") if 1 <= other <= found["pages"] else None

    return {**found, "next": address(number + 1), "previous": address(number - 1)}


# Endpoints of the other apps, each on its own router.
from concordance.analysis.api import router as analysis_router  # noqa: E402
from concordance.crossrefs.api import router as crossrefs_router  # noqa: E402
from concordance.exports.api import router as exports_router  # noqa: E402

api.add_router("/", crossrefs_router)
api.add_router("/", analysis_router)
api.add_router("/", exports_router)
