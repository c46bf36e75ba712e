"""Full page or named partial: the one rule every page follows with htmx."""

from __future__ import annotations

from django.http import HttpRequest


def template_for(request: HttpRequest, template: str, partial: str) -> str:
    """``template#partial`` for an htmx swap, the whole page otherwise.

    A history-restore request comes from htmx but wants the whole page: the
    browser's back button must rebuild everything, not one fragment.
    """
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request and not htmx.boosted:
        return f"{template}#{partial}"
    return template
