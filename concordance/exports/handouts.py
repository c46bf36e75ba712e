"""Handouts: several comparisons in one PDF, chosen by chapter, theme or a list of pairs.

A handout is a cover (title, instruments and editions, date, the address it
came from), the table of correspondences of the selection, then each
comparison as the comparison page shows it. The selection reads the
concordance's own filters (``mapping.forms.ConcordanceFilterForm``, the
table's rows) or ``pairs=un:art_25/budapest:art_16,…``. Every comparison
comes from the one pipeline (``pair_inputs`` over a ``CorpusSnapshot``, then
``compare_pairs``, cached), so a handout costs the same few queries whatever
its length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from concordance.comparison.inputs import CorpusSnapshot, compare_pairs, pair_inputs
from concordance.comparison.page import ComparisonPage, Legend, rows_html_key
from concordance.corpus.models import Edition, Instrument, Provision
from concordance.exports.comparison_pdf import printed
from concordance.lib import eids
from concordance.lib.comparison import visible_rows
from concordance.mapping.forms import ConcordanceFilterForm
from concordance.mapping.models import Correspondence
from concordance.mapping.table import ConcordanceFilters, concordance_rows

# More would make a document nobody prints, and keep a worker busy for long.
MAX_PAIRS = 60
PAIRS_HELP = _(
    "Paires « instrument:identifiant/instrument:identifiant » séparées par des virgules, "
    "par exemple un:art_25/budapest:art_16."
)


class HandoutError(ValueError):
    """A selection that cannot make a handout; the message says why (answered 400)."""


class HandoutForm(ConcordanceFilterForm):
    """The concordance's filters plus an explicit list of pairs."""

    pairs = forms.CharField(label=_("Ou des paires précises"), required=False, max_length=2000, help_text=PAIRS_HELP)


@dataclass(frozen=True)
class WantedPair:
    left: tuple[str, str]  # (instrument slug, eid)
    right: tuple[str, str]


def parse_pairs(text: str) -> list[WantedPair]:
    """``un:art_25/budapest:art_16,un:art_7/budapest:art_2`` as pairs; a malformed one is refused by name."""
    pairs = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        sides = item.split("/")
        parsed = [side.split(":") for side in sides]
        if len(sides) != 2 or any(len(p) != 2 or not eids.is_provision(p[1]) or not p[0] for p in parsed):
            raise HandoutError(gettext("Paire illisible : « %(pair)s ». %(help)s") % {"pair": item, "help": PAIRS_HELP})
        pairs.append(WantedPair((parsed[0][0], parsed[0][1]), (parsed[1][0], parsed[1][1])))
    return pairs


@dataclass
class HandoutPart:
    """One comparison of the handout, as the comparison page's rows partial renders it."""

    number: int
    pair: ComparisonPage
    rows: Sequence[object]


@dataclass
class Handout:
    title: str
    parts: list[HandoutPart]
    editions: list[Edition]

    @property
    def legend(self) -> Legend:
        """The cover's legend: each side's instruments, in the order the parts bring them."""
        pairs = [part.pair for part in self.parts]
        return Legend.of(
            (pair.left.edition.instrument for pair in pairs), (pair.right.edition.instrument for pair in pairs)
        )


def selected_pairs(
    instrument: Instrument, filters: ConcordanceFilters, snapshot: CorpusSnapshot
) -> list[tuple[Provision, Provision]]:
    """The article-level counterparts of the filtered table, in its order."""
    pairs = []
    for row in concordance_rows(instrument, filters):
        for counterpart in row.article_counterparts:
            pairs.append((snapshot.by_pk[counterpart.own.pk], snapshot.by_pk[counterpart.provision.pk]))
    return pairs


def named_pairs(wanted: list[WantedPair], snapshot: CorpusSnapshot) -> list[tuple[Provision, Provision]]:
    by_name = {(p.edition.instrument.slug, p.eid): p for p in snapshot.by_pk.values()}
    pairs = []
    for pair in wanted:
        for side in (pair.left, pair.right):
            if side not in by_name:
                raise LookupError(
                    gettext("Aucune disposition « %(eid)s » dans « %(instrument)s ».")
                    % {"eid": side[1], "instrument": side[0]}
                )
        pairs.append((by_name[pair.left], by_name[pair.right]))
    return pairs


def build_parts(pairs: list[tuple[Provision, Provision]], snapshot: CorpusSnapshot) -> list[HandoutPart]:
    if len(pairs) > MAX_PAIRS:
        raise HandoutError(
            gettext(
                "%(count)d comparaisons : un polycopié en réunit au plus %(most)d. "
                "Choisissez un chapitre ou un thème plus étroit."
            )
            % {"count": len(pairs), "most": MAX_PAIRS}
        )
    inputs = [pair_inputs(left, right, snapshot) for left, right in pairs]
    comparisons = compare_pairs(inputs)
    links = {frozenset((link.left_id, link.right_id)): link for link in snapshot.curated}
    parts = []
    for number, ((left, right), pair_input, comparison) in enumerate(zip(pairs, inputs, comparisons, strict=True), 1):
        correspondence: Correspondence | None = links.get(frozenset((left.pk, right.pk)))
        page = printed(
            ComparisonPage(
                left,
                right,
                comparison,
                correspondence,
                [],
                [],
                pair_input.cache_key,
                # On paper a reference is not a link: the rows are rendered without them.
                html_key=rows_html_key(pair_input.cache_key, left, right, {}),
                headings=pair_input.headings,
            )
        )
        parts.append(HandoutPart(number, page, visible_rows(comparison, changes_only=False, terms_shown=True)))
    return parts


def handout(form: HandoutForm, instrument: Instrument) -> Handout:
    """The handout the form selects; ``HandoutError`` (400) or ``LookupError`` (404) when it cannot."""
    if form.status != 200:
        raise HandoutError(gettext("Filtre invalide — %(problems)s") % {"problems": form.problems()})
    filters = form.filters()
    wanted = parse_pairs(form.cleaned_data.get("pairs") or "")
    if wanted and (filters.chapter or filters.theme):
        raise HandoutError(gettext("Choisissez soit des paires, soit un chapitre ou un thème, pas les deux."))
    if not wanted and not (filters.chapter or filters.theme):
        raise HandoutError(gettext("Choisissez un chapitre, un thème ou des paires (pairs=un:art_25/budapest:art_16)."))
    snapshot = CorpusSnapshot()
    if wanted:
        pairs = named_pairs(wanted, snapshot)
        title = gettext("Comparaisons choisies")
    else:
        pairs = selected_pairs(instrument, filters, snapshot)
        pairs_label = str(form.fields["pairs"].label)
        described = " · ".join(
            gettext("%(label)s : %(value)s") % {"label": label, "value": value}
            for label, value in form.applied()
            if str(label) != pairs_label
        )
        title = f"{instrument.display_short_title} — {described}"
    if not pairs:
        raise HandoutError(
            gettext("Aucune correspondance entre articles ne répond à cette sélection : le polycopié serait vide.")
        )
    parts = build_parts(pairs, snapshot)
    editions = list({p.edition.pk: p.edition for part in parts for p in (part.pair.left, part.pair.right)}.values())
    editions.sort(key=lambda edition: edition.instrument.position)
    return Handout(title, parts, editions)
