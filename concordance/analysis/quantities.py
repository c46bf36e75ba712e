"""The quantities page: every quantity grouped by what it governs."""

from __future__ import annotations

from dataclasses import dataclass

from concordance.analysis.divergences import preservation_periods
from concordance.analysis.findings import by_subject
from concordance.analysis.records import Findings, QuantityEntry, QuantityLink
from concordance.languages import translate
from concordance.lib.quantities import SUBJECT_LABELS


@dataclass(frozen=True)
class MarkedQuantity:
    quantity: QuantityEntry
    divergent: bool


@dataclass(frozen=True)
class SubjectGroup:
    subject: str
    label: str
    links: tuple[QuantityLink, ...]  # pairs between corresponding provisions
    quantities: tuple[MarkedQuantity, ...]

    @property
    def divergent_count(self) -> int:
        return sum(1 for link in self.links if link.status == "divergent")

    @property
    def preservation(self) -> list:
        """The preservation periods' statement, for the preservation group only."""
        return preservation_periods(list(self.links)) if self.subject == "preservation" else []


def groups(findings: Findings, instrument: str = "", subject: str = "") -> list[SubjectGroup]:
    """Subject groups in ``SUBJECT_LABELS`` order, keeping what touches ``instrument``."""
    linked = {key: links for key, _, links in by_subject(list(findings.links))}
    found = []
    for key, label in SUBJECT_LABELS.items():
        if subject and key != subject:
            continue
        quantities = tuple(
            MarkedQuantity(q, q.key in findings.divergent_keys)
            for q in findings.quantities
            if q.subject == key and (not instrument or q.instrument == instrument)
        )
        links = tuple(link for link in linked.get(key, ()) if not instrument or instrument in link.instruments)
        if quantities or links:
            found.append(SubjectGroup(key, translate(label), links, quantities))
    return found


def select(findings: Findings, instrument: str = "", subject: str = "", kind: str = "") -> list[QuantityEntry]:
    return [
        q
        for q in findings.quantities
        if (not instrument or q.instrument == instrument)
        and (not subject or q.subject == subject)
        and (not kind or q.kind == kind)
    ]
