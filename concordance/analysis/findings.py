"""Quantities of every provision, and what comparing corresponding provisions finds.

Quantities are computed, not stored: they are a pure function of a
provision's text and its article's heading, so a table of them would be a
second copy of the corpus to keep in step with every ingest and with every
change of ``lib/quantities``. Computed from the texts and cached under a hash
of those texts (see ``inputs``), they cannot go stale, and a warm page reads
them from the cache in the queries that fetch the inputs.
"""

from __future__ import annotations

from dataclasses import replace

from django.urls import reverse
from django.utils import translation

from concordance.analysis import artefacts
from concordance.analysis.comparisons import compare_curated
from concordance.analysis.inputs import (
    ArticleRef,
    Concordance,
    CorrespondenceRow,
    Texts,
    load_concordance,
    load_texts,
    per_data_version,
)
from concordance.analysis.records import (
    Findings,
    Missing,
    PairShare,
    QuantityEntry,
    QuantityLink,
    provision_ref,
)
from concordance.caching import cached
from concordance.comparison.inputs import CorpusSnapshot
from concordance.languages import translate
from concordance.lib import eids, quantities
from concordance.lib.comparison import Comparison, QuantityReading, pair_one_sided
from concordance.lib.quantities import SUBJECT_LABELS, QuantityPair


def extract(texts: Texts, articles: dict[tuple[str, str], ArticleRef]) -> list[QuantityEntry]:
    """Every quantity of every provision of the primary editions, in document order."""
    found = []
    for row in texts.provisions:
        if not row.text:
            continue
        article = articles[(row.instrument, row.article_eid)]
        for quantity in quantities.extract_quantities(row.text):
            found.append(
                QuantityEntry(
                    provision=provision_ref(article, row.eid),
                    start=quantity.start,
                    text=quantity.text,
                    value=quantity.value,
                    unit=quantity.unit,
                    kind=quantity.kind,
                    bound=quantity.bound,
                    subject=quantities.subject_of(quantity, row.text, article.heading),
                    label=quantity.label,
                    effect=quantities.takes_effect(quantity, row.text),
                    quantity=quantity,
                )
            )
    return found


def link_quantities(
    concordance: Concordance,
    articles: dict[tuple[str, str], ArticleRef],
    entries: dict[tuple[str, str, int], QuantityEntry],
    comparisons: dict[int, Comparison],
    incorporated: frozenset[tuple[str, str, str, str]] = frozenset(),
) -> list[QuantityLink]:
    """The quantity pairs of every curated correspondence, each pair once.

    A quantity is paired, against each other instrument, by the most specific
    correspondence that finds it a counterpart: a curated paragraph link says
    which paragraph answers which, where an article-level comparison only has
    the aligner's guess. So pairs with both sides come first, paragraph-level
    before article-level, and one-sided ones last: the curated link UN art. 67
    §1 ↔ Budapest art. 47 §1 leaves "un an" alone, yet Budapest states the
    delay of denunciation in §2, which the article pair finds. A later pair
    that would re-pair a quantity already paired with the same instrument is
    left out, except from another curated paragraph link: UN 65 §2 governs both what Budapest 36 §4
    (ratification) and 37 §2 (accession) govern, and is set against each. What is not a divergence is left
    out by the rules of ``artefacts``.
    """
    themes_of = concordance.themes_of_correspondence()
    by_provision: dict[tuple[str, str], list[QuantityEntry]] = {}
    subjects_of_article: dict[tuple[str, str], set[str]] = {}
    for entry in entries.values():
        by_provision.setdefault((entry.instrument, entry.eid), []).append(entry)
        subjects_of_article.setdefault((entry.instrument, entry.provision.article.eid), set()).add(entry.subject)
    echoed = artefacts.echoes(entries.values())
    candidates = []
    for correspondence in concordance.correspondences:
        article_level = eids.is_top_level(correspondence.left_eid) and eids.is_top_level(correspondence.right_eid)
        found = links_of_correspondence(correspondence, comparisons[correspondence.pk], articles, entries, by_provision)
        found = artefacts.without_echoes(artefacts.by_subject(found), echoed)
        for link in artefacts.without_incorporated(pair_across(found), incorporated):
            link = artefacts.governs(link, subjects_of_article)
            # A one-sided quantity is set first against a provision that governs the same thing.
            order = (link.one_sided, not link.counterpart_governs, article_level, correspondence.pk)
            candidates.append((order, link, themes_of.get(correspondence.pk, ())))
    return artefacts.keep_reported(keep_most_specific(candidates))


def links_of_correspondence(
    correspondence: CorrespondenceRow,
    comparison: Comparison,
    articles: dict[tuple[str, str], ArticleRef],
    entries: dict[tuple[str, str, int], QuantityEntry],
    by_provision: dict[tuple[str, str], list[QuantityEntry]],
) -> list[QuantityLink]:
    """The quantity pairs of one correspondence's rows, before they are paired across rows."""
    left_article = articles[(correspondence.left_instrument, eids.article_of(correspondence.left_eid))]
    right_article = articles[(correspondence.right_instrument, eids.article_of(correspondence.right_eid))]
    compare_url = reverse(
        "compare",
        args=[
            correspondence.left_instrument,
            correspondence.left_eid,
            correspondence.right_instrument,
            correspondence.right_eid,
        ],
    )
    found: list[QuantityLink] = []
    for row in comparison.rows:
        if row.left and row.right:
            found.extend(
                to_link(pair, left_eid, right_eid, left_article, right_article, entries, compare_url)
                for pair, left_eid, right_eid in row.located_quantity_pairs()
            )
            continue
        # A paragraph with no partner: its quantities have none in this
        # row, but may have one elsewhere in the other article.
        for unit in row.lefts or row.rights:
            left_eid = unit.eid if row.left else correspondence.left_eid
            right_eid = unit.eid if row.right else correspondence.right_eid
            instrument = left_article.instrument if row.left else right_article.instrument
            # A part of a provision (a sentence pin) holds only the quantities within its words.
            inside = range(unit.offset, unit.offset + len(unit.text))
            for entry in (e for e in by_provision.get((instrument, unit.eid), ()) if e.start in inside):
                pair = quantities.pair(entry.quantity, None) if row.left else quantities.pair(None, entry.quantity)
                found.append(to_link(pair, left_eid, right_eid, left_article, right_article, entries, compare_url))
    return found


def keep_most_specific(candidates: list[tuple[tuple, QuantityLink, tuple[str, ...]]]) -> list[QuantityLink]:
    """Each pair once, from the most specific correspondence (see ``link_quantities``),
    with the themes of every correspondence that found it."""
    links: dict[tuple, QuantityLink] = {}
    claimed: set[tuple] = set()
    for order, link, themes in sorted(candidates, key=lambda candidate: candidate[0]):
        one_sided, _, article_level, _ = order
        left_instrument, right_instrument = link.instruments
        identity = (
            link.left.key if link.left else (left_instrument, link.left_provision.eid),
            link.right.key if link.right else (right_instrument, link.right_provision.eid),
        )
        if identity in links:
            known = links[identity]
            links[identity] = replace_themes(known, tuple(dict.fromkeys(known.themes + themes)))
            continue
        sides = []
        if link.left:
            sides.append((link.left.key, right_instrument))
        if link.right:
            sides.append((link.right.key, left_instrument))
        paragraph_pair = not one_sided and not article_level
        if not paragraph_pair and any(side in claimed for side in sides):
            continue
        claimed.update(sides)
        links[identity] = replace_themes(link, themes)
    return sorted(links.values(), key=link_order)


def by_subject(links: list[QuantityLink]) -> list[tuple[str, str, list[QuantityLink]]]:
    """(subject, label, links) in ``SUBJECT_LABELS`` order, each link under each subject it touches.

    The one grouping of /quantities/ and /divergences/: both file a pair under
    the subjects ``lib.quantities.subject_of`` gives its quantities.
    """
    groups = []
    for subject, label in SUBJECT_LABELS.items():
        found = [link for link in links if subject in link.subjects]
        if found:
            groups.append((subject, translate(label), found))
    return groups


def link_order(link: QuantityLink) -> tuple:
    """Document order of the left side, then of the right."""
    return (
        link.left_provision.article.instrument_position,
        link.left_provision.article.number,
        link.left.start if link.left else -1,
        link.right_provision.article.number,
        link.right.start if link.right else -1,
    )


def pair_across(links: list[QuantityLink]) -> list[QuantityLink]:
    """Pair the one-sided quantities of one correspondence across its rows.

    ``lib.quantities.pair_quantities`` pairs the quantities of one aligned row; a
    quantity whose counterpart sits in another paragraph (UN art. 67 §1 "un
    an", Budapest art. 47 §2 "trois mois") or in a paragraph with no partner
    stays one-sided there. Here they are paired by the rule the comparison
    page applies too (``lib.comparison.pair_one_sided``); what is left over
    is one-sided for good.
    """
    lefts = [(link, reading) for link in links if link.right is None and (reading := _reading(link.left)) is not None]
    rights = [(link, reading) for link in links if link.left is None and (reading := _reading(link.right)) is not None]
    merged: dict[int, QuantityLink] = {}
    used: set[int] = set()
    found = pair_one_sided([reading for _, reading in lefts], [reading for _, reading in rights])
    for i, j in found:
        (left, left_reading), (right, right_reading) = lefts[i], rights[j]
        used.update({id(left), id(right)})
        pair = quantities.pair(left_reading.quantity, right_reading.quantity)
        merged[id(left)] = replace(
            left,
            status=pair.status,
            right=right.right,
            right_provision=right.right_provision,
            spelled_differently=pair.spelled_differently,
            bound_differs=pair.bound_differs,
            across_units=pair.across_units,
        )
    return [merged.get(id(link), link) for link in links if id(link) in merged or id(link) not in used]


def _reading(entry: QuantityEntry | None) -> QuantityReading | None:
    if entry is None or entry.quantity is None:
        return None
    return QuantityReading(entry.quantity, entry.subject, entry.effect)


def to_link(
    pair: QuantityPair,
    left_eid: str,
    right_eid: str,
    left_article: ArticleRef,
    right_article: ArticleRef,
    entries: dict[tuple[str, str, int], QuantityEntry],
    compare_url: str,
) -> QuantityLink:
    left = entries[(left_article.instrument, left_eid, pair.left.start)] if pair.left else None
    right = entries[(right_article.instrument, right_eid, pair.right.start)] if pair.right else None
    return QuantityLink(
        status=pair.status,
        left=left,
        right=right,
        left_provision=provision_ref(left_article, left_eid),
        right_provision=provision_ref(right_article, right_eid),
        compare_url=compare_url,
        themes=(),
        spelled_differently=pair.spelled_differently,
        bound_differs=pair.bound_differs,
        across_units=pair.across_units,
    )


def replace_themes(link: QuantityLink, themes: tuple[str, ...]) -> QuantityLink:
    return replace(link, themes=themes)


def pair_shares(
    concordance: Concordance,
    articles: dict[tuple[str, str], ArticleRef],
    comparisons: dict[int, Comparison],
) -> list[PairShare]:
    themes_of = concordance.themes_of_correspondence()
    shares = [
        PairShare(
            left=articles[(c.left_instrument, c.left_eid)],
            right=articles[(c.right_instrument, c.right_eid)],
            relation=c.relation,
            share=comparisons[c.pk].substantive_share,
            compare_url=reverse("compare", args=[c.left_instrument, c.left_eid, c.right_instrument, c.right_eid]),
            themes=themes_of.get(c.pk, ()),
        )
        for c in concordance.correspondences
        if eids.is_top_level(c.left_eid) and eids.is_top_level(c.right_eid)
    ]
    # Ties keep the concordance's order.
    return sorted(shares, key=lambda s: -s.share)


def build(texts: Texts, concordance: Concordance) -> Findings:
    articles = texts.articles()
    found = extract(texts, articles)
    entries = {entry.key: entry for entry in found}
    comparisons = compare_curated(CorpusSnapshot())
    links = link_quantities(concordance, articles, entries, comparisons, artefacts.incorporations(texts))
    divergent = frozenset(q.key for link in links if link.status == "divergent" for q in (link.left, link.right) if q)
    article_themes = concordance.themes_of_article()
    missing = tuple(
        Missing(articles[(instrument, eid)], reason, article_themes.get((instrument, eid), ()), other, other_title)
        for instrument, eid, other, other_title, reason in concordance.missing
    )
    shares = tuple(pair_shares(concordance, articles, comparisons))
    return Findings(articles, tuple(found), tuple(links), shares, missing, divergent)


def findings() -> Findings:
    """The findings for the database as it is now (one query when cached: ``per_data_version``)."""
    return per_data_version("findings", findings_by_content)


def findings_by_content() -> Findings:
    """The findings under a hash of their inputs (seven queries when cached), reused across data versions."""
    texts, concordance = load_texts(), load_concordance()
    # Per interface language: the findings carry addresses (/en/…) and words of the interface.
    key = (translation.get_language(), texts.key(), concordance.key())
    return cached("findings", key, lambda: build(texts, concordance))
