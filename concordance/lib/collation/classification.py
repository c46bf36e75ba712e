"""What a variant is: its class (punctuation, spelling, number, typo, wording),
through normalisations from the narrowest to the broadest and the marks of a
typing error (see the package docstring)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

from concordance.lib.collation.meaning import judge
from concordance.lib.quantities import parse_french_number
from concordance.lib.translatable import N_

# The order readers see: what changes the meaning first.
CLASSES: tuple[str, ...] = ("substantive", "punctuation", "spelling", "number", "typo", "wording")
# French labels, marked for the message catalogue; the Django layer translates them where it shows them.
CLASS_LABELS: dict[str, str] = {
    "substantive": N_("changement de sens"),
    "punctuation": N_("ponctuation ou typographie"),
    "spelling": N_("orthographe ou coupure"),
    "number": N_("nombre en lettres ou en chiffres"),
    "typo": N_("faute de frappe ou de copie apparente"),
    "wording": N_("rédaction, même sens"),
}

_WORD_RE = re.compile(r"[\w\u0300-\u036f]+(?:[-‐‑'’][\w\u0300-\u036f]+)*")
_STRAY_CAPITAL_RE = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ]")
_ER_E_RE = re.compile(r"^(?P<stem>\w+?)(?P<end>er|ez|é|ée|és|ées)$")
_CONTEXT = 16


@dataclass(frozen=True, slots=True)
class Verdict:
    cls: str
    reason: str


# --------------------------------------------------------------------------
# Normalisations, from the narrowest to the broadest
# --------------------------------------------------------------------------


def _typographic(text: str) -> str:
    """What is left once punctuation, spaces, quotes, dashes and case are ignored."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    # "n°", "nº" and "no" before a number are one abbreviation.
    text = re.sub(r"\b[nN](?:[°º]|o\b)\s*(?=\d)", "no ", text)
    # A range of references: "2 à 5", "2 – 5", "2-5", "1. b à 1. d", "1b – 1d".
    text = re.sub(r"(?<=\d)[-–—‐‑](?=\d)", " à ", text)
    text = re.sub(r"(?<=[\w)])\s+[-–—]\s+(?=\w|\()", " à ", text)
    # Inner hyphens and apostrophes are part of a word's spelling, not punctuation.
    text = re.sub(r"(?<=\w)[-‐‑](?=\w)", "\x01", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "\x02", text)
    text = re.sub(r"[^\w\x01\x02]", "", text)
    return text.casefold()


def _spelling_key(text: str) -> str:
    """The typographic form with accents, ligatures and inner hyphens folded."""
    text = _typographic(text).replace("\x01", "")
    text = text.replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_NUMBER_WORDS_RE = re.compile(
    r"\b(?:(?:zéro|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze"
    r"|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|et)(?:[-\s]+|\b))+",
    re.IGNORECASE,
)


def _numbers_as_digits(text: str) -> str:
    def digits(match: re.Match[str]) -> str:
        words = match.group(0)
        core = words.strip(" -")
        # "et" alone, "un"/"une" as articles: only a multi-word or non-article number counts.
        if core.lower() in {"et", "un", "une"}:
            return words
        value = parse_french_number(core)
        trailing = words[len(words.rstrip(" -")) :]
        return f"{value}{trailing}" if value is not None else words

    return _NUMBER_WORDS_RE.sub(digits, text)


_CARDINAL_WORDS = (
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
    "|vingts?|trente|quarante|cinquante|soixante|cents?|mille"
)
# The stem an ordinal is built on: the cardinal, less a final "e"
# ("quatr-ième"), "cinq" gaining a "u", "neuf" turning to "neuv".
_ORDINAL_STEMS = {
    "quatr": "quatre",
    "cinqu": "cinq",
    "neuv": "neuf",
    "onz": "onze",
    "douz": "douze",
    "treiz": "treize",
    "quatorz": "quatorze",
    "quinz": "quinze",
    "seiz": "seize",
    "trent": "trente",
    "quarant": "quarante",
    "cinquant": "cinquante",
    "soixant": "soixante",
    "mill": "mille",
}
_ORDINAL_WORD_RE = re.compile(
    rf"\b(?P<head>(?:(?:{_CARDINAL_WORDS})[-\s]+(?:et[-\s]+)?)*)"
    rf"(?P<stem>{'|'.join(_ORDINAL_STEMS)}|un|deux|trois|six|sept|huit|dix|vingt|cent)ième(?P<plural>s?)\b",
    re.IGNORECASE,
)
_ORDINAL_DIGITS_RE = re.compile(r"\b(?P<value>\d+)\s?(?:e|è|ème|eme|ᵉ)(?P<plural>s?)\b")


def _ordinals_as_digits(text: str) -> str:
    """ "Deuxième", "2ème" and "2e" as "2e": one ordinal, however it is written."""

    def from_word(match: re.Match[str]) -> str:
        stem = match["stem"].lower()
        value = parse_french_number(match["head"].lower() + _ORDINAL_STEMS.get(stem, stem))
        return f"{value}e{match['plural']}" if value is not None else match.group(0)

    text = _ORDINAL_WORD_RE.sub(from_word, text)
    text = re.sub(r"\b(?:premier|première|premiers|premières)\b", "1e", text, flags=re.IGNORECASE)
    text = re.sub(r"\b1(?:er|re|ère|ers|res)\b", "1e", text)
    return _ORDINAL_DIGITS_RE.sub(lambda m: f"{m['value']}e{m['plural']}", text)


def number_key(text: str) -> str:
    """The spelling key with numbers and ordinals in words turned to digits: what the "number" class ignores."""
    return _spelling_key(_numbers_as_digits(_ordinals_as_digits(text)))


# --------------------------------------------------------------------------
# Typing errors
# --------------------------------------------------------------------------


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal string alignment distance (transpositions count 1), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word).replace("’", "'").casefold()


def _known(word: str, lexicon: Collection[str]) -> bool:
    return _fold(word) in lexicon


def _stray_capitals(word: str) -> bool:
    return not word.isupper() and bool(_STRAY_CAPITAL_RE.search(word))


def _accentless(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", _fold(word)) if not unicodedata.combining(ch))


def _er_e_confusion(a: str, b: str) -> bool:
    ma, mb = _ER_E_RE.match(_fold(a)), _ER_E_RE.match(_fold(b))
    if not ma or not mb or ma.group("end") == mb.group("end"):
        return False
    ends = {ma.group("end"), mb.group("end")}
    return "er" in ends and _accentless(ma.group("stem")) == _accentless(mb.group("stem"))


# Words that differ by an accent only and are different words: "ou" (or)
# and "où" (where) are not two spellings of one word.
_ACCENT_HOMOGRAPHS = frozenset(
    frozenset(pair)
    for pair in [("ou", "où"), ("a", "à"), ("la", "là"), ("du", "dû"), ("des", "dès"), ("sur", "sûr"), ("mur", "mûr")]
)
# Characters a typist or a scanner confuses: "2le" printed for "21e".
_LOOKALIKES = frozenset(frozenset(pair) for pair in [("l", "1"), ("I", "1"), ("O", "0"), ("o", "0"), ("I", "l")])
_ELISION_RE = re.compile(r"^(?:[dlnmstj]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


def _lookalike(a: str, b: str) -> bool:
    return (
        len(a) == len(b)
        and any(ch.isdigit() for ch in a + b)
        and all(x == y or frozenset((x, y)) in _LOOKALIKES for x, y in zip(a, b, strict=True))
        and a != b
    )


def _repeated_word(words: Sequence[str]) -> str | None:
    """ "un d'un": a word typed twice in a row, the second time maybe elided."""
    for first, second in pairwise(words):
        if _fold(first) == _fold(_ELISION_RE.sub("", second)):
            return f"{first} {second}"
    return None


def _word_typo(a: str, b: str, lexicon: Collection[str]) -> str | None:
    """Why the pair ``a``/``b`` looks like a slip of the keyboard, or None."""
    if frozenset((_fold(a), _fold(b))) in _ACCENT_HOMOGRAPHS:
        return f"accent qui change le mot : « {a} » / « {b} »"
    if _lookalike(a, b):
        return f"caractères confondus : « {a} » / « {b} »"
    if _fold(a) == _fold(b):
        if _stray_capitals(a) or _stray_capitals(b):
            odd = a if _stray_capitals(a) else b
            return f"majuscules parasites dans « {odd} »"
        return None
    if _spelling_key(a) == _spelling_key(b):
        return None  # accents, ligatures, hyphens: spelling, not a slip
    if _er_e_confusion(a, b):
        return f"confusion -er / -é : « {a} » / « {b} »"
    known_a, known_b = _known(a, lexicon), _known(b, lexicon)
    if known_a != known_b and min(len(a), len(b)) >= 4:
        distance = edit_distance(_fold(a), _fold(b))
        if 1 <= distance <= 2:
            odd, good = (b, a) if known_a else (a, b)
            return f"« {odd} » n'est pas un mot attesté, à {distance} lettre{'s' if distance > 1 else ''} de « {good} »"
    return None


def _split_typo(short: list[str], long: list[str], lexicon: Collection[str]) -> Verdict | None:
    """``long`` has one word more or fewer pieces that join into a word of ``short``."""
    if len(short) >= len(long):
        return None
    # Find the run of ``long`` that joins into one word of ``short``; everything else must match.
    extra = len(long) - len(short)
    for i in range(len(short)):
        run = long[i : i + extra + 1]
        if (
            [_fold(w) for w in short[:i]] == [_fold(w) for w in long[:i]]
            and [_fold(w) for w in short[i + 1 :]] == [_fold(w) for w in long[i + extra + 1 :]]
            and _fold("".join(run)) == _fold(short[i])
        ):
            if _known(short[i], lexicon) and all(not w.isdigit() and _known(w, lexicon) for w in run):
                # Real words either way: a spelling choice ("porte monnaie"), not a slip.
                return Verdict("spelling", f"mots soudés ou séparés : « {' '.join(run)} » / « {short[i]} »")
            return Verdict("typo", f"mot coupé : « {' '.join(run)} » pour « {short[i]} »")
    return None


def _typo(left: str, right: str, lexicon: Collection[str]) -> Verdict | None:
    words_l, words_r = _WORD_RE.findall(left), _WORD_RE.findall(right)
    # Short variants only: in a rewritten clause a repeated word is chance.
    if max(len(words_l), len(words_r)) <= 3:
        for words in (words_l, words_r):
            if repeated := _repeated_word(words):
                return Verdict("typo", f"mot répété : « {repeated} »")
    if len(words_l) != len(words_r):
        return _split_typo(words_l, words_r, lexicon) or _split_typo(words_r, words_l, lexicon)
    reasons = []
    for a, b in zip(words_l, words_r, strict=True):
        reason = _word_typo(a, b, lexicon)
        if reason:
            reasons.append(reason)
        elif number_key(a) != number_key(b):
            return None  # a word pair no lesser class explains: wording
    return Verdict("typo", "; ".join(reasons)) if reasons else None


# --------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------


def classify(
    left: str,
    right: str,
    *,
    before: str = "",
    after: str = "",
    texts: tuple[str, str] = ("", ""),
    lexicon: Collection[str] = frozenset(),
) -> Verdict:
    """The class of the variant ``left`` / ``right``.

    ``before`` and ``after`` are the text the two editions share around the
    variant; only a few characters of each are used, to read a range
    ("2 à 5" / "2 – 5") or a split number whose halves straddle the variant.
    What no lesser class explains is judged by ``meaning.judge``: a copying
    slip, wording of the same meaning, or a substantive change;
    ``texts`` (the whole provision in each edition) lets it see words one
    edition has here and the other elsewhere.
    """
    verdict = _typo(left, right, lexicon)
    if verdict:
        return verdict
    head, tail = before[-_CONTEXT:], after[:_CONTEXT]
    full_left, full_right = head + left + tail, head + right + tail
    if _typographic(full_left) == _typographic(full_right):
        return Verdict("punctuation", "même texte, ponctuation ou typographie différente")
    if _spelling_key(full_left) == _spelling_key(full_right):
        return Verdict("spelling", "mêmes mots, accents, ligatures ou traits d'union différents")
    if number_key(full_left) == number_key(full_right):
        return Verdict("number", "même nombre, en lettres et en chiffres")
    return Verdict(*judge(left, right, before=before, after=after, texts=texts))


# --------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------


def lexicon_of(documents: Sequence[str], minimum: int = 2) -> frozenset[str]:
    """Case-folded words attested in at least ``minimum`` of ``documents``."""
    counts: dict[str, int] = {}
    for document in documents:
        words = {_fold(w) for w in _WORD_RE.findall(document)}
        # "l'article" and "quatre-vingt-dix" attest their parts as well.
        words |= {part for w in words for part in re.split(r"[-‐‑']", w) if part}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, n in counts.items() if n >= minimum)
