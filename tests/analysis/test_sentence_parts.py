"""The quantity report reads a provision cut by a sentence pin part by part: a part without a
partner holds only the quantities within its own words."""

from __future__ import annotations

from types import SimpleNamespace

from concordance.analysis.findings import links_of_correspondence
from concordance.analysis.inputs import ArticleRef, CorrespondenceRow
from concordance.lib import quantities
from concordance.lib.comparison import ComparedUnit, compare_units
from concordance.lib.comparison.sentence_pins import cut_at_sentences
from concordance.lib.terminology import Glossary

TEXT = "Elle est motivée par écrit. La demande est traitée dans un délai de trente jours."


def article(instrument: str) -> ArticleRef:
    return ArticleRef(instrument, instrument, "art_5", "5", "", "", 0, "")


def test_a_part_without_partner_reports_only_its_own_quantities():
    parts = cut_at_sentences([ComparedUnit("art_5__para_1", "par. 1", TEXT)], {"art_5__para_1": {2}})
    right = [ComparedUnit("art_5__para_1", "par. 1", "La demande est traitée dans un délai de soixante jours.")]
    # The second sentence is pinned against Budapest; the first faces nothing.
    comparison = compare_units(
        parts, right, pinned=[(1, 0)], glossary=Glossary(()), left_instrument="un", right_instrument="budapest"
    )
    assert [(tuple(u.sentence for u in row.lefts), bool(row.rights)) for row in comparison.rows] == [
        ((1,), False),
        ((2,), True),
    ]
    entries = {
        (instrument, "art_5__para_1", q.start): SimpleNamespace(start=q.start, quantity=q)
        for instrument, text in (("un", TEXT), ("budapest", right[0].text))
        for q in quantities.extract_quantities(text)
    }
    by_provision = {
        (instrument, eid): [entry for key, entry in entries.items() if key[:2] == (instrument, eid)]
        for instrument, eid, _ in entries
    }
    row = CorrespondenceRow(1, "un", "art_5", "budapest", "art_5", "partial")
    articles = {("un", "art_5"): article("un"), ("budapest", "art_5"): article("budapest")}
    links = links_of_correspondence(row, comparison, articles, entries, by_provision)
    # Once, against « soixante jours », not a second time as a one-sided quantity of the first sentence.
    assert [(link.left.quantity.text, link.status) for link in links if link.left] == [("trente jours", "divergent")]
