"""The filters of a listing page, read from the query string into a typed value.

Every filtered page (search, concordance table, editions, glossary,
quantities, divergences, and the comparison's display options) reads its
filters the same way: a ``FilterForm`` whose fields are the filters, and
whose ``filters()`` returns a frozen dataclass of the filters to apply. A value that is not one of the choices
is reported beside its field and left out (the dataclass keeps its
default), and the page answers ``status`` (400): a mistyped address still
shows the page, and says what was ignored.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Generic, TypeVar

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

F = TypeVar("F")

# The answer of a page whose query string holds a filter it refused.
INVALID_FILTER_STATUS = 400


class FilterForm(forms.Form, Generic[F]):
    """A form of query-string filters; subclasses name their dataclass in ``filters_class``."""

    filters_class: ClassVar[type]
    # A form field whose dataclass field has another name: the query string
    # keeps its short name (``q``), the code reads the domain's (``text``).
    renamed: ClassVar[dict[str, str]] = {}

    def valid_values(self) -> dict[str, Any]:
        """The cleaned value of every field that holds no error, by field name."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}

    def filters(self) -> F:
        """The filters to apply: the valid values; a refused or empty one keeps the dataclass's default."""
        names = {field.name for field in dataclasses.fields(self.filters_class)}
        values = {
            self.renamed.get(name, name): value
            for name, value in self.valid_values().items()
            if value is not None and value != ""
        }
        return self.filters_class(**{name: value for name, value in values.items() if name in names})

    def in_query(self) -> dict[str, Any]:
        """The valid, non-empty filters by field name, for a link that keeps them (an export)."""
        return {name: value for name, value in self.valid_values().items() if value}

    def applied(self) -> list[tuple[str, str]]:
        """The valid, non-empty filters as (label, value as offered), to say on paper what the hidden form chose."""
        described = []
        for name, value in self.in_query().items():
            field = self.fields[name]
            if isinstance(field, forms.BooleanField):
                shown = gettext("oui")
            else:
                shown = dict(getattr(field, "choices", [])).get(value, value)
            described.append((str(field.label), str(shown)))
        return described

    @property
    def status(self) -> int:
        """The status of the page: 400 when a filter was refused, else 200."""
        self.is_valid()
        return INVALID_FILTER_STATUS if self.errors else 200

    def problems(self) -> str:
        """The refused filters in one line, for an answer that is not a page (a CSV)."""
        self.is_valid()
        return "; ".join(f"{name} : {' '.join(errors)}" for name, errors in self.errors.items())


class LongSelect(forms.Select):
    """A select of a list that grows with the corpus (instruments, themes),
    its options written here in one pass rather than each through Django's
    option template: with three hundred instruments (``make bench-scale`` at a
    hundred times the corpus) the comparison's two instrument selects took
    half its page's time, and the search form's a third of a search's. Flat
    choices only; the markup is the one Django's templates write."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        # str.join of escaped pieces rather than format_html_join: a tenth of the time, same markup.
        options = "".join(
            f'<option value="{conditional_escape(slug)}"{" selected" if str(slug) in chosen else ""}>'
            f"{conditional_escape(label)}</option>"
            for slug, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), mark_safe(options)
        )
