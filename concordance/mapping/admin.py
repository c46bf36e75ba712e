from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from concordance.mapping.models import Correspondence, MissingCounterpart, Theme
from concordance.security import HistoryIdsChecked


class InitialFromQuery:
    """The admin fills an add form from the query (?left=12&themes=1,2); a
    value that cannot name a row (?left=abc) made the form fail while
    rendering, a 500. Such a value is dropped: that field starts empty."""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.opts.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.is_relation:
                continue
            key = field.target_field
            try:
                for item in value if isinstance(value, list) else [value]:
                    key.to_python(item)
            except ValidationError:
                del initial[name]
        return initial


@admin.register(Theme)
class ThemeAdmin(InitialFromQuery, admin.ModelAdmin):
    list_display = ["name", "slug", "position"]


@admin.register(Correspondence)
class CorrespondenceAdmin(HistoryIdsChecked, InitialFromQuery, SimpleHistoryAdmin):
    list_display = ["__str__", "relation", "status", "origin"]
    list_filter = ["origin", "status", "relation", "themes", "left__edition__instrument"]
    search_fields = ["left__eid", "right__eid", "note"]
    autocomplete_fields = ["left", "right"]
    filter_horizontal = ["themes"]


@admin.register(MissingCounterpart)
class MissingCounterpartAdmin(HistoryIdsChecked, InitialFromQuery, SimpleHistoryAdmin):
    list_display = ["article", "other_instrument", "reason"]
    list_filter = ["other_instrument", "article__edition__instrument"]
    search_fields = ["article__eid", "reason"]
    autocomplete_fields = ["article"]
