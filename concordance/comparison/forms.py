from __future__ import annotations

from urllib.parse import urlencode

from django import forms

from concordance.corpus.models import Instrument
from concordance.lib.citations import parse_citation

VIEWS = [("side", "côte à côte"), ("inline", "en une colonne")]


class ComparisonOptionsForm(forms.Form):
    """How the comparison is shown; unknown values fall back to the defaults."""

    view = forms.ChoiceField(label="Affichage", choices=VIEWS, required=False)
    changes = forms.BooleanField(label="Différences seulement", required=False)
    terms = forms.ChoiceField(
        label="Terminologie", required=False,
        choices=[("show", "marquée"), ("hide", "masquée")],
    )

    def options(self) -> dict[str, object]:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "view": data.get("view") or "side",
            "changes": bool(data.get("changes")),
            "terms": data.get("terms") or "show",
        }


def option_fields(options: dict[str, object]) -> list[tuple[str, str]]:
    """The options that differ from the defaults, as (name, value): what a
    link or a form must carry to keep the display as it is."""
    fields = []
    if options["view"] != "side":
        fields.append(("view", str(options["view"])))
    if options["changes"]:
        fields.append(("changes", "1"))
    if options["terms"] == "hide":
        fields.append(("terms", "hide"))
    return fields


def option_query(options: dict[str, object]) -> str:
    """"?view=inline&terms=hide", or "" for the default display."""
    fields = option_fields(options)
    return "?" + urlencode(fields) if fields else ""


def option_links(options: dict[str, object]) -> dict[str, str]:
    """Query strings for each switch, keeping the other options as they are."""
    def query(**changed: object) -> str:
        merged = {**options, **changed}
        # The view is always named so that "Côte à côte" is a link of its own.
        others = [field for field in option_fields(merged) if field[0] != "view"]
        return "?" + urlencode([("view", merged["view"]), *others])

    return {
        "side": query(view="side"),
        "inline": query(view="inline"),
        "toggle_changes": query(changes=not options["changes"]),
        "toggle_terms": query(terms="show" if options["terms"] == "hide" else "hide"),
        "current": option_query(options),
    }


class PairForm(forms.Form):
    """Any two provisions: instrument, article and, optionally, paragraph or point on each side.

    The article field also takes a full reference ("25.2") for those who type
    it that way; the paragraph field then stays empty.
    """

    left = forms.ChoiceField(label="Instrument de gauche")
    left_ref = forms.CharField(label="Article", max_length=40, help_text="« 25 » (ou « 25.2 »)")
    left_paragraph = forms.CharField(
        label="Paragraphe ou point", max_length=20, required=False, help_text="facultatif : « 2 », « 2 b », « e »"
    )
    right = forms.ChoiceField(label="Instrument de droite")
    right_ref = forms.CharField(label="Article", max_length=40, help_text="« 16 » (ou « 16.2 »)")
    right_paragraph = forms.CharField(
        label="Paragraphe ou point", max_length=20, required=False, help_text="facultatif : « 2 », « 2 b », « e »"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(Instrument.objects.values_list("slug", "short_title"))
        self.fields["left"].choices = choices
        self.fields["right"].choices = choices

    def sides(self) -> list[dict[str, object]]:
        """The fields of each side, for one fieldset each."""
        return [
            {"legend": legend, "fields": [self[f"{side}{suffix}"] for suffix in ("", "_ref", "_paragraph")]}
            for side, legend in (("left", "À gauche"), ("right", "À droite"))
        ]

    def clean(self):
        cleaned = super().clean()
        for side in ("left", "right"):
            typed = cleaned.get(f"{side}_ref")
            if typed is None:
                continue
            article = parse_citation(typed)
            if article is None:
                self.add_error(f"{side}_ref", f"« {typed} » ne se lit pas comme un article : essayez « 25 » ou « 25.2 ».")
                cleaned[f"{side}_eid"] = None
                continue
            paragraph = (cleaned.get(f"{side}_paragraph") or "").strip()
            eid = article
            if paragraph:
                if "__" in article:
                    self.add_error(f"{side}_paragraph", "Le paragraphe est déjà donné dans le champ « Article ».")
                else:
                    eid = parse_citation(f"{typed.strip()}.{paragraph}")
                    if eid is None or eid == article:
                        self.add_error(
                            f"{side}_paragraph", f"« {paragraph} » ne se lit pas comme un paragraphe ou un point : essayez « 2 » ou « 2 b »."
                        )
            cleaned[f"{side}_article_eid"] = article.split("__")[0]
            cleaned[f"{side}_eid"] = eid
        return cleaned

