from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db.models import CharField, IntegerField, Q, Value
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concordance.comparison.lookup import existing
from concordance.comparison.page import ComparisonPage
from concordance.corpus.models import Instrument, Provision
from concordance.filtering import FilterForm, LongSelect
from concordance.languages import localised
from concordance.lib import eids
from concordance.lib.citations import parse_citation
from concordance.lib.comparison import visible_rows

# Datalists are written for the two instruments chosen and for the first few
# (all of them today): a picked instrument beyond those gets no suggestions,
# and typing its article number works as before.
DATALIST_INSTRUMENTS = 10

VIEWS = [("side", _("côte à côte")), ("inline", _("en une colonne"))]
# The terminology is "marquée" or "masquée" (feminine: la terminologie).
TERMS = [("show", pgettext_lazy("terminologie", "marquée")), ("hide", pgettext_lazy("terminologie", "masquée"))]


@dataclass(frozen=True)
class ComparisonOptions:
    """How a comparison is shown; the defaults are the display of a bare address."""

    view: str = "side"  # "side": the two texts side by side; "inline": one column, changes marked in it
    changes: bool = False  # only the rows that differ (identical ones collapsed)
    terms: str = "show"  # "show": equivalent terms marked as such; "hide": shown as plain text
    # One aligned row at a time in large type, for a projector (comparison/presentation.py); always side by side.
    presentation: bool = False


DEFAULT_OPTIONS = ComparisonOptions()


class ComparisonOptionsForm(FilterForm[ComparisonOptions]):
    """The display options, read from the query string like the filters of a listing.

    A value that is not one of the choices is reported and the option keeps
    its default; the page answers 400 (``FilterForm.status``).
    """

    filters_class = ComparisonOptions

    view = forms.ChoiceField(label=_("Affichage"), choices=VIEWS, required=False)
    changes = forms.BooleanField(label=_("Différences seulement"), required=False)
    terms = forms.ChoiceField(label=_("Terminologie"), choices=TERMS, required=False)
    presentation = forms.BooleanField(label=_("Présentation"), required=False)


def option_fields(options: ComparisonOptions) -> list[tuple[str, str]]:
    """The options that differ from the defaults, as (name, value): what a
    link or a form must carry to keep the display as it is."""
    fields = []
    if options.view != DEFAULT_OPTIONS.view:
        fields.append(("view", options.view))
    if options.changes:
        fields.append(("changes", "1"))
    if options.terms != DEFAULT_OPTIONS.terms:
        fields.append(("terms", options.terms))
    if options.presentation:
        fields.append(("presentation", "1"))
    return fields


def option_query(options: ComparisonOptions) -> str:
    """ "?view=inline&terms=hide", or "" for the default display."""
    fields = option_fields(options)
    return "?" + urlencode(fields) if fields else ""


def option_links(options: ComparisonOptions) -> dict[str, str]:
    """Query strings for each switch, keeping the other options as they are."""

    def query(switched: ComparisonOptions) -> str:
        # The view is always named so that "Côte à côte" is a link of its own.
        others = [field for field in option_fields(switched) if field[0] != "view"]
        return "?" + urlencode([("view", switched.view), *others])

    return {
        "side": query(replace(options, view="side")),
        "inline": query(replace(options, view="inline")),
        "toggle_changes": query(replace(options, changes=not options.changes)),
        "toggle_terms": query(replace(options, terms="show" if options.terms == "hide" else "hide")),
        "current": option_query(options),
        # Presenting is always side by side: the two column labels stay on screen.
        "present": query(replace(options, view="side", presentation=True)),
        "leave_presentation": query(replace(options, presentation=False)),
    }


class PairForm(forms.Form):
    """Any two provisions: instrument, article and, optionally, paragraph or point on each side.

    The article field also takes a full reference ("25.2") for those who type
    it that way; the paragraph field then stays empty.
    """

    left = forms.ChoiceField(label=_("Instrument de gauche"), widget=LongSelect)
    left_ref = forms.CharField(label=_("Article"), max_length=40, help_text=_("« 25 » (ou « 25.2 »)"))
    left_paragraph = forms.CharField(
        label=_("Paragraphe ou point"),
        max_length=20,
        required=False,
        help_text=_("facultatif : « 2 », « 2 b », « e »"),
    )
    right = forms.ChoiceField(label=_("Instrument de droite"), widget=LongSelect)
    right_ref = forms.CharField(label=_("Article"), max_length=40, help_text=_("« 16 » (ou « 16.2 »)"))
    right_paragraph = forms.CharField(
        label=_("Paragraphe ou point"),
        max_length=20,
        required=False,
        help_text=_("facultatif : « 2 », « 2 b », « e »"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query gives both every instrument and, for the article fields'
        # suggestions, each article's number and heading (primary editions)
        # of the instruments a datalist is written for: those chosen and the
        # first DATALIST_INSTRUMENTS. Every instrument's articles made 13,000
        # options at a hundred times the corpus, on every comparison page.
        # Read from the data or the initial values, not through the bound
        # fields: those would cache an initial value before it is set below.
        source = self.data if self.is_bound else self.initial
        chosen = {str(source.get(side) or "") for side in ("left", "right")} - {""}
        first = Instrument.objects.order_by("position").values("pk")[:DATALIST_INSTRUMENTS]
        instruments = Instrument.objects.annotate(
            num=Value("", output_field=CharField()),
            heading=Value("", output_field=CharField()),
            order=Value(-1, output_field=IntegerField()),
        ).values_list("slug", "short_title", "short_title_en", "num", "heading", "position", "order")
        articles = (
            Provision.objects.filter(kind="article", edition__is_primary=True)
            .filter(Q(edition__instrument__slug__in=sorted(chosen)) | Q(edition__instrument__in=first))
            .values_list(
                "edition__instrument__slug",
                "edition__instrument__short_title",
                "edition__instrument__short_title_en",
                "num",
                "heading",
                "edition__instrument__position",
                "position",
            )
        )
        rows = instruments.union(articles, all=True).order_by("position", "order")
        self.article_titles: dict[str, list[tuple[str, str]]] = {}
        choices: dict[str, str] = {}
        for slug, title, title_en, num, heading, _position, order in rows:
            choices.setdefault(slug, localised(title, title_en))
            if order >= 0:
                self.article_titles.setdefault(slug, []).append((num, heading))
        self.fields["left"].choices = list(choices.items())
        self.fields["right"].choices = list(choices.items())
        # The other side defaults to the other instrument: comparing the UN
        # Convention with itself is rarely what a first visit wants.
        slugs = list(choices)
        if len(slugs) > 1:
            self.fields["left"].initial = self.fields["left"].initial or slugs[0]
            self.fields["right"].initial = self.fields["right"].initial or slugs[1]
        for side in ("left", "right"):
            chosen = (self[side].value() or slugs[0]) if slugs else ""
            self.fields[f"{side}_ref"].widget.attrs["list"] = f"articles-{chosen}"

    def datalists(self) -> list[dict[str, object]]:
        """Each instrument's articles as ``<datalist>`` options: the number, with its heading as label."""
        return [
            {
                "id": f"articles-{slug}",
                "options": [(num, f"Art. {num} — {heading}" if heading else f"Art. {num}") for num, heading in titles],
            }
            for slug, titles in self.article_titles.items()
        ]

    def sides(self) -> list[dict[str, object]]:
        """The fields of each side, for one fieldset each."""
        return [
            {"legend": legend, "fields": [self[f"{side}{suffix}"] for suffix in ("", "_ref", "_paragraph")]}
            for side, legend in (("left", _("À gauche")), ("right", _("À droite")))
        ]

    def clean(self):
        cleaned = super().clean()
        for side in ("left", "right"):
            self._clean_side(cleaned, side)
        if not self.errors:
            self._check_existence(cleaned)
        return cleaned

    def _clean_side(self, cleaned: dict, side: str) -> None:
        """The article and provision eids a side's fields name (``left_article_eid``, ``left_eid``)."""
        typed = cleaned.get(f"{side}_ref")
        if typed is None:
            return
        article = parse_citation(typed)
        if article is None:
            self.add_error(
                f"{side}_ref",
                _("« %(typed)s » ne se lit pas comme un article : essayez « 25 » ou « 25.2 ».") % {"typed": typed},
            )
            cleaned[f"{side}_eid"] = None
            return
        paragraph = (cleaned.get(f"{side}_paragraph") or "").strip()
        eid: str | None = article
        if paragraph:
            if not eids.is_top_level(article):
                self.add_error(f"{side}_paragraph", _("Le paragraphe est déjà donné dans le champ « Article »."))
            else:
                eid = parse_citation(f"{typed.strip()}.{paragraph}")
                if eid is None or eid == article:
                    self.add_error(
                        f"{side}_paragraph",
                        _("« %(paragraph)s » ne se lit pas comme un paragraphe ou un point : essayez « 2 » ou « 2 b ».")
                        % {"paragraph": paragraph},
                    )
        cleaned[f"{side}_article_eid"] = eids.article_of(article)
        cleaned[f"{side}_eid"] = eid

    def _check_existence(self, cleaned: dict) -> None:
        """Each side names a provision of its instrument's primary edition (one query)."""
        sides = {side: (cleaned[f"{side}_article_eid"], cleaned[f"{side}_eid"]) for side in ("left", "right")}
        known = existing([(cleaned[side], eid) for side in ("left", "right") for eid in sides[side]])
        for side, (article, eid) in sides.items():
            if (cleaned[side], article) not in known:
                self.add_error(f"{side}_ref", _("Cet instrument n'a pas cette disposition."))
            elif (cleaned[side], eid) not in known:
                self.add_error(f"{side}_paragraph", _("Cet article n'a pas ce paragraphe ou ce point."))


def form_initial(left: Provision, right: Provision) -> dict[str, str]:
    """The pair form filled with the pair on the page, in fields that read it back as the same provision."""
    initial = {}
    for side, provision in (("left", left), ("right", right)):
        initial[side] = provision.edition.instrument.slug
        initial[f"{side}_ref"], initial[f"{side}_paragraph"] = form_reference(provision)
    return initial


# What the paragraph field can say: "2", "2 b", "2 b ii".
_WRITABLE_BELOW_ARTICLE = ("para", "point", "subpoint")


def form_reference(provision: Provision) -> tuple[str, str]:
    """("25", "2 b") for art_25__para_2__point_b; a closing passage or an
    unnumbered paragraph has no such spelling, so its identifier goes whole
    into the article field ("art_13__wrapup", "")."""
    below = eids.below_article(provision.eid)
    if all(level.kind in _WRITABLE_BELOW_ARTICLE and level.label for level in below):
        return str(provision.article_number), " ".join(level.label for level in below)
    return provision.eid, ""


def shown_with(pair: ComparisonPage, options: ComparisonOptions) -> dict[str, Any]:
    """What the comparison template shows of ``pair`` under ``options``.

    The page, its PDF and the handouts render the same template: they build
    its context here, so a PDF shows exactly the rows the page shows.
    """
    return {
        "pair": pair,
        "options": options,
        "rows": visible_rows(pair.comparison, changes_only=options.changes, terms_shown=options.terms == "show"),
        "links": option_links(options),
        "option_fields": option_fields(options),
        # Presentation is the page's own (its view sets these): a PDF or a handout shows every row,
        # and shares the page's cached rows.
        "presenting": False,
        "steps": [],
    }
