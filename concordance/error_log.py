"""Every unhandled error is logged with what it takes to find it again.

- `RequestId`, a middleware: each request gets an id, the one an upstream
  proxy sent in X-Request-ID when it is well-formed, otherwise a new one; the
  response carries it back in X-Request-ID, the 500 page shows it, and every
  log record written while the request runs is stamped with it.
- `logging_config`: the LOGGING setting. Errors go to standard error
  (gunicorn's log) and, in production, to a rotating file under var/log/,
  each record with the request id, method, path and user, and the traceback.
- `server_error`, the 500 handler: the site's page with the request id to
  quote. It reads nothing from the database, which may be why it was called.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid
from collections.abc import Callable
from pathlib import Path

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

HEADER = "X-Request-ID"
# What an upstream id may look like to be reused: a uuid, a hex or base64url
# token, nginx's $request_id. Anything else (spaces, control characters, a
# very long value) would make the log ambiguous or let a client forge lines.
WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,64}")

current_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar("current_request", default=None)


def new_request_id() -> str:
    return uuid.uuid4().hex


class RequestId:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.request_id = incoming if WELL_FORMED.fullmatch(incoming) else new_request_id()
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        response[HEADER] = request.request_id
        return response


def user_of(request: HttpRequest) -> str:
    """Who made the request: the user name, "anonyme", or "-" when it cannot
    be known (no authentication yet, or the database is what failed)."""
    user = getattr(request, "user", None)
    if user is None:
        return "-"
    try:
        return user.get_username() if user.is_authenticated else "anonyme"
    except Exception:  # noqa: BLE001 - loading the user may need the failing database
        return "-"


class RequestContext(logging.Filter):
    """Adds request_id, method, path and user to every record (with "-"
    outside a request), from the record's own request (Django's loggers pass
    it) or the one being served."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if not isinstance(request, HttpRequest):
            request = current_request.get()
        if request is None:
            record.request_id = record.method = record.path = record.user = "-"
            return True
        record.request_id = getattr(request, "request_id", "-")
        record.method = request.method or "-"
        record.path = request.get_full_path()[:500]
        record.user = user_of(request)
        return True


FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(method)s %(path)s user=%(user)s %(name)s: %(message)s"
LOG_FILE = "concordance.log"


def logging_config(log_dir: Path | None) -> dict:
    """LOGGING: errors of Django's request handling and warnings of the
    project's code to standard error and, when `log_dir` is given, to a file
    there rotated at 10 MB (five kept)."""
    handlers: dict[str, dict] = {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request"],
            "formatter": "request",
        }
    }
    if log_dir is not None:
        Path(log_dir).mkdir(parents=True, exist_ok=True)
        handlers["file"] = {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": str(Path(log_dir) / LOG_FILE),
            "maxBytes": 10 * 1024 * 1024,
            "backupCount": 5,
            "encoding": "utf-8",
            "delay": True,
            "filters": ["request"],
            "formatter": "request",
        }
    names = list(handlers)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request": {"()": "concordance.error_log.RequestContext"}},
        "formatters": {"request": {"format": FORMAT}},
        "handlers": handlers,
        "loggers": {
            # Unhandled exceptions (500) are logged here by Django, with the request.
            "django.request": {"handlers": names, "level": "ERROR", "propagate": False},
            "django.security": {"handlers": names, "level": "ERROR", "propagate": False},
            "concordance": {"handlers": names, "level": "WARNING", "propagate": False},
        },
    }


FALLBACK = "Erreur du serveur. Identifiant de la requête à citer : {request_id}\n"


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: templates/500.html with the request id, rendered without
    the request (no user, no session: nothing that queries the database); if
    even that fails, the id in plain text."""
    request_id = getattr(request, "request_id", "-")
    try:
        body = loader.get_template("500.html").render({"request_id": request_id})
    except Exception:  # noqa: BLE001 - the error page itself must not fail
        logging.getLogger("concordance.error_log").exception("the 500 page could not be rendered")
        return HttpResponseServerError(FALLBACK.format(request_id=request_id), content_type="text/plain; charset=utf-8")
    return HttpResponseServerError(body)
