"""What the quantity pairing must not report: quantities paired by unit only, and one-sided artefacts.

``findings.link_quantities`` pairs the quantities of corresponding
provisions. These rules keep what it reports to what a lawyer would call a
divergence (issue 14 §4, review of 6 December 2026, findings 5 and 11):

* *what they govern*: two quantities paired in one row of a comparison only
  because they measure alike (UN 57 §2 "au plus tard un an", convening the
  Conference, against Budapest 46 §3 "trois ans", the Convention's review)
  are two one-sided quantities when their subjects differ (``by_subject``);
* *a back-reference is not a second quantity*: a threshold a later
  paragraph of the same article repeats (UN 65 §2 "après le dépôt du
  quarantième instrument", §1's threshold) is that threshold, already
  compared where it is set (``echoes``);
* *incorporated by reference*: an article that applies another
  instrument's articles *mutatis mutandis* (Protocol art. 8 applies Budapest
  44 and 46) does not lack their quantities (``incorporations``);
* *a calendar point is not a delay*: "le premier jour du mois" only closes
  the delay of its sentence, compared on its own; alone on one side it says
  nothing more (``keep_reported``);
* *the Protocol is read with the Convention*: a UN quantity absent from both
  Budapest and its Protocol is reported once, against the Convention
  (``keep_reported``);
* *against what governs the same thing, or nothing*: a one-sided quantity
  is set against the provision of the other instrument that governs its
  subject, when one does (``governs``); otherwise it is said that none does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from concordance.analysis.inputs import Texts
from concordance.analysis.records import QuantityEntry, QuantityLink
from concordance.lib import eids
from concordance.lib.references import Context, find_references

PROTOCOL = "budapest-p1"
CONVENTION = "budapest"
_MUTATIS_MUTANDIS = re.compile(r"mutatis\s+mutandis", re.IGNORECASE)


def echoes(entries: Iterable[QuantityEntry]) -> frozenset[tuple[str, str, int]]:
    """Ranked thresholds that repeat, in a later paragraph of the same article, one stated in an earlier one."""
    seen: dict[tuple[str, str], set[tuple]] = {}
    found = set()
    ordered = sorted(entries, key=lambda e: (e.instrument, e.provision.article.eid, e.provision.eid, e.start))
    stated_in: dict[tuple, str] = {}
    for entry in ordered:
        # A rank ("le quarantième instrument") names an event set elsewhere; a count ("au moins un État
        # membre") repeated in another paragraph is another condition (UN 64 §2 signature, §4 accession).
        if entry.quantity is None or entry.quantity.dimension != "threshold" or entry.kind != "ordinal":
            continue
        article = (entry.instrument, entry.provision.article.eid)
        identity = (article, entry.unit, entry.kind, entry.value, entry.bound)
        known = seen.setdefault(article, set())
        if identity in known and stated_in[identity] != entry.eid:
            found.add(entry.key)
        else:
            known.add(identity)
            stated_in.setdefault(identity, entry.eid)
    return frozenset(found)


def incorporations(texts: Texts) -> frozenset[tuple[str, str, str, str]]:
    """(instrument, article, other instrument, other article): the article applies the other *mutatis mutandis*."""
    found = set()
    for row in texts.provisions:
        if not row.text or not _MUTATIS_MUTANDIS.search(row.text):
            continue
        context = Context(row.instrument, article=int(eids.label_of(row.article_eid)))
        for reference in find_references(row.text, context):
            for target in reference.targets:
                if target.instrument != row.instrument:
                    found.add((row.instrument, row.article_eid, target.instrument, eids.article_of(target.eid)))
    return frozenset(found)


def by_subject(links: list[QuantityLink]) -> list[QuantityLink]:
    """A pair whose two quantities govern different things becomes two one-sided quantities."""
    found = []
    for link in links:
        if link.left and link.right and link.left.subject != link.right.subject:
            found.append(replace(link, status="left-only", right=None, spelled_differently=False, bound_differs=False))
            found.append(replace(link, status="right-only", left=None, spelled_differently=False, bound_differs=False))
        else:
            found.append(link)
    return found


def without_echoes(links: list[QuantityLink], echoed: frozenset[tuple[str, str, int]]) -> list[QuantityLink]:
    """Drop the back-references: a pair keeps its other side alone, a one-sided echo goes."""
    found = []
    for link in links:
        left_echo = link.left is not None and link.left.key in echoed
        right_echo = link.right is not None and link.right.key in echoed
        if left_echo and (link.right is None or right_echo) or right_echo and link.left is None:
            continue
        if left_echo:
            link = replace(link, status="right-only", left=None)
        elif right_echo:
            link = replace(link, status="left-only", right=None)
        found.append(link)
    return found


def without_incorporated(
    links: list[QuantityLink], incorporated: frozenset[tuple[str, str, str, str]]
) -> list[QuantityLink]:
    """Drop a one-sided quantity of an article that the other side's article applies *mutatis mutandis*."""

    def applied(link: QuantityLink) -> bool:
        left, right = link.left_provision.article, link.right_provision.article
        if link.left is None:
            return (left.instrument, left.eid, right.instrument, right.eid) in incorporated
        if link.right is None:
            return (right.instrument, right.eid, left.instrument, left.eid) in incorporated
        return False

    return [link for link in links if not applied(link)]


def keep_reported(links: list[QuantityLink]) -> list[QuantityLink]:
    """Leave out lone calendar points, and a quantity absent from the Protocol that is absent from the
    Convention too."""
    absent_from_convention = {
        side.key for link in links for side in (link.left, link.right) if side and _absent_from(link, CONVENTION)
    }
    found = []
    for link in links:
        quantity = link.left or link.right
        if link.one_sided and quantity is not None and quantity.quantity and quantity.quantity.dimension == "date":
            continue
        if (
            link.one_sided
            and quantity is not None
            and _absent_from(link, PROTOCOL)
            and quantity.key in absent_from_convention
        ):
            continue
        found.append(link)
    return found


def _absent_from(link: QuantityLink, instrument: str) -> bool:
    """Whether ``link`` is a quantity one-sided against ``instrument``."""
    if link.left is None:
        return link.left_provision.article.instrument == instrument
    if link.right is None:
        return link.right_provision.article.instrument == instrument
    return False


def governs(link: QuantityLink, subjects_of_article: dict[tuple[str, str], set[str]]) -> QuantityLink:
    """Whether the provision a one-sided quantity is set against governs the same thing."""
    if not link.one_sided:
        return link
    quantity = link.left or link.right
    other = link.right_provision if link.left else link.left_provision
    assert quantity is not None
    subjects = subjects_of_article.get((other.article.instrument, other.article.eid), set())
    return replace(link, counterpart_governs=quantity.subject in subjects)
