"""What an English page says in its interface: its text and labels outside every ``lang="fr"`` element.

The treaty text, the curated notes and treaty words quoted in an English
sentence are French on purpose and marked ``lang="fr"``; scripts and styles
are not read. Everything else a reader sees or hears (the text, and the
``title``, ``aria-label``, ``alt`` and ``placeholder`` attributes) should be
English, and ``french_words`` finds what is not.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
UNREAD = {"script", "style", "template"}
SPOKEN_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")

# Words that cannot be English: French function words and interface words
# (an accented word is French anywhere, see ACCENTED below).
_WORDS = """
    le la les des du une et ou sur dans pour avec sans est sont pas aux cette ces au ce cet leur leurs
    qui que quoi dont par entre selon chaque aucun aucune toute tous toutes moins voir afficher masquer
    retour suivant précédent accueil recherche rechercher glossaire copier citer dispositions paragraphe
    alinéa chapitre intitulé protocole liens thème thèmes texte textes seulement premier
"""
FRENCH_WORDS = frozenset(_WORDS.split())
ACCENTED = re.compile(r"[àâçéèêëîïôûùüÿœæ]", re.IGNORECASE)
# "1er" (the French way of numbering a first article) is a word here too.
WORD = re.compile(r"1er\b|[^\W\d_]+(?:['’][^\W\d_]+)?")


class _EnglishInterface(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # for each open element: whether it (or an ancestor) is left out
        self.pieces: list[str] = []

    def _left_out(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        lang = (attributes.get("lang") or "").split("-")[0]
        # An element marked English inside a French one (a provision's "Cite" box, its
        # label) is interface again.
        inherited = self._left_out() and lang != "en"
        left_out = inherited or tag in UNREAD or lang == "fr"
        if not left_out:
            self.pieces.extend(attributes.get(name) or "" for name in SPOKEN_ATTRIBUTES)
        if tag not in VOID:
            self.stack.append(left_out)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._left_out():
            self.pieces.append(data)


def english_interface(html: str) -> str:
    """The page's text and spoken attributes outside ``lang="fr"``, scripts and styles, whitespace normalised."""
    parser = _EnglishInterface()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.pieces).split())


def french_words(text: str) -> list[str]:
    """Each French word of ``text`` with a few words around it, to say where it is."""
    words = WORD.findall(text)
    found = []
    for index, word in enumerate(words):
        if word.lower() in FRENCH_WORDS or word == "1er" or ACCENTED.search(word):
            found.append(" ".join(words[max(0, index - 4) : index + 5]) + f"  [{word}]")
    return found
