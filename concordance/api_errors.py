"""The error answers of the JSON API, declared in its OpenAPI description.

In a module of its own so that every app's router can import it without
importing concordance.api, which imports those routers.
"""

from __future__ import annotations

from ninja import Schema


class ErrorOut(Schema):
    """What django-ninja answers for HttpError and Http404: {"detail": "…"}."""

    detail: str
