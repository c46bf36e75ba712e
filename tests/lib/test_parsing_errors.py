"""A source that cannot be parsed raises SourceError naming its line."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from concordance.lib.parsing import SourceError, parse_budapest_bill, parse_un_resolution
from concordance.lib.parsing.structure import parse_body

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
UN = "un-resolution-79-243-fr.txt"
BILL = "budapest-bill-905-2003-fr.txt"


@cache
def lines(filename: str) -> tuple[str, ...]:
    return tuple((SOURCES / filename).read_text(encoding="utf-8").split("\n"))


def edited(filename: str, changes: dict[int, str]) -> str:
    """The source with some 1-based lines replaced (line count unchanged
    unless a replacement holds a newline)."""
    out = list(lines(filename))
    for no, text in changes.items():
        out[no - 1] = text
    return "\n".join(out)


def error_of(parse, filename: str, text: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        parse(text, filename)
    return caught.value


def test_unchanged_sources_parse() -> None:
    parse_un_resolution("\n".join(lines(UN)), UN)
    parse_budapest_bill("\n".join(lines(BILL)), BILL)


def test_article_out_of_sequence() -> None:
    assert lines(UN)[480 - 1] == "Article 26"
    error = error_of(parse_un_resolution, UN, edited(UN, {480: "Article 27"}))
    assert (error.filename, error.line) == (UN, 480)
    assert "article 27 out of sequence (expected article 26)" in error.message
    assert str(error).startswith(f"{UN}, line 480: ")


def test_duplicated_article() -> None:
    assert lines(UN)[268 - 1] == "Article 13"
    error = error_of(parse_un_resolution, UN, edited(UN, {268: "Article 12"}))
    assert error.line == 268 and "article 12 duplicated" in error.message


def test_duplicated_article_in_a_fragment() -> None:
    with pytest.raises(SourceError) as caught:
        parse_body("Article 1\nObjet\n\nTexte.\n\nArticle 2\nSuite\n\nTexte.\n\nArticle 2\nSuite\n\nTexte.\n")
    assert caught.value.line == 11 and "duplicated" in caught.value.message


def test_missing_chapter() -> None:
    assert lines(UN)[632 - 1] == "Chapitre V"
    error = error_of(parse_un_resolution, UN, edited(UN, {632: "", 634: ""}))
    assert error.line == 1048
    assert "chapter VI out of sequence (expected chapter 5)" in error.message


def test_text_where_a_heading_is_expected() -> None:
    assert lines(UN)[119 - 1] == "Dispositions générales"
    error = error_of(parse_un_resolution, UN, edited(UN, {119: "Dispositions générales\n\nTexte égaré."}))
    assert error.line == 121 and "text where a heading is expected" in error.message


def test_text_before_the_first_heading_of_a_fragment() -> None:
    with pytest.raises(SourceError) as caught:
        parse_body("\nDu texte.\nArticle 1\nObjet\n")
    assert caught.value.line == 2


def test_paragraph_out_of_sequence() -> None:
    assert lines(UN)[478 - 1].startswith("3. Chaque État partie")
    error = error_of(parse_un_resolution, UN, edited(UN, {478: lines(UN)[478 - 1].replace("3.", "4.", 1)}))
    assert error.line == 478 and "paragraph 4 out of sequence (expected 3)" in error.message


def test_point_out_of_sequence() -> None:
    assert lines(UN)[276 - 1].startswith("b) Toute atteinte")
    error = error_of(parse_un_resolution, UN, edited(UN, {276: lines(UN)[276 - 1].replace("b)", "c)", 1)}))
    assert error.line == 276 and "point c out of sequence (expected b)" in error.message


def test_missing_article_is_caught_by_the_count() -> None:
    assert lines(BILL)[640 - 1] == "Article 48"
    error = error_of(parse_budapest_bill, BILL, edited(BILL, {no: "" for no in range(640, 649)}))
    assert error.line == 649
    assert "found 47 articles in 4 chapters, expected 48 in 4" in error.message


def test_missing_anchor() -> None:
    truncated = "\n".join(lines(UN)[:70])
    error = error_of(parse_un_resolution, UN, truncated)
    assert "Annexe" in error.message


def test_heading_without_title() -> None:
    with pytest.raises(SourceError) as caught:
        parse_body("Article 1\nObjet\n\nTexte.\n\nArticle 2\n")
    assert caught.value.line == 6 and "heading without a title" in caught.value.message


def test_a_division_heading_does_not_swallow_the_next_heading_as_its_title() -> None:
    with pytest.raises(SourceError) as caught:
        parse_body("Chapitre V\n\nArticle 35\nPrincipes\n\nTexte.\n")
    assert caught.value.line == 1 and "heading without a title" in caught.value.message


def test_an_unplaced_footnote_is_reported() -> None:
    text = "\n".join(lines(UN)).replace("ont signé la présente Convention¹.", "ont signé la présente Convention.")
    warnings = parse_un_resolution(text, UN).warnings
    assert warnings == ["footnotes without a call in the parsed text: ¹ (line 1329)"]
