from django.contrib import admin

from concordance.corpus.models import Division, Edition, Instrument, Note, Provision, Source

# The texts come from the sources through `manage.py ingest`; the admin shows
# them for reference and never edits treaty text.


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Source)
class SourceAdmin(ReadOnlyAdmin):
    list_display = ["filename", "title", "issuer", "issued_on"]


@admin.register(Instrument)
class InstrumentAdmin(ReadOnlyAdmin):
    list_display = ["slug", "short_title", "adopted_at", "adopted_on"]


@admin.register(Edition)
class EditionAdmin(ReadOnlyAdmin):
    list_display = ["instrument", "slug", "label", "is_primary"]
    list_filter = ["instrument"]


@admin.register(Division)
class DivisionAdmin(ReadOnlyAdmin):
    list_display = ["edition", "eid", "kind", "num", "heading"]
    list_filter = ["edition", "kind"]


@admin.register(Provision)
class ProvisionAdmin(ReadOnlyAdmin):
    list_display = ["edition", "eid", "kind", "num", "heading"]
    list_filter = ["edition", "kind"]
    search_fields = ["eid", "text", "edition__instrument__slug"]

    def get_search_results(self, request, queryset, search_term):
        # Correspondences link primary editions only: offer nothing else.
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        if request.path.endswith("/autocomplete/"):
            queryset = queryset.filter(edition__is_primary=True)
        return queryset, duplicates


@admin.register(Note)
class NoteAdmin(ReadOnlyAdmin):
    list_display = ["instrument", "kind", "position", "heading"]
    list_filter = ["instrument", "kind"]
