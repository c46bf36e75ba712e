"""Fetching two provisions and comparing them, with a content-addressed cache.

The cache key is a hash of everything the comparison depends on (both texts,
the curated paragraph links, the glossary file), so a changed text or
correspondence is a different key: nothing needs invalidating by hand.  The
rendered rows are cached too, under a key that adds the templates and the
cross-reference links, so a changed template or reference is a new key as well.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404

from concordance.caching import content_key
from concordance.corpus.models import Provision
from concordance.crossrefs.linking import Link, provision_references
from concordance.crossrefs.rendering import segments
from concordance.glossary import curated_glossary
from concordance.lib.comparison import Comparison, Unit, compare_units
from concordance.mapping.models import Correspondence
from concordance.mapping.table import Counterpart, correspondences_of_articles, counterparts_by_article


def find(slug: str, eid: str) -> Provision:
    provision = (
        Provision.objects.filter(edition__instrument__slug=slug, edition__is_primary=True, eid=eid)
        .select_related("edition__instrument")
        .first()
    )
    if provision is None:
        raise Http404(f"Aucune disposition « {eid} » dans « {slug} ».")
    return provision


def existing(references: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which (instrument slug, eid) pairs name a provision of a primary edition (one query)."""
    query = Q(pk__in=[])
    for slug, eid in references:
        query |= Q(edition__instrument__slug=slug, eid=eid)
    return set(
        Provision.objects.filter(query, edition__is_primary=True).values_list("edition__instrument__slug", "eid")
    )


def form_initial(left: Provision, right: Provision) -> dict[str, str]:
    """The pair form filled with the pair on the page, in fields that read it back as the same provision."""
    initial = {}
    for side, provision in (("left", left), ("right", right)):
        initial[side] = provision.edition.instrument.slug
        initial[f"{side}_ref"], initial[f"{side}_paragraph"] = form_reference(provision)
    return initial


# What the paragraph field can say: "2", "2 b", "2 b ii".
_WRITABLE_BELOW_ARTICLE = ("para_", "point_", "subpoint_")


def form_reference(provision: Provision) -> tuple[str, str]:
    """("25", "2 b") for art_25__para_2__point_b; a closing passage or an
    unnumbered paragraph has no such spelling, so its identifier goes whole
    into the article field ("art_13__wrapup", "")."""
    below = provision.eid.split("__")[1:]
    if all(part.startswith(_WRITABLE_BELOW_ARTICLE) for part in below):
        return str(provision.article_number), " ".join(part.split("_", 1)[1] for part in below)
    return provision.eid, ""


def subtree(provision: Provision) -> list[Provision]:
    return list(
        Provision.objects.filter(edition_id=provision.edition_id, article_eid=provision.article_eid)
        .filter(Q(eid=provision.eid) | Q(eid__startswith=provision.eid + "__"))
        .order_by("position")
    )


def unit_label(root: Provision, node: Provision) -> str:
    if node.pk == root.pk:
        return "texte" if root.kind == "article" else root.citation.split(", ")[-1]
    if node.kind == "wrapup":
        return "fin"
    if node.kind == "alinea":
        return "alinéa"
    return node.citation.removeprefix(root.citation + ", ")


def units_of(root: Provision, nodes: list[Provision]) -> list[Unit]:
    return [Unit(node.eid, unit_label(root, node), node.text) for node in nodes if node.text.strip()]


def pinned_pairs(
    left_units: list[Unit], right_units: list[Unit], links: list[tuple[str, str]]
) -> list[tuple[int, int]]:
    """Curated paragraph links inside the pair, given as (left eid, right eid), as unit indices."""
    left_index = first_unit_index(left_units)
    right_index = first_unit_index(right_units)
    pairs = []
    for left_eid, right_eid in links:
        i, j = left_index(left_eid), right_index(right_eid)
        # An article-level link says nothing about rows.
        if i is not None and j is not None and "__" in left_eid and "__" in right_eid:
            pairs.append((i, j))
    # Crossing links are kept: compare_units shows them as moved rows.
    return pairs


def links_inside(left_nodes: list[Provision], right_nodes: list[Provision]) -> list[tuple[str, str]]:
    """Curated links between the two subtrees, oriented left → right (one query)."""
    left_ids = {node.pk for node in left_nodes}
    right_ids = {node.pk for node in right_nodes}
    rows = Correspondence.objects.curated().filter(
        Q(left_id__in=left_ids, right_id__in=right_ids) | Q(left_id__in=right_ids, right_id__in=left_ids)
    ).values_list("left__eid", "right__eid", "left_id")
    return [(a, b) if left_id in left_ids else (b, a) for a, b, left_id in rows]


def comparison_key(
    left_units: list[Unit], right_units: list[Unit], pinned: list[tuple[int, int]], left_slug: str, right_slug: str,
    headings: tuple[str, str],
) -> str:
    return content_key("comparison", (left_units, right_units, pinned, left_slug, right_slug, headings))


def compare_units_cached(
    left_units: list[Unit], right_units: list[Unit], pinned: list[tuple[int, int]], left_slug: str, right_slug: str,
    headings: tuple[str, str],
) -> tuple[str, Comparison]:
    key = comparison_key(left_units, right_units, pinned, left_slug, right_slug, headings)
    comparison = cache.get(key)
    if comparison is None:
        comparison = compare_units(
            left_units, right_units, pinned=pinned, glossary=curated_glossary(),
            left_instrument=left_slug, right_instrument=right_slug, headings=headings,
        )
        cache.set(key, comparison, timeout=None)
    return key, comparison


def article_headings(left: Provision, right: Provision) -> tuple[str, str]:
    """The headings of the two provisions' articles (one query when a side is below its article)."""
    below = [p for p in (left, right) if p.kind != "article"]
    found: dict[tuple[int, str], str] = {}
    if below:
        rows = Provision.objects.filter(_articles_of(below)).values_list("edition_id", "eid", "heading")
        found = {(edition, eid): heading for edition, eid, heading in rows}
    left_heading, right_heading = (
        p.heading if p.kind == "article" else found.get((p.edition_id, p.article_eid), "") for p in (left, right)
    )
    return left_heading, right_heading


def _articles_of(provisions: list[Provision]) -> Q:
    query = Q(pk__in=[])
    for provision in provisions:
        query |= Q(edition_id=provision.edition_id, eid=provision.article_eid)
    return query


def first_unit_index(units: list[Unit]):
    def index(eid: str) -> int | None:
        for position, unit in enumerate(units):
            if unit.eid == eid or unit.eid.startswith(eid + "__"):
                return position
        return None

    return index


# Spans of a unit's text that are internal references: (start, end, link).
LinkSpans = list[tuple[int, int, Link]]


@functools.cache
def rendering_version() -> str:
    """Hash of the files that turn a comparison into HTML, read once per process."""
    digest = hashlib.sha256()
    folders = [settings.BASE_DIR / "templates" / "comparison", settings.BASE_DIR / "concordance" / "comparison"]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".html", ".py"):
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class PairView:
    left: Provision
    right: Provision
    comparison: Comparison
    correspondence: Correspondence | None
    left_counterparts: list[Counterpart]
    right_counterparts: list[Counterpart]
    # Names everything the comparison rows depend on.
    cache_key: str
    # The link between the two articles when the pair itself is not linked
    # (a paragraph compared inside a linked article pair).
    article_correspondence: Correspondence | None = None
    links: dict[tuple[str, str], LinkSpans] = field(default_factory=dict)
    # Key of the rendered rows: the comparison, the templates, the links.
    html_key: str = ""
    # The headings of the two articles, as the sources print them.
    headings: tuple[str, str] = ("", "")


def compare(left: Provision, right: Provision) -> PairView:
    left_nodes, right_nodes = subtree(left), subtree(right)
    left_units, right_units = units_of(left, left_nodes), units_of(right, right_nodes)
    pinned = pinned_pairs(left_units, right_units, links_inside(left_nodes, right_nodes))
    headings = article_headings(left, right)
    key, comparison = compare_units_cached(
        left_units, right_units, pinned, left.edition.instrument.slug, right.edition.instrument.slug, headings
    )
    correspondences = correspondences_of_pair(left, right)
    left_counterparts = counterparts_by_article(left.edition, correspondences).get(left.article_eid, [])
    right_counterparts = counterparts_by_article(right.edition, correspondences).get(right.article_eid, [])
    direct = next(
        (c.correspondence for c in left_counterparts if {c.own.pk, c.provision.pk} == {left.pk, right.pk}),
        None,
    )
    around = None
    if direct is None:
        around = next(
            (
                c.correspondence
                for c in left_counterparts
                if c.is_article_level and c.provision.edition_id == right.edition_id
                and c.provision.article_eid == right.article_eid
            ),
            None,
        )
    links = {
        **unit_links("left", left, left_nodes),
        **unit_links("right", right, right_nodes),
    }
    # The rows show the instruments' titles and each reference link's address,
    # preview and title (which quote the provision it leads to).
    titles = (left.edition.instrument.short_title, right.edition.instrument.short_title)
    html_key = content_key("comparison-html", (key, rendering_version(), titles, sorted(
        (side, eid, spans) for (side, eid), spans in links.items()
    )))
    return PairView(
        left, right, comparison, direct,
        others(left_counterparts, left, right), others(right_counterparts, right, left),
        key, around, links, html_key, headings,
    )


def others(counterparts: list[Counterpart], own: Provision, other: Provision) -> list[Counterpart]:
    """The counterparts of one side, without the pair being compared."""
    return [c for c in counterparts if {c.own.pk, c.provision.pk} != {own.pk, other.pk}]


def unit_links(side: str, root: Provision, nodes: list[Provision]) -> dict[tuple[str, str], LinkSpans]:
    """The internal references of each unit, as the article page links them (one query per side)."""
    references = provision_references(root.edition, [node.pk for node in nodes])
    found = {}
    for node in nodes:
        spans = []
        for reference in references.get(("provision", node.pk), []):
            if node.text[reference.start : reference.end] != reference.text:
                continue  # the text changed since the references were computed
            spans.extend((reference.start + a, reference.start + b, link) for a, b, link in segments(reference))
        if spans:
            found[(side, node.eid)] = spans
    return found


def correspondences_of_pair(left: Provision, right: Provision) -> list[Correspondence]:
    """Curated links touching either side's article (one query plus articles)."""
    return correspondences_of_articles([left, right])
