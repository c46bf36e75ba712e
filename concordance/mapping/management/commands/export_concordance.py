from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from concordance.mapping.data import export_document


class Command(BaseCommand):
    help = "Write the concordance as JSON, in the format import_concordance reads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help="output file (default: stdout)")

    def handle(self, *args, path: Path | None, **options) -> None:
        text = json.dumps(export_document(), ensure_ascii=False, indent=2) + "\n"
        if path is None:
            self.stdout.write(text, ending="")
        else:
            path.write_text(text, encoding="utf-8")
            self.stderr.write(f"Concordance written to {path}.")
