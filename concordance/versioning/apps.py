from django.apps import AppConfig


class VersioningConfig(AppConfig):
    name = "concordance.versioning"
    verbose_name = "Data version"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from concordance.versioning import versions

        # A migration may have changed data (the triggers advanced the
        # version in the database): the cached copy of it is refreshed, and
        # tables created since are given their trigger.
        post_migrate.connect(versions.after_migrate, dispatch_uid="versioning-after-migrate")
        connection_created.connect(versions.watch_writes, dispatch_uid="versioning-watch-writes")
