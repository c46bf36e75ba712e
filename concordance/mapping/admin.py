from django import forms
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from concordance.mapping import curation
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


class CorrespondenceAdminForm(forms.ModelForm):
    """The admin's change form carries the version it was read at, as the curation pages' forms do."""

    version = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Correspondence
        fields = [
            "left",
            "left_sentence",
            "right",
            "right_sentence",
            "relation",
            "note",
            "themes",
            "status",
            "origin",
            "score",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["version"].initial = curation.version_of(curation.latest_record(self.instance.pk))

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            # The admin's change view is one transaction: the lock taken here holds until its commit.
            try:
                curation.check_version(self.instance.pk, self.data.get("version"))
            except curation.StaleVersion:
                raise forms.ValidationError(
                    "Cette correspondance a été modifiée depuis que vous avez ouvert ce formulaire : rien n'a été "
                    "enregistré. Rechargez la page pour repartir de la version actuelle (voir son historique)."
                ) from None
        return cleaned


@admin.register(Correspondence)
class CorrespondenceAdmin(HistoryIdsChecked, InitialFromQuery, SimpleHistoryAdmin):
    form = CorrespondenceAdminForm
    list_display = ["__str__", "relation", "status", "origin"]
    list_filter = ["origin", "status", "relation", "themes", "left__edition__instrument"]
    search_fields = ["left__eid", "right__eid", "note"]
    autocomplete_fields = ["left", "right"]
    filter_horizontal = ["themes"]

    # One history record per change, as on the curation pages: none for a
    # save that changes nothing, and the themes in the record of the fields
    # rather than in a second one.
    def save_model(self, request, obj, form, change):
        # Against what is stored, not the form's initial values: reverting to
        # a version fills the form with that version.
        before = curation.stored_state(obj) if change else None
        if (
            before is not None
            and before.fields == curation.fields_of(obj)
            and before.theme_ids == {theme.pk for theme in form.cleaned_data.get("themes", [])}
        ):
            obj._unchanged = True
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        correspondence = form.instance
        correspondence.skip_history_when_saving = True
        try:
            super().save_related(request, form, formsets, change)
        finally:
            del correspondence.skip_history_when_saving
        if not getattr(correspondence, "_unchanged", False):
            curation.record_themes(correspondence)


@admin.register(MissingCounterpart)
class MissingCounterpartAdmin(HistoryIdsChecked, InitialFromQuery, SimpleHistoryAdmin):
    list_display = ["article", "other_instrument", "reason"]
    list_filter = ["other_instrument", "article__edition__instrument"]
    search_fields = ["article__eid", "reason"]
    autocomplete_fields = ["article"]
