"""What the corpus is made of: the source documents and the instruments.

Provenance facts come from the documents themselves (their headings and
signature blocks); they are data, recorded here once. Those the interface
shows in its own words (issuers, places, edition labels, the sources' titles)
are marked ``N_`` (gettext_noop): stored in French, translated where they are
shown (``Instrument.display_issuer``…). The instruments' own titles have their
official English beside them instead.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_noop as N_

from concordance.lib.parsing import (
    ParsedSource,
    parse_benin_decree,
    parse_budapest_bill,
    parse_un_resolution,
)


@dataclass(frozen=True)
class SourceEntry:
    filename: str
    title: str
    issuer: str
    issued_on: datetime.date
    parse: Callable[[str, str], ParsedSource]
    # instrument slug → (edition slug, edition label, is primary)
    editions: dict[str, tuple[str, str, bool]]


@dataclass(frozen=True)
class InstrumentEntry:
    slug: str
    title: str
    short_title: str
    issuer: str
    adopted_at: str
    adopted_on: datetime.date
    parent: str | None
    # The official English titles, shown on the English pages (the texts stay French).
    title_en: str = ""
    short_title_en: str = ""


INSTRUMENTS = [
    InstrumentEntry(
        slug="un",
        title=(
            "Convention des Nations Unies contre la cybercriminalité ; Renforcement de la "
            "coopération internationale pour la lutte contre certaines infractions commises "
            "au moyen de systèmes d'information et de communication et pour la communication "
            "de preuves sous forme électronique d'infractions graves"
        ),
        short_title="Convention des Nations Unies contre la cybercriminalité",
        issuer=N_("Assemblée générale des Nations Unies"),
        adopted_at=N_("New York (résolution 79/243)"),
        adopted_on=datetime.date(2024, 12, 24),
        parent=None,
        title_en=(
            "United Nations Convention against Cybercrime; Strengthening International Cooperation for "
            "Combating Certain Crimes Committed by Means of Information and Communications Technology Systems "
            "and for the Sharing of Evidence in Electronic Form of Serious Crimes"
        ),
        short_title_en="UN Convention against Cybercrime",
    ),
    InstrumentEntry(
        slug="budapest",
        title="Convention sur la cybercriminalité",
        short_title="Convention de Budapest sur la cybercriminalité",
        issuer=N_("Conseil de l'Europe"),
        adopted_at=N_("Budapest"),
        adopted_on=datetime.date(2001, 11, 23),
        parent=None,
        title_en="Convention on Cybercrime",
        short_title_en="Budapest Convention",
    ),
    InstrumentEntry(
        slug="budapest-p1",
        title=(
            "Protocole additionnel à la Convention sur la cybercriminalité, relatif à "
            "l'incrimination d'actes de nature raciste et xénophobe commis par le biais de "
            "systèmes informatiques"
        ),
        short_title="Premier Protocole additionnel (racisme et xénophobie)",
        issuer=N_("Conseil de l'Europe"),
        adopted_at=N_("Strasbourg"),
        adopted_on=datetime.date(2003, 1, 28),
        parent="budapest",
        title_en=(
            "Additional Protocol to the Convention on Cybercrime, concerning the criminalisation of acts of a "
            "racist and xenophobic nature committed through computer systems"
        ),
        short_title_en="First Additional Protocol",
    ),
]

SOURCES = [
    SourceEntry(
        filename="un-resolution-79-243-fr.txt",
        title=N_(
            "Résolution 79/243 de l'Assemblée générale des Nations Unies, avec en annexe la "
            "Convention des Nations Unies contre la cybercriminalité et ses notes interprétatives"
        ),
        issuer=N_("Assemblée générale des Nations Unies"),
        # The date the document prints ("Distr. générale 31 décembre 2024");
        # the resolution and the Convention were adopted on 24 December 2024
        # (Instrument.adopted_on).
        issued_on=datetime.date(2024, 12, 31),
        parse=parse_un_resolution,
        editions={"un": ("onu-2024", N_("Texte français officiel (A/RES/79/243)"), True)},
    ),
    SourceEntry(
        filename="budapest-bill-905-2003-fr.txt",
        title=N_(
            "Projet de loi n° 905 autorisant l'approbation de la convention sur la "
            "cybercriminalité (Assemblée nationale, XIIe législature), exposé des motifs et "
            "texte de la Convention annexé"
        ),
        issuer=N_("Gouvernement de la République française"),
        issued_on=datetime.date(2003, 6, 11),
        parse=parse_budapest_bill,
        editions={"budapest": ("pjl-905-2003", N_("Texte annexé au projet de loi n° 905 (France, 2003)"), True)},
    ),
    SourceEntry(
        filename="budapest-benin-decree-2024-773-fr.txt",
        title=N_(
            "Décret n° 2024-773 du 1er février 2024 portant adhésion à la convention sur la "
            "cybercriminalité et à ses protocoles additionnels (République du Bénin), textes "
            "du Conseil de l'Europe annexés"
        ),
        issuer=N_("Présidence de la République du Bénin"),
        issued_on=datetime.date(2024, 2, 1),
        parse=parse_benin_decree,
        editions={
            "budapest": (
                "coe-benin-2024",
                N_("Texte du Conseil de l'Europe annexé au décret béninois n° 2024-773"),
                False,
            ),
            "budapest-p1": (
                "coe-benin-2024",
                N_("Texte du Conseil de l'Europe annexé au décret béninois n° 2024-773"),
                True,
            ),
        },
    ),
]
