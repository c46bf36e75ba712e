"""Every curated pair compared at once, in a fixed number of queries.

``building.compare`` fetches each pair's subtrees and paragraph links on its
own (about ten queries a pair). Here the primary editions' provisions and the
curated links are fetched once and each pair is assembled in memory exactly
as ``building.compare`` does it, under the same cache key: a pair computed
here is warm for the comparison page, and the reverse.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.cache import cache

from concordance.comparison.building import comparison_key, pinned_pairs, units_of
from concordance.corpus.models import Provision
from concordance.glossary import curated_glossary
from concordance.lib.comparison import Comparison, compare_units
from concordance.mapping.models import Correspondence


class Corpus:
    """The primary editions' provisions, by instrument and eid, and by article."""

    def __init__(self) -> None:
        provisions = list(
            Provision.objects.filter(edition__is_primary=True)
            .select_related("edition__instrument")
            .order_by("position")
        )
        self.by_pk = {p.pk: p for p in provisions}
        self.by_article: dict[tuple[int, str], list[Provision]] = defaultdict(list)
        for provision in provisions:
            self.by_article[(provision.edition_id, provision.article_eid)].append(provision)

    def article(self, provision: Provision) -> Provision:
        """The article a provision belongs to: the first of its article's provisions."""
        return self.by_article[(provision.edition_id, provision.article_eid)][0]

    def subtree(self, root: Provision) -> list[Provision]:
        return [
            node
            for node in self.by_article[(root.edition_id, root.article_eid)]
            if node.eid == root.eid or node.eid.startswith(root.eid + "__")
        ]


def oriented_links(
    corpus: Corpus, links: list[Correspondence], left_nodes: list[Provision], right_nodes: list[Provision]
) -> list[tuple[str, str]]:
    """``building.links_inside`` over links already fetched."""
    left_ids = {node.pk for node in left_nodes}
    right_ids = {node.pk for node in right_nodes}
    oriented = []
    for link in links:
        if link.left_id in left_ids and link.right_id in right_ids:
            oriented.append((corpus.by_pk[link.left_id].eid, corpus.by_pk[link.right_id].eid))
        elif link.left_id in right_ids and link.right_id in left_ids:
            oriented.append((corpus.by_pk[link.right_id].eid, corpus.by_pk[link.left_id].eid))
    return oriented


def compare_curated(corpus: Corpus) -> dict[int, Comparison]:
    """The comparison of each curated correspondence, by correspondence pk."""
    links = list(Correspondence.objects.curated().order_by("pk"))
    keyed: dict[int, tuple[str, tuple]] = {}
    for link in links:
        left, right = corpus.by_pk[link.left_id], corpus.by_pk[link.right_id]
        left_nodes, right_nodes = corpus.subtree(left), corpus.subtree(right)
        left_units, right_units = units_of(left, left_nodes), units_of(right, right_nodes)
        pinned = pinned_pairs(left_units, right_units, oriented_links(corpus, links, left_nodes, right_nodes))
        left_slug, right_slug = left.edition.instrument.slug, right.edition.instrument.slug
        headings = (corpus.article(left).heading, corpus.article(right).heading)
        key = comparison_key(left_units, right_units, pinned, left_slug, right_slug, headings)
        keyed[link.pk] = (key, (left_units, right_units, pinned, left_slug, right_slug, headings))
    found = cache.get_many([key for key, _ in keyed.values()])
    computed = {}
    for key, (left_units, right_units, pinned, left_slug, right_slug, headings) in keyed.values():
        if key in found or key in computed:
            continue
        computed[key] = compare_units(
            left_units,
            right_units,
            pinned=pinned,
            glossary=curated_glossary(),
            left_instrument=left_slug,
            right_instrument=right_slug,
            headings=headings,
        )
    cache.set_many(computed, timeout=None)
    found.update(computed)
    return {pk: found[key] for pk, (key, _) in keyed.items()}

