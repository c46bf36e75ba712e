"""Whether a wording variant changes what the text says.

A variant no lesser class explains (punctuation, spelling, number, typing
error) is one of three things, decided by these rules in this order:

*copying slip* (class ``typo``)
    the text of one edition cannot be what the drafters wrote: a plural
    article before a singular "Article N" ("aux Article 9"), or a singular
    one before several numbers ("à l'Article 2 à 5"), words inserted
    that repeat, within the same sentence, words the two editions share just
    before ("garde confidentiels … restent confidentiels"), or one of the
    readings of ``SLIPS``, each checked against the source.
*wording* (same meaning)
    once the *grammatical words* (articles, prepositions, conjunctions,
    pronouns, auxiliaries) are set aside and the others reduced to a stem
    (accents and case folded, plural and verb endings ignored), the two sides
    have the same words; or they refer to the same provisions written another
    way ("a. i ou ii" / "(a) (1) ou (2)"); or they differ by an expression of
    ``SAME_MEANING`` (an acronym spelt out, "mentionnés" / "évoqués", "faire
    en sorte que"); or the words one edition has here, the other edition has
    elsewhere in the same article (a clause moved from one point to another:
    ``moved``, applied by ``provisions.collate_units``).
*substantive* (changes meaning)
    everything else: a word that carries meaning is added, dropped or
    replaced (a different treaty named, "amendements" / "aménagements", the
    capacities "existantes", "ou de procédures pénales", a different set of
    articles referred to). The rule errs towards "substantive": a reader is
    shown a difference that may matter rather than told it does not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from concordance.lib.translatable import MONTHS

_WORD_RE = re.compile(r"[\w\u0300-\u036f]+")

# Words that carry grammar, not meaning: what a variant of these words only changes is wording.
_GRAMMATICAL_WORDS = (
    "a à au aux avec c ce celle celui celles ceux cette ces ci d dans de des du en et il elle ils elles jusqu l la",
    "le les leur leurs lors lorsque lorsqu lesquels lesquelles laquelle lequel auxquels auxquelles n ne ou où par",
    "pour près auprès qu que quel quelle quels quelles qui sa se selon ses son sous sur tel telle tels telles toute",
    "tout tous toutes un une y est sont été être ont avoir sera seront aura peut puisse peuvent puissent dernière",
    "dernier dernières derniers",
)

# Expressions the two editions use for the same thing, each read in its context, as the stems
# (``stem``) that differ: a variant whose differing stems are the two sides of one entry, in either
# order, is wording.
SAME_MEANING: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(left.split()), frozenset(right.split()))
    for left, right in (
        ("cdpc", "comite europe proble crimin"),  # the acronym and the committee's name
        ("", "comite europe proble crimin"),  # the name spelt out before the acronym
        ("mentio", "evoque"),  # "mentionnés" / "évoqués"
        ("vise", "evoque"),  # "visés" / "évoqués"
        ("trouve", "cherch"),  # "trouver" / "chercher" des solutions
        ("minima", "minimu"),  # "peine minimale" / "peine minimum"
        ("concer", "relati"),  # "en ce qui concerne" / "relativement à"; "concernant" / "relatives à"
        ("moyen", "pourra"),  # "aura les moyens de" / "pourra"
        ("conten", "terme"),  # "obligations contenues dans le chapitre" / "aux termes du Chapitre"
        ("fonde", "base suivan"),  # "fondé" / "sur les bases suivantes"
        ("determ", "decide"),  # "déterminer la mieux à même" / "décider quelle est celle qui est"
        ("loi", ""),  # "immatriculé selon les lois de cette Partie" / "immatriculé dans cette Partie"
        ("", "faire sorte"),  # "pour que" / "pour faire en sorte que"
        ("", "commun"),  # "selon un accord" / "selon un accord commun"
        ("", "fourni"),  # "assurer une assistance" / "assurer la fourniture d'une assistance"
        ("", "conten"),  # "toute information, sous forme" / "toute information, contenue sous forme"
        ("revele", ""),  # "les mesures qui se révèlent nécessaires" / "les mesures nécessaires"
        ("terme", ""),  # "le terme « pornographie enfantine »" / "la « pornographie enfantine »"
        ("", "relati"),  # "pour" / "en relation avec"
        ("", "rome"),  # a treaty named with or without its place of adoption ("faite à Rome")
        ("consei europe", ""),  # "Secrétaire Général (du Conseil de l'Europe)", named in full before
        ("cdpc", ""),  # the committee named, with or without its acronym
        ("", "adapte"),  # preamble: "des solutions (adaptées) permettant…"
        ("cooper", ""),  # "une demande (de coopération) formulée … au titre du présent chapitre" (coopération)
        ("", "personn"),  # "en sa possession" / "en la possession de cette personne"
        ("comite minist", ""),  # "les Recommandations (du Comité des Ministres) no R (85) 10": its R series
    )
)

# Readings checked against the source that no rule above can see: two real words, one a slip.
SLIPS: dict[tuple[str, str], str] = {
    ("passibles", "possibles"): "« possibles de sanctions » ne se dit pas : « passibles » mal recopié",
    ("", "restent confidentiels"): "« garde confidentiels le fait … restent confidentiels » : le verbe est répété",
}

_ROMAN_MONTHS = {
    "I": "janvier",
    "II": "février",
    "III": "mars",
    "IV": "avril",
    "V": "mai",
    "VI": "juin",
    "VII": "juillet",
    "VIII": "août",
    "IX": "septembre",
    "X": "octobre",
    "XI": "novembre",
    "XII": "décembre",
}
_ROMAN_DATE_RE = re.compile(r"\b(\d{1,2})\.(XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)\.")
_PLACE_OF_ADOPTION_RE = re.compile(r"\bfaite?\s+à\s+(?=[A-Z])", re.IGNORECASE)
_REFERENCE_WORDS = frozenset(
    ("article", "articles", "alinea", "alineas", "paragraphe", "paragraphes", "dessus", "present", "no")
)
_DATE_DETAIL_RE = re.compile(r"[\s(]*\d{1,4}(?:\s+et\s+\d{1,2})?[)\s]*")
_MONTHS = frozenset(MONTHS)
# "no R (85) 10", "N°R (85) 10", "n° 1": the abbreviation and the series letter are notation.
_NUMBER_SIGN_RE = re.compile(r"\b[nN](?:o|°|º)\s*(?:R\b\s*)?|\bR\s*(?=\()")
_ROMAN_LABELS = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}
_PLURAL_BEFORE_SINGULAR_RE = re.compile(r"\b(?:aux|des|les)\s+(?:Article|article)\s+\d")
# "à l'Article 2 à 5": one article named, several numbered (a range or a pair).
_SINGULAR_BEFORE_SEVERAL_RE = re.compile(r"\bl['’]\s*(?:Article|article)\s+\d+\s+(?:à|et)\s+\d")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


GRAMMATICAL = frozenset(_fold(word) for line in _GRAMMATICAL_WORDS for word in line.split())


def stem(word: str) -> str:
    """A crude French stem: folded, plural dropped, cut at six letters ("rapportant" and "rapporte" meet)."""
    folded = _fold(word)
    if len(folded) > 3 and folded[-1] in "sx":
        folded = folded[:-1]
    return folded[:6]


def _normalise(text: str) -> str:
    text = _ROMAN_DATE_RE.sub(lambda m: f"{m[1]} {_ROMAN_MONTHS[m[2]]} ", text)
    text = _NUMBER_SIGN_RE.sub(" ", text)
    return _PLACE_OF_ADOPTION_RE.sub(" ", text)


def content_words(text: str) -> list[str]:
    """The stems of the words of ``text`` that carry meaning."""
    words = _WORD_RE.findall(_normalise(text))
    return [stem(w) for w in words if _fold(w) not in GRAMMATICAL]


def _labels(text: str) -> set[str] | None:
    """The provision labels a run of references names, or None if it says anything else."""
    labels: set[str] = set()
    for word in _WORD_RE.findall(text):
        folded = _fold(word)
        if folded in GRAMMATICAL or folded in _REFERENCE_WORDS:
            continue
        if folded in _ROMAN_LABELS:
            labels.add(_ROMAN_LABELS[folded])
        elif folded.isdigit() or (len(folded) == 1 and folded.isalpha()):
            labels.add(folded)
        else:
            # "9.1.a" is read as "9", "1", "a" by the word pattern; anything else is not a reference.
            return None
    return labels


def _same_references(left: str, right: str, before: str, after: str) -> bool:
    left_labels, right_labels = _labels(left), _labels(right)
    if left_labels is None or right_labels is None:
        return False
    # "du présent article" after "paragraphe 1": a reference made explicit, no label changed.
    around = _labels_around(before[-40:] + " " + after[:40])
    return left_labels <= right_labels | around and right_labels <= left_labels | around


def _labels_around(text: str) -> set[str]:
    labels = set()
    for word in _WORD_RE.findall(text):
        folded = _fold(word)
        if folded.isdigit() or (len(folded) == 1 and folded.isalpha() and folded not in GRAMMATICAL):
            labels.add(folded)
    return labels


def _same_meaning(left: Iterable[str], right: Iterable[str]) -> bool:
    left_set, right_set = set(left), set(right)
    differing = (frozenset(left_set - right_set), frozenset(right_set - left_set))
    return any(differing in ((a, b), (b, a)) for a, b in SAME_MEANING)


def _date_detail(left: str, right: str, after: str) -> bool:
    """The days of a month ("(Prague, 10 et 11 juin 1997)") or a treaty's year ("(1989)") in one edition only."""
    present = left if left.strip() else right
    if (left.strip() and right.strip()) or not _DATE_DETAIL_RE.fullmatch(present):
        return False
    next_word = after.lstrip().split(" ", 1)[0].casefold()
    return next_word in _MONTHS or bool(re.fullmatch(r"\s*\(\d{4}\)\s*", present))


def _plain_words(text: str) -> set[str]:
    """Content words folded, plural dropped, not cut: "amendements" and "amender" stay apart."""
    words = (_fold(w) for w in _WORD_RE.findall(_normalise(text)))
    return {w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words if w not in GRAMMATICAL}


def _said_elsewhere(left: str, right: str, texts: tuple[str, str]) -> bool:
    """The words one side has and the other lacks here, the other edition has elsewhere in the provision."""
    left_only, right_only = _plain_words(left) - _plain_words(right), _plain_words(right) - _plain_words(left)
    return bool(left_only | right_only) and left_only <= _plain_words(texts[1]) and right_only <= _plain_words(texts[0])


def judge(
    left: str, right: str, *, before: str = "", after: str = "", texts: tuple[str, str] = ("", "")
) -> tuple[str, str]:
    """The class and reason of a variant no lesser class explains: ``typo``, ``wording`` or ``substantive``."""
    for one, other in ((left, right), (right, left)):
        if _PLURAL_BEFORE_SINGULAR_RE.search(one + after[:12]) and not _PLURAL_BEFORE_SINGULAR_RE.search(
            other + after[:12]
        ):
            return ("typo", "accord fautif : article pluriel devant « Article » au singulier")
        if _SINGULAR_BEFORE_SEVERAL_RE.search(one + after[:12]) and not _SINGULAR_BEFORE_SEVERAL_RE.search(
            other + after[:12]
        ):
            return ("typo", "accord fautif : « l'Article » au singulier devant plusieurs articles")
    slip = SLIPS.get((left.strip(), right.strip())) or SLIPS.get((right.strip(), left.strip()))
    if slip:
        return ("typo", slip)
    if _date_detail(left, right, after):
        return ("wording", "date donnée plus ou moins précisément (jours, année)")
    left_words, right_words = content_words(left), content_words(right)
    if sorted(left_words) == sorted(right_words):
        return ("wording", "mêmes mots porteurs de sens ; articles, prépositions, accord ou ordre différents")
    if _same_references(left, right, before, after):
        return ("wording", "mêmes renvois, notés autrement")
    if _same_meaning(left_words, right_words):
        return ("wording", "expression de même sens (lue dans son contexte)")
    if _said_elsewhere(left, right, texts):
        return ("wording", "mots que l'autre édition a aussi, ailleurs dans la disposition")
    return ("substantive", "mots porteurs de sens ajoutés, supprimés ou remplacés")


def moved(one_sided: str, opposite: Iterable[str]) -> bool:
    """Whether the words one edition has in this variant, the other has in one of ``opposite`` (its variants
    elsewhere in the same article, where the first edition has nothing)."""
    words = sorted(content_words(one_sided))
    return bool(words) and any(sorted(content_words(text)) == words for text in opposite)
