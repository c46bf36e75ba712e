from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from concordance.mapping.interchange.export import export_document


class Command(BaseCommand):
    help = "Write the curated concordance as JSON, in the format import_concordance reads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help="output file (default: stdout)")
        parser.add_argument(
            "--include-suggested",
            action="store_true",
            help='add the aligner\'s suggestions (origin "suggested", with their score)',
        )

    def handle(self, *args, path: Path | None, include_suggested: bool, **options) -> None:
        document = export_document(include_suggested=include_suggested)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if path is None:
            self.stdout.write(text, ending="")
        else:
            path.write_text(text, encoding="utf-8")
            self.stderr.write(f"Concordance written to {path}.")
