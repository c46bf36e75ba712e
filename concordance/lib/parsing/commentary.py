"""Which Budapest articles a paragraph of the explanatory statement names.

"les articles 2 à 6" → [2, 3, 4, 5, 6]; "l'article 1er" → [1];
"(articles 31-32)" → [31, 32]; "articles 40, 42, 43" → [40, 42, 43];
"articles 14 et 1 5" → [14, 15] (the text itself keeps "1 5").
Articles of other texts are left out: "l'article 61 des accords sur les
aspects …", "l'article 53 de la Constitution", and any number the treaty
does not have.
"""

from __future__ import annotations

import re

# "1 5" is one number split by OCR debris ("articles 14 et 1 5"): two
# numbers are never printed without a separator between them.
_NUMBER = r"\d+(?: \d+)*(?:er)?"
_MENTION = re.compile(
    rf"\barticles?\s+(?P<list>{_NUMBER}(?:\s*(?:,|à|et|-)\s*{_NUMBER})*)(?P<after>[^.;:()]{{0,20}})",
    re.IGNORECASE,
)
_OTHER_TEXT = re.compile(r"^\s*(?:de la Constitution|des accords|du Règlement|du Statut|de la loi)", re.IGNORECASE)
_TOKEN = re.compile(rf"{_NUMBER}|à|-|,|et")


def mentioned_articles(text: str, highest: int) -> list[int]:
    """Article numbers named in ``text``, in order of first mention."""
    found: list[int] = []
    for match in _MENTION.finditer(text):
        if _OTHER_TEXT.match(match.group("after")):
            continue
        for number in _expand(match.group("list")):
            if 1 <= number <= highest and number not in found:
                found.append(number)
    return found


def _expand(listing: str) -> list[int]:
    numbers: list[int] = []
    range_pending = False
    for token in _TOKEN.findall(listing):
        if token in ("à", "-"):
            range_pending = True
            continue
        if token in (",", "et"):
            continue
        value = int(token.removesuffix("er").replace(" ", ""))
        if range_pending and numbers:
            numbers.extend(range(numbers[-1] + 1, value + 1))
        else:
            numbers.append(value)
        range_pending = False
    return numbers
