"""Django's ``makemessages``, also collecting the labels the pure library marks with ``N_``.

``concordance/lib`` cannot import Django's gettext: it writes its interface
labels (quantity subjects and units, variant classes…) in French inside
``N_("…")`` (``concordance.lib.translatable``), a no-op that xgettext is told
about here, and the Django layer translates them where it shows them. Run as
``manage.py makemessages -l en --no-obsolete -i .venv -i var -i node_modules -i tests``.
"""

from __future__ import annotations

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_"]
