from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from concordance.filtering import FilterForm, LongSelect
from concordance.mapping.models import Theme
from concordance.search.query import RESULT_KINDS, SearchFilters


class SearchFilterForm(FilterForm[SearchFilters]):
    """The filters of the search page, read from the query string.

    The query itself (``q``) is not a form field: it is cleaned rather than
    validated (``query.clean_query``), so that no query is ever refused.
    A filter value that is not one of the choices is reported beside its
    field and ignored.
    """

    filters_class = SearchFilters

    instrument = forms.ChoiceField(label=_("Instrument"), required=False, widget=LongSelect)
    theme = forms.ChoiceField(label=_("Thème"), required=False, widget=LongSelect)
    kind = forms.ChoiceField(label=_("Dans"), required=False, choices=[("", _("tout")), *RESULT_KINDS.items()])
    all_editions = forms.BooleanField(
        label=_("Inclure les autres éditions (texte du Conseil de l'Europe, Bénin 2024)"), required=False
    )

    def __init__(self, data, *, instruments: list[tuple[str, str]], themes: list[Theme]):
        """``instruments``: (slug, title) of each, as ``Instrument.objects.choices()`` gives them."""
        super().__init__(data, label_suffix="")
        self.fields["instrument"].choices = [("", _("tous")), *instruments]
        self.fields["theme"].choices = [("", _("tous"))] + [(t.slug, t.display_name) for t in themes]
        for name in ("instrument", "theme", "kind"):
            self.fields[name].widget.attrs["class"] = "search-filter"
