"""collectstatic, only when the static files changed since the last collection.

collectstatic with whitenoise's storage re-hashes and re-compresses every
file each time (20-odd seconds here, most of it Brotli of the API docs'
source maps), even when nothing changed. The files the finders see (name,
size, modification time), the storage class and the target folder are
hashed into a stamp kept in STATIC_ROOT; an unchanged stamp with the
manifest present means the collected files are still those files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.checks import Tags
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

STAMP = ".collected-sources"


def sources_stamp() -> str:
    digest = hashlib.sha256()
    digest.update(repr((settings.STORAGES["staticfiles"], str(settings.STATIC_ROOT))).encode())
    entries = []
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = Path(storage.path(path)).stat()
            entries.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    digest.update("\n".join(sorted(entries)).encode())
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Run collectstatic only when the static files changed since it last ran (--force to run it anyway)."
    # The system checks import every URLconf, the API and its schemas: half
    # of this command's time on every `make serve`, for nothing the static
    # files depend on (collectstatic's own checks are those of staticfiles).
    requires_system_checks = [Tags.staticfiles]

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="collect even if nothing changed")

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(settings.STATIC_ROOT)
        stamp_file = root / STAMP
        stamp = sources_stamp()
        manifest = root / "staticfiles.json"
        collected = stamp_file.is_file() and stamp_file.read_text() == stamp
        needs_manifest = "Manifest" in settings.STORAGES["staticfiles"]["BACKEND"]
        if collected and (manifest.is_file() or not needs_manifest) and not options["force"]:
            self.stdout.write("static files unchanged since they were collected; not collecting them again")
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        stamp_file.write_text(stamp)
        self.stdout.write(f"static files collected into {root}")
