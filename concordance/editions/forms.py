"""The filter of the collation page: one class of variant, read from the query string."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from concordance.filtering import FilterForm
from concordance.languages import translate
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
            label=_("Classe de variante"),
            required=False,
            choices=[("", _("toutes"))] + [(code, gettext_lazy(CLASS_LABELS[code])) for code in CLASSES],
            error_messages={
                # The classes are listed in the language of the page; "%(value)s" is filled by the field.
                "invalid_choice": _("Classe de variante inconnue : « %(value)s ». Classes possibles : %(classes)s.")
                % {
                    "value": "%(value)s",
                    "classes": ", ".join(f"{code} ({translate(CLASS_LABELS[code])})" for code in CLASSES),
                }
            },
        )
