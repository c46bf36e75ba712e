from __future__ import annotations

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from concordance.corpus.models import Division, Instrument, Provision
from concordance.filtering import FilterForm
from concordance.lib.sentences import sentences
from concordance.mapping.curation import (
    CONSTRAINT_MESSAGES,
    find_provision,
    invariants_checked_now,
    refusal,
    save_correspondence,
)
from concordance.mapping.models import Correspondence, Origin, Relation, Status, Theme, bounded_note
from concordance.mapping.table import ConcordanceFilters


class HeadingOptions(forms.Select):
    """A choice of divisions whose labels carry the treaty's own (French) headings.

    An option holds no markup, so the heading cannot sit in a ``<span
    lang="fr">``: the whole option is marked French, and a screen reader reads
    "Chapitre II — Incrimination" in one voice. The empty choice ("all") is interface.
    """

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = "fr"
        return option


class ConcordanceFilterForm(FilterForm[ConcordanceFilters]):
    """The filters of the concordance table, read from the query string.

    A value that is not one of the choices is reported beside its field and
    ignored, so a mistyped URL still shows the table.
    """

    filters_class = ConcordanceFilters

    chapter = forms.ChoiceField(label=_("Chapitre"), required=False, widget=HeadingOptions)
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


SENTENCE_HELP = _("Facultatif : le numéro d'une phrase de la disposition, pour lier cette phrase seule.")


class CorrespondenceForm(forms.Form):
    """A correspondence as a curator types it: instrument + provision on each side."""

    left_instrument = forms.ChoiceField(label=_("Instrument (gauche)"))
    left_provision = forms.CharField(
        label=_("Disposition (gauche)"),
        max_length=80,
        help_text=_("Article, ou article.paragraphe.point : « 25 », « 25.2 », « 2.e.ii »."),
    )
    left_sentence = forms.IntegerField(
        label=_("Phrase (gauche)"),
        required=False,
        min_value=1,
        help_text=SENTENCE_HELP,
    )
    right_instrument = forms.ChoiceField(label=_("Instrument (droite)"))
    right_provision = forms.CharField(label=_("Disposition (droite)"), max_length=80)
    right_sentence = forms.IntegerField(
        label=_("Phrase (droite)"),
        required=False,
        min_value=1,
        help_text=SENTENCE_HELP,
    )
    relation = forms.ChoiceField(label=_("Relation"), choices=Relation.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3, "lang": "fr"}))
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
                # Empty, not None, when no sentence is named: what a browser sends back.
                "left_sentence": instance.left_sentence or "",
                "right_sentence": instance.right_sentence or "",
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
        for side in ("left", "right"):
            slug, typed = self.initial.get(f"{side}_instrument"), self.initial.get(f"{side}_provision")
            if instance is not None:
                self.show_sentences(side, getattr(instance, side))
            elif slug and typed:
                self.show_sentences(side, find_provision(str(slug), str(typed)))

    def clean_note(self) -> str:
        return bounded_note(self.cleaned_data["note"])

    def show_sentences(self, side: str, provision: Provision | None) -> None:
        """Number the provision's sentences with their first words beside its sentence field,
        so that a curator sees which sentence a number pins."""
        if provision is None:
            return
        found = sentences(provision.text)
        if len(found) < 2:
            return
        listed = " · ".join(f"{n} « {first_words(text)} »" for n, text in enumerate(found, 1))
        field = self.fields[f"{side}_sentence"]
        field.help_text = _("%(help)s Phrases de %(provision)s : %(listed)s") % {
            "help": SENTENCE_HELP,
            "provision": provision.citation,
            "listed": listed,
        }

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
                self.show_sentences(side, provision)
        if self.errors:
            return cleaned
        correspondence = self.instance
        correspondence.left, correspondence.right = cleaned["left"], cleaned["right"]
        correspondence.left_sentence = cleaned.get("left_sentence")
        correspondence.right_sentence = cleaned.get("right_sentence")
        correspondence.relation = cleaned["relation"]
        correspondence.note = cleaned["note"]
        correspondence.status = cleaned["status"]
        try:
            correspondence.clean()
        except forms.ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, messages in error.error_dict.items():
                    target = f"{field}_provision" if field in ("left", "right") else None
                    target = field if field in ("left_sentence", "right_sentence") else target
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


def first_words(text: str, count: int = 8) -> str:
    """The first ``count`` words of a sentence, "…" after them when it goes on."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")
