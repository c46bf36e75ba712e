from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from concordance.mapping.data import ConcordanceDataError, import_document
from concordance.mapping.models import Correspondence, MissingCounterpart


class Command(BaseCommand):
    help = "Make the concordance say exactly what a JSON document says (one transaction)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", nargs="?", type=Path, default=settings.CONCORDANCE_FIXTURE,
            help="JSON document (default: fixtures/concordance.json)",
        )
        parser.add_argument(
            "--if-empty", action="store_true",
            help="do nothing when the database already holds a concordance "
            "(so that the set-up never overwrites curators' work)",
        )

    def handle(self, *args, path: Path, if_empty: bool, **options) -> None:
        if if_empty and (Correspondence.objects.exists() or MissingCounterpart.objects.exists()):
            self.stdout.write("Concordance already loaded; curators' changes kept.")
            return
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file.") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{path}, line {error.lineno}: invalid JSON ({error.msg}).") from None
        try:
            report = import_document(document)
        except ConcordanceDataError as error:
            raise CommandError(
                f"{path} is invalid; nothing was imported:\n  " + "\n  ".join(error.problems)
            ) from None
        self.stdout.write(self.style.SUCCESS(
            f"Concordance imported: {report.created} created, {report.updated} updated, "
            f"{report.deleted} deleted, {report.unchanged} unchanged."
        ))
