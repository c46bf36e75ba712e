from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from concordance.mapping.models import Correspondence
from concordance.mapping.suggestions import store_suggestions

PAIRS = [("un", "budapest"), ("un", "budapest-p1")]


class Command(BaseCommand):
    help = "Store the aligner's counterpart suggestions (origin 'suggested') for curators."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--top", type=int, default=3)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when suggestions are already stored (keeps set-up fast)",
        )

    def handle(self, *args, top: int, if_empty: bool, **options) -> None:
        if if_empty and Correspondence.objects.suggested().exists():
            self.stdout.write("Suggestions already stored.")
            return
        for left, right in PAIRS:
            count = store_suggestions(left, right, top)
            self.stdout.write(f"{left} → {right}: {count} suggestions not yet in the concordance")
