from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from concordance.corpus.ingest import IngestError, ingest
from concordance.lib.parsing.tree import SourceError


class Command(BaseCommand):
    help = "Parse the source documents and load the corpus, in one transaction."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--sources",
            type=Path,
            default=settings.SOURCES_DIR,
            help="folder holding the source documents (default: fixtures/sources/)",
        )
        parser.add_argument(
            "--force", action="store_true", help="store the texts even when nothing changed"
        )

    def handle(self, *args, sources: Path, force: bool, **options) -> None:
        def progress(message: str) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"  {message}")

        try:
            report = ingest(sources, force=force, progress=progress)
        except (SourceError, IngestError) as error:
            raise CommandError(f"{error}\nNothing was changed in the database.") from error
        if report.skipped:
            self.stdout.write("Corpus already up to date.")
            return
        for name, count in report.counts.items():
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(self.style.SUCCESS("Corpus loaded."))
