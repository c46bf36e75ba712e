"""How alike two paragraphs are: in characters of their words, and in content words."""

from __future__ import annotations

import functools
import re
import unicodedata

from concordance.lib.diffing.engines import similarity_function
from concordance.lib.diffing.tokens import strip_marker

_WORD_RE = re.compile(r"[\w\u0300-\u036f]+")
# The combining marks of Unicode's diacritical blocks; a regex drops them far
# faster than testing each character of a long article.
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@functools.lru_cache(maxsize=4096)
def normalise_words(text: str) -> str:
    """Lower-case words without marker, punctuation or accents, for similarity only."""
    _, rest = strip_marker(text)
    folded = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", rest.casefold()))
    return " ".join(_WORD_RE.findall(folded))


def sorted_words(text: str) -> str:
    # token_sort_ratio sorts the words of both strings on every call; sorting
    # once per paragraph and comparing with a plain ratio gives the same score
    # and keeps an n×m alignment cheap.
    return " ".join(sorted(normalise_words(text).split()))


def paragraph_similarity(left: str, right: str, engine: str | None = None) -> float:
    """Similarity (0..1) of two paragraphs: rapidfuzz token_sort_ratio on normalised words
    (the same number, computed in pure Python, when rapidfuzz is not installed)."""
    return similarity_function(engine)(sorted_words(left), sorted_words(right), 0.0)


# Words that say nothing of what a provision is about: function words, and the
# names of the parties and of the units of the text, which every provision has.
_FUNCTION_WORDS = frozenset(
    [
        "de",
        "la",
        "le",
        "les",
        "l",
        "d",
        "des",
        "du",
        "un",
        "une",
        "et",
        "ou",
        "a",
        "au",
        "aux",
        "en",
        "par",
        "pour",
        "que",
        "qui",
        "dans",
        "sur",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "il",
        "elle",
        "ils",
        "elles",
        "est",
        "sont",
        "ne",
        "pas",
        "n",
        "s",
        "qu",
        "se",
        "y",
        "tout",
        "toute",
        "tous",
        "toutes",
        "autre",
        "autres",
        "present",
        "presente",
        "article",
        "articles",
        "paragraphe",
        "paragraphes",
        "alinea",
        "partie",
        "parties",
        "etat",
        "etats",
        "chaque",
        "lui",
        "meme",
        "conformement",
        "peut",
        "peuvent",
        "etre",
    ]
)
# Below this share of shared content words, two paragraphs are not a pair
# whatever their character similarity (which function words inflate): UN 40
# §30 (costs) against Budapest 27 §9 c)-d) (channels) scores 0.58, shares 0.11.
CONTENT_FLOOR = 0.12


def content_overlap(left: str, right: str) -> float:
    """Dice coefficient of the content words (first six letters, a cheap stem) of two texts."""

    def stems(text: str) -> set[str]:
        return {w[:6] for w in normalise_words(text).split() if len(w) > 2 and w not in _FUNCTION_WORDS}

    a, b = stems(left), stems(right)
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0
