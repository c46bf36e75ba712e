from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Everything the set-up loads, in one process: the texts and their cross-references (ingest), the curated "
        "concordance into an empty database, the aligner's suggestions if none are "
        "stored, and the analysis caches. Safe to run again: curators' work is kept."
    )

    def handle(self, *args, **options) -> None:
        steps = [
            ("loading the corpus", "ingest", {}),
            ("loading the curated concordance", "import_concordance", {"if_empty": True}),
            ("recording the accuracy review's corrections", "apply_review_corrections", {}),
            ("storing the aligner's suggestions", "suggest_correspondences", {"if_empty": True}),
            ("warming the analysis pages", "warm_analysis", {}),
        ]
        for number, (label, command, arguments) in enumerate(steps, start=1):
            self.stdout.write(f"[{number}/{len(steps)}] {label}")
            call_command(command, stdout=self.stdout, stderr=self.stderr, **arguments)
