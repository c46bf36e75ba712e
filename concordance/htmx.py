"""Full page or named partial: the one rule every page follows with htmx."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers


def is_partial(request: HttpRequest) -> bool:
    """Whether this request swaps a part of a page in place.

    A history-restore request comes from htmx but wants the whole page: the
    browser's back button must rebuild everything, not one fragment.
    """
    # django-htmx's middleware sets ``request.htmx``; it is false outside htmx.
    htmx = getattr(request, "htmx", None)
    if not htmx:
        return False
    return not htmx.history_restore_request and not htmx.boosted


def template_for(request: HttpRequest, template: str, partial: str) -> str:
    """``template#partial`` for an htmx swap, the whole page otherwise."""
    return f"{template}#{partial}" if is_partial(request) else template


class VaryOnHtmxRequest:
    """Tell caches that a page and its htmx partial share one URL.

    Without ``Vary: HX-Request`` the browser keeps the fragment it fetched
    for a switch under the page's address, and the back button later shows
    that bare fragment instead of the page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_vary_headers(response, ("HX-Request",))
        return response
