"""The text a page marks as French (lang="fr"), to check the treaty text survives the English interface."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _FrenchText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []  # each open element's lang attribute
        self.pieces: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            attributes = dict(attrs)
            # The "Cite" box inside a provision and the unit's label ("par. 1", "para. 1") are interface.
            interface = attributes.get("class") in ("cite", "unit-label")
            self.stack.append("interface" if interface else attributes.get("lang"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.language() == "fr" and "interface" not in self.stack:
            self.pieces.append(data)

    def language(self) -> str | None:
        return next((lang for lang in reversed(self.stack) if lang), None)


def french_text(html: str) -> str:
    """Every piece of text whose nearest lang attribute is "fr", joined, whitespace normalised."""
    body = html[html.index("<main") :]
    parser = _FrenchText()
    parser.feed(body)
    return " ".join(" ".join(parser.pieces).split())
