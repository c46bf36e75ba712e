"""Consistency checks on fixtures/concordance.json against the source texts."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.lib.test_aligner import split_articles

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "concordance.json"

INSTRUMENTS = {"un": 68, "budapest": 48, "budapest-p1": 16}
RELATIONS = {"equivalent", "partial", "broader", "narrower", "related"}
STATUSES = {"reviewed", "proposed"}
THEME_SLUGS = [
    "definitions",
    "offences",
    "liability-and-sanctions",
    "jurisdiction",
    "procedural-powers",
    "safeguards-and-human-rights",
    "international-cooperation",
    "mutual-assistance",
    "asset-recovery",
    "prevention-and-technical-assistance",
    "final-clauses",
]
EID = re.compile(r"^art_(\d+)(?:__para_(\d+))?(?:__point_([a-z]))?$")


@pytest.fixture(scope="module")
def data() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def article_of(eid: str) -> str:
    return eid.split("__", 1)[0]


def article_level(data: dict) -> list[dict]:
    return [c for c in data["correspondences"] if "__" not in c["left"]["eid"] and "__" not in c["right"]["eid"]]


def endpoints(data: dict):
    for c in data["correspondences"]:
        yield c["left"]
        yield c["right"]


def test_fixture_is_readable_utf8_json_with_two_space_indent() -> None:
    raw = FIXTURE.read_text(encoding="utf-8")
    assert raw.startswith('{\n  "themes"')
    assert "\\u00e9" not in raw and "é" in raw  # accents are not escaped


def test_theme_taxonomy(data: dict) -> None:
    assert [t["slug"] for t in data["themes"]] == THEME_SLUGS
    assert all(t["name"].strip() for t in data["themes"])


def test_every_article_has_known_themes(data: dict) -> None:
    slugs = set(THEME_SLUGS)
    for instrument, count in INSTRUMENTS.items():
        themes = data["article_themes"][instrument]
        assert set(themes) == {f"art_{n}" for n in range(1, count + 1)}, instrument
        for eid, values in themes.items():
            assert values, (instrument, eid)
            assert set(values) <= slugs, (instrument, eid, values)


# Which other instruments each instrument's articles must be accounted for against.
REQUIRED = {"un": ["budapest"], "budapest": ["un"], "budapest-p1": ["un"]}


def test_every_article_is_accounted_for_in_each_other_instrument(data: dict) -> None:
    linked = set()
    for c in data["correspondences"]:
        left, right = c["left"], c["right"]
        linked.add((left["instrument"], article_of(left["eid"]), right["instrument"]))
        linked.add((right["instrument"], article_of(right["eid"]), left["instrument"]))
    without = Counter((w["instrument"], w["eid"], w["other_instrument"]) for w in data["without_counterpart"])
    assert all(n == 1 for n in without.values()), [k for k, n in without.items() if n > 1]
    for instrument, count in INSTRUMENTS.items():
        for n in range(1, count + 1):
            for other in REQUIRED[instrument]:
                key = (instrument, f"art_{n}", other)
                assert (key in linked) != (key in without), key
    # No record contradicts a link, for any pair of instruments.
    assert set(without) & linked == set()
    expected = {(i, f"art_{n}") for i, c in INSTRUMENTS.items() for n in range(1, c + 1)}
    assert {(i, e) for i, e, _ in without} <= expected
    assert all(
        w["other_instrument"] in INSTRUMENTS and w["other_instrument"] != w["instrument"]
        for w in data["without_counterpart"]
    )
    assert all(w["reason"].strip() for w in data["without_counterpart"])


@pytest.mark.parametrize(
    ("left", "right", "relation"),
    [
        (("un", "art_25"), ("budapest", "art_16"), "equivalent"),
        (("un", "art_42"), ("budapest", "art_29"), "partial"),  # the review: UN adds §2, §3 g), §9
        (("un", "art_41"), ("budapest", "art_35"), "partial"),
        (("un", "art_67"), ("budapest", "art_47"), "partial"),
        (("un", "art_63__para_4"), ("budapest", "art_43__para_1"), "related"),
        (("un", "art_63__para_3"), ("budapest", "art_42"), "related"),
        (("un", "art_64__para_4"), ("budapest-p1", "art_11__para_1"), "related"),
        (("un", "art_40"), ("budapest", "art_25"), "partial"),
        (("un", "art_40"), ("budapest", "art_27"), "partial"),
        (("un", "art_40"), ("budapest", "art_28"), "partial"),
        (("un", "art_25__para_1"), ("budapest", "art_16__para_1"), "equivalent"),
        (("un", "art_25__para_2"), ("budapest", "art_16__para_2"), "equivalent"),
        (("un", "art_42__para_8"), ("budapest", "art_29__para_7"), "equivalent"),
    ],
)
def test_key_links(data: dict, left: tuple, right: tuple, relation: str) -> None:
    found = [
        c
        for c in data["correspondences"]
        if (c["left"]["instrument"], c["left"]["eid"]) == left
        and (c["right"]["instrument"], c["right"]["eid"]) == right
    ]
    assert len(found) == 1 and found[0]["relation"] == relation


def test_key_durations_are_in_the_notes(data: dict) -> None:
    notes = {
        (c["left"]["eid"], c["right"]["eid"]): c["note"]
        for c in data["correspondences"]
        if c["left"]["instrument"] == "un" and c["right"]["instrument"] == "budapest"
    }
    assert "90 jours" in notes[("art_25", "art_16")]
    assert "90 jours" in notes[("art_25__para_2", "art_16__para_2")]
    assert "60 jours" in notes[("art_42", "art_29")]


@pytest.mark.parametrize(
    ("instrument", "eid", "other"),
    [
        ("un", "art_16", "budapest"),
        ("budapest", "art_32", "un"),
        ("budapest", "art_38", "un"),
        ("budapest", "art_41", "un"),
        ("un", "art_4", "budapest"),
        ("budapest-p1", "art_14", "un"),
    ],
)
def test_known_gaps_are_without_counterpart(data: dict, instrument: str, eid: str, other: str) -> None:
    assert (instrument, eid, other) in [
        (w["instrument"], w["eid"], w["other_instrument"]) for w in data["without_counterpart"]
    ]


def test_notes_corrected_after_review(data: dict) -> None:
    notes = {
        (c["left"]["instrument"], c["left"]["eid"], c["right"]["instrument"], c["right"]["eid"]): c["note"]
        for c in data["correspondences"]
    }
    # UN 64 §4 provides for accession: the Protocol's accession clause is not without UN counterpart.
    assert "Pas d'équivalent" not in notes[("budapest-p1", "art_11", "budapest", "art_37")]
    # Art. 12 §1 extends to the Protocol the reservations made under the Convention, not the other way.
    assert "étend au Protocole les réserves" in notes[("budapest-p1", "art_12", "budapest", "art_42")]
    # Budapest art. 19 has five paragraphs.
    assert "quatre premiers paragraphes" in notes[("un", "art_28", "budapest", "art_19")]


def test_link_direction_and_no_self_or_intra_instrument_links(data: dict) -> None:
    for c in data["correspondences"]:
        li, ri = c["left"]["instrument"], c["right"]["instrument"]
        assert li != ri, c
        assert ri != "un", c  # the UN provision is always on the left
        if {li, ri} == {"budapest", "budapest-p1"}:
            assert li == "budapest-p1", c


def test_no_duplicate_links(data: dict) -> None:
    keys = Counter(
        frozenset({(c["left"]["instrument"], c["left"]["eid"]), (c["right"]["instrument"], c["right"]["eid"])})
        for c in data["correspondences"]
    )
    assert [k for k, n in keys.items() if n > 1] == []


def test_field_values(data: dict) -> None:
    slugs = set(THEME_SLUGS)
    for c in data["correspondences"]:
        assert c["relation"] in RELATIONS, c
        assert c["status"] in STATUSES, c
        assert c["themes"] and set(c["themes"]) <= slugs, c
        assert 0 < len(c["note"]) <= 600, c
        for end in (c["left"], c["right"]):
            assert end["instrument"] in INSTRUMENTS, c
            match = EID.match(end["eid"])
            assert match, end
            assert 1 <= int(match.group(1)) <= INSTRUMENTS[end["instrument"]], end


def _paragraph_span(text: str, para: int) -> str | None:
    """Text of numbered paragraph ``para`` (crude: from its number to the next one)."""
    start = re.search(rf"^[\s*-]*{para}(?:\.|\s)", text, re.M)
    if not start:
        return None
    following = re.search(rf"^[\s*-]*{para + 1}(?:\.|\s)", text[start.end() :], re.M)
    return text[start.start() : start.end() + following.start()] if following else text[start.start() :]


def _has_point(text: str, letter: str) -> bool:
    # "a)", "- a)", "a.", "    a  ", or "12. a)" when a paragraph opens with its point.
    return bool(re.search(rf"^[\s*-]*(?:\d+\.?\s+)?{letter}(?:\)|\.|\s)", text, re.M))


def test_paragraph_and_point_eids_exist_in_sources(data: dict) -> None:
    missing = []
    for end in endpoints(data):
        match = EID.match(end["eid"])
        if not match or not (match.group(2) or match.group(3)):
            continue
        article = split_articles(end["instrument"])[int(match.group(1))].text
        scope = article
        if match.group(2):
            scope = _paragraph_span(article, int(match.group(2)))
            if scope is None:
                missing.append((end["instrument"], end["eid"]))
                continue
        if match.group(3) and not _has_point(scope, match.group(3)):
            missing.append((end["instrument"], end["eid"]))
    assert missing == []


def test_crude_scan_rejects_made_up_eids() -> None:
    art25 = split_articles("un")[25].text
    assert _paragraph_span(art25, 3) is not None
    assert _paragraph_span(art25, 4) is None
    assert not _has_point(split_articles("budapest")[16].text, "c")
    # Articles made of a single unnumbered paragraph have no "para_1".
    assert _paragraph_span(split_articles("budapest")[2].text, 1) is None
    assert _paragraph_span(split_articles("un")[10].text, 1) is None
    # Points are looked for inside their own paragraph only.
    art41 = split_articles("un")[41].text
    assert _has_point(_paragraph_span(art41, 3), "e")
    assert not _has_point(_paragraph_span(art41, 3), "f")
    assert not _has_point(_paragraph_span(art41, 4), "a")
