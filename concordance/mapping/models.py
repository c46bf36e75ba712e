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
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from concordance.corpus.models import Instrument, Provision
from concordance.languages import localised
from concordance.lib.sentences import sentence_spans

# A note or a reason is read on the pages that show the link: a 10 MB note made
# each of them 10 MB (reliability review D9). The longest curated one has 448
# characters. Checked by the forms, the admin and the import (a TextField's
# max_length would not be enforced, and changing the column is not needed).
NOTE_MAX_LENGTH = 10_000


def bounded_note(text: str) -> str:
    """The text of a note or reason, or ValidationError when it is longer than NOTE_MAX_LENGTH."""
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(
            _("Ce texte compte %(length)s caractères : %(limit)s au plus."),
            params={"length": len(text), "limit": NOTE_MAX_LENGTH},
        )
    return text


class Theme(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    # The theme's English name, for the English interface (``display_name``).
    name_en = models.CharField(max_length=120, blank=True, default="")
    position = models.PositiveSmallIntegerField()
    articles = models.ManyToManyField(Provision, blank=True, related_name="themes")

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the interface's language: the English one on English pages."""
        return localised(self.name, self.name_en)


class Relation(models.TextChoices):
    EQUIVALENT = "equivalent", pgettext_lazy("relation", "équivalent")
    PARTIAL = "partial", pgettext_lazy("relation", "partiel")
    BROADER = "broader", pgettext_lazy("relation", "plus large")
    NARROWER = "narrower", pgettext_lazy("relation", "plus étroit")
    RELATED = "related", pgettext_lazy("relation", "connexe")


class Status(models.TextChoices):
    PROPOSED = "proposed", _("proposé")
    REVIEWED = "reviewed", _("vérifié")


class Origin(models.TextChoices):
    CURATED = "curated", _("établi")
    SUGGESTED = "suggested", _("suggéré")


EDITION_TEXT_FIELDS = ("preamble", "closing", "footnotes")


class CorrespondenceQuerySet(models.QuerySet):
    def curated(self) -> CorrespondenceQuerySet:
        return self.filter(origin=Origin.CURATED)

    def suggested(self) -> CorrespondenceQuerySet:
        return self.filter(origin=Origin.SUGGESTED)

    def with_provisions(self) -> CorrespondenceQuerySet:
        # An edition's preamble, closing and footnotes are long and no list
        # of correspondences shows them; decoding them on every row was most
        # of the time of a comparison page's query.
        heavy = [f"{side}__edition__{field}" for side in ("left", "right") for field in EDITION_TEXT_FIELDS]
        return (
            self.select_related("left__edition__instrument", "right__edition__instrument")
            .defer(*heavy)
            .prefetch_related("themes")
        )

    def touching(self, provision: Provision) -> CorrespondenceQuerySet:
        return self.filter(Q(left=provision) | Q(right=provision))


# Kept by name so that curation can write the single record of an edit of
# fields and themes itself (simple-history would write one per step).
CORRESPONDENCE_HISTORY = HistoricalRecords(m2m_fields=["themes"])


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
    # A sentence pin: the link is between one sentence (1-based, as
    # ``lib.sentences`` cuts the provision) and its partner, and the
    # comparison shows that sentence against it in its own row.
    left_sentence = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("phrase de gauche"), help_text=_("numéro de la phrase, à partir de 1")
    )
    right_sentence = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("phrase de droite"), help_text=_("numéro de la phrase, à partir de 1")
    )

    history = CORRESPONDENCE_HISTORY
    objects = CorrespondenceQuerySet.as_manager()

    class Meta:
        ordering = ["left__edition__instrument__position", "left__position", "right__position"]
        constraints = [
            models.UniqueConstraint(fields=["left", "right"], name="correspondence_unique_pair"),
            # The same pair read the other way round is the same correspondence.
            models.UniqueConstraint(
                Least("left", "right"), Greatest("left", "right"), name="correspondence_unique_unordered_pair"
            ),
            models.CheckConstraint(condition=~Q(left=F("right")), name="correspondence_not_to_itself"),
            models.CheckConstraint(
                condition=(Q(left_sentence__isnull=True) | Q(left_sentence__gte=1))
                & (Q(right_sentence__isnull=True) | Q(right_sentence__gte=1)),
                name="correspondence_sentences_from_one",
            ),
        ]
        indexes = [models.Index(fields=["origin", "relation"], name="correspondence_kind_idx")]

    def __str__(self) -> str:
        return f"{self.left} ↔ {self.right}"

    def clean(self) -> None:
        if not (self.left_id and self.right_id):
            return
        if self.left_id == self.right_id:
            raise ValidationError({"right": _("Une disposition ne peut correspondre à elle-même.")})
        if self.left.edition.instrument_id == self.right.edition.instrument_id:
            raise ValidationError({"right": _("Une correspondance relie deux instruments différents.")})
        if not (self.left.edition.is_primary and self.right.edition.is_primary):
            raise ValidationError(_("Les correspondances portent sur l'édition de référence de chaque instrument."))
        duplicate = Correspondence.objects.filter(
            Q(left=self.left, right=self.right) | Q(left=self.right, right=self.left)
        ).exclude(pk=self.pk)
        if duplicate.exists():
            raise ValidationError({"right": _("Cette correspondance existe déjà.")})
        self.check_sentences()
        if self.origin == Origin.CURATED:
            self.refuse_recorded_gaps()

    def check_sentences(self) -> None:
        """A named sentence is one of its provision's sentences."""
        errors = {}
        for side, provision, number in (
            ("left_sentence", self.left, self.left_sentence),
            ("right_sentence", self.right, self.right_sentence),
        ):
            if number is None:
                continue
            count = len(sentence_spans(provision.text))
            if count < 2:
                errors[side] = _(
                    "%(provision)s n'a qu'une phrase : liez la disposition entière (laissez ce champ vide)."
                ) % {"provision": provision}
            elif not 1 <= number <= count:
                errors[side] = _("%(provision)s a %(count)d phrases : choisissez un numéro de 1 à %(count)d.") % {
                    "provision": provision,
                    "count": count,
                }
        if errors:
            raise ValidationError(errors)

    def refuse_recorded_gaps(self) -> None:
        """A link contradicts a record saying its article has no counterpart in the other instrument."""
        for side, own, other in (("left", self.left, self.right), ("right", self.right, self.left)):
            gap = MissingCounterpart.objects.filter(
                article__edition_id=own.edition_id,
                article__eid=own.article_eid,
                other_instrument_id=other.edition.instrument_id,
            ).exists()
            if gap:
                raise ValidationError(
                    {
                        side: _(
                            "L'article %(article)s de %(instrument)s est enregistré sans équivalent dans "
                            "%(other)s : retirez d'abord cette mention (administration, « sans équivalent ») "
                            "ou choisissez une autre disposition."
                        )
                        % {
                            "article": own.article_number,
                            "instrument": own.edition.instrument.display_short_title,
                            "other": other.edition.instrument.display_short_title,
                        }
                    }
                )


class MissingCounterpartQuerySet(models.QuerySet):
    def with_instruments(self) -> MissingCounterpartQuerySet:
        return self.select_related("article__edition__instrument", "other_instrument")


class MissingCounterpart(models.Model):
    """An article recorded as having no counterpart in one other instrument.

    The statement is about a pair (article, other instrument): Budapest art. 41
    has a counterpart in the Protocol but none in the UN Convention, and the
    table read from either side must say so.
    """

    article = models.ForeignKey(Provision, on_delete=models.PROTECT, related_name="missing_counterparts")
    other_instrument = models.ForeignKey(
        Instrument,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sans équivalent dans"),
    )
    reason = models.TextField()

    history = HistoricalRecords()
    objects = MissingCounterpartQuerySet.as_manager()

    class Meta:
        ordering = ["article__edition__instrument__position", "article__position", "other_instrument__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "other_instrument"], name="missing_counterpart_unique_per_instrument"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} sans équivalent dans {self.other_instrument}"

    def clean(self) -> None:
        if not (self.article_id and self.other_instrument_id):
            return
        if self.article.kind != "article":
            raise ValidationError({"article": _("Seul un article peut être enregistré sans équivalent.")})
        if self.article.edition.instrument_id == self.other_instrument_id:
            raise ValidationError({"other_instrument": _("Choisissez un autre instrument que celui de l'article.")})
        if linked_articles(self.article, self.other_instrument_id):
            raise ValidationError(
                {
                    "other_instrument": _(
                        "Cet article a déjà une correspondance dans cet instrument : "
                        "supprimez-la avant de l'enregistrer sans équivalent."
                    )
                }
            )


def linked_articles(article: Provision, other_instrument_id: int) -> bool:
    """Whether a curated correspondence links ``article`` (or one of its parts) to the other instrument."""
    own = Q(edition_id=article.edition_id, article_eid=article.eid)
    return (
        Correspondence.objects.curated()
        .filter(
            Q(left__in=Provision.objects.filter(own), right__edition__instrument_id=other_instrument_id)
            | Q(right__in=Provision.objects.filter(own), left__edition__instrument_id=other_instrument_id)
        )
        .exists()
    )
