from django.apps import AppConfig
from django.core.management.base import CommandError
from django.db.models import Count
from django.db.models.signals import pre_migrate


class MappingConfig(AppConfig):
    name = "concordance.mapping"
    verbose_name = "Concordance"

    def ready(self) -> None:
        # The check has to run before the plan starts: each migration is its
        # own transaction, so failing inside 0002 would leave the later ones
        # already rolled back.
        pre_migrate.connect(refuse_to_fold_missing_counterparts, sender=self)


def refuse_to_fold_missing_counterparts(sender, plan=None, **kwargs) -> None:
    """Before mapping 0002 an article had at most one "without counterpart"
    record; several per-instrument records cannot become one without dropping
    a curator's reasons, so such a roll-back is refused before it starts."""
    reverses_0002 = any(
        backwards and migration.app_label == "mapping" and migration.name.startswith("0002_")
        for migration, backwards in plan or ()
    )
    if not reverses_0002:
        return
    from concordance.mapping.models import MissingCounterpart

    crowded = (
        MissingCounterpart.objects.values("article__edition__instrument__slug", "article__eid")
        .annotate(records=Count("pk"))
        .filter(records__gt=1)
        .order_by("article__edition__instrument__slug", "article__eid")
    )
    if crowded:
        listed = ", ".join(f"{row['article__edition__instrument__slug']} {row['article__eid']}" for row in crowded)
        raise CommandError(
            "Cannot roll mapping back before 0002: these articles are recorded as without counterpart "
            f"in more than one instrument, which the older schema cannot hold: {listed}. Nothing was changed. "
            "Back up first (make backup), delete the extra records in the curator pages, then migrate back."
        )
