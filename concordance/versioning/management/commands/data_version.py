"""Show the data version; advance it after a write Django did not see; publish it to the cache."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from concordance.versioning import versions


class Command(BaseCommand):
    help = (
        "Print the data version (what cached pages and ETags are keyed on). "
        "--advance after changing the corpus or the curated data outside Django "
        "(a restore does it itself); --publish to copy the database's version into the cache."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--advance", action="store_true", help="advance the version and publish it")
        action.add_argument("--publish", action="store_true", help="copy the stored version into the cache")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["advance"]:
            version = versions.advance()
        else:
            if options["publish"]:
                versions.publish()
            version = versions.stored()
        self.stdout.write(f"data version {version.counter} {version.token} changed {version.changed_at.isoformat()}")
