"""Collation of two editions of the same treaty text, and what each variant is.

Two French editions of one convention should carry the same words; where they
do not, a reader wants to know whether the difference matters.  ``collate``
diffs two texts word by word (``diffing.diff``) and ``classify`` puts every
variant into one class:

``punctuation``
    punctuation or typography only: commas, colons, quotes (« » " “), the
    apostrophe ’ against ', spaces, dashes, brackets around a reference
    ("1. a" / "1 (a)"), "no"/"n°", a range written "2 à 5" / "2 – 5",
    capitalisation of a word's first letter ("Article" / "article", "CDPC"),
    a space one edition prints and the other does not ("explicite ;" /
    "explicite;", "« mineur »" / "«mineur»"), a division numbered "Ier" /
    "1".
``spelling``
    spelling or hyphenation: the words are the same once accents,
    ligatures and inner hyphens are folded ("Etat"/"État", "oeuvre"/"œuvre",
    "cyber-espace"/"cyberespace", "procédera"/"procèdera").
``number``
    a number written in words in one edition and in digits in the other
    ("quatre-vingt-dix jours" / "90 jours"), through
    ``quantities.parse_french_number``; ordinals too ("2e" / "Deuxième").
``typo``
    an apparent typing error in one of the sources (see below).
``wording``
    everything else: a word added, dropped or replaced.

The classes are tried from the most specific anomaly to the broadest
equivalence: typing error, then punctuation, spelling, number, and what is
left is wording.  A variant that mixes classes takes the broadest one that
explains all of it ("Etats, " / "États " is spelling: the comma alone would
be punctuation, the accent needs spelling).

Typing errors
-------------
The heuristic looks, word against word, for the marks of a slip of the
keyboard rather than of a drafter's choice.  A variant is a typing error
when every differing word pair is explained by a lesser class or by one of:

* *a word split or run together* -- "1 5" / "15", "dela" / "de la": the
  words of one side, joined, give the other side's word, and a piece is a
  number or one of the forms is not a known word (known words either way,
  "porte monnaie" / "portemonnaie", are only spelling);
* *stray capitals inside a word* -- "résERVER" / "réserver": the same word
  once case is folded, with a capital after a lower-case letter (an acronym,
  all capitals, is not stray);
* *the -er / -é confusion* -- "se réservé" / "se réserver", "être
  interpréter" / "être interprété": the same stem ending in -er on one side
  and -é(e)(s) or -ez on the other, the commonest homophone slip in French;
* *an accent that makes another word* -- "ou" / "où", "a" / "à": the
  accent is not spelling there, it changes the word;
* *look-alike characters* -- "2le" / "21e": "l" for "1", "O" for "0";
* *a word typed twice* -- "un d'un accès": a short variant in which a
  word is repeated, the second time maybe elided;
* *a non-word near a word* -- "réservier" / "réserver": one word is
  unknown, the other known, and they are 1 or 2 edits apart (insertion,
  deletion, substitution, transposition; so doubled or dropped letters too),
  on words of at least four letters.

"Known" means present in ``lexicon``, a set of case-folded words the caller
supplies; the application builds it from the words attested in at least two
independent source documents, so a misspelling printed in one source only is
unknown.  With an empty lexicon the last rule never fires.

The limits are deliberate: two real words one letter apart ("passibles" /
"possibles", "service" / "services") are wording, because an edition may
have chosen either; a typo that produced a real word is not caught.

Fidelity: the pieces of a collated text rebuild each edition's text
exactly (``Collated.left_text``/``right_text``), so what the page shows is
the source; shared runs are shown with the left edition's spacing.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from concordance.lib.comparison import ordered_pairs as monotone
from concordance.lib.diffing import align_paragraphs, diff, token_key, tokenise
from concordance.lib.quantities import parse_french_number

__all__ = [
    "CLASSES",
    "CLASS_LABELS",
    "Collated",
    "Piece",
    "Row",
    "Unit",
    "Variant",
    "Verdict",
    "align_units",
    "classify",
    "collate",
    "collate_marker",
    "collate_units",
    "edit_distance",
    "lexicon_of",
    "marker_of",
]

CLASSES: tuple[str, ...] = ("punctuation", "spelling", "number", "typo", "wording")
CLASS_LABELS: dict[str, str] = {
    "punctuation": "ponctuation ou typographie",
    "spelling": "orthographe ou coupure",
    "number": "nombre en lettres ou en chiffres",
    "typo": "faute de frappe apparente",
    "wording": "rédaction",
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


def _spelling(text: str) -> str:
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
        trailing = words[len(words.rstrip(" -")):]
        return f"{value}{trailing}" if value is not None else words

    return _NUMBER_WORDS_RE.sub(digits, text)


_CARDINAL_WORDS = (
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
    "|vingts?|trente|quarante|cinquante|soixante|cents?|mille"
)
# The stem an ordinal is built on: the cardinal, less a final "e"
# ("quatr-ième"), "cinq" gaining a "u", "neuf" turning to "neuv".
_ORDINAL_STEMS = {"quatr": "quatre", "cinqu": "cinq", "neuv": "neuf", "onz": "onze", "douz": "douze",
                  "treiz": "treize", "quatorz": "quatorze", "quinz": "quinze", "seiz": "seize", "trent": "trente",
                  "quarant": "quarante", "cinquant": "cinquante", "soixant": "soixante", "mill": "mille"}
_ORDINAL_WORD_RE = re.compile(
    rf"\b(?P<head>(?:(?:{_CARDINAL_WORDS})[-\s]+(?:et[-\s]+)?)*)"
    rf"(?P<stem>{'|'.join(_ORDINAL_STEMS)}|un|deux|trois|six|sept|huit|dix|vingt|cent)ième(?P<plural>s?)\b",
    re.IGNORECASE,
)
_ORDINAL_DIGITS_RE = re.compile(r"\b(?P<value>\d+)\s?(?:e|è|ème|eme|ᵉ)(?P<plural>s?)\b")


def _ordinals_as_digits(text: str) -> str:
    """"Deuxième", "2ème" and "2e" as "2e": one ordinal, however it is written."""

    def from_word(match: re.Match[str]) -> str:
        stem = match["stem"].lower()
        value = parse_french_number(match["head"].lower() + _ORDINAL_STEMS.get(stem, stem))
        return f"{value}e{match['plural']}" if value is not None else match.group(0)

    text = _ORDINAL_WORD_RE.sub(from_word, text)
    text = re.sub(r"\b(?:premier|première|premiers|premières)\b", "1e", text, flags=re.IGNORECASE)
    text = re.sub(r"\b1(?:er|re|ère|ers|res)\b", "1e", text)
    return _ORDINAL_DIGITS_RE.sub(lambda m: f"{m['value']}e{m['plural']}", text)


def _number(text: str) -> str:
    return _spelling(_numbers_as_digits(_ordinals_as_digits(text)))


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
        and all(x == y or frozenset((x, y)) in _LOOKALIKES for x, y in zip(a, b))
        and a != b
    )


def _repeated_word(words: Sequence[str]) -> str | None:
    """"un d'un": a word typed twice in a row, the second time maybe elided."""
    for first, second in zip(words, words[1:]):
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
    if _spelling(a) == _spelling(b):
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
    for a, b in zip(words_l, words_r):
        reason = _word_typo(a, b, lexicon)
        if reason:
            reasons.append(reason)
        elif _number(a) != _number(b):
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
    lexicon: Collection[str] = frozenset(),
) -> Verdict:
    """The class of the variant ``left`` / ``right``.

    ``before`` and ``after`` are the text the two editions share around the
    variant; only a few characters of each are used, to read a range
    ("2 à 5" / "2 – 5") or a split number whose halves straddle the variant.
    """
    verdict = _typo(left, right, lexicon)
    if verdict:
        return verdict
    head, tail = before[-_CONTEXT:], after[:_CONTEXT]
    full_left, full_right = head + left + tail, head + right + tail
    if _typographic(full_left) == _typographic(full_right):
        return Verdict("punctuation", "même texte, ponctuation ou typographie différente")
    if _spelling(full_left) == _spelling(full_right):
        return Verdict("spelling", "mêmes mots, accents, ligatures ou traits d'union différents")
    if _number(full_left) == _number(full_right):
        return Verdict("number", "même nombre, en lettres et en chiffres")
    return Verdict("wording", "mots ajoutés, supprimés ou remplacés")


# --------------------------------------------------------------------------
# Collating texts
# --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Variant:
    cls: str
    reason: str
    left: str
    right: str

    @property
    def label(self) -> str:
        return CLASS_LABELS[self.cls]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text: ``same`` in both editions, or one side of a variant."""

    kind: str  # "same", "deleted" (left edition only), "inserted" (right edition only)
    text: str
    variant: int | None = None  # index into the collated text's variants
    # A "same" piece as the right edition prints it: the words are equal, the spacing may not be.
    right: str = ""


@dataclass(frozen=True, slots=True)
class Collated:
    pieces: tuple[Piece, ...]
    variants: tuple[Variant, ...]

    @property
    def left_text(self) -> str:
        return "".join(p.text for p in self.pieces if p.kind in ("same", "deleted"))

    @property
    def right_text(self) -> str:
        return "".join(p.right if p.kind == "same" else p.text for p in self.pieces if p.kind != "deleted")

    @property
    def differs(self) -> bool:
        return bool(self.variants)


def _minor_key(token: str) -> str:
    """A token's key once spelling and numbers are folded; punctuation keeps itself."""
    return _number(token) or token.strip().replace("’", "'")


def _refine(left: str, right: str, lexicon: Collection[str]) -> list[tuple[str, str, str]]:
    """Split a replace into finer changes when some of them are minor.

    The semantic cleanup of ``diff`` folds "au maximum de quatre-vingt-dix"
    / "jusqu'à maximum 90" into one replace, which would be wording.  Here
    the two sides are matched again token by token on keys that fold
    spelling and numbers ("quatre-vingt-dix" = "90", "Etats" = "États"), so
    the number change stands apart from the wording change around it.  The
    finer cut is kept only when it reveals a spelling, number or typing
    variant: a rewrite whose only minor differences are commas stays one
    wording variant instead of being chopped into confetti.
    """
    ltoks, rtoks = tokenise(left), tokenise(right)
    matcher = difflib.SequenceMatcher(
        None, [_minor_key(t) for t in ltoks], [_minor_key(t) for t in rtoks], autojunk=False
    )
    steps: list[tuple[str, str, str]] = []

    def add(op: str, lt: str, rt: str) -> None:
        # A run of key-equal tokens ("minor") is never merged into a real change beside it.
        if steps and steps[-1][0] == op and op != "equal":
            steps[-1] = (op, steps[-1][1] + lt, steps[-1][2] + rt)
        else:
            steps.append((op, lt, rt))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            add("change", "".join(ltoks[i1:i2]), "".join(rtoks[j1:j2]))
            continue
        for lt, rt in zip(ltoks[i1:i2], rtoks[j1:j2]):
            same = token_key(lt) == token_key(rt)
            add("equal" if same else "minor", lt, rt)
    changes = [(lt, rt) for op, lt, rt in steps if op != "equal"]
    minor = any(
        classify(lt, rt, lexicon=lexicon).cls in ("spelling", "number", "typo") for lt, rt in changes
    )
    if len(changes) < 2 or not minor:
        return [("change", left, right)]
    return [("equal" if op == "equal" else "change", lt, rt) for op, lt, rt in steps]


def _spacing(left: str, right: str) -> list[tuple[str, str, str]]:
    """An equal run cut where one edition has a space and the other none.

    The diff compares words without their spaces, so "explicite ;" and
    "explicite;", "« mineur »" and "«mineur»" are equal to it; a reader of
    French typography sees a difference. Each such gap becomes a "space"
    step; how much space (one or two, a line break) is not a difference.
    """
    ltoks, rtoks = tokenise(left), tokenise(right)
    if len(ltoks) != len(rtoks):
        return [("equal", left, right)]
    steps: list[tuple[str, str, str]] = []
    same_l, same_r = "", ""

    def gap(lt: str, rt: str) -> None:
        nonlocal same_l, same_r
        if same_l or same_r:
            steps.append(("equal", same_l, same_r))
        steps.append(("space", lt, rt))
        same_l = same_r = ""

    for index, (lt, rt) in enumerate(zip(ltoks, rtoks)):
        if index == 0:
            lead_l, lead_r = lt[: len(lt) - len(lt.lstrip())], rt[: len(rt) - len(rt.lstrip())]
            if bool(lead_l) != bool(lead_r):
                gap(lead_l, lead_r)
                lt, rt = lt.lstrip(), rt.lstrip()
        core_l, core_r = lt.rstrip(), rt.rstrip()
        space_l, space_r = lt[len(core_l):], rt[len(core_r):]
        last = index == len(ltoks) - 1
        if bool(space_l) != bool(space_r) and not last:
            same_l += core_l
            same_r += core_r
            gap(space_l, space_r)
        else:
            same_l += lt
            same_r += rt
    if same_l or same_r:
        steps.append(("equal", same_l, same_r))
    return steps


def _spacing_reason(steps: Sequence[tuple[str, str, str]], k: int) -> str:
    before = steps[k - 1][1].rstrip()[-12:] if k else ""
    after = steps[k + 1][1].lstrip()[:12] if k + 1 < len(steps) else ""
    which = "l'édition de référence" if steps[k][1] else "l'autre édition"
    return f"espace présente dans {which} seulement, entre « {before} » et « {after} »"


def collate(left: str, right: str, lexicon: Collection[str] = frozenset()) -> Collated:
    """Word-level collation of two texts of the same provision."""
    steps: list[tuple[str, str, str]] = []
    for segment in diff(left, right, markers="none"):
        if segment.op == "equal":
            steps.append(("equal", segment.left, segment.right))
        elif segment.op == "replace":
            steps.extend(_refine(segment.left, segment.right, lexicon))
        else:
            steps.append(("change", segment.left, segment.right))
    steps = [part for step in steps for part in (_spacing(step[1], step[2]) if step[0] == "equal" else [step])]
    pieces: list[Piece] = []
    variants: list[Variant] = []
    for k, (op, lt, rt) in enumerate(steps):
        if op == "equal":
            # The left edition's spacing is shown; the words are the same.
            pieces.append(Piece("same", lt, right=rt))
            continue
        if op == "space":
            index = len(variants)
            variants.append(Variant("punctuation", _spacing_reason(steps, k), lt, rt))
            pieces.extend(Piece(kind, text, index) for kind, text in (("deleted", lt), ("inserted", rt)) if text)
            continue
        before = "".join(s[1] for s in steps[:k])
        after = "".join(s[1] for s in steps[k + 1 :])
        verdict = classify(lt, rt, before=before, after=after, lexicon=lexicon)
        index = len(variants)
        variants.append(Variant(verdict.cls, verdict.reason, lt, rt))
        if lt:
            pieces.append(Piece("deleted", lt, index))
        if rt:
            pieces.append(Piece("inserted", rt, index))
    return Collated(tuple(pieces), tuple(variants))


# --------------------------------------------------------------------------
# Collating provisions: alignment by eid, then by similarity
# --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of an edition to collate: a provision's text, heading or printed number."""

    eid: str
    label: str
    text: str
    # "text" (words to collate) or "num" (a printed list marker or article number).
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class Row:
    left: Unit | None
    right: Unit | None
    collated: Collated
    by_eid: bool = True

    @property
    def label(self) -> str:
        if self.left and self.right and self.left.label != self.right.label:
            return f"{self.left.label} / {self.right.label}"
        return (self.left or self.right).label  # type: ignore[union-attr]

    @property
    def eid(self) -> str:
        return (self.left or self.right).eid  # type: ignore[union-attr]

    @property
    def variants(self) -> tuple[Variant, ...]:
        return self.collated.variants


def align_units(left: Sequence[Unit], right: Sequence[Unit]) -> list[tuple[int | None, int | None]]:
    """Rows of unit indices: same eid first; units in one edition only by similarity."""
    right_index = {unit.eid: j for j, unit in enumerate(right)}
    pinned = [(i, right_index[unit.eid]) for i, unit in enumerate(left) if unit.eid in right_index]
    return align_paragraphs([u.text for u in left], [u.text for u in right], pinned=monotone(pinned))


_ORDINAL_SUFFIX_RE = re.compile(r"(?<=\d)(?:er|re|ᵉʳ|ʳᵉ|e)$")


def marker_of(eid: str) -> str:
    """The label an eid gives its last level: "art_29__para_5__point_b#num" → "b"."""
    return eid.split("#")[0].split("__")[-1].partition("_")[2]


_ROMAN_RE = re.compile(r"^(?P<roman>[IVXLC]+)(?:er|re|e)?$")


def _marker_value(marker: str) -> int | None:
    """The number a printed marker stands for: "Ier", "I", "1er" and "1" are 1."""
    plain = _ORDINAL_SUFFIX_RE.sub("", marker.strip())
    if plain.isdigit():
        return int(plain)
    if match := _ROMAN_RE.match(marker.strip()):
        values = [{"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}[c] for c in match["roman"]]
        return sum(-v if v < nxt else v for v, nxt in zip(values, values[1:] + [0]))
    return None


def collate_marker(expected: str, left: str, right: str) -> Collated:
    """Collate two printed numbers of the same provision, knowing the number its place gives it.

    "1er" / "1" is typography (the French ordinal abbreviation).  When one
    edition prints the number the sequence calls for and the other does not
    (point "b" printed "a", a misprint the parser records as a warning), the
    odd one is a typing error; any other difference is wording.
    """
    if left == right:
        return Collated((Piece("same", left, right=right),), ())
    plain_left, plain_right = _ORDINAL_SUFFIX_RE.sub("", left), _ORDINAL_SUFFIX_RE.sub("", right)
    if plain_left.casefold() == plain_right.casefold():
        verdict = Verdict("punctuation", "même numéro, abréviation ou casse différente")
    elif (value := _marker_value(left)) is not None and value == _marker_value(right):
        verdict = Verdict("punctuation", "même numéro, en chiffres romains et arabes ou abrégé (« Ier »)")
    elif expected and (plain_left == expected) != (plain_right == expected):
        odd = right if plain_left == expected else left
        verdict = Verdict("typo", f"numéro imprimé « {odd} » hors de la séquence (« {expected} » attendu)")
    else:
        verdict = Verdict("wording", "numéros différents")
    variant = Variant(verdict.cls, verdict.reason, left, right)
    return Collated((Piece("deleted", left, 0), Piece("inserted", right, 0)), (variant,))


def collate_units(
    left: Sequence[Unit], right: Sequence[Unit], lexicon: Collection[str] = frozenset()
) -> list[Row]:
    """Collate two editions' units of one article, row by row."""
    rows: list[Row] = []
    for i, j in align_units(left, right):
        lu = left[i] if i is not None else None
        ru = right[j] if j is not None else None
        if lu and ru and lu.kind == ru.kind == "num":
            collated = collate_marker(marker_of(lu.eid), lu.text, ru.text)
        else:
            collated = collate(lu.text if lu else "", ru.text if ru else "", lexicon)
        rows.append(Row(lu, ru, collated, by_eid=bool(lu and ru and lu.eid == ru.eid)))
    return rows


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
