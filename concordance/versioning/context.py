"""Keep the session out of pages asked for without one.

``django.contrib.auth``'s and ``messages``' context processors give lazy
``user``, ``perms`` and ``messages`` that read the session as soon as a
template looks at them (base.html shows the sign-in link or the curator's
name on every page), and a page that read the session varies on the cookie:
no shared cache could keep it, nor could the response cache. Without a
session cookie nor a message cookie, the reader is anonymous and has no
message, which this says without asking the session.
"""

from __future__ import annotations

from django.contrib.auth.context_processors import PermWrapper
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from concordance.versioning.middleware import has_session


def sessionless(request: HttpRequest) -> dict[str, object]:
    """Listed after auth's and messages' processors, whose lazy values it replaces."""
    if has_session(request):
        return {}
    anonymous = AnonymousUser()
    return {"user": anonymous, "perms": PermWrapper(anonymous), "messages": ()}
