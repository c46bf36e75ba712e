from django.core.management.base import BaseCommand

from concordance.crossrefs.resolution import resolve_references


class Command(BaseCommand):
    help = "Find the internal cross-references of the stored texts and store them (idempotent)."

    def handle(self, *args, **options) -> None:
        report = resolve_references()
        for line in report.unresolved:
            self.stderr.write(f"unresolved: {line}")
        self.stdout.write(str(report))
