from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from concordance.corpus.ingest import IngestError, ingest
from concordance.lib.parsing.tree import SourceError


class Command(BaseCommand):
    help = "Parse the source documents and load the corpus, then resolve its cross-references, in one transaction."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--sources",
            type=Path,
            default=settings.SOURCES_DIR,
            help="folder holding the source documents (default: fixtures/sources/)",
        )
        parser.add_argument("--force", action="store_true", help="store the texts even when nothing changed")

    def handle(self, *args, sources: Path, force: bool, **options) -> None:
        def progress(message: str) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"  {message}")

        try:
            # One transaction for both steps: texts never commit without
            # their references (and a failure in either undoes both).
            with transaction.atomic():
                report = ingest(sources, force=force, progress=progress)
                if not report.skipped:
                    for name, count in report.counts.items():
                        self.stdout.write(f"  {name}: {count}")
                    progress("resolving cross-references")
                    # The crossrefs app's own command, called by name: corpus
                    # sits below crossrefs and imports nothing from it.
                    call_command("resolve_references", stdout=self.stdout, stderr=self.stderr)
        except (SourceError, IngestError) as error:
            raise CommandError(f"{error}\nNothing was changed in the database.") from error
        if report.skipped:
            self.stdout.write("Corpus already up to date.")
            return
        self.stdout.write(self.style.SUCCESS("Corpus loaded."))
