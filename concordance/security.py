"""Request-level defences that belong to no single app.

- `client_address`, named by settings as AXES_CLIENT_IP_CALLABLE: the
  address the sign-in throttle keys on.
- `lockout_response`, named by settings as AXES_LOCKOUT_CALLABLE: instead of
  django-axes' bare text, a locked-out visitor gets the sign-in page again,
  with a message saying why the password was not even checked and how long
  to wait.
- `RejectNulCharacters`, a middleware: a NUL character in an address gets a
  400 before any view passes it to PostgreSQL.
- `ReadOnlyAPI`, a middleware: the JSON API answers 405 to anything but
  GET, HEAD and OPTIONS, and answers those two itself where django-ninja
  would not.
- `BoundedRequestBody`, a middleware: a body larger than
  MAX_REQUEST_BODY_BYTES is refused with 413 before anything reads it.
- `HistoryIdsChecked`, a ModelAdmin mixin: the admin's history views answer
  404 to an id that cannot be one.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    JsonResponse,
)
from django.shortcuts import render
from django.utils import translation

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


def client_address(request: HttpRequest) -> str | None:
    """The visitor's address: REMOTE_ADDR, or behind a trusted proxy
    (TRUST_X_FORWARDED_FOR) the last entry of X-Forwarded-For, the one the
    proxy appended; entries before it come from the client and may be forged."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")


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
    page = unprefixed(request.path_info)
    return any(
        "\x00" in name or ((page, name) not in NUL_CLEANED_BY_VIEW and any("\x00" in value for value in values))
        for name, values in request.GET.lists()
    )


def unprefixed(path: str) -> str:
    """The page's address without its language prefix: /en/search/ is the search page too."""
    language = translation.get_language_from_path(path)
    return path.removeprefix(f"/{language}") if language and language != settings.LANGUAGE_CODE else path


class ReadOnlyAPI:
    """The JSON API only reads: any other method under its prefix gets 405.

    django-ninja already answers 405 to a method an endpoint does not
    declare, but its OpenAPI description and docs views answer any method;
    this also keeps an endpoint added later with @api.post from becoming
    writable without this rule being lifted on purpose.

    django-ninja also answers 405 to HEAD and OPTIONS on its endpoints, which
    declare GET only: HEAD is answered as GET without the body (RFC 9110
    §9.3.2), OPTIONS with the methods allowed and nothing else.
    """

    SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(settings.API_PREFIX):
            return self.get_response(request)
        if request.method not in self.SAFE_METHODS:
            return HttpResponseNotAllowed(self.SAFE_METHODS)
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = ", ".join(self.SAFE_METHODS)
            return response
        if request.method == "HEAD":
            request.method = "GET"
            response = self.get_response(request)
            request.method = "HEAD"
            if not response.streaming:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
            return response
        return self.get_response(request)


TOO_LARGE_MESSAGE = "Requête trop volumineuse : le site n'accepte pas d'envoi de plus de {limit} Mo."


class BoundedRequestBody:
    """Answer 413 to a request whose body is larger than MAX_REQUEST_BODY_BYTES.

    Django bounds urlencoded forms (DATA_UPLOAD_MAX_MEMORY_SIZE) but reads a
    multipart body of any size in full, spooling files to disk, before a view
    can ignore them: a 200 MB anonymous post to the sign-in page was read to
    the end. No form of the site sends a file, so the declared length is
    enough to refuse it unread; WSGI servers give Django no body beyond it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY_BYTES:
            message = TOO_LARGE_MESSAGE.format(limit=round(settings.MAX_REQUEST_BODY_BYTES / 1024 / 1024, 1))
            if request.path_info.startswith(settings.API_PREFIX):
                response = JsonResponse({"detail": message}, status=413, json_dumps_params={"ensure_ascii": False})
            else:
                response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
            # The body is left unread: the client must not reuse the connection.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class HistoryIdsChecked:
    """For a ModelAdmin with django-simple-history's history views: an object
    or version id that cannot be one (/admin/…/abc/history/) is a 404, where
    simple_history passes it to a query that raises ValueError (a 500)."""

    def history_view(self, request, object_id, extra_context=None):
        self._check_id(self.model._meta.pk, unquote(object_id))
        return super().history_view(request, object_id, extra_context=extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_id(self.model._meta.pk, unquote(object_id))
        self._check_id(self.model.history.model._meta.pk, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context=extra_context)

    @staticmethod
    def _check_id(field, value: str) -> None:
        try:
            value = field.to_python(value)
            # A number beyond the column's range cannot name a row either.
            if isinstance(value, int) and not -(2**63) <= value < 2**63:
                raise ValidationError("out of range")
        except (ValidationError, ValueError, TypeError):
            raise Http404("No such id.") from None
