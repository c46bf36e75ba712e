"""Every URL pattern of the project, and every query parameter the pages
read, given hostile values: unknown things, very long or odd text, dot
segments, percent-encoded junk, SQL and HTML.

What a visitor must never get: a server error (5xx), or the script they put
in the address sent back unescaped. What they should get for a thing that
does not exist: 404 (or 400 for a malformed form or address).
"""

from __future__ import annotations

import pytest
from django.test import Client

from concordance.mapping.models import Correspondence
from tests.security.urlwalk import (
    HOSTILE,
    SCRIPT,
    UNKNOWN,
    Route,
    body,
    distinct_routes,
    encoded,
    recording_query_reads,
)

pytestmark = pytest.mark.django_db

ROUTES = distinct_routes()

# A real value for each parameter name, so that one hostile parameter at a
# time reaches the code behind the others. Names not listed get hostile
# values only.
VALID = {
    "slug": "budapest",
    "number": "2",
    "left_slug": "un",
    "left_eid": "art_25__para_2",
    "right_slug": "budapest",
    "right_eid": "art_29__para_7",
    "eid": "art_2",
    "app_label": "corpus",
}

LOGIN_PAGES = ("/accounts/login/", "/admin/login/")
NOT_HTML = ("application/json", "text/plain", "text/csv")


def valid_values() -> dict[str, str]:
    correspondence = Correspondence.objects.order_by("pk").first()
    record = correspondence.history.order_by("history_id").first()
    return {**VALID, "pk": str(correspondence.pk), "history_id": str(record.history_id)}


def hostile_addresses(route: Route, valid: dict[str, str]) -> list[tuple[str, str]]:
    """(label, address) for every hostile value in every parameter at once,
    then in each parameter alone when the route has several."""
    addresses = []
    for label, (value, raw) in HOSTILE.items():
        addresses.append((label, route.url({name: encoded(value, raw) for name in route.parameters})))
        if len(route.parameters) > 1:
            for name in route.parameters:
                if name in valid:
                    values = {other: valid.get(other, "x") for other in route.parameters}
                    values[name] = encoded(value, raw)
                    addresses.append((f"{label} in {name}", route.url(values)))
    return addresses


def harmless_echo(response) -> bool:
    """An error message in JSON or plain text may quote the value it refuses:
    with its type declared and sniffing forbidden, no browser runs it as HTML."""
    return response["Content-Type"].startswith(NOT_HTML) and response.get("X-Content-Type-Options") == "nosniff"


def problems_with(response, address: str, label: str, route: Route) -> list[str]:
    found = []
    if response.status_code >= 500:
        found.append(f"{response.status_code} for {address[:200]}")
    if SCRIPT.encode() in body(response) and not harmless_echo(response):
        found.append(f"script reflected unescaped by {address[:200]}")
    if route.ours and route.parameters:
        allowed = {301, 400, 404, 405}
        # A page for curators sends an anonymous visitor to sign in first.
        if response.status_code == 302 and response["Location"].startswith(LOGIN_PAGES):
            allowed.add(302)
        if response.status_code not in allowed:
            found.append(f"{response.status_code} (expected 404) for {label}: {address[:200]}")
    return found


@pytest.mark.parametrize("route", [r for r in ROUTES if r.parameters], ids=str)
def test_hostile_path_segments(route, client, curator_client_factory):
    valid = valid_values()
    problems = []
    for visitor in (client, curator_client_factory()):
        for label, address in hostile_addresses(route, valid):
            response = visitor.get(address)
            problems += problems_with(response, address, label, route)
    assert not problems, "\n".join(problems)


def test_unknown_things_are_404_on_every_route_of_the_project(client, curator_client_factory):
    """The plain case, stated on its own: a well-formed address naming
    nothing that exists answers 404, for a visitor and for a curator."""
    curator = curator_client_factory()
    wrong = []
    for route in ROUTES:
        if not (route.ours and route.parameters):
            continue
        for label in UNKNOWN:
            value, raw = HOSTILE[label]
            address = route.url({name: encoded(value, raw) for name in route.parameters})
            status = curator.get(address).status_code
            if status not in {404, 405}:
                wrong.append(f"{status} for {address}")
    assert not wrong, "\n".join(wrong)


# The names the brief lists; the walk adds whatever else the pages ask for.
KNOWN_PARAMETERS = [
    "q",
    "from",
    "chapter",
    "theme",
    "relation",
    "missing",
    "view",
    "changes",
    "terms",
    "edition",
    "left",
    "left_ref",
    "right",
    "right_ref",
    "class",
    "instrument",
    "kind",
    "subject",
    "exact",
    "page",
    "next",
    "all_editions",
]


def api_query_parameters(route: Route) -> set[str]:
    from concordance.api import api

    operation = api.get_openapi_schema()["paths"][str(route)]["get"]
    return {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "query"}


def readable_pages(client, valid: dict[str, str]) -> list[tuple[str, set[str]]]:
    """Every route whose address needs no parameter, or only those in VALID,
    and that answers 200 to a visitor; with the query parameters it asks for,
    whether given or not."""
    pages = []
    for route in ROUTES:
        if route.admin or not all(name in valid for name in route.parameters):
            continue
        address = route.url(valid)
        with recording_query_reads() as names:
            if client.get(address).status_code != 200:
                continue
            # Forms are often bound only when the query is not empty.
            client.get(address + "?" + "&".join(f"{name}=" for name in KNOWN_PARAMETERS))
        if route.module.startswith("ninja."):
            # django-ninja reads every parameter it is given; its description
            # says which ones the endpoint takes.
            names = api_query_parameters(route)
        pages.append((address, set(names)))
    return pages


# Every hostile value goes into every parameter at once; these also go into
# each parameter alone, so that one bad value cannot hide behind another.
QUERY_VALUES = list(HOSTILE)
ALONE_VALUES = ["script", "5000 characters", "huge number"]

# What Django's admin reads from the query of its list, form and history
# pages (it copies request.GET whole, which the recording does not see):
# search, ordering, page, error flag, show-all, the list's own filters,
# popups and the field a popup links by, and each list filter of the model.
ADMIN_PARAMETERS = [
    "q",
    "o",
    "p",
    "e",
    "all",
    "_changelist_filters",
    "_popup",
    "_to_field",
    "origin__exact",
    "status__exact",
    "relation__exact",
    "themes__id__exact",
    "left__edition__instrument__id__exact",
]


def hostile_queries(names: set[str], every_name: list[str], alone: list[str]) -> list[tuple[str, str]]:
    queries = []
    for label in QUERY_VALUES:
        value, raw = HOSTILE[label]
        queries.append((label, "&".join(f"{name}={encoded(value, raw)}" for name in every_name)))
    for name in sorted(names):
        for label in alone:
            value, raw = HOSTILE[label]
            queries.append((f"{label} in {name}", f"{name}={encoded(value, raw)}"))
    return queries


def walk(visitor, pages: list[tuple[str, set[str]]], known: list[str], alone=ALONE_VALUES) -> tuple[list[str], int]:
    """Every page with every hostile query; what went wrong, and how many requests it took."""
    problems = []
    requests = 0
    for page, names in pages:
        for label, query in hostile_queries(names, sorted(set(known) | names), alone):
            response = visitor.get(f"{page}?{query}")
            requests += 1
            if response.status_code >= 500:
                problems.append(f"{response.status_code} for {label} on {page}")
            elif response.status_code not in {200, 302, 400, 404}:
                problems.append(f"unexpected {response.status_code} for {label} on {page}")
            if SCRIPT.encode() in body(response) and not harmless_echo(response):
                problems.append(f"script reflected unescaped for {label} on {page}")
    return problems, requests


def test_hostile_query_parameters_on_every_page(client):
    valid = valid_values()
    pages = readable_pages(client, valid)
    assert len(pages) >= 15, pages
    # The recording sees what the pages read (were it blind, the walk would
    # only send the listed names all at once).
    read_anywhere = set().union(*(names for _, names in pages))
    assert {"q", "from", "edition", "view", "left_ref", "class", "subject", "theme"} <= read_anywhere
    problems, requests = walk(client, pages, KNOWN_PARAMETERS)
    assert not problems, "\n".join(problems)
    # The walk stays cheap enough to run with the rest of the suite.
    assert 400 < requests < 1500, requests


FORM_FIELDS = [
    "left_instrument",
    "left_provision",
    "right_instrument",
    "right_provision",
    "relation",
    "note",
    "themes",
    "status",
]


def curator_pages(curator, valid: dict[str, str]) -> list[tuple[str, set[str]]]:
    """The pages only a signed-in curator reads (they send a visitor to sign in)."""
    anonymous = Client()
    pages = []
    for route in ROUTES:
        if route.admin or not all(name in valid for name in route.parameters):
            continue
        address = route.url(valid)
        if anonymous.get(address).status_code != 302:
            continue
        with recording_query_reads() as names:
            if curator.get(address).status_code != 200:
                continue
            curator.get(address + "?" + "&".join(f"{name}=" for name in KNOWN_PARAMETERS))
        pages.append((address, set(names)))
    return pages


def test_hostile_query_parameters_on_the_curator_pages(curator_client_factory):
    curator = curator_client_factory()
    valid = valid_values()
    pages = curator_pages(curator, valid)
    addresses = {address for address, _ in pages}
    assert {"/concordance/correspondences/new/", f"/concordance/correspondences/{valid['pk']}/"} <= addresses, pages
    # The new-correspondence form starts from the whole query (a link from
    # the table fills it in: request.GET.dict(), which the recording does not
    # see): each of its fields gets hostile values of its own.
    pages = [(address, names | set(FORM_FIELDS) if address.endswith("/new/") else names) for address, names in pages]
    problems, requests = walk(curator, pages, [*KNOWN_PARAMETERS, *FORM_FIELDS])
    assert not problems, "\n".join(problems)
    assert requests > 50, requests


def test_hostile_query_parameters_in_the_admin(curator_client_factory):
    curator = curator_client_factory()
    valid = valid_values()
    pk = valid["pk"]
    pages = [
        ("/admin/", set()),
        ("/admin/mapping/correspondence/", {"q", "o", "p", "status__exact", "relation__exact"}),
        ("/admin/mapping/missingcounterpart/", {"q", "o", "p"}),
        (f"/admin/mapping/correspondence/{pk}/change/", {"_changelist_filters", "_popup", "_to_field"}),
        (f"/admin/mapping/correspondence/{pk}/history/", {"p"}),
        ("/admin/mapping/correspondence/add/", {"_changelist_filters", "left", "note"}),
    ]
    for address, _ in pages:
        assert curator.get(address).status_code == 200, address
    # The script alone in each: the admin's own code is not ours to walk twice.
    problems, requests = walk(curator, pages, ADMIN_PARAMETERS, alone=["script"])
    assert not problems, "\n".join(problems)
    assert requests > 80, requests
