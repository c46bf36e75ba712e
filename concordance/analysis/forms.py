"""The filters of the analysis pages, read from the query string.

A value that is not one of the choices is reported beside its field and
ignored (the view answers 400), so a mistyped URL says what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from concordance.analysis.divergences import DIVERGENCE_KINDS
from concordance.analysis.terms import CLASS_LABELS
from concordance.filtering import FilterForm
from concordance.languages import translated
from concordance.lib.quantities import SUBJECT_LABELS


@dataclass(frozen=True)
class GlossaryFilters:
    instrument: str = ""
    text: str = ""  # a term, or part of one
    term_class: str = ""  # "equivalent", "near" or "distinct" (``?class=``)


@dataclass(frozen=True)
class QuantityFilters:
    instrument: str = ""
    subject: str = ""


@dataclass(frozen=True)
class DivergenceFilters:
    theme: str = ""
    kind: str = ""


def instrument_field() -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Instrument"), required=False)


class GlossaryFilterForm(FilterForm[GlossaryFilters]):
    filters_class = GlossaryFilters
    renamed = {"q": "text", "class": "term_class"}

    instrument = instrument_field()
    q = forms.CharField(label=_("Terme"), required=False, max_length=100)

    def __init__(self, data, *, instruments: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["instrument"].choices = [("", _("tous")), *instruments]
        # "class" is a Python keyword: the field is added by name.
        self.fields["class"] = forms.ChoiceField(
            label=_("Classe"), required=False, choices=[("", _("toutes")), *CLASS_LABELS.items()]
        )


class QuantityFilterForm(FilterForm[QuantityFilters]):
    filters_class = QuantityFilters

    instrument = instrument_field()
    subject = forms.ChoiceField(
        label=_("Objet"), required=False, choices=[("", _("tous")), *translated(SUBJECT_LABELS).items()]
    )

    def __init__(self, data, *, instruments: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["instrument"].choices = [("", _("tous")), *instruments]


class DivergenceFilterForm(FilterForm[DivergenceFilters]):
    filters_class = DivergenceFilters

    theme = forms.ChoiceField(label=_("Thème"), required=False)
    kind = forms.ChoiceField(label=_("Nature"), required=False, choices=[("", _("toutes")), *DIVERGENCE_KINDS.items()])

    def __init__(self, data, *, themes: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["theme"].choices = [("", _("tous")), *themes]
