"""The data version: one row the database advances whenever the corpus or the curated data change."""

from __future__ import annotations

from django.db import models


class DataVersion(models.Model):
    """The single row (id 1) naming the state of the corpus and the curated data.

    It is advanced by triggers on every table of the versioned apps
    (``versions.install_triggers``), once per transaction and inside it, so
    no write path can forget it: ingest, imports, curators, the admin,
    migrations, a psql session. ``token`` is drawn at random at each
    advance and names one state only: a restored backup brings back its
    state's row, counter and token, and later advances draw new tokens, so a
    counter seen twice never names two states.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    counter = models.BigIntegerField(default=1)
    token = models.UUIDField()
    changed_at = models.DateTimeField()
    # The transaction that last advanced it: a second write in the same
    # transaction leaves the row alone (one advance per transaction).
    transaction_id = models.BigIntegerField(null=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="data_version_single_row")]

    def __str__(self) -> str:
        return f"data version {self.counter} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
