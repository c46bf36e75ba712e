"""What cites an article: the "Cité par" list of an article page."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext

from concordance.corpus.models import Edition, Note, Provision
from concordance.crossrefs.anchors import footnote_url, note_url
from concordance.crossrefs.models import ReferenceTarget, footnote_label, note_label
from concordance.lib import eids


@dataclass
class Citation:
    words: str  # the exact words of the citing text
    location: str  # "art. 16, par. 4" in the citing article
    href: str  # the citing provision
    cited: list[str] = field(default_factory=list)  # what of this article it names: "par. 1"


@dataclass
class CitingGroup:
    kind: str  # "article" (same instrument) | "instrument" (another one) | "note"
    label: str
    href: str | None  # None for a note that no page shows
    citations: list[Citation] = field(default_factory=list)
    # The citing article's heading: treaty text, printed apart from the label so that it is marked French.
    heading: str = ""


def _cited_part(eid: str) -> str:
    """ "par. 1, b)" for ``art_14__para_1__point_b``; "" for the article itself."""
    return Provision(eid=eid).display_citation.partition(", ")[2]


def cited_by(edition: Edition, article: Provision) -> list[CitingGroup]:
    """Texts citing ``article`` (or a part of it), grouped by citing article or note, in one query.

    Shown for an edition: its own instrument's references are read in that
    edition; other instruments and the notes cite the primary edition, whose
    eids every edition shares.
    """
    instrument_id = edition.instrument_id
    headings = Provision.objects.filter(
        edition_id=OuterRef("reference__provision__edition_id"),
        eid=OuterRef("reference__provision__article_eid"),
    ).values("heading")[:1]
    note_articles = (
        Note.articles.through.objects.filter(note_id=OuterRef("reference__note_id"))
        .order_by("provision__position")
        .values("provision__eid")[:1]
    )
    rows = (
        ReferenceTarget.objects.filter(instrument_id=instrument_id)
        .filter(Q(eid=article.eid) | Q(eid__startswith=eids.descendants_prefix(article.eid)))
        .filter(
            (Q(reference__edition=edition) & ~Q(reference__provision__article_eid=article.eid))
            | (Q(reference__edition__is_primary=True) & ~Q(reference__instrument_id=instrument_id))
            | Q(reference__note__isnull=False)
            | (Q(reference__footnote__isnull=False) & Q(reference__edition__is_primary=True))
        )
        .select_related("reference__provision", "reference__note", "reference__instrument", "reference__edition")
        .annotate(citing_heading=Subquery(headings), note_article=Subquery(note_articles))
        .order_by(
            # Articles first, then notes and footnotes.
            ExpressionWrapper(Q(reference__provision__isnull=True), output_field=BooleanField()),
            "reference__note_id",
            "reference__instrument__position",
            "reference__provision__position",
            "reference__note__position",
            "reference__start",
            "position",
        )
    )
    groups: dict[tuple, CitingGroup] = {}
    citations: dict[int, Citation] = {}
    for row in rows:
        reference = row.reference
        key, group = _group_of(row, edition)
        group = groups.setdefault(key, group)
        citation = citations.get(reference.pk)
        if citation is None:
            citation = citations[reference.pk] = _citation(row, edition)
            group.citations.append(citation)
        if part := _cited_part(row.eid):
            citation.cited.append(part)
    order = {"article": 0, "instrument": 1, "note": 2}
    return sorted(groups.values(), key=lambda g: order[g.kind])


def _edition_query(reference_edition: Edition | None) -> str:
    if reference_edition is None or reference_edition.is_primary:
        return ""
    return "?" + urlencode({"edition": reference_edition.slug})


def _group_of(row: ReferenceTarget, edition: Edition) -> tuple[tuple, CitingGroup]:
    reference = row.reference
    if reference.note_id:
        note = reference.note
        label = note_label(note)
        query = _edition_query(
            edition if reference.instrument_id == edition.instrument_id and row.note_article else None
        )
        href = note_url(note.kind, note.position, reference.instrument.slug, row.note_article, query)
        return ("note", note.pk), CitingGroup(
            "note", _in_instrument(reference.instrument.display_short_title, label), href
        )
    if reference.footnote is not None:
        label = footnote_label(reference.edition, reference.footnote)
        footnotes = reference.edition.footnotes or []
        line = footnotes[reference.footnote].get("line") if reference.footnote < len(footnotes) else None
        href = footnote_url(reference.instrument.slug, _edition_query(reference.edition), line)
        key = ("footnote", reference.edition_id, reference.footnote)
        return key, CitingGroup("note", _in_instrument(reference.instrument.display_short_title, label), href)
    provision = reference.provision
    kind = "article" if reference.instrument_id == edition.instrument_id else "instrument"
    label = f"Article {provision.article_number}"
    if kind == "instrument":
        label = f"{reference.instrument.display_short_title}, {label[0].lower()}{label[1:]}"
    path = reverse("article", args=[reference.instrument.slug, provision.article_number])
    key = ("provision", reference.instrument_id, provision.article_eid)
    return key, CitingGroup(kind, label, path + _edition_query(reference.edition), heading=row.citing_heading or "")


def _citation(row: ReferenceTarget, edition: Edition) -> Citation:
    reference = row.reference
    if reference.note_id or reference.footnote is not None:
        _, group = _group_of(row, edition)
        return Citation(reference.text, "", group.href or "")
    provision = reference.provision
    path = reverse("article", args=[reference.instrument.slug, provision.article_number])
    address = f"{path}{_edition_query(reference.edition)}#{provision.eid}"
    return Citation(reference.text, provision.display_citation, address)


def _in_instrument(instrument: str, label: str) -> str:
    """ "Convention de Budapest sur la cybercriminalité : Exposé des motifs, § 16" (French spaces its colons)."""
    return gettext("%(instrument)s : %(label)s") % {"instrument": instrument, "label": label}
