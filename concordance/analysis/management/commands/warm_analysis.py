from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from concordance.analysis.warming import warm_caches


class Command(BaseCommand):
    help = "Compute the glossary index, the quantities and the curated comparisons into the cache."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        warm_caches()
        self.stdout.write(self.style.SUCCESS(f"Analysis cached ({time.perf_counter() - started:.1f} s)."))
