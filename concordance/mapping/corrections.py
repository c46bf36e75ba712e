"""The corrections of the accuracy review of 6 December 2026, made as a curator makes them.

Each correction is data (which link, what it becomes, why) applied through the
curator's own code path: the model's ``full_clean`` (the checks a curator's form
runs), ``save_correspondence`` for a link, ``save``/``delete`` for a "without
counterpart" record, each with ``_change_reason`` so that django-simple-history
records who changed what and why.

A correction is applied once. Its reason, written in the history, is the mark:

- no history record carries the reason and the database still holds the old
  state: the correction is applied;
- no record carries it but the database already holds the corrected state (a
  fresh set-up loads ``fixtures/concordance.json``, which holds the corrected
  data): the row is saved again with the reason, so that its history says
  which review finding its current state answers;
- a record carries it: nothing is done, so a curator's later edit always wins
  over a re-run of the set-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from concordance.corpus.models import Instrument, Provision
from concordance.mapping.correction_kinds import (
    Correction,
    Link,
    Relabel,
    Side,
    Unlink,
    budapest,
    protocol,
    un,
)
from concordance.mapping.curation import save_correspondence
from concordance.mapping.models import (
    CORRESPONDENCE_HISTORY,
    Correspondence,
    MissingCounterpart,
    Origin,
    Status,
    Theme,
)

REVIEW = "revue d'exactitude du 6 déc. 2026"


UN_4_IS_NOT_A_COUNTERPART = (
    "La Convention des NU n'incrimine pas la diffusion de matériel raciste et xénophobe ; son art. 4 ne fait "
    "qu'étendre aux actes commis au moyen de systèmes TIC les infractions établies en vertu d'autres conventions "
    "des NU auxquelles l'État est partie, sans en créer aucune (§2) : une telle diffusion n'y entre que si l'État "
    "l'a déjà incriminée en vertu d'une autre convention (par ex. la CIEDR, art. 4 a))."
)

CORRECTIONS: tuple[Correction, ...] = (
    Relabel(
        un("art_43"),
        budapest("art_30"),
        relation="narrower",
        note=(
            "Divulgation rapide de données de trafic suffisantes pour identifier le fournisseur de services et la "
            "voie de transmission. L'obligation de l'ONU ne vaut que pour un fournisseur « dans un autre État "
            "partie », celle de Budapest pour un fournisseur « dans un autre Etat », partie ou non. Motifs de refus : "
            "renvoi à l'art. 40 §21 b-c et §22 ONU ; infraction politique ou intérêts essentiels à Budapest."
        ),
        reason=f"{REVIEW}, constat 1 : ONU 43 ↔ B30 plus étroit (autre État partie)",
    ),
    Relabel(
        un("art_43__para_1"),
        budapest("art_30__para_1"),
        relation="narrower",
        note=(
            "Divulgation rapide des données de trafic suffisantes pour identifier le fournisseur étranger ; à l'ONU "
            "seulement s'il se trouve « dans un autre État partie », à Budapest « dans un autre Etat »."
        ),
        reason=f"{REVIEW}, constat 1 : ONU 43 §1 ↔ B30 §1 plus étroit",
    ),
    Relabel(
        un("art_24"),
        budapest("art_15"),
        note=(
            "Conditions et garanties incluant la proportionnalité et un contrôle judiciaire ou indépendant. Budapest "
            "renvoie à la CEDH et au PIDCP ; l'ONU au droit international des droits de l'homme, ajoute le droit à "
            "un recours efficace et l'application aux demandes de coopération (§4), mais soumet les garanties du §2 "
            "au droit interne et entend le contrôle indépendant « au niveau interne » (§5)."
        ),
        reason=f"{REVIEW}, constat 7 : note ONU 24 ↔ B15 (recours efficace, droit interne)",
    ),
    Relabel(
        un("art_24__para_2"),
        budapest("art_15__para_2"),
        relation="partial",
        note=(
            "Contrôle judiciaire ou indépendant, motifs, limitation du champ et de la durée. L'ONU ajoute le droit à "
            "un recours efficace, mais ces garanties s'entendent « conformément au droit interne de chaque État "
            "partie et en application de ce droit », et le contrôle indépendant au niveau interne (§5) ; Budapest "
            "ne les subordonne pas au droit interne."
        ),
        reason=f"{REVIEW}, constat 7 : ONU 24 §2 ↔ B15 §2 partiel (droit interne)",
    ),
    Relabel(
        un("art_14__para_1__point_a"),
        budapest("art_9__para_1__point_b"),
        relation="broader",
        note=(
            "Offre ou mise à disposition ; l'ONU vise en outre produire, vendre, distribuer, transmettre, diffuser, "
            "exhiber et publier."
        ),
        reason=f"{REVIEW}, constat 12 : ONU 14 §1 a) ↔ B9 §1 b plus large",
    ),
    Relabel(
        un("art_14__para_1__point_a"),
        budapest("art_9__para_1__point_c"),
        relation="broader",
        note=(
            "Diffusion ou transmission ; l'ONU vise en outre produire, offrir, vendre, distribuer, exhiber, publier "
            "ou mettre autrement à disposition."
        ),
        reason=f"{REVIEW}, constat 12 : ONU 14 §1 a) ↔ B9 §1 c plus large",
    ),
    Relabel(
        un("art_11__para_2"),
        budapest("art_6__para_2"),
        relation="broader",
        note=(
            "Exclusion de responsabilité pour les essais autorisés et la protection des systèmes ; à l'ONU, "
            "l'exclusion couvre aussi l'obtention et la détention."
        ),
        reason=f"{REVIEW}, constat 13 : ONU 11 §2 ↔ B6 §2 plus large (détention)",
    ),
    Relabel(
        un("art_41__para_3__point_b"),
        budapest("art_35__para_1__point_b"),
        relation="broader",
        reason=f"{REVIEW}, constat 13 : ONU 41 §3 b) ↔ B35 §1 b plus large (fournisseur)",
    ),
    Relabel(
        un("art_40__para_12"),
        budapest("art_27__para_2"),
        relation="partial",
        note=(
            "Autorités centrales, notification et registre tenu par le Secrétaire général (ONU / Conseil de "
            "l'Europe). Budapest prévoit que les autorités centrales « communiquent directement » entre elles ; "
            "l'ONU ajoute l'exécution ou la transmission rapide des demandes (b) et la transmission par la voie "
            "diplomatique ou par INTERPOL (d)."
        ),
        reason=f"{REVIEW}, constat 13 : ONU 40 §12 ↔ B27 §2 partiel",
    ),
    Relabel(
        un("art_40__para_4"),
        budapest("art_26__para_1"),
        relation="broader",
        note=(
            "Communication spontanée d'informations susceptibles d'aider une enquête ou de susciter une demande. "
            "Budapest la limite aux informations obtenues dans ses propres enquêtes et aux infractions établies "
            "conformément à la Convention ; l'ONU vise toute information concernant des affaires pénales."
        ),
        reason=f"{REVIEW}, constat 13 : ONU 40 §4 ↔ B26 §1 plus large",
    ),
    Relabel(
        un("art_11"),
        budapest("art_6"),
        note=(
            "Même structure (dispositifs et codes d'accès, détention, exception pour essais autorisés, réserve sauf "
            "vente/distribution). L'ONU vise en outre la simple obtention et la signature électronique ; ses "
            "« justificatifs d'accès » ont le même rôle que le « code d'accès » de Budapest, avec un champ plus "
            "large. Budapest permet d'exiger la détention d'un certain nombre d'éléments."
        ),
        reason=f"{REVIEW}, constat 3 : note ONU 11 ↔ B6 (justificatifs d'accès)",
    ),
    Relabel(
        un("art_11__para_1"),
        budapest("art_6__para_1"),
        note=(
            "L'ONU vise en outre la simple obtention et la signature électronique ; ses « justificatifs d'accès » "
            "ont le même rôle que le « code d'accès » de Budapest, avec un champ plus large. Budapest permet "
            "d'exiger la détention d'un certain nombre d'éléments."
        ),
        reason=f"{REVIEW}, constat 3 : note ONU 11 §1 ↔ B6 §1 (justificatifs d'accès)",
    ),
    Relabel(
        un("art_37"),
        budapest("art_24"),
        relation="partial",
        note=(
            "Extradition : inclusion dans les traités, convention comme base légale, aut dedere aut judicare, "
            "registre des autorités. Budapest fixe un seuil de peine d'un an au moins et permet de refuser si la "
            "Partie s'estime compétente (§6) ; l'ONU renvoie au droit interne (§8) et ajoute clause de "
            "non-discrimination, exception fiscale, remise conditionnelle et exécution de la peine."
        ),
        reason=f"{REVIEW}, constat 13 : ONU 37 ↔ B24 partiel (seuil d'un an)",
    ),
    Relabel(
        un("art_42"),
        budapest("art_29"),
        relation="partial",
        reason=f"{REVIEW}, constat 13 : ONU 42 ↔ B29 partiel (§2, §3 g), §9, refus)",
    ),
    Relabel(
        un("art_28"),
        budapest("art_19"),
        note=(
            "Perquisition et saisie de données stockées : l'art. 28 ONU reprend les quatre premiers paragraphes de "
            "l'art. 19 (perquisition, extension à un autre système sur le territoire, saisie avec copie et mise hors "
            "d'accès, concours des personnes connaissant le système) ; l'ONU précise que la saisie a lieu « sur son "
            "territoire » (§3). Le §5 Budapest (renvoi aux art. 14 et 15) est implicite à l'ONU. L'ONU vise aussi "
            "le réseau de télécommunications au §4."
        ),
        reason=f"{REVIEW}, constat 13 : note ONU 28 ↔ B19 (sur son territoire)",
    ),
    Relabel(
        un("art_23"),
        budapest("art_14"),
        note=(
            "Champ des pouvoirs procéduraux : infractions de la convention, autres infractions commises au moyen "
            "d'un système, preuves électroniques de toute infraction ; mêmes réserves sur la collecte en temps réel "
            "(art. 29/30 ONU = art. 20/21 Budapest). Le « présent chapitre » de l'ONU couvre aussi les art. 31 à "
            "34 (gel et confiscation, témoins, victimes) ; l'art. 14 Budapest vise les seuls pouvoirs de sa section."
        ),
        relation="broader",
        reason=f"{REVIEW}, constat 13 : ONU 23 ↔ B14 plus large (art. 31 à 34)",
    ),
    # Found on re-reading every "equivalent" note with the review's test: the note records a difference.
    Relabel(
        un("art_22__para_6"),
        budapest("art_22__para_4"),
        relation="partial",
        note=(
            "Les conventions n'excluent aucune compétence pénale établie en droit interne ; l'ONU l'entend « sans "
            "préjudice des normes du droit international général », réserve que Budapest n'exprime pas."
        ),
        reason=f"{REVIEW}, relecture : ONU 22 §6 ↔ B22 §4 partiel (réserve)",
    ),
    Relabel(
        un("art_11__para_1__point_b"),
        budapest("art_6__para_1__point_b"),
        relation="broader",
        reason=f"{REVIEW}, relecture : ONU 11 §1 b) ↔ B6 §1 b plus large (seuil)",
    ),
    Link(
        un("art_65__para_1"),
        protocol("art_10__para_1"),
        relation="partial",
        note=(
            "Entrée en vigueur générale : le quatre-vingt-dixième jour suivant le dépôt du quarantième instrument "
            "(ONU) ; le premier jour du mois qui suit l'expiration d'une période de trois mois après le consentement "
            "de cinq États (Protocole)."
        ),
        themes=("final-clauses",),
        reason=f"{REVIEW}, relecture : lien ONU 65 §1 ↔ P1 10 §1 (entrée en vigueur)",
    ),
    Link(
        un("art_65__para_2"),
        budapest("art_37__para_2"),
        relation="partial",
        note=(
            "Entrée en vigueur pour un État adhérent : le trentième jour suivant le dépôt de l'instrument (ONU) ; "
            "le premier jour du mois qui suit l'expiration d'une période de trois mois après le dépôt (Budapest)."
        ),
        themes=("final-clauses",),
        reason=f"{REVIEW}, constat 10 : lien ONU 65 §2 ↔ B37 §2 (adhésion)",
    ),
    Link(
        un("art_65__para_2"),
        protocol("art_11__para_2"),
        relation="partial",
        note=(
            "Entrée en vigueur pour un État adhérent : le trentième jour suivant le dépôt de l'instrument (ONU) ; "
            "l'adhésion prend effet le premier jour du mois qui suit l'expiration d'une période de trois mois après "
            "le dépôt (Protocole)."
        ),
        themes=("final-clauses",),
        reason=f"{REVIEW}, constat 10 : lien ONU 65 §2 ↔ P1 11 §2 (adhésion)",
    ),
    Link(
        un("art_6"),
        budapest("art_15"),
        relation="related",
        note=(
            "Respect des droits de l'homme : clause générale à l'ONU, qui vaut pour toute la Convention ; Budapest "
            "n'en a pas, seules les conditions et sauvegardes de l'art. 15 encadrent ses pouvoirs procéduraux "
            "(leur pendant à l'ONU est l'art. 24)."
        ),
        themes=("safeguards-and-human-rights",),
        reason=f"{REVIEW}, constat 10 : lien connexe ONU 6 ↔ B15",
    ),
    Link(
        un("art_36"),
        budapest("art_28"),
        relation="related",
        note=(
            "Protection des données personnelles transférées : règle propre à l'ONU. Budapest n'en a pas ; son "
            "art. 28 permet seulement de soumettre les informations communiquées à la confidentialité et à une "
            "restriction d'utilisation. Le Deuxième Protocole additionnel (2022), hors du champ de cette "
            "concordance, traite de la protection des données."
        ),
        themes=("safeguards-and-human-rights", "mutual-assistance"),
        reason=f"{REVIEW}, constat 10 : lien connexe ONU 36 ↔ B28",
    ),
    Link(
        un("art_62"),
        budapest("art_46"),
        relation="related",
        note=(
            "Protocoles additionnels : l'ONU fixe la procédure d'adoption par la Conférence des États parties "
            "(60 États parties au moins, consensus, à défaut majorité des deux tiers) ; Budapest n'en prévoit pas, "
            "son art. 46 §1 c) et §3 se bornant à envisager de compléter ou d'amender la Convention."
        ),
        themes=("final-clauses",),
        reason=f"{REVIEW}, constat 10 : lien connexe ONU 62 ↔ B46",
    ),
    # Words cannot tell which UN point answers Budapest's plain case: a) and b)
    # share the same words with it. A curator pins the pair, as a paragraph pair.
    Link(
        un("art_14__para_2__point_a"),
        budapest("art_9__para_2__point_a"),
        relation="partial",
        note=(
            "Même cas des deux définitions : l'enfant représenté se livre lui-même à l'acte, « acte sexuel réel ou "
            "simulé » (ONU), « comportement sexuellement explicite » (Budapest). La présence d'une personne qui se "
            "livre à un acte sexuel (ONU b)) et la personne qui apparaît comme un mineur (Budapest b) sont des cas "
            "propres à chaque texte."
        ),
        themes=("offences", "definitions"),
        reason=f"{REVIEW}, constat 4 : épingle ONU 14 §2 a) ↔ B9 §2 a (même cas)",
    ),
    # UN 67 §1 says in two sentences what Budapest 47 §1 and §2 say; the
    # paragraph link §1 ↔ §1 put the whole UN paragraph against §1 and left
    # §2 (when the denunciation takes effect) facing nothing. A sentence pin.
    Link(
        un("art_67__para_1"),
        budapest("art_47__para_2"),
        relation="partial",
        note=(
            "Prise d'effet de la dénonciation (2e phrase du §1 de l'ONU) : un an après la réception de la "
            "notification (ONU) ; le premier jour du mois qui suit l'expiration d'une période de trois mois après "
            "cette réception (Budapest)."
        ),
        themes=("final-clauses",),
        reason=f"{REVIEW}, constat 4 : épingle ONU 67 §1, phrase 2 ↔ B47 §2 (prise d'effet)",
        left_sentence=2,
    ),
    Unlink(
        un("art_4"),
        protocol("art_3"),
        reason=f"{REVIEW}, constat 8 : proposition ONU 4 ↔ P1 3 retirée (cf. P1 4-6)",
        gaps=((protocol("art_3"), "un", UN_4_IS_NOT_A_COUNTERPART),),
    ),
)


@dataclass
class CorrectionReport:
    applied: list[str] = field(default_factory=list)
    recorded: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)


def _provision(side: Side) -> Provision:
    return Provision.objects.select_related("edition__instrument").get(
        edition__instrument__slug=side.instrument, edition__is_primary=True, eid=side.eid
    )


def _link_between(left: Provision, right: Provision) -> Correspondence | None:
    return Correspondence.objects.filter(Q(left=left, right=right) | Q(left=right, right=left)).first()


def _recorded(reason: str) -> bool:
    return (
        Correspondence.history.filter(history_change_reason=reason).exists()
        or MissingCounterpart.history.filter(history_change_reason=reason).exists()
    )


def _with_reason(instance, reason: str):
    instance._change_reason = reason
    return instance


def _save(link: Correspondence, reason: str, themes: list[Theme]) -> None:
    """Save through the curator's path; when nothing differs (the fixture
    already holds the corrected row) the record naming the finding is still
    written, since that reason is what the history must show for this row."""
    if not save_correspondence(_with_reason(link, reason), themes):
        CORRESPONDENCE_HISTORY.create_historical_record(link, "~")


def _relabel(correction: Relabel) -> str:
    link = _link_between(_provision(correction.left), _provision(correction.right))
    if link is None:
        raise ValueError(f"{correction.reason} : la correspondance à corriger n'existe pas.")
    wanted = {"relation": correction.relation, "note": correction.note}
    changes = {name: value for name, value in wanted.items() if value is not None and getattr(link, name) != value}
    for name, value in changes.items():
        setattr(link, name, value)
    link.full_clean()
    _save(link, correction.reason, list(link.themes.all()))
    return "applied" if changes else "recorded"


def _link(correction: Link) -> str:
    left, right = _provision(correction.left), _provision(correction.right)
    link = _link_between(left, right)
    if link is not None:
        _save(link, correction.reason, list(link.themes.all()))
        return "recorded"
    for own, other in ((left, right), (right, left)):
        for gap in MissingCounterpart.objects.filter(
            article__edition_id=own.edition_id,
            article__eid=own.article_eid,
            other_instrument_id=other.edition.instrument_id,
        ):
            _with_reason(gap, correction.reason).delete()
    link = Correspondence(
        left=left,
        right=right,
        relation=correction.relation,
        note=correction.note,
        status=Status.REVIEWED,
        origin=Origin.CURATED,
        left_sentence=correction.left_sentence,
        right_sentence=correction.right_sentence,
    )
    link.full_clean()
    _save(link, correction.reason, list(Theme.objects.filter(slug__in=correction.themes)))
    return "applied"


def _unlink(correction: Unlink) -> str:
    link = _link_between(_provision(correction.left), _provision(correction.right))
    outcome = "recorded"
    if link is not None:
        _with_reason(link, correction.reason).delete()
        outcome = "applied"
    for side, other_slug, text in correction.gaps:
        article = _provision(side)
        other = Instrument.objects.get(slug=other_slug)
        gap = MissingCounterpart.objects.filter(article=article, other_instrument=other).first()
        if gap is None:
            gap = MissingCounterpart(article=article, other_instrument=other, reason=text)
            outcome = "applied"
        gap.full_clean()
        _with_reason(gap, correction.reason).save()
    return outcome


def pending(corrections: tuple[Correction, ...] = CORRECTIONS) -> Iterator[Correction]:
    """The corrections whose reason no history record carries yet."""
    return (c for c in corrections if not _recorded(c.reason))


@transaction.atomic
def apply_corrections(corrections: tuple[Correction, ...] = CORRECTIONS) -> CorrectionReport:
    report = CorrectionReport()
    report.already = [c.reason for c in corrections if _recorded(c.reason)]
    for correction in list(pending(corrections)):
        if isinstance(correction, Relabel):
            outcome = _relabel(correction)
        elif isinstance(correction, Link):
            outcome = _link(correction)
        else:
            outcome = _unlink(correction)
        getattr(report, outcome).append(correction.reason)
    return report
