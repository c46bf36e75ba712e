from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from concordance.mapping.suggestions import evaluate


class Command(BaseCommand):
    help = "How often the aligner's suggestions agree with the curated concordance."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--left", default="un")
        parser.add_argument("--right", default="budapest")

    def handle(self, *args, left: str, right: str, **options) -> None:
        top1, top3, measured = evaluate(left, right)
        self.stdout.write(
            f"{left} → {right}: {measured} articles with curated counterparts; "
            f"top-1 agreement {top1:.1%}, top-3 agreement {top3:.1%}"
        )
