from __future__ import annotations

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from concordance.corpus.models import Division, Instrument
from concordance.filtering import FilterForm
from concordance.mapping.curation import (
    CONSTRAINT_MESSAGES,
    find_provision,
    invariants_checked_now,
    refusal,
    save_correspondence,
)
from concordance.mapping.models import Correspondence, Origin, Relation, Status, Theme, bounded_note
from concordance.mapping.table import ConcordanceFilters


class ConcordanceFilterForm(FilterForm[ConcordanceFilters]):
    """The filters of the concordance table, read from the query string.

    A value that is not one of the choices is reported beside its field and
    ignored, so a mistyped URL still shows the table.
    """

    filters_class = ConcordanceFilters

    chapter = forms.ChoiceField(label=_("Chapitre"), required=False)
    theme = forms.ChoiceField(label=_("Thème"), required=False)
    relation = forms.ChoiceField(label=_("Relation"), required=False, choices=[("", _("toutes")), *Relation.choices])
    missing = forms.BooleanField(label=_("Sans équivalent seulement"), required=False)

    def __init__(self, data, *, chapters: list[Division], themes: list[Theme]):
        super().__init__(data)
        self.fields["chapter"].choices = [("", _("tous"))] + [
            (c.eid, f"{c}{' — ' + c.heading if c.heading else ''}") for c in chapters
        ]
        self.fields["theme"].choices = [("", _("tous"))] + [(t.slug, t.display_name) for t in themes]


def choose_instrument(instruments: list[Instrument], slug: str | None) -> Instrument | None:
    for instrument in instruments:
        if instrument.slug == (slug or "un"):
            return instrument
    return None


class CorrespondenceForm(forms.Form):
    """A correspondence as a curator types it: instrument + provision on each side."""

    left_instrument = forms.ChoiceField(label=_("Instrument (gauche)"))
    left_provision = forms.CharField(
        label=_("Disposition (gauche)"),
        max_length=80,
        help_text=_("Article, ou article.paragraphe.point : « 25 », « 25.2 », « 2.e.ii »."),
    )
    right_instrument = forms.ChoiceField(label=_("Instrument (droite)"))
    right_provision = forms.CharField(label=_("Disposition (droite)"), max_length=80)
    relation = forms.ChoiceField(label=_("Relation"), choices=Relation.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"),
        required=False,
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(label=_("Statut"), choices=Status.choices)

    def __init__(self, *args, instance: Correspondence | None = None, **kwargs):
        self.instance = instance or Correspondence(origin=Origin.CURATED)
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "left_instrument": instance.left.edition.instrument.slug,
                "left_provision": instance.left.eid,
                "right_instrument": instance.right.edition.instrument.slug,
                "right_provision": instance.right.eid,
                "relation": instance.relation,
                "note": instance.note,
                "themes": list(instance.themes.all()),
                "status": instance.status,
            }
        super().__init__(*args, **kwargs)
        choices = [(instrument.slug, instrument.display_short_title) for instrument in Instrument.objects.all()]
        self.fields["left_instrument"].choices = choices
        self.fields["right_instrument"].choices = choices
        self.fields["themes"].label_from_instance = lambda theme: theme.display_name

    def clean_note(self) -> str:
        return bounded_note(self.cleaned_data["note"])

    def clean(self):
        cleaned = super().clean()
        for side in ("left", "right"):
            slug, typed = cleaned.get(f"{side}_instrument"), cleaned.get(f"{side}_provision")
            if slug and typed:
                provision = find_provision(slug, typed)
                if provision is None:
                    self.add_error(
                        f"{side}_provision",
                        _("« %(typed)s » ne désigne aucune disposition de cet instrument.") % {"typed": typed},
                    )
                cleaned[side] = provision
        if self.errors:
            return cleaned
        correspondence = self.instance
        correspondence.left, correspondence.right = cleaned["left"], cleaned["right"]
        correspondence.relation = cleaned["relation"]
        correspondence.note = cleaned["note"]
        correspondence.status = cleaned["status"]
        try:
            correspondence.clean()
        except forms.ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, messages in error.error_dict.items():
                    target = f"{field}_provision" if field in ("left", "right") else None
                    for message in messages:
                        self.add_error(target, message)
            else:
                self.add_error(None, error)
        return cleaned

    @transaction.atomic
    def save(self) -> Correspondence | None:
        """The saved correspondence, or None when the database refused it; the reason is then on the form.

        Validation cannot see a pair another curator creates at the same moment:
        the unique constraint does, and its refusal becomes the same message as
        validation's. ``self.changed`` says whether anything was written.
        """
        try:
            with invariants_checked_now(), transaction.atomic():
                self.changed = save_correspondence(self.instance, list(self.cleaned_data["themes"]))
        except IntegrityError as error:
            message = refusal(error)
            if message is None:
                raise
            self.add_error("right_provision" if message in map(str, CONSTRAINT_MESSAGES.values()) else None, message)
            return None
        return self.instance
