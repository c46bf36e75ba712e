"""The text a reference points to, for the popover of its link."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q
from django.http import Http404

from concordance.corpus import texts
from concordance.corpus.models import Division, Instrument, Provision
from concordance.crossrefs.linking import target_url
from concordance.lib import eids

# A popover shows the start of a long article; the link leads to the rest.
MAX_LINES = 6


@dataclass
class PreviewLine:
    depth: int
    num: str
    text: str


@dataclass
class Preview:
    title: str
    href: str
    lines: list[PreviewLine] = field(default_factory=list)
    truncated: bool = False


def _num(provision: Provision) -> str:
    if not provision.num or provision.kind == "article":
        return ""
    return f"{provision.num}." if provision.kind == "paragraph" else f"{provision.num})"


def target_preview(slug: str, eid: str, edition_slug: str | None) -> Preview:
    """The target ``eid`` of instrument ``slug`` in the edition asked for (primary by default)."""
    try:
        instrument = Instrument.objects.prefetch_related("editions").get(slug=slug)
    except Instrument.DoesNotExist:
        raise Http404(f"Aucun instrument « {slug} ».") from None
    edition = texts.choose_edition(instrument, edition_slug)
    query = "" if edition.is_primary else "?" + urlencode({"edition": edition.slug})
    href = target_url(slug, eid, query)
    article_eid = eids.article_of(eid)
    if eids.levels(article_eid)[0].kind == "art":
        provisions = [
            p
            for p in Provision.objects.of_article(edition, article_eid)
            if eids.is_within(p.eid, eid) or p.eid == article_eid
        ]
        target = next((p for p in provisions if p.eid == eid), None)
        if target is None:
            raise Http404(f"{instrument.short_title} n'a pas de disposition « {eid} ».")
        article = next(p for p in provisions if p.eid == article_eid)
        title = f"{instrument.display_short_title}, {target.display_citation}"
        if article.heading:
            title += f" — {article.heading}"
        base = eids.depth(target.eid)
        lines = [
            PreviewLine(eids.depth(p.eid) - base, _num(p), p.text)
            for p in provisions
            if p.text and eids.is_within(p.eid, eid)
        ]
    else:
        division = Division.objects.filter(edition=edition, eid=eid).first()
        if division is None:
            raise Http404(f"{instrument.short_title} n'a pas de division « {eid} ».")
        title = f"{instrument.display_short_title}, {division}"
        if division.heading:
            title += f" — {division.heading}"
        articles = (
            Provision.objects.articles()
            .filter(edition=edition)
            .filter(Q(division__eid=eid) | Q(division__eid__startswith=eids.descendants_prefix(eid)))
            .order_by("position")
        )
        lines = [PreviewLine(0, "", f"Article {a.num}" + (f" — {a.heading}" if a.heading else "")) for a in articles]
    return Preview(title, href, lines[:MAX_LINES], len(lines) > MAX_LINES)
