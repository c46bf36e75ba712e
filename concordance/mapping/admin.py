from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from concordance.mapping.models import Correspondence, MissingCounterpart, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]


@admin.register(Correspondence)
class CorrespondenceAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "relation", "status", "origin"]
    list_filter = ["origin", "status", "relation", "themes", "left__edition__instrument"]
    search_fields = ["left__eid", "right__eid", "note"]
    autocomplete_fields = ["left", "right"]
    filter_horizontal = ["themes"]


@admin.register(MissingCounterpart)
class MissingCounterpartAdmin(SimpleHistoryAdmin):
    list_display = ["article", "other_instrument", "reason"]
    list_filter = ["other_instrument", "article__edition__instrument"]
    search_fields = ["article__eid", "reason"]
    autocomplete_fields = ["article"]
