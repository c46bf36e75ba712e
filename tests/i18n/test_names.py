"""Instrument titles, theme names and the pair form read in the page's language (stored English, or gettext)."""

from __future__ import annotations

import pytest
from django.utils import translation

from concordance.comparison.forms import PairForm
from concordance.corpus.models import Instrument
from concordance.mapping.models import Theme

pytestmark = pytest.mark.django_db


def test_instrument_titles() -> None:
    un, budapest, protocol = Instrument.objects.order_by("position")
    with translation.override("en"):
        assert un.display_short_title == "UN Convention against Cybercrime"
        assert un.display_title.startswith("United Nations Convention against Cybercrime; Strengthening International")
        assert budapest.display_title == "Convention on Cybercrime"
        assert budapest.display_short_title == "Budapest Convention"
        assert protocol.display_short_title == "First Additional Protocol"
        assert protocol.display_title.endswith("racist and xenophobic nature committed through computer systems")
        assert [i.short_name for i in (un, budapest, protocol)] == ["UN", "Budapest", "Protocol"]
    with translation.override("fr"):
        assert un.display_short_title == "Convention des Nations Unies contre la cybercriminalité"
        assert budapest.display_title == "Convention sur la cybercriminalité"
        assert [i.short_name for i in (un, budapest, protocol)] == ["ONU", "Budapest", "Protocole"]


def test_an_english_title_not_filled_reads_in_french() -> None:
    instrument = Instrument.objects.get(slug="budapest")
    instrument.short_title_en = ""
    with translation.override("en"):
        assert instrument.display_short_title == "Convention de Budapest sur la cybercriminalité"


def test_theme_names() -> None:
    theme = Theme.objects.get(slug="mutual-assistance")
    with translation.override("en"):
        assert theme.display_name == "Mutual legal assistance"
        assert all(t.display_name and t.display_name != t.name for t in Theme.objects.exclude(slug="jurisdiction"))
    with translation.override("fr"):
        assert theme.display_name == "Entraide judiciaire"


def test_pair_form_errors_and_instruments() -> None:
    data = {"left": "un", "left_ref": "vingt", "right": "budapest", "right_ref": "16", "right_paragraph": "zz"}
    with translation.override("en"):
        form = PairForm(data)
        assert dict(form.fields["left"].choices)["budapest"] == "Budapest Convention"
        assert form.errors["left_ref"] == ["“vingt” does not read as an article: try “25” or “25.2”."]
        assert form.errors["right_paragraph"] == [
            "“zz” does not read as a paragraph or subparagraph: try “2” or “2 b”."
        ]
    with translation.override("fr"):
        form = PairForm(data)
        assert dict(form.fields["left"].choices)["budapest"] == "Convention de Budapest sur la cybercriminalité"
        assert form.errors["left_ref"] == ["« vingt » ne se lit pas comme un article : essayez « 25 » ou « 25.2 »."]


def test_the_analysis_pages_cache_both_names_and_print_the_page_language() -> None:
    from concordance.analysis.inputs import load_concordance, load_texts

    texts, concordance = load_texts(), load_concordance()
    article = texts.articles()[("budapest", "art_16")]
    gap = concordance.missing[0]
    themes = concordance.themes_of_article()[("un", "art_25")]
    with translation.override("en"):
        assert str(article.instrument_title) == "Budapest Convention"
        assert str(gap[3]) in {"UN Convention against Cybercrime", "Budapest Convention", "First Additional Protocol"}
        assert "Procedural powers" in [str(name) for _, name in themes]
    with translation.override("fr"):
        assert str(article.instrument_title) == "Convention de Budapest sur la cybercriminalité"
        assert "Pouvoirs procéduraux" in [str(name) for _, name in themes]


def test_provenance_facts_the_interface_words() -> None:
    budapest = Instrument.objects.prefetch_related("editions__source").get(slug="budapest")
    primary = next(edition for edition in budapest.editions.all() if edition.is_primary)
    with translation.override("en"):
        assert (budapest.display_issuer, budapest.display_adopted_at) == ("Council of Europe", "Budapest")
        assert primary.display_label == "Text annexed to bill No. 905 (France, 2003)"
        assert primary.source.display_title.startswith("Bill No. 905 authorising the approval")
        assert primary.source.display_issuer == "Government of the French Republic"
    with translation.override("fr"):
        assert budapest.display_issuer == "Conseil de l'Europe"
        assert primary.display_label == "Texte annexé au projet de loi n° 905 (France, 2003)"


def test_a_citation_in_each_language() -> None:
    from concordance.corpus.citations import citation_text

    un = Instrument.objects.get(slug="un")
    with translation.override("en"):
        assert citation_text(un, "art_25__para_2__point_b") == (
            "United Nations Convention against Cybercrime, 24 December 2024, art. 25, para. 2, b)"
        )
    with translation.override("fr"):
        assert citation_text(un, "art_25__para_2__point_b") == (
            "Convention des Nations Unies contre la cybercriminalité, 24 décembre 2024, art. 25, par. 2, b)"
        )


def test_a_provisions_citation_stays_french_data_and_has_a_display_form() -> None:
    # Cached results (comparison unit labels, the analysis pages) keep the
    # citation: it must not depend on the language of the request that computed them.
    from concordance.corpus.models import Provision

    provision = Provision(eid="art_25__para_2__point_b")
    with translation.override("en"):
        assert provision.citation == "art. 25, par. 2, b)"
        assert provision.display_citation == "art. 25, para. 2, b)"
    with translation.override("fr"):
        assert provision.display_citation == "art. 25, par. 2, b)"
