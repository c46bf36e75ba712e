"""The divergences page: what differs between the instruments, in one place.

Four kinds: quantities that differ between corresponding provisions,
quantities that only one of two corresponding provisions states, articles
recorded without counterpart, and the curated article pairs whose wording
differs most in substance. The preservation periods come first, stated
whether they agree or not: the domestic period (ordered at home) and the
international one (asked by another Party) are easily confused.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from concordance.analysis.findings import by_subject
from concordance.analysis.records import Findings, Missing, PairShare, QuantityLink
from concordance.csv_cells import BOM, neutralised

DIVERGENCE_KINDS = {
    "quantity": _("quantités divergentes"),
    "one-sided": _("quantités d'un seul côté"),
    "missing": _("articles sans équivalent"),
    "most-different": _("textes les plus différents"),
}
# How many of the most different pairs the page lists.
MOST_DIFFERENT = 20
# Relations that say two articles are meant to say the same thing, in whole or
# in part; a "related" pair only touches the same matter, so its texts differ
# by design and ranking it would drown the real differences.
CORRESPONDING = ("equivalent", "partial", "broader", "narrower")
SCOPE_LABELS = {"national": _("en droit interne"), "international": _("en coopération internationale"), "": ""}


@dataclass(frozen=True)
class PreservationPeriod:
    """A preservation period set against its counterpart, with the scope that tells it apart."""

    link: QuantityLink

    @property
    def scope(self) -> str:
        return self.link.left_provision.article.scope or self.link.right_provision.article.scope

    @property
    def scope_label(self) -> str:
        return str(SCOPE_LABELS[self.scope])

    @property
    def agree(self) -> bool:
        return self.link.status == "same"


@dataclass(frozen=True)
class Divergences:
    quantities: list[QuantityLink]
    missing: list[Missing]
    most_different: list[PairShare]
    kind: str
    one_sided: list[QuantityLink] = field(default_factory=list)
    preservation: list[PreservationPeriod] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.quantities) + len(self.one_sided) + len(self.missing) + len(self.most_different)

    @property
    def quantities_by_subject(self) -> list[tuple[str, str, list[QuantityLink]]]:
        return by_subject(self.quantities)

    @property
    def one_sided_by_subject(self) -> list[tuple[str, str, list[QuantityLink]]]:
        return by_subject(self.one_sided)


def preservation_periods(links: list[QuantityLink]) -> list[PreservationPeriod]:
    """The preservation periods paired between two instruments, domestic first."""
    periods = [PreservationPeriod(link) for link in links if link.subject == "preservation" and not link.one_sided]
    order = {"national": 0, "international": 1, "": 2}
    return sorted(periods, key=lambda period: order[period.scope])


def divergences(findings: Findings, theme: str = "", kind: str = "") -> Divergences:
    def in_theme(themes: tuple[str, ...]) -> bool:
        return not theme or theme in themes

    links = [link for link in findings.links if in_theme(link.themes)]
    quantities = [link for link in links if link.status == "divergent"]
    one_sided = [link for link in links if link.one_sided]
    missing = [m for m in findings.missing if in_theme(m.theme_slugs)]
    most_different = [share for share in findings.shares if share.relation in CORRESPONDING and in_theme(share.themes)][
        :MOST_DIFFERENT
    ]
    return Divergences(
        quantities if kind in ("", "quantity") else [],
        missing if kind in ("", "missing") else [],
        most_different if kind in ("", "most-different") else [],
        kind,
        one_sided if kind in ("", "one-sided") else [],
        preservation_periods(links) if kind in ("", "quantity") else [],
    )


COLUMNS = [
    "kind",
    "themes",
    "instrument",
    "eid",
    "words",
    "label",
    "counterpart_instrument",
    "counterpart_eid",
    "counterpart_words",
    "counterpart_label",
    "substantive_share",
    "reason",
    "url",
    "status",
    "comparison",
]


class _SpreadsheetSafeWriter(csv.DictWriter):
    """Every cell neutralised: reasons are curators' free text, and a cell
    opening with "=" would run as a formula where the file is opened."""

    def writerow(self, rowdict):
        return super().writerow({name: neutralised(str(value)) for name, value in rowdict.items()})


def as_csv(found: Divergences, base_url: str = "") -> str:
    """The report as CSV for a spreadsheet: a byte-order mark (or Excel garbles "≠" and accents), no live formula."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = _SpreadsheetSafeWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for kind, link in [("quantity", link) for link in found.quantities] + [
        ("one-sided", link) for link in found.one_sided
    ]:
        writer.writerow(
            {
                "kind": kind,
                "themes": ";".join(link.themes),
                "instrument": link.left_provision.article.instrument,
                "eid": link.left_provision.eid,
                "words": link.left.text if link.left else "",
                "label": link.left.label if link.left else "",
                "counterpart_instrument": link.right_provision.article.instrument,
                "counterpart_eid": link.right_provision.eid,
                "counterpart_words": link.right.text if link.right else "",
                "counterpart_label": link.right.label if link.right else "",
                "reason": "" if link.counterpart_governs else "aucune disposition de l'autre instrument ne régit cela",
                "url": base_url + link.compare_url,
                "status": link.status,
                "comparison": link.badge,
            }
        )
    for missing in found.missing:
        writer.writerow(
            {
                "kind": "missing",
                "themes": ";".join(missing.theme_slugs),
                "instrument": missing.article.instrument,
                "eid": missing.article.eid,
                "counterpart_instrument": missing.other_instrument,
                "reason": missing.reason,
                "url": base_url + missing.article.url,
            }
        )
    for share in found.most_different:
        writer.writerow(
            {
                "kind": "most-different",
                "themes": ";".join(share.themes),
                "instrument": share.left.instrument,
                "eid": share.left.eid,
                "counterpart_instrument": share.right.instrument,
                "counterpart_eid": share.right.eid,
                "substantive_share": f"{share.share:.3f}",
                "url": base_url + share.compare_url,
            }
        )
    return buffer.getvalue()
