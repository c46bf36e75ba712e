from django import forms
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from concordance.mapping import curation
from concordance.mapping.models import Correspondence, MissingCounterpart, Theme, bounded_note
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


class VersionedAdminForm(forms.ModelForm):
    """An admin change (or revert) form that carries the version it was read at, as the curation pages' forms do."""

    version = forms.CharField(required=False, widget=forms.HiddenInput)
    stale_message: str = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            latest = curation.latest_record(self.instance.pk, self._meta.model)
            self.fields["version"].initial = curation.version_of(latest)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            # The admin's change view is one transaction: the lock taken here holds until its commit.
            try:
                curation.check_version(self.instance.pk, self.data.get("version"), self._meta.model)
            except curation.StaleVersion:
                raise forms.ValidationError(self.stale_message) from None
        return cleaned


class CorrespondenceAdminForm(VersionedAdminForm):
    stale_message = _(
        "Cette correspondance a été modifiée depuis que vous avez ouvert ce formulaire : rien n'a été "
        "enregistré. Rechargez la page pour repartir de la version actuelle (voir son historique)."
    )

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

    def clean_note(self) -> str:
        return bounded_note(self.cleaned_data["note"])


STALE_DELETION = _(
    "« %(record)s » a été modifié depuis que vous avez ouvert cette confirmation : rien n'a été supprimé. "
    "Voici son état actuel ; confirmez de nouveau pour le supprimer."
)
DELETED_MEANWHILE = _("« %(record)s » a déjà été supprimé entre-temps : voici son historique.")
STALE_SELECTION = _(
    "« %(record)s » a été modifié depuis que vous avez ouvert cette confirmation : rien n'a été supprimé. "
    "Sélectionnez de nouveau pour voir l'état actuel."
)


class VersionedDeletion:
    """Deleting in the admin carries the version it was read at, as the curation pages' deletion does.

    The confirmation page holds the version of each record it shows; the
    deletion checks it under the record's lock (curation.check_version) and,
    when another curator changed or deleted the record since, nothing is
    deleted and the admin says so. simple-history records the deletion with
    the signed-in curator, as on the curation pages.
    """

    delete_confirmation_template = "admin/mapping/versioned_delete_confirmation.html"
    delete_selected_confirmation_template = "admin/mapping/versioned_delete_selected_confirmation.html"

    def delete_view(self, request, object_id, extra_context=None):
        # An id that cannot name a row is left to the admin, which says the record does not exist.
        pk = int(object_id) if object_id.isdigit() and int(object_id) < 2**63 else None
        if pk is None:
            return super().delete_view(request, object_id, extra_context)
        latest = curation.latest_record(pk, self.model)
        if latest is not None and latest.history_type == "-":
            return self._refused(request, pk, curation.StaleVersion(None, latest))
        if request.method != "POST":
            version = curation.version_of(latest)
            return super().delete_view(request, object_id, {**(extra_context or {}), "version": version})
        try:
            # delete_model raises inside the admin's own transaction: its log entry goes too.
            with transaction.atomic():
                return super().delete_view(request, object_id, extra_context)
        except curation.StaleVersion as stale:
            return self._refused(request, pk, stale)

    def delete_model(self, request, obj):
        curation.check_version(obj.pk, request.POST.get("version"), self.model)
        super().delete_model(request, obj)

    def _refused(self, request, pk, stale):
        prefix = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}"
        record = stale.current.instance if stale.current is not None else f"#{pk}"
        if stale.deleted:
            messages.error(request, DELETED_MEANWHILE % {"record": record})
            return HttpResponseRedirect(reverse(f"{prefix}_history", args=[pk]))
        messages.error(request, STALE_DELETION % {"record": record})
        return HttpResponseRedirect(reverse(f"{prefix}_delete", args=[pk]))

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _function, name, description = actions["delete_selected"]
            actions["delete_selected"] = (versioned_delete_selected, name, description)
        return actions

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            curation.check_version(obj.pk, request.POST.get(f"version-{obj.pk}"), self.model)
        super().delete_queryset(request, queryset)


def versioned_delete_selected(modeladmin, request, queryset):
    """Django's "delete selected" action, each record's version on its confirmation page and checked on deletion."""
    try:
        with transaction.atomic():
            response = delete_selected(modeladmin, request, queryset)
    except curation.StaleVersion as stale:
        record = stale.current.instance if stale.current is not None else ""
        modeladmin.message_user(request, STALE_SELECTION % {"record": record}, messages.ERROR)
        return None  # back to the list
    if isinstance(response, TemplateResponse):
        response.context_data["versions"] = [
            (obj.pk, curation.version_of(curation.latest_record(obj.pk, modeladmin.model))) for obj in queryset
        ]
    return response


class CorrespondenceRecordHelper(HistoricalRecordContextHelper):
    """A change of relation also carries its two codes, which the history template
    (``simple_history/object_history_list.html``) shows as badges linking to their definitions."""

    def context_for_delta_changes(self, delta):
        context = super().context_for_delta_changes(delta)
        for shown, change in zip(context, delta.changes, strict=True):
            if change.field == "relation":
                shown["relations"] = (change.old, change.new)
        return context


@admin.register(Correspondence)
class CorrespondenceAdmin(VersionedDeletion, HistoryIdsChecked, InitialFromQuery, SimpleHistoryAdmin):
    form = CorrespondenceAdminForm

    def get_historical_record_context_helper(self, request, historical_record):
        return CorrespondenceRecordHelper(self.model, historical_record)

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
        unchanged = (
            before is not None
            and before.fields == curation.fields_of(obj)
            and before.theme_ids == {theme.pk for theme in form.cleaned_data.get("themes", [])}
        )
        # The themes are set after this by form.save_m2m(): from save_related on
        # the change page, directly by simple-history's revert page. Both go
        # through the form, so that is where the second record is silenced.
        form.save_m2m = themes_into_the_same_record(obj, form.save_m2m, unchanged)
        if not unchanged:
            super().save_model(request, obj, form, change)


def themes_into_the_same_record(correspondence, save_m2m, unchanged: bool):
    def save_themes_without_a_record_of_their_own() -> None:
        correspondence.skip_history_when_saving = True
        try:
            save_m2m()
        finally:
            del correspondence.skip_history_when_saving
        if not unchanged:
            curation.record_themes(correspondence)

    return save_themes_without_a_record_of_their_own


class MissingCounterpartAdminForm(VersionedAdminForm):
    stale_message = _(
        "Cette mention « sans équivalent » a été modifiée depuis que vous avez ouvert ce formulaire : rien n'a "
        "été enregistré. Rechargez la page pour repartir de la version actuelle (voir son historique)."
    )

    class Meta:
        model = MissingCounterpart
        fields = ["article", "other_instrument", "reason"]

    def clean_reason(self) -> str:
        return bounded_note(self.cleaned_data["reason"])


@admin.register(MissingCounterpart)
class MissingCounterpartAdmin(VersionedDeletion, HistoryIdsChecked, InitialFromQuery, SimpleHistoryAdmin):
    form = MissingCounterpartAdminForm
    list_display = ["article", "other_instrument", "reason"]
    list_filter = ["other_instrument", "article__edition__instrument"]
    search_fields = ["article__eid", "reason"]
    autocomplete_fields = ["article"]
