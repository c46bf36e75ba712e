"""Units inside a linked pair aligned by what they say, not by where they stand.

A curated link fixes which paragraphs answer each other; the points and
closing words between two links are matched here.  Each unit becomes a
*profile*: its content words, lightly stemmed (accents folded, function
words and the names of parties and units dropped), with every glossary term
replaced by its entry, so "État partie requis" and "Partie requise" are one
word.  Two profiles are compared by a weighted Dice coefficient: a word's
weight is its rarity among the pair's units (log of units over units using
it), so the words every point of a list repeats ("sexuel" in UN 14 §2)
count for little and the word that tells two points apart ("souveraineté")
for much.

The free units between two curated rows are aligned by a dynamic programme
that keeps both texts' order and maximises the summed score of the rows it
makes; a pair must reach ``PAIR_FLOOR`` (``CLOSING_FLOOR`` for the
closing words of two lists) or the units stay apart (an honest "no
partner").  Position is a weak prior: ``ORDER_WEIGHT`` times how close
the two units sit in their blocks, added only to a pair that already
reaches the floor, so it breaks ties and never makes a pair.  Up to
``MAX_MERGE`` consecutive units of one side may face one unit of the other
when, joined, they score ``MERGE_MARGIN`` above the best of them alone, or
whatever they score joined when each of them alone reaches the floor: a unit
whose two sentences answer two units of the other text faces both.

Two points of parallel lists share their lists' words: in UN 14 §2 and
Budapest 9 §2 every point speaks of someone "se livrant" to something
"sexuel".  What makes a point this case of its list is its *own* words,
those no other point of the list and not the list's opening words use
("en présence" in UN b), "apparaît comme" in Budapest b).  Two points that
both have own words and share none of them are different cases, however
much of the lists' vocabulary they share: they are never a pair.  A point
without own words (Budapest a, the plain case its siblings extend) is
matched on the shared words as before.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from concordance.lib import eids
from concordance.lib.diffing import Group, normalise_words
from concordance.lib.terminology import Glossary

# Below this weighted share of content, two units say different things.
PAIR_FLOOR = 0.25
# The closing words of two linked lists play the same part in their
# paragraphs: a little shared content is enough (UN 11 "afin que … servent à
# commettre" against Budapest 6 "dans l'intention qu'ils soient utilisés afin
# de commettre").
CLOSING_FLOOR = 0.1
# Position only breaks ties between pairs that already reach the floor.
ORDER_WEIGHT = 0.05
# Two units joined must beat the better of them alone by this much.
MERGE_MARGIN = 0.1
MAX_MERGE = 3

# Words that say nothing of what a unit is about: function words, and the
# names of the parties and of the units of the text, which every unit has.
_FUNCTION_WORDS = frozenset(
    """
    a afin ainsi alinea alineas article articles au aucun aucune aussi autre autres aux avec ce ceci
    cela celle celles celui ces cet cette chaque ci comme conformement dans de des deux doit doivent
    dont du elle elles en entre est et etat etats etre fait fins il ils l la le les leur leurs lors
    lorsque lui meme n ne ni notamment ou par paragraphe paragraphes pas peut peuvent plus pour
    present presente presentes presents qu que quel quelle qui s sa sans se selon ses si son sont
    sous sur tel telle tels telles tout toute toutes tous un une y partie parties
    """.split()  # noqa: SIM905 (a list of 100 words reads better as text)
)
_SUFFIXES = (
    "issements",
    "issement",
    "ements",
    "ement",
    "ations",
    "ation",
    "ments",
    "ment",
    "antes",
    "ante",
    "ants",
    "ant",
    "euses",
    "euse",
    "eurs",
    "eur",
    "ives",
    "ive",
    "ifs",
    "if",
    "ees",
    "ee",
    "es",
    "er",
    "ez",
    "e",
    "s",
    "x",
)
_GLOSSARY_MARK = "≡"


def stem(word: str) -> str:
    """A light French stem: the longest common ending cut, at least four letters kept, at most six.

    "livre" and "livrant", "sexuel" and "sexuellement", "refus" and "refusée" meet.
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_words(text: str) -> list[str]:
    """The stems of ``text``'s content words, in order (accents folded, function words dropped)."""
    return [stem(w) for w in normalise_words(text).split() if len(w) > 2 and w not in _FUNCTION_WORDS]


@dataclass(frozen=True)
class Profile:
    """What a unit is about: its content stems and glossary entries, each counted once.

    ``closing``: the words that close a list ("fin"), which complete its opening
    words the way the other text's closing words complete its own.
    """

    words: frozenset[str]
    closing: bool = False
    # A point's words that neither the other points of its list nor the
    # list's opening words use: what makes it this case of the list.
    own: frozenset[str] = frozenset()


def profile(text: str, glossary: Glossary, instrument: str, *, closing: bool = False) -> Profile:
    """``text``'s profile: each glossary term one word (its entry), the rest content stems."""
    kept: list[str] = []
    last = 0
    for occurrence in glossary.find(text, instrument):
        kept.append(text[last : occurrence.start])
        kept.append(f" {_GLOSSARY_MARK}{occurrence.entry_id} ")
        last = occurrence.end
    kept.append(text[last:])
    words: set[str] = set()
    for piece in kept:
        if piece.startswith(f" {_GLOSSARY_MARK}"):
            words.add(piece.strip())
        else:
            words.update(content_words(piece))
    return Profile(frozenset(words), closing)


def with_own_words(profiles: Sequence[Profile], identifiers: Sequence[str]) -> list[Profile]:
    """``profiles`` (one per unit, ``identifiers`` their units' eids) with each point's own words:
    those that no other point of its list (a unit of the same parent) and not the list's
    opening words (the parent unit) use.  A paragraph, a lone point and closing words have none."""
    index = {eid: k for k, eid in enumerate(identifiers)}
    lists: dict[str, list[int]] = {}
    for k, eid in enumerate(identifiers):
        level = eids.last_level(eid).kind
        up = eids.parent(eid)
        if up is not None and level in ("point", "subpoint") and not profiles[k].closing:
            lists.setdefault(up, []).append(k)
    result = list(profiles)
    for up, members in lists.items():
        if len(members) < 2:
            continue
        for k in members:
            others = [profiles[m].words for m in members if m != k]
            if up in index:
                others.append(profiles[index[up]].words)
            result[k] = replace(profiles[k], own=profiles[k].words - frozenset().union(*others))
    return result


def _joined(profiles: Sequence[Profile]) -> Profile:
    return Profile(frozenset().union(*(p.words for p in profiles)))


class Scorer:
    """Weighted Dice similarity of profiles, the weights being the words' rarity among ``profiles``."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        # log(2 + …) rather than log(1 + …): in a pair of a few units, a word
        # they all share still counts for something.
        counts: Counter[str] = Counter(word for p in profiles for word in p.words)
        total = max(len(profiles), 1)
        self.weights = {word: math.log(2 + total / used) for word, used in counts.items()}

    def weight(self, words: frozenset[str]) -> float:
        return sum(self.weights.get(word, math.log(3)) for word in words)

    def __call__(self, a: Profile, b: Profile) -> float:
        both = self.weight(a.words) + self.weight(b.words)
        return 2 * self.weight(a.words & b.words) / both if both else 0.0


def align_by_content(
    left: Sequence[Profile],
    right: Sequence[Profile],
    anchors: Sequence[Group],
    *,
    skip_left: frozenset[int] = frozenset(),
    skip_right: frozenset[int] = frozenset(),
) -> list[Group]:
    """Rows of the pair: the ``anchors`` (curated rows, increasing on both sides) in place,
    the free units between them aligned by content; every unit not skipped appears once, in order."""
    scorer = Scorer(list(left) + list(right))
    taken_l = set(skip_left) | {i for ls, _ in anchors for i in ls}
    taken_r = set(skip_right) | {j for _, rs in anchors for j in rs}
    rows: list[Group] = []
    lo_l = lo_r = 0
    for ls, rs in [*anchors, ((len(left),), (len(right),))]:
        free_l = [i for i in range(lo_l, min(ls)) if i not in taken_l]
        free_r = [j for j in range(lo_r, min(rs)) if j not in taken_r]
        rows.extend(_Block(free_l, free_r, left, right, scorer).rows())
        if min(ls) < len(left) or min(rs) < len(right):
            rows.append((tuple(ls), tuple(rs)))
        lo_l, lo_r = max(ls) + 1, max(rs) + 1
    return rows


# One step of the programme: (left units taken, right units taken).
_Move = tuple[int, int]


class _Block:
    """The free units between two anchors and their best order-keeping alignment."""

    def __init__(
        self, li: list[int], rj: list[int], left: Sequence[Profile], right: Sequence[Profile], scorer: Scorer
    ) -> None:
        self.li, self.rj, self.left, self.right, self.scorer = li, rj, left, right, scorer

    def rows(self) -> list[Group]:
        if not self.li or not self.rj:
            return [((i,), ()) for i in self.li] + [((), (j,)) for j in self.rj]
        return self._trace(self._moves())

    def _pair_score(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Units li[i0:i1] against rj[j0:j1] (one side a single unit), 0 when not a pair."""
        lefts = [self.left[k] for k in self.li[i0:i1]]
        rights = [self.right[k] for k in self.rj[j0:j1]]
        if not _consecutive(self.li[i0:i1]) or not _consecutive(self.rj[j0:j1]):
            return 0.0
        if _different_cases(lefts, rights):
            return 0.0
        score = self.scorer(_joined(lefts), _joined(rights))
        if len(lefts) > 1 or len(rights) > 1:
            # A merge is a candidate when it clearly beats its best member, or when
            # every member is a pair on its own (UN 40 §12 c) holds Budapest 27 §2 c
            # and d; UN 67 §1 says in two sentences what Protocol 15 §1 and §2 say):
            # the programme then weighs it against the pairs it would replace.
            alone = [self.scorer(a, b) for a in lefts for b in rights]
            if score < max(alone) + MERGE_MARGIN and min(alone) < PAIR_FLOOR:
                return 0.0
        both_close = all(p.closing for p in lefts + rights)
        if score < (CLOSING_FLOOR if both_close else PAIR_FLOOR):
            return 0.0
        # Where each sits in its block, from 0 to 1: close places earn a little.
        where_l = (i0 + i1 - 1) / 2 / max(len(self.li) - 1, 1)
        where_r = (j0 + j1 - 1) / 2 / max(len(self.rj) - 1, 1)
        return score + ORDER_WEIGHT * (1 - abs(where_l - where_r))

    def _moves(self) -> list[list[_Move | None]]:
        n, m = len(self.li), len(self.rj)
        best = [[0.0] * (m + 1) for _ in range(n + 1)]
        moves: list[list[_Move | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        for i in range(n + 1):
            for j in range(m + 1):
                options: list[tuple[float, _Move]] = []
                if i:
                    options.append((best[i - 1][j], (1, 0)))
                if j:
                    options.append((best[i][j - 1], (0, 1)))
                for di, dj in _shapes():
                    if i >= di and j >= dj and (score := self._pair_score(i - di, i, j - dj, j)):
                        options.append((best[i - di][j - dj] + score, (di, dj)))
                if options:
                    best[i][j], moves[i][j] = max(options, key=lambda o: o[0])
        return moves

    def _trace(self, moves: list[list[_Move | None]]) -> list[Group]:
        steps: list[tuple[int, int, int, int]] = []
        i, j = len(self.li), len(self.rj)
        while i or j:
            move = moves[i][j]
            assert move is not None  # every cell but (0, 0) has a move
            steps.append((i - move[0], i, j - move[1], j))
            i, j = i - move[0], j - move[1]
        rows: list[Group] = []
        pending_l: list[int] = []
        pending_r: list[int] = []
        for i0, i1, j0, j1 in reversed(steps):
            if i1 > i0 and j1 > j0:
                # Unpartnered units before a row: the left ones first, then the right ones.
                rows += [((a,), ()) for a in pending_l] + [((), (b,)) for b in pending_r]
                pending_l, pending_r = [], []
                rows.append((tuple(self.li[i0:i1]), tuple(self.rj[j0:j1])))
            elif i1 > i0:
                pending_l += self.li[i0:i1]
            else:
                pending_r += self.rj[j0:j1]
        return rows + [((a,), ()) for a in pending_l] + [((), (b,)) for b in pending_r]


def _shapes() -> list[_Move]:
    """One against one, then several of a side against one of the other."""
    return [(1, 1)] + [(k, 1) for k in range(2, MAX_MERGE + 1)] + [(1, k) for k in range(2, MAX_MERGE + 1)]


def _consecutive(indices: Sequence[int]) -> bool:
    return all(b == a + 1 for a, b in zip(indices, indices[1:], strict=False))


def _different_cases(lefts: Sequence[Profile], rights: Sequence[Profile]) -> bool:
    """Whether two points each say something of their own and share none of it: two cases of
    parallel lists that meet only on the words their lists share (UN 14 §2 b) "en présence"
    against Budapest 9 §2 b "qui apparaît comme un mineur")."""
    own_l = frozenset().union(*(p.own for p in lefts))
    own_r = frozenset().union(*(p.own for p in rights))
    return bool(own_l) and bool(own_r) and not own_l & own_r
