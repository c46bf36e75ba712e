"""The concordance: correspondences between provisions of different instruments.

Correspondences point at provisions of the primary editions. Their keys in
the curated fixture are (instrument slug, eid), which survive re-ingestion;
the provision rows themselves are updated in place by the ingest, and the
PROTECT foreign keys make an ingest that would drop a linked provision fail.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from concordance.corpus.models import Provision


class Theme(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField()
    articles = models.ManyToManyField(Provision, blank=True, related_name="themes")

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class Relation(models.TextChoices):
    EQUIVALENT = "equivalent", "équivalent"
    PARTIAL = "partial", "partiel"
    BROADER = "broader", "plus large"
    NARROWER = "narrower", "plus étroit"
    RELATED = "related", "connexe"


class Status(models.TextChoices):
    PROPOSED = "proposed", "proposé"
    REVIEWED = "reviewed", "vérifié"


class Origin(models.TextChoices):
    CURATED = "curated", "établi"
    SUGGESTED = "suggested", "suggéré"


class CorrespondenceQuerySet(models.QuerySet):
    def curated(self) -> CorrespondenceQuerySet:
        return self.filter(origin=Origin.CURATED)

    def suggested(self) -> CorrespondenceQuerySet:
        return self.filter(origin=Origin.SUGGESTED)

    def with_provisions(self) -> CorrespondenceQuerySet:
        return self.select_related(
            "left__edition__instrument", "right__edition__instrument"
        ).prefetch_related("themes")

    def touching(self, provision: Provision) -> CorrespondenceQuerySet:
        return self.filter(Q(left=provision) | Q(right=provision))


class Correspondence(models.Model):
    left = models.ForeignKey(Provision, on_delete=models.PROTECT, related_name="links_as_left")
    right = models.ForeignKey(Provision, on_delete=models.PROTECT, related_name="links_as_right")
    relation = models.CharField(max_length=12, choices=Relation.choices)
    note = models.TextField(blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="correspondences")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CURATED)
    # Similarity of a suggested link, from the aligner.
    score = models.FloatField(null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[themes])
    objects = CorrespondenceQuerySet.as_manager()

    class Meta:
        ordering = ["left__edition__instrument__position", "left__position", "right__position"]
        constraints = [
            models.UniqueConstraint(fields=["left", "right"], name="correspondence_unique_pair"),
            models.CheckConstraint(
                condition=~Q(left=F("right")), name="correspondence_not_to_itself"
            ),
        ]
        indexes = [models.Index(fields=["origin", "relation"], name="correspondence_kind_idx")]

    def __str__(self) -> str:
        return f"{self.left} ↔ {self.right}"

    def clean(self) -> None:
        if not (self.left_id and self.right_id):
            return
        if self.left_id == self.right_id:
            raise ValidationError({"right": "Une disposition ne peut correspondre à elle-même."})
        if self.left.edition.instrument_id == self.right.edition.instrument_id:
            raise ValidationError(
                {"right": "Une correspondance relie deux instruments différents."}
            )
        if not (self.left.edition.is_primary and self.right.edition.is_primary):
            raise ValidationError(
                "Les correspondances portent sur l'édition de référence de chaque instrument."
            )
        duplicate = Correspondence.objects.filter(
            Q(left=self.left, right=self.right) | Q(left=self.right, right=self.left)
        ).exclude(pk=self.pk)
        if duplicate.exists():
            raise ValidationError({"right": "Cette correspondance existe déjà."})


class MissingCounterpart(models.Model):
    """An article recorded as having no counterpart in the other instruments."""

    article = models.OneToOneField(
        Provision, on_delete=models.PROTECT, related_name="missing_counterpart"
    )
    reason = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["article__edition__instrument__position", "article__position"]

    def __str__(self) -> str:
        return f"{self.article} sans équivalent"
