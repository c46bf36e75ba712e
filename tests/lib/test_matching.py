"""Points and closing words inside a linked pair, aligned by content (concordance.lib.comparison.matching)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from concordance.lib.comparison.matching import (
    Profile,
    Scorer,
    align_by_content,
    content_words,
    profile,
    stem,
)
from concordance.lib.terminology import load_glossary

GLOSSARY = load_glossary(Path(__file__).resolve().parents[2] / "fixtures" / "glossary.json")

# UN 40 §21 and Budapest 27 §4: the grounds for refusing mutual assistance.
UN_GROUNDS = [
    "L'entraide judiciaire peut être refusée :",
    "Si la demande n'est pas faite conformément aux dispositions du présent article ;",
    "Si l'État partie requis estime que l'exécution de la demande est susceptible de porter atteinte à sa "
    "souveraineté, à sa sécurité, à son ordre public ou à d'autres intérêts essentiels ;",
    "Dans le cas où le droit interne de l'État partie requis interdirait à ses autorités de prendre les mesures "
    "demandées s'il s'agissait d'une infraction analogue ayant fait l'objet d'une enquête, de poursuites ou d'une "
    "procédure judiciaire dans le cadre de sa propre compétence ;",
    "Dans le cas où il serait contraire au système juridique de l'État partie requis concernant l'entraide "
    "judiciaire d'accéder à la demande.",
]
BUDAPEST_GROUNDS = [
    "Outre les conditions ou les motifs de refus prévus à l'article 25, paragraphe 4, l'entraide peut être "
    "refusée par la Partie requise :",
    "si la demande porte sur une infraction que la Partie requise considère comme étant de nature politique ou "
    "liée à une infraction de nature politique ; ou",
    "si la Partie requise estime que le fait d'accéder à la demande risquerait de porter atteinte à sa "
    "souveraineté, à sa sécurité, à son ordre public ou à d'autres intérêts essentiels.",
]


def profiles(texts: list[str], instrument: str) -> list[Profile]:
    return [profile(text, GLOSSARY, instrument) for text in texts]


def test_a_point_faces_the_point_that_says_the_same_thing_not_the_one_at_its_place():
    rows = align_by_content(profiles(UN_GROUNDS, "un"), profiles(BUDAPEST_GROUNDS, "budapest"), [((0,), (0,))])
    assert ((2,), (2,)) in rows  # sovereignty against sovereignty
    # The political offence and the UN's other grounds have no partner: each its own row.
    assert ((), (1,)) in rows and ((1,), ()) in rows and ((3,), ()) in rows and ((4,), ()) in rows


def test_nothing_similar_enough_is_no_partner():
    rows = align_by_content(
        profiles(["Les frais ordinaires sont à la charge de l'État partie requis."], "un"),
        profiles(["Chaque Partie désigne une autorité centrale."], "budapest"),
        [],
    )
    assert rows == [((0,), ()), ((), (0,))]


def test_glossary_terms_are_one_word_whatever_their_wording():
    un = profile("les données électroniques stockées", GLOSSARY, "un")
    budapest = profile("les données informatiques stockées", GLOSSARY, "budapest")
    assert un.words == budapest.words


def test_light_stems_meet_across_inflections():
    assert stem("livre") == stem("livrant")
    assert stem("sexuel") == stem("sexuellement")
    assert content_words("Chaque État partie adopte les mesures") == ["adopt", "mesur"]


def test_words_every_unit_repeats_count_less_than_the_word_that_tells_them_apart():
    units = [Profile(frozenset({"sexuel", "livr"})), Profile(frozenset({"sexuel", "tortur"}))]
    scorer = Scorer(units)
    assert scorer.weights["sexuel"] < scorer.weights["tortur"]


def test_one_unit_whose_sentences_answer_two_units_faces_both():
    # UN 40 §12 c): the notification to the Secretary-General, then the register
    # he keeps; Budapest 27 §2 c and d say each in a point of its own.
    un = [
        "L'autorité centrale désignée à cette fin fait l'objet d'une notification adressée au Secrétaire général "
        "au moment où chaque État partie dépose son instrument de ratification, et le Secrétaire général établit "
        "et tient à jour un registre des autorités centrales désignées par les États parties.",
    ]
    budapest = [
        "Chaque Partie, au moment du dépôt de ses instruments de ratification, communique au Secrétaire Général "
        "les noms et adresses des autorités désignées.",
        "Le Secrétaire Général établit et tient à jour un registre des autorités centrales désignées par les Parties.",
    ]
    assert align_by_content(profiles(un, "un"), profiles(budapest, "budapest"), []) == [((0,), (0, 1))]


def test_a_unit_that_is_a_pair_with_each_of_two_units_faces_both_even_when_joining_adds_no_score():
    # UN 67 §1: the denunciation, then when it takes effect; Protocol 15 says each in a paragraph.
    # Joined, the two Protocol paragraphs score a little less than §2 alone, but each is a pair
    # with UN §1 on its own: showing §1 as "sans équivalent" would hide what UN §1 answers.
    un = [
        "Un État partie peut dénoncer la présente Convention par notification écrite adressée au Secrétaire "
        "général ou à la Secrétaire générale de l'Organisation des Nations Unies. Une telle dénonciation prend "
        "effet un an après la date de réception de la notification par le Secrétaire général ou la Secrétaire "
        "générale.",
        "Une organisation régionale d'intégration économique cesse d'être partie à la présente Convention "
        "lorsque tous ses États membres l'ont dénoncée.",
    ]
    protocol = [
        "Toute Partie peut, à tout moment, dénoncer le présent Protocole par notification au Secrétaire Général "
        "du Conseil de l'Europe.",
        "La dénonciation prendra effet le premier jour du mois qui suit l'expiration d'une période de trois mois "
        "après la date de réception de la notification par le Secrétaire Général.",
    ]
    rows = align_by_content(profiles(un, "un"), profiles(protocol, "budapest-p1"), [])
    assert rows[0] == ((0,), (0, 1))


def test_the_closing_words_of_two_lists_face_each_other_on_little_shared_content():
    # UN 11 §1 and Budapest 6 §1: every point speaks of committing offences,
    # so the purpose clauses that close the two lists share little else.
    def sides(closing: bool) -> tuple[list[Profile], list[Profile]]:
        un = [
            profile("d'un dispositif conçu pour commettre une infraction ;", GLOSSARY, "un"),
            profile("d'un mot de passe permettant de commettre une infraction ;", GLOSSARY, "un"),
            profile(
                "afin que ce dispositif serve à commettre une infraction établie conformément aux articles 7 à 10",
                GLOSSARY,
                "un",
                closing=closing,
            ),
        ]
        budapest = [
            profile("d'un dispositif conçu pour commettre une infraction ;", GLOSSARY, "budapest"),
            profile("d'un mot de passe permettant de commettre une infraction ;", GLOSSARY, "budapest"),
            profile(
                "dans l'intention qu'ils soient utilisés afin de commettre l'une ou l'autre des infractions visées "
                "par les articles 2 à 5",
                GLOSSARY,
                "budapest",
                closing=closing,
            ),
        ]
        return un, budapest

    assert align_by_content(*sides(closing=False), [])[-2:] == [((2,), ()), ((), (2,))]
    assert align_by_content(*sides(closing=True), [])[-1] == ((2,), (2,))


WORDS = ["souveraineté", "sécurité", "politique", "demande", "refus", "autorité", "registre", "frais", "données"]
_profile = st.frozensets(st.sampled_from(WORDS), max_size=4).map(Profile)


@settings(max_examples=200, deadline=None)
@given(st.lists(_profile, max_size=7), st.lists(_profile, max_size=7), st.data())
def test_every_unit_appears_once_in_order_and_anchors_stay(left, right, data):
    anchors = []
    if left and right:
        cuts = data.draw(st.lists(st.tuples(st.integers(0, len(left) - 1), st.integers(0, len(right) - 1)), max_size=3))
        # Anchors increase on both sides, as the plan gives them.
        last = (-1, -1)
        for i, j in sorted(set(cuts)):
            if i > last[0] and j > last[1]:
                anchors.append(((i,), (j,)))
                last = (i, j)
    rows = align_by_content(left, right, anchors)
    assert [i for ls, _ in rows for i in ls] == list(range(len(left)))
    assert [j for _, rs in rows for j in rs] == list(range(len(right)))
    for anchor in anchors:
        assert anchor in rows


def test_two_single_provisions_chosen_by_a_reader_face_each_other_however_little_they_share():
    from concordance.lib.comparison.model import ComparedUnit
    from concordance.lib.comparison.plan import plan_rows

    left = [ComparedUnit("art_57__para_2", "texte", "La Conférence est convoquée au plus tard un an après.")]
    right = [ComparedUnit("art_46__para_3", "texte", "Le Comité examine la mise en œuvre trois ans après.")]
    assert plan_rows(left, right, []).rows == [((0,), (0,))]
    # With a second unit on one side, content decides again: nothing shared, no partner.
    right.append(ComparedUnit("art_46__para_4", "par. 4", "Les Parties se consultent périodiquement."))
    assert ((0,), (0,)) not in plan_rows(left, right, []).rows


# UN 14 §2 and Budapest 9 §2: the two definitions' lists of what the content shows.
UN_DEFINITION = [
    (
        "art_14__para_2",
        "Aux fins du présent article, par « contenu présentant des abus sexuels sur enfant ou "
        "l'exploitation sexuelle d'enfants », on entend tout contenu visuel, et on peut entendre tout contenu écrit ou "
        "sonore, qui dépeint, décrit ou représente une personne de moins de 18 ans :",
    ),
    ("art_14__para_2__point_a", "Se livrant à un acte sexuel réel ou simulé ;"),
    ("art_14__para_2__point_b", "En présence d'une personne qui se livre à un acte sexuel ;"),
    ("art_14__para_2__point_c", "Dont les organes sexuels sont exhibés à des fins principalement sexuelles ; ou"),
    (
        "art_14__para_2__point_d",
        "Qui est soumise à des actes de torture ou à des peines ou traitements cruels, "
        "inhumains ou dégradants, lorsque ce contenu est à caractère sexuel.",
    ),
]
BUDAPEST_DEFINITION = [
    (
        "art_9__para_2",
        "Aux fins du paragraphe 1 ci-dessus, le terme « pornographie enfantine » comprend toute "
        "matière pornographique représentant de manière visuelle :",
    ),
    ("art_9__para_2__point_a", "un mineur se livrant à un comportement sexuellement explicite ;"),
    (
        "art_9__para_2__point_b",
        "une personne qui apparaît comme un mineur se livrant à un comportement sexuellement explicite ;",
    ),
    (
        "art_9__para_2__point_c",
        "des images réalistes représentant un mineur se livrant à un comportement sexuellement explicite.",
    ),
]


def test_two_cases_of_parallel_lists_that_share_only_their_lists_words_are_not_partners():
    # UN b) (in the presence of someone engaged in a sexual act) and Budapest b
    # (a person who appears to be a minor) share "personne … se livr… sexuel",
    # the words of their lists; what each says of its own ("présence",
    # "apparaît") the other does not say.
    from concordance.lib.comparison.model import ComparedUnit
    from concordance.lib.comparison.plan import plan_rows

    def units(texts: list[tuple[str, str]]) -> list[ComparedUnit]:
        return [ComparedUnit(eid, eid.rsplit("_", 1)[-1], text) for eid, text in texts]

    rows = plan_rows(units(UN_DEFINITION), units(BUDAPEST_DEFINITION), [(0, 0)], glossary=GLOSSARY).rows
    assert ((2,), ()) in rows and ((), (2,)) in rows
    assert ((1,), (1,)) in rows  # the minor engaged in the act, in both


def test_a_points_own_words_are_those_neither_its_list_nor_the_lists_opening_words_use():
    from concordance.lib.comparison.matching import with_own_words

    eids = [eid for eid, _ in UN_DEFINITION]
    own = with_own_words(profiles([text for _, text in UN_DEFINITION], "un"), eids)
    assert own[2].own == {"presen"}  # "personne" is in the opening words, "livr", "acte", "sexuel" in a)
    assert own[0].own == frozenset()  # the opening words are no point
