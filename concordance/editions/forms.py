"""The filter of the collation page: one class of variant, read from the query string."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from concordance.filtering import FilterForm
from concordance.lib.collation import CLASS_LABELS, CLASSES


@dataclass(frozen=True)
class CollationFilters:
    variant_class: str = ""  # one of lib.collation.CLASSES, or empty for every class


class CollationFilterForm(FilterForm[CollationFilters]):
    """``?class=typo``: the articles with a variant of that class."""

    filters_class = CollationFilters
    # "class" is the address's word, and a Python keyword.
    renamed = {"class": "variant_class"}

    def __init__(self, data):
        super().__init__(data)
        self.fields["class"] = forms.ChoiceField(
            label="Classe de variante",
            required=False,
            choices=[("", "toutes")] + [(code, CLASS_LABELS[code]) for code in CLASSES],
            error_messages={
                "invalid_choice": "Classe de variante inconnue : « %(value)s ». Classes possibles : "
                + ", ".join(f"{code} ({CLASS_LABELS[code]})" for code in CLASSES)
                + "."
            },
        )
