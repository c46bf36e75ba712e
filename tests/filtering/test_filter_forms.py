"""One convention for the query-string filters of every filtered page (concordance.filtering)."""

from dataclasses import FrozenInstanceError, dataclass

import pytest
from django import forms

from concordance.filtering import FilterForm


@dataclass(frozen=True)
class ShelfFilters:
    colour: str = "any"
    text: str = ""
    framed: bool = False


class ShelfFilterForm(FilterForm[ShelfFilters]):
    filters_class = ShelfFilters
    renamed = {"q": "text"}

    colour = forms.ChoiceField(required=False, choices=[("", "toutes"), ("red", "rouge"), ("blue", "bleu")])
    q = forms.CharField(required=False, max_length=5)
    framed = forms.BooleanField(required=False)


def test_valid_filters_become_the_typed_value_under_their_domain_names():
    form = ShelfFilterForm({"colour": "red", "q": "vase", "framed": "on"})
    assert form.filters() == ShelfFilters(colour="red", text="vase", framed=True)
    assert form.status == 200
    assert form.in_query() == {"colour": "red", "q": "vase", "framed": True}


def test_a_refused_or_empty_filter_keeps_its_default_and_the_page_answers_400():
    form = ShelfFilterForm({"colour": "green", "q": "", "framed": ""})
    assert form.filters() == ShelfFilters()
    assert form.status == 400
    assert "colour" in form.errors
    assert form.problems().startswith("colour : ")
    # A link that keeps the filters keeps only those applied.
    assert form.in_query() == {}


def test_filters_are_frozen():
    with pytest.raises(FrozenInstanceError):
        ShelfFilterForm({}).filters().colour = "red"  # type: ignore[misc]


def test_every_filtered_page_uses_the_convention():
    from concordance.analysis.forms import DivergenceFilterForm, GlossaryFilterForm, QuantityFilterForm
    from concordance.editions.forms import CollationFilterForm
    from concordance.mapping.forms import ConcordanceFilterForm
    from concordance.search.forms import SearchFilterForm

    forms_ = [
        SearchFilterForm,
        ConcordanceFilterForm,
        CollationFilterForm,
        GlossaryFilterForm,
        QuantityFilterForm,
        DivergenceFilterForm,
    ]
    assert all(issubclass(form, FilterForm) for form in forms_)
    names = [form.filters_class.__name__ for form in forms_]
    # Each page's filters have a name of their own.
    assert len(set(names)) == len(names) and "Filters" not in names
