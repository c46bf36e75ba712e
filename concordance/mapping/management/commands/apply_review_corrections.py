from __future__ import annotations

from django.core.management.base import BaseCommand

from concordance.mapping.corrections import apply_corrections


class Command(BaseCommand):
    help = (
        "Apply the corrections of the accuracy review (6 December 2026) to the concordance, each recorded in the "
        "history with its reason. Run by setup_corpus; a correction already recorded is never applied again, so a "
        "curator's later edit is kept."
    )

    def handle(self, *args, **options) -> None:
        report = apply_corrections()
        for reason in report.applied:
            self.stdout.write(f"  applied: {reason}")
        for reason in report.recorded:
            self.stdout.write(f"  recorded (already in the data): {reason}")
        self.stdout.write(
            f"Review corrections: {len(report.applied)} applied, {len(report.recorded)} recorded, "
            f"{len(report.already)} already in the history."
        )
