"""Request-level defences that belong to no single app.

- `lockout_response`, named by settings as AXES_LOCKOUT_CALLABLE: instead of
  django-axes' bare text, a locked-out visitor gets the sign-in page again,
  with a message saying why the password was not even checked and how long
  to wait.
- `RejectNulCharacters`, a middleware: a NUL character in an address gets a
  400 before any view passes it to PostgreSQL.
- `ReadOnlyAPI`, a middleware: the JSON API answers 405 to anything but
  GET, HEAD and OPTIONS.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render

# 429 Too Many Requests: the refusal is about the attempts, not the account.
LOCKOUT_STATUS = 429


def cooloff_minutes() -> int:
    return math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = AuthenticationForm(request, initial={"username": username})
    context = {
        "form": form,
        "next": request.POST.get("next") or request.GET.get("next", ""),
        "locked_out": True,
        "cooloff_minutes": cooloff_minutes(),
    }
    return render(request, "registration/login.html", context, status=LOCKOUT_STATUS)


NUL_MESSAGE = "Adresse invalide : elle contient un caractère nul."


class RejectNulCharacters:
    """Answer 400 to an address whose path or query holds a NUL character.

    No address of the site has one, and PostgreSQL text cannot hold one: a
    view passing it to a query would fail with a DataError (a 500) instead of
    saying the address is wrong. Django's form fields already refuse NUL in
    submitted data; this covers path segments and query parameters that views
    read directly.

    The search box's ``q`` is the one exception: the search view removes
    control characters, NUL among them, and says so on its page, which
    tells a reader more than a bare 400 would.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul(request):
            if request.path_info.startswith(settings.API_PREFIX):
                # The API describes its errors as JSON (concordance/api_errors.py).
                return JsonResponse({"detail": NUL_MESSAGE}, status=400, json_dumps_params={"ensure_ascii": False})
            return HttpResponseBadRequest(
                NUL_MESSAGE,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


# (path, parameter) whose view cleans NUL itself (``searching.clean_query``).
NUL_CLEANED_BY_VIEW = {("/search/", "q")}


def has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path_info:
        return True
    return any(
        "\x00" in name
        or ((request.path_info, name) not in NUL_CLEANED_BY_VIEW and any("\x00" in value for value in values))
        for name, values in request.GET.lists()
    )


class ReadOnlyAPI:
    """The JSON API only reads: any other method under its prefix gets 405.

    django-ninja already answers 405 to a method an endpoint does not
    declare, but its OpenAPI description and docs views answer any method;
    this also keeps an endpoint added later with @api.post from becoming
    writable without this rule being lifted on purpose.
    """

    SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(settings.API_PREFIX) and request.method not in self.SAFE_METHODS:
            return HttpResponseNotAllowed(self.SAFE_METHODS)
        return self.get_response(request)
