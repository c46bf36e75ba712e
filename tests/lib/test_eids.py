"""The identifier grammar: one module reads and writes ``art_25__para_2__point_b``."""

import pytest

from concordance.lib import eids
from concordance.lib.eids import Level


def test_levels_read_kind_and_label_and_a_closing_passage_without_label():
    assert eids.levels("art_25__para_2__point_b") == [Level("art", "25"), Level("para", "2"), Level("point", "b")]
    assert eids.levels("art_13__wrapup") == [Level("art", "13"), Level("wrapup", "")]
    assert eids.levels("art_13__wrapup_2")[-1] == Level("wrapup", "2")
    assert eids.levels("") == []


def test_join_and_child_write_what_levels_read():
    for eid in ("art_25__para_2__point_b", "art_13__wrapup", "chp_2__sec_1", "art_2__point_e__subpoint_ii"):
        assert eids.join(*eids.levels(eid)) == eid
    assert eids.child("art_25", "para", 2) == "art_25__para_2"
    assert eids.child("", "chp", 2) == "chp_2"
    assert eids.child("art_13", "wrapup") == "art_13__wrapup"


def test_top_parent_ancestors_and_depth():
    assert eids.article_of("art_25__para_2__point_b") == "art_25"
    assert eids.top("chp_2__sec_1") == "chp_2"
    assert eids.parent("art_25__para_2__point_b") == "art_25__para_2"
    assert eids.parent("art_25") is None
    assert eids.ancestors("art_25__para_2__point_b") == ["art_25", "art_25__para_2", "art_25__para_2__point_b"]
    assert [eids.depth(e) for e in ("art_1", "art_1__para_1", "art_1__para_1__point_a")] == [0, 1, 2]
    assert eids.is_top_level("art_1") and not eids.is_top_level("art_1__para_1")


@pytest.mark.parametrize(
    ("eid", "root", "inside"),
    [
        ("art_25", "art_25", True),
        ("art_25__para_2", "art_25", True),
        ("art_25__para_2__point_b", "art_25__para_2", True),
        ("art_250", "art_25", False),
        ("art_25__para_20", "art_25__para_2", False),
        ("art_2", "art_25", False),
    ],
)
def test_is_within_follows_levels_not_characters(eid, root, inside):
    assert eids.is_within(eid, root) is inside


def test_labels_last_level_and_below_article():
    assert eids.labels("chp_2__sec_1") == {"chp": "2", "sec": "1"}
    assert eids.label_of("art_29__para_5__point_b") == "b"
    assert eids.below_article("art_25__para_2__point_b") == [Level("para", "2"), Level("point", "b")]
    assert eids.descendants_prefix("art_25") == "art_25__"


def test_is_provision_accepts_the_grammar_and_nothing_else():
    assert eids.is_provision("art_25__para_2__point_b__subpoint_ii")
    assert eids.is_provision("art_13__wrapup_2")
    assert not eids.is_provision("art_25__para_x")
    assert not eids.is_provision("chp_2")
    assert not eids.is_provision("art_25__")


def test_sort_key_orders_numbers_as_numbers():
    shuffled = ["art_10", "art_2__para_10", "art_2__para_2", "art_2", "art_13__wrapup", "art_13__para_1", "art_1"]
    assert sorted(shuffled, key=eids.sort_key) == [
        "art_1",
        "art_2",
        "art_2__para_2",
        "art_2__para_10",
        "art_10",
        "art_13__para_1",
        "art_13__wrapup",
    ]
