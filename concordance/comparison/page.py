"""The comparison page's model: a pair's comparison, its links, and the key of its rendered rows.

The rows are cached as rendered HTML too (the ``{% cached %}`` block of
``comparison/compare.html``, through ``caching.cached``), under ``html_key``: the comparison's own key,
the files that render it, the instruments' titles and the cross-reference
links the rows show, so a changed template or reference is a new key.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop as N_

from concordance.caching import content_key
from concordance.comparison.counterparts import pair_counterparts
from concordance.comparison.inputs import DatabaseSource, compare_pair, pair_inputs
from concordance.comparison.quantity_verdicts import QuantityVerdicts, quantity_verdicts
from concordance.corpus.models import Instrument, Provision
from concordance.crossrefs.linking import Link, provision_references
from concordance.crossrefs.rendering import segments
from concordance.languages import translate
from concordance.lib.comparison import Comparison
from concordance.lib.comparison.sentence_pins import ONE_SENTENCE, SENTENCES
from concordance.mapping.models import Correspondence
from concordance.mapping.table import Counterpart

# Spans of a unit's text that are internal references: (start, end, link).
LinkSpans = list[tuple[int, int, Link]]


def own_text(instrument: Instrument) -> str:
    """What the legend calls text that one instrument only has: "ONU seulement", "Budapest seulement"."""
    return str(_("%(instrument)s seulement") % {"instrument": instrument.short_name})


@dataclass(frozen=True)
class Legend:
    """The names of each side's own text, for the legend of the page, its PDF, a handout and the Word table.

    One pair has one instrument a side; a handout's several pairs may have
    more on the right (UN offences against Budapest and its Protocol).
    """

    left: tuple[str, ...]
    right: tuple[str, ...]

    @classmethod
    def of(cls, lefts: Iterable[Instrument], rights: Iterable[Instrument]) -> Legend:
        """Each side's instruments named once, in the order given."""
        return cls(tuple(dict.fromkeys(map(own_text, lefts))), tuple(dict.fromkeys(map(own_text, rights))))


@dataclass
class ComparisonPage:
    left: Provision
    right: Provision
    comparison: Comparison
    correspondence: Correspondence | None
    left_counterparts: list[Counterpart]
    right_counterparts: list[Counterpart]
    # Names everything the comparison rows depend on.
    cache_key: str
    # The link between the two articles when the pair itself is not linked
    # (a paragraph compared inside a linked article pair).
    article_correspondence: Correspondence | None = None
    links: dict[tuple[str, str], LinkSpans] = field(default_factory=dict)
    # Key of the rendered rows: the comparison, the templates, the links.
    html_key: str = ""
    # The headings of the two articles, as the sources print them.
    headings: tuple[str, str] = ("", "")
    # Which differing quantities are divergences and which govern different things.
    verdicts: QuantityVerdicts = field(default_factory=lambda: QuantityVerdicts({}))

    @property
    def legend(self) -> Legend:
        return Legend.of([self.left.edition.instrument], [self.right.edition.instrument])


def comparison_page(left: Provision, right: Provision) -> ComparisonPage:
    source = DatabaseSource()
    inputs = pair_inputs(left, right, source)
    comparison = compare_pair(inputs)
    counterparts = pair_counterparts(left, right)
    links = {
        **unit_links("left", left, source.subtree(left)),
        **unit_links("right", right, source.subtree(right)),
    }
    linked = counterparts.correspondence is not None or counterparts.article_correspondence is not None
    return ComparisonPage(
        left,
        right,
        comparison,
        counterparts.correspondence,
        counterparts.left,
        counterparts.right,
        inputs.cache_key,
        counterparts.article_correspondence,
        links,
        rows_html_key(inputs.cache_key, left, right, links, linked),
        inputs.headings,
        quantity_verdicts(comparison, inputs.headings, linked),
    )


def rows_html_key(
    comparison_key: str,
    left: Provision,
    right: Provision,
    links: dict[tuple[str, str], LinkSpans],
    linked: bool = True,
) -> str:
    # The rows show the instruments' titles and each reference link's address,
    # preview and title (which quote the provision it leads to), and their
    # labels are in the page's language: the English rows are stored apart.
    titles = (left.edition.instrument.display_short_title, right.edition.instrument.display_short_title)
    return content_key(
        "comparison-html",
        (
            comparison_key,
            rendering_version(),
            titles,
            sorted((side, eid, spans) for (side, eid), spans in links.items()),
            # Whether the concordance links the pair decides what its differing quantities are called.
            linked,
            get_language(),
        ),
    )


@functools.cache
def rendering_version() -> str:
    """Hash of the files that turn a comparison into HTML (the interface's translations too), read once per process."""
    digest = hashlib.sha256()
    # The interface's translations too (locale/*/LC_MESSAGES/django.po): the rows carry their words.
    folders = [
        settings.BASE_DIR / "templates" / "comparison",
        settings.BASE_DIR / "concordance" / "comparison",
        *map(Path, settings.LOCALE_PATHS),
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".html", ".py", ".po"):
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def unit_links(side: str, root: Provision, nodes: list[Provision]) -> dict[tuple[str, str], LinkSpans]:
    """The internal references of each unit, as the article page links them (one query per side)."""
    references = provision_references(root.edition, [node.pk for node in nodes])
    found: dict[tuple[str, str], LinkSpans] = {}
    for node in nodes:
        spans: LinkSpans = []
        for reference in references.get(("provision", node.pk), []):
            if node.text[reference.start : reference.end] != reference.text:
                continue  # the text changed since the references were computed
            spans.extend((reference.start + a, reference.start + b, link) for a, b, link in segments(reference))
        if spans:
            found[(side, node.eid)] = spans
    return found


# A unit's label is French in the comparison, which is computed and cached once
# for both languages (comparison/inputs.py unit_label); each page, PDF and Word
# document reads it in its own language.
UNIT_WORDS = {"texte": N_("texte"), "fin": N_("fin"), "alinéa": N_("alinéa")}
PARAGRAPH_LABEL = re.compile(r"\bpar\. (\w+)")


SENTENCE_PART_LABEL = re.compile(r"(?P<unit>.*), phrases? (?P<first>\d+)(?: à (?P<last>\d+))?")


def display_unit_label(label: str) -> str:
    """ "par. 1, a)" → "para. 1, a)" in English, "texte" → "text", "par. 1, phrase 2" →
    "para. 1, sentence 2"; the numbering is kept as it is."""
    part = SENTENCE_PART_LABEL.fullmatch(label)
    if part:
        citation = display_unit_label(part["unit"])
        if part["last"] is None:
            return translate(ONE_SENTENCE) % {"citation": citation, "number": int(part["first"])}
        return translate(SENTENCES) % {"citation": citation, "first": int(part["first"]), "last": int(part["last"])}
    if label in UNIT_WORDS:
        return translate(UNIT_WORDS[label])
    return PARAGRAPH_LABEL.sub(lambda found: translate(N_("par. %(number)s")) % {"number": found[1]}, label)
