"""Who may change the concordance: the members of the "curators" group."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

CURATORS = "curators"
PERMISSIONS = [
    "add_correspondence",
    "change_correspondence",
    "delete_correspondence",
    "view_correspondence",
    "add_missingcounterpart",
    "change_missingcounterpart",
    "delete_missingcounterpart",
    "view_missingcounterpart",
    "view_historicalcorrespondence",
    "view_historicalmissingcounterpart",
]


def curators_group() -> Group:
    group, _ = Group.objects.get_or_create(name=CURATORS)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="mapping", codename__in=PERMISSIONS)
        # The admin's provision pickers need to read provisions.
        | Permission.objects.filter(content_type__app_label="corpus", codename="view_provision")
    )
    return group


def curator_required(*perms: str):
    """Anonymous visitors are sent to sign in; signed-in users without the
    permissions get a 403 rather than a loop back to the sign-in page."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perms(perms):
                raise PermissionDenied("Réservé aux curateurs de la concordance.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
