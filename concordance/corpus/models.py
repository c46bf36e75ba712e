"""The corpus: instruments, their French editions, and the provision tree.

Rows are keyed by stable natural identifiers (instrument slug, edition slug,
Akoma Ntoso ``eid``) so that re-ingesting the sources updates rows in place
and everything that points at a provision keeps pointing at it.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concordance.corpus import citations
from concordance.languages import display_number, localised, translate
from concordance.lib import eids


class Source(models.Model):
    """A source document the project carries in ``fixtures/sources/``."""

    filename = models.CharField(max_length=200, unique=True)
    title = models.CharField(max_length=500)
    issuer = models.CharField(max_length=300)
    issued_on = models.DateField()
    sha256 = models.CharField(max_length=64)
    # Defects of the source the parser tolerated (a misprinted list marker…).
    warnings = ArrayField(models.TextField(), default=list, blank=True)
    # Hash of what the parser made of the document: a parser change
    # re-stores the corpus even when the file is unchanged.
    parse_fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["issued_on", "filename"]

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        """The document's title in the interface's language (the catalogue marks it for translation)."""
        return translate(self.title)

    @property
    def display_issuer(self) -> str:
        return translate(self.issuer)


class InstrumentQuerySet(models.QuerySet):
    def choices(self) -> list[tuple[str, str]]:
        """(slug, short title in the interface's language) of each instrument in order, for a select:
        read as values, since a select of three hundred instruments (a hundred times the corpus)
        spent more time making models than the search it filters."""
        rows = self.order_by("position").values_list("slug", "short_title", "short_title_en")
        return [(slug, localised(french, english)) for slug, french, english in rows]

    def matching(self, text: str) -> InstrumentQuerySet:
        """The instruments whose title or short title holds ``text`` (case aside), in French or in English."""
        if not text:
            return self
        fields = ("title", "short_title", "title_en", "short_title_en")
        found = Q()
        for field in fields:
            found |= Q(**{f"{field}__icontains": text})
        return self.filter(found)

    def with_facts(self) -> InstrumentQuerySet:
        """Instruments with their article count (primary edition) and editions."""
        # A count per instrument read on the (edition, kind) index: a join of
        # every provision, then a filter, cost the home page 77 ms of its 196
        # at a hundred times the corpus (make bench-scale).
        articles = (
            Provision.objects.filter(edition__instrument=OuterRef("pk"), edition__is_primary=True, kind="article")
            .order_by()
            .values("edition__instrument")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            self.order_by("position")
            .annotate(article_count=Coalesce(Subquery(articles), 0))
            .prefetch_related(Prefetch("editions", queryset=Edition.objects.select_related("source")))
        )


# The name a reader uses for an instrument in a tight place (a legend, a
# column label on a phone): "ONU seulement", "Budapest seulement".
INSTRUMENT_SHORT_NAMES = {"un": _("ONU"), "budapest": _("Budapest"), "budapest-p1": _("Protocole")}


class Instrument(models.Model):
    slug = models.SlugField(max_length=40, unique=True)
    title = models.CharField(max_length=500)
    short_title = models.CharField(max_length=200)
    # The official English titles, for the English interface (``display_title``).
    title_en = models.CharField(max_length=500, blank=True, default="")
    short_title_en = models.CharField(max_length=200, blank=True, default="")
    issuer = models.CharField(max_length=200)
    adopted_at = models.CharField(max_length=200)
    adopted_on = models.DateField()
    # The instrument a protocol supplements.
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="protocols")
    position = models.PositiveSmallIntegerField()

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.short_title

    def get_absolute_url(self) -> str:
        return reverse("instrument", args=[self.slug])

    @property
    def short_name(self) -> str:
        return str(INSTRUMENT_SHORT_NAMES.get(self.slug, self.display_short_title))

    @property
    def display_title(self) -> str:
        """The full title in the interface's language: the official English one on English pages."""
        return localised(self.title, self.title_en)

    @property
    def display_short_title(self) -> str:
        """The short title in the interface's language ("Budapest Convention" on English pages)."""
        return localised(self.short_title, self.short_title_en)

    @property
    def display_issuer(self) -> str:
        """ "Conseil de l'Europe", "Council of Europe" on English pages (the catalogue marks it)."""
        return translate(self.issuer)

    @property
    def display_adopted_at(self) -> str:
        return translate(self.adopted_at)


class Edition(models.Model):
    """One French text of an instrument, as printed in one source."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="editions")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="editions")
    slug = models.SlugField(max_length=40)
    label = models.CharField(max_length=300)
    # The edition the rest of the application compares.
    is_primary = models.BooleanField(default=False)
    title = models.CharField(max_length=500)
    preamble = ArrayField(models.TextField(), default=list, blank=True)
    # The words after the last article ("En foi de quoi…", "Fait à…").
    closing = ArrayField(models.TextField(), default=list, blank=True)
    # Footnotes called from the title, preamble or closing.
    footnotes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-is_primary", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "slug"], name="edition_unique_slug"),
            models.UniqueConstraint(
                fields=["instrument"],
                condition=Q(is_primary=True),
                name="edition_one_primary_per_instrument",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument.slug} — {self.label}"

    @property
    def display_label(self) -> str:
        """The edition's label in the interface's language (the catalogue marks it for translation)."""
        return translate(self.label)


class Division(models.Model):
    KINDS = [("chapter", _("chapitre")), ("section", _("section")), ("title", _("titre"))]

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="divisions")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    eid = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=KINDS)
    num = models.CharField(max_length=20)
    heading = models.CharField(max_length=500, blank=True)
    position = models.PositiveIntegerField()
    line = models.PositiveIntegerField()

    class Meta:
        ordering = ["edition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "eid"], name="division_unique_eid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display().capitalize()} {display_number(self.num, roman=True)}"


class ProvisionQuerySet(models.QuerySet):
    def of_article(self, edition: Edition, article_eid: str) -> ProvisionQuerySet:
        return self.filter(edition=edition, article_eid=article_eid).order_by("position")

    def articles(self) -> ProvisionQuerySet:
        return self.filter(kind="article")

    def subtree(self, provision_or_eid: Provision | str) -> ProvisionQuerySet:
        """The provision (by row or eid) and every provision inside it, in any edition not filtered out.

        ``subtree("art_25__para_2")`` is paragraph 2 of article 25 and its
        points, not ``art_25__para_20``: the match is on whole levels.
        """
        eid = provision_or_eid if isinstance(provision_or_eid, str) else provision_or_eid.eid
        return self.filter(Q(eid=eid) | Q(eid__startswith=eids.descendants_prefix(eid)))


class Provision(models.Model):
    KINDS = [
        ("article", _("article")),
        ("paragraph", _("paragraphe")),
        ("point", _("point")),
        ("subpoint", _("sous-point")),
        ("alinea", _("alinéa")),
        ("wrapup", _("texte final")),
    ]

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="provisions")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    division = models.ForeignKey(Division, null=True, blank=True, on_delete=models.SET_NULL, related_name="provisions")
    eid = models.CharField(max_length=120)
    # The eid of the article the provision belongs to (its own for an
    # article), so that a whole article is one indexed query.
    article_eid = models.CharField(max_length=40)
    kind = models.CharField(max_length=10, choices=KINDS)
    num = models.CharField(max_length=20, blank=True)
    # A list item's label as printed, punctuation included ("2.", "a)",
    # "a.", bare "a"); empty for an article or unnumbered text.
    marker = models.CharField(max_length=20, blank=True)
    heading = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    footnotes = models.JSONField(default=list, blank=True)
    # Document order inside the edition.
    position = models.PositiveIntegerField()
    depth = models.PositiveSmallIntegerField()
    line = models.PositiveIntegerField()

    objects = ProvisionQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "eid"], name="provision_unique_eid"),
        ]
        indexes = [
            models.Index(fields=["edition", "article_eid", "position"], name="provision_article_idx"),
            models.Index(fields=["edition", "kind", "position"], name="provision_kind_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.edition.instrument.slug}:{self.eid}"

    @property
    def article_number(self) -> int:
        return int(eids.label_of(self.article_eid))

    @property
    def citation(self) -> str:
        """The provision as a lawyer cites it: "art. 25, par. 2, b)" (``citations.locator``)."""
        return citations.locator(self.eid)

    @property
    def display_num(self) -> str:
        """``num`` as the page's language writes it: "premier" and "1er" are "1" on English pages."""
        return display_number(self.num)

    @property
    def display_citation(self) -> str:
        """``citation`` in the page's language: "art. 25, para. 2, b)" on English pages."""
        return citations.locator(self.eid, translate)


class Note(models.Model):
    """Text outside the treaty articles: resolution, interpretative notes, commentary."""

    KINDS = [
        ("resolution", _("résolution")),
        ("interpretative", _("note interprétative")),
        ("commentary", _("exposé des motifs")),
        ("footnote", _("note de bas de page")),
    ]

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="notes")
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=20, choices=KINDS)
    position = models.PositiveIntegerField()
    heading = models.CharField(max_length=500, blank=True)
    text = models.TextField()
    line = models.PositiveIntegerField()
    # The articles (of the instrument's primary edition) the note discusses.
    articles = models.ManyToManyField(Provision, blank=True, related_name="notes")

    class Meta:
        ordering = ["source", "kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "position"], name="note_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.position}"

    def get_absolute_url(self) -> str:
        """The note where a reader finds it: under the first article it
        discusses, else on its instrument's page."""
        article_eid = None if self.kind in ("resolution", "footnote") else self._first_article_eid()
        if article_eid:
            path = reverse("article", args=[self.instrument.slug, int(eids.label_of(article_eid))])
        else:
            # A footnote is shown with the primary edition's text: the only
            # footnote of these sources is the UN text's, which is primary.
            path = reverse("instrument", args=[self.instrument.slug])
        return f"{path}#{self.anchor}"

    @property
    def anchor(self) -> str:
        """The id of the note on the page that shows it (see get_absolute_url)."""
        if self.kind == "footnote":
            # The line keeps footnote ids unique on a page however many
            # instruments the source prints.
            return f"footnote-{self.line}"
        if self.kind != "resolution":
            article_eid = self._first_article_eid()
            if article_eid:
                # The id templates/reading/article_body.html gives the note.
                return f"{article_eid}-note-{self.kind}-{self.position}"
        # Notes that discuss no article are shown on the instrument page:
        # "resolution-3", "commentary-0".
        return f"{self.kind}-{self.position}"

    def _first_article_eid(self) -> str | None:
        # A query may annotate it (search does); prefetched articles save a
        # query; otherwise ask the database.
        if "first_article_eid" in self.__dict__:
            return self.__dict__["first_article_eid"]
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "articles" in cache:
            eids = sorted((article.eid for article in cache["articles"]), key=_article_number)
        else:
            eids = list(self.articles.order_by("position").values_list("eid", flat=True)[:1])
        found = eids[0] if eids else None
        self.__dict__["first_article_eid"] = found
        return found


def _article_number(article_eid: str) -> int:
    return int(eids.label_of(article_eid))
