from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from concordance.mapping.suggestions import store_suggestions

PAIRS = [("un", "budapest"), ("un", "budapest-p1")]


class Command(BaseCommand):
    help = "Store the aligner's counterpart suggestions (origin 'suggested') for curators."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--top", type=int, default=3)

    def handle(self, *args, top: int, **options) -> None:
        for left, right in PAIRS:
            count = store_suggestions(left, right, top)
            self.stdout.write(f"{left} → {right}: {count} suggestions not yet in the concordance")
