"""The divergences page: what differs between the instruments, in one place.

Three kinds: quantities that differ between corresponding provisions,
articles recorded without counterpart, and the curated article pairs whose
wording differs most in substance.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from concordance.analysis.findings import Findings, Missing, PairShare, QuantityLink

KINDS = {
    "quantity": "quantités divergentes",
    "missing": "articles sans équivalent",
    "most-different": "textes les plus différents",
}
# How many of the most different pairs the page lists.
MOST_DIFFERENT = 20


@dataclass(frozen=True)
class Divergences:
    quantities: list[QuantityLink]
    missing: list[Missing]
    most_different: list[PairShare]
    kind: str

    def shows(self, kind: str) -> bool:
        return not self.kind or self.kind == kind

    @property
    def total(self) -> int:
        return len(self.quantities) + len(self.missing) + len(self.most_different)


def divergences(findings: Findings, theme: str = "", kind: str = "") -> Divergences:
    def in_theme(themes: tuple[str, ...]) -> bool:
        return not theme or theme in themes

    quantities = [
        link for link in findings.links if link.status == "divergent" and in_theme(link.themes)
    ]
    missing = [m for m in findings.missing if in_theme(m.theme_slugs)]
    most_different = [share for share in findings.shares if in_theme(share.themes)][:MOST_DIFFERENT]
    return Divergences(
        quantities if kind in ("", "quantity") else [],
        missing if kind in ("", "missing") else [],
        most_different if kind in ("", "most-different") else [],
        kind,
    )


COLUMNS = [
    "kind", "themes",
    "instrument", "eid", "words", "label",
    "counterpart_instrument", "counterpart_eid", "counterpart_words", "counterpart_label",
    "substantive_share", "reason", "url",
]


def as_csv(found: Divergences, base_url: str = "") -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for link in found.quantities:
        writer.writerow({
            "kind": "quantity",
            "themes": ";".join(link.themes),
            "instrument": link.left_provision.article.instrument,
            "eid": link.left_provision.eid,
            "words": link.left.text if link.left else "",
            "label": link.left.label if link.left else "",
            "counterpart_instrument": link.right_provision.article.instrument,
            "counterpart_eid": link.right_provision.eid,
            "counterpart_words": link.right.text if link.right else "",
            "counterpart_label": link.right.label if link.right else "",
            "url": base_url + link.compare_url,
        })
    for missing in found.missing:
        writer.writerow({
            "kind": "missing",
            "themes": ";".join(missing.theme_slugs),
            "instrument": missing.article.instrument,
            "eid": missing.article.eid,
            "counterpart_instrument": missing.other_instrument,
            "reason": missing.reason,
            "url": base_url + missing.article.url,
        })
    for share in found.most_different:
        writer.writerow({
            "kind": "most-different",
            "themes": ";".join(share.themes),
            "instrument": share.left.instrument,
            "eid": share.left.eid,
            "counterpart_instrument": share.right.instrument,
            "counterpart_eid": share.right.eid,
            "substantive_share": f"{share.share:.3f}",
            "url": base_url + share.compare_url,
        })
    return buffer.getvalue()
