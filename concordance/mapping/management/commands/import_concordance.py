from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from concordance.mapping.interchange.load import import_document
from concordance.mapping.interchange.validate import ConcordanceDataError
from concordance.mapping.models import Correspondence, MissingCounterpart


class Command(BaseCommand):
    help = (
        "Add and update the correspondences, themes and articles without counterpart a JSON "
        "document contains (one transaction). Entries it does not contain are kept unless --replace."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            default=settings.CONCORDANCE_FIXTURE,
            help="JSON document (default: fixtures/concordance.json)",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the database already holds a concordance "
            "(so that the set-up never overwrites curators' work)",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="also delete what the document does not contain (it must then have every section)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="print what would change, and change nothing",
        )

    def handle(self, *args, path: Path, if_empty: bool, replace: bool, dry_run: bool, **options) -> None:
        if if_empty and (Correspondence.objects.exists() or MissingCounterpart.objects.exists()):
            self.stdout.write("Concordance already loaded; curators' changes kept.")
            return
        document = self.read(path)
        try:
            report = import_document(
                document, replace=replace, dry_run=dry_run, reason=f"import_concordance {path.name}"
            )
        except ConcordanceDataError as error:
            raise CommandError(f"{path} is invalid; nothing was imported:\n  " + "\n  ".join(error.problems)) from None
        if dry_run or options["verbosity"] > 1:
            for change in report.changes:
                self.stdout.write(change)
        summary = (
            f"{report.created} created, {report.updated} updated, "
            f"{report.deleted} deleted, {report.unchanged} unchanged"
        )
        if report.kept:
            summary += f", {report.kept} kept that the document does not contain (--replace deletes them)"
        if dry_run:
            self.stdout.write(f"Dry run, nothing changed. The import would give: {summary}.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Concordance imported: {summary}."))

    def read(self, path: Path):
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file.") from None
        except IsADirectoryError:
            raise CommandError(f"{path} is a directory, not a JSON document.") from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: not UTF-8 text (byte {error.start}); nothing was imported.") from None
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror}).") from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"{path}, line {error.lineno}: invalid JSON ({error.msg}).") from None
        except RecursionError:
            # No concordance nests more than four levels; the parser gives up
            # about a thousand levels down.
            raise CommandError(f"{path}: JSON nested too deeply to be a concordance; nothing was imported.") from None
