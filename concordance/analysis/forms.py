"""The filters of the analysis pages, read from the query string.

A value that is not one of the choices is reported beside its field and
ignored (the view answers 400), so a mistyped URL says what is wrong.
"""

from __future__ import annotations

from django import forms

from concordance.analysis.divergences import DIVERGENCE_KINDS
from concordance.lib.quantities import SUBJECT_LABELS


class FilterForm(forms.Form):
    def values(self) -> dict[str, str]:
        """The valid filters; an invalid one is dropped (its error stays on the form)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}

    def values_in_query(self) -> dict[str, str]:
        """The valid, non-empty filters, for a link that keeps them (an export)."""
        return {name: value for name, value in self.values().items() if value}


def instrument_field() -> forms.ChoiceField:
    return forms.ChoiceField(label="Instrument", required=False)


class GlossaryFilterForm(FilterForm):
    instrument = instrument_field()
    q = forms.CharField(label="Terme", required=False, max_length=100)

    def __init__(self, data, *, instruments: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["instrument"].choices = [("", "tous")] + instruments

    def values(self) -> dict[str, str]:
        values = super().values()
        return {"instrument": values.get("instrument", ""), "text": values.get("q", "")}


class QuantityFilterForm(FilterForm):
    instrument = instrument_field()
    subject = forms.ChoiceField(
        label="Objet", required=False, choices=[("", "tous")] + list(SUBJECT_LABELS.items())
    )

    def __init__(self, data, *, instruments: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["instrument"].choices = [("", "tous")] + instruments

    def values(self) -> dict[str, str]:
        values = super().values()
        return {"instrument": values.get("instrument", ""), "subject": values.get("subject", "")}


class DivergenceFilterForm(FilterForm):
    theme = forms.ChoiceField(label="Thème", required=False)
    kind = forms.ChoiceField(label="Nature", required=False, choices=[("", "toutes")] + list(DIVERGENCE_KINDS.items()))

    def __init__(self, data, *, themes: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["theme"].choices = [("", "tous")] + themes

    def values(self) -> dict[str, str]:
        values = super().values()
        return {"theme": values.get("theme", ""), "kind": values.get("kind", "")}
