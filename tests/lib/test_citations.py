import pytest

from concordance.lib.citations import parse_citation


@pytest.mark.parametrize(
    "typed, eid",
    [
        ("25", "art_25"),
        (" 25 ", "art_25"),
        ("25.2", "art_25__para_2"),
        ("25, 2", "art_25__para_2"),
        ("art. 25, par. 2", "art_25__para_2"),
        ("Article 17, paragraphe 1, alinéa b", "art_17__para_1__point_b"),
        ("17.1.b.ii", "art_17__para_1__point_b__subpoint_ii"),
        ("2.e", "art_2__point_e"),
        ("2 e ii", "art_2__point_e__subpoint_ii"),
        ("2.i", "art_2__point_i"),
        ("art_25__para_2", "art_25__para_2"),
        ("art_14__para_3__point_b__wrapup", "art_14__para_3__point_b__wrapup"),
    ],
)
def test_typed_citations_become_identifiers(typed, eid):
    assert parse_citation(typed) == eid


@pytest.mark.parametrize("typed", ["", "abc", "0", "25.x.3", "art_25__bogus", "25.2.3", "<script>"])
def test_text_that_names_no_provision_is_refused(typed):
    assert parse_citation(typed) is None
