"""The parsed trees of the three sources, and of small fragments, as the parsing tests read them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from concordance.lib.parsing import Node, parse_benin_decree, parse_budapest_bill, parse_un_resolution
from concordance.lib.parsing.provisions import Layout
from concordance.lib.parsing.structure import parse_body

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
FILES = {
    "un": ("un-resolution-79-243-fr.txt", parse_un_resolution, 0),
    "bill": ("budapest-bill-905-2003-fr.txt", parse_budapest_bill, 0),
    "coe": ("budapest-benin-decree-2024-773-fr.txt", parse_benin_decree, 0),
    "protocol": ("budapest-benin-decree-2024-773-fr.txt", parse_benin_decree, 1),
}


@cache
def tree(which: str) -> dict[str, Node]:
    filename, parse, index = FILES[which]
    instrument = parse((SOURCES / filename).read_text(encoding="utf-8"), filename).instruments[index]
    return {node.eid: node for top in instrument.body for node in top.walk()}


def children(which: str, eid: str) -> list[tuple[str, str]]:
    return [(child.eid, child.kind) for child in tree(which)[eid].children]


def fragment(text: str, **layout: bool) -> dict[str, Node]:
    body, _ = parse_body(text, layout=Layout(**layout))
    return {node.eid: node for top in body for node in top.walk()}
