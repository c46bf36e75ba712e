"""The text-to-links rendering never alters a character of the text."""

from __future__ import annotations

import html
import re

from concordance.crossrefs.linking import Link, PageReference
from concordance.crossrefs.rendering import link_text, segments


def link(n: int) -> Link:
    return Link(f"/x/art-{n}/#art_{n}", f"/p/{n}/", f'texte <{n}> & "cité"')


def ref(text: str, words: str, *targets: tuple[str, int]) -> PageReference:
    start = text.index(words)
    return PageReference(start, start + len(words), words, tuple((eid, link(n)) for eid, n in targets))


def unlinked(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


TEXT = "Les pouvoirs <visés> aux articles 14 et 15 & à l'article 1 5 s'appliquent."


def test_text_comes_back_unchanged_and_escaped():
    references = [ref(TEXT, "articles 14 et 15", ("art_14", 14), ("art_15", 15))]
    rendered = link_text(TEXT, references)
    assert unlinked(rendered) == TEXT
    assert "&lt;visés&gt;" in rendered and "<visés>" not in rendered
    assert 'title="texte &lt;14&gt; &amp; &quot;cité&quot;"' in rendered


def test_each_target_gets_its_own_label():
    reference = ref(TEXT, "articles 14 et 15", ("art_14", 14), ("art_15", 15))
    assert [(reference.text[s:e], target.href) for s, e, target in segments(reference)] == [
        ("articles 14", "/x/art-14/#art_14"),
        ("15", "/x/art-15/#art_15"),
    ]


def test_a_split_number_still_names_its_target():
    reference = PageReference(0, 17, "articles 14 et 1 5", (("art_14", link(14)), ("art_15", link(15))))
    assert [reference.text[s:e] for s, e, _ in segments(reference)] == ["articles 14", "1 5"]


def test_a_range_links_its_ends_and_keeps_its_words():
    text = "les articles 2 à 11 de la présente Convention"
    reference = ref(text, "articles 2 à 11 de la présente Convention", *[(f"art_{n}", n) for n in range(2, 12)])
    spans = [(reference.text[s:e], target.href) for s, e, target in segments(reference)]
    assert spans == [("articles 2", "/x/art-2/#art_2"), ("11 de la présente Convention", "/x/art-11/#art_11")]
    assert unlinked(link_text(text, [reference])) == text


def test_points_with_brackets_are_linked_with_their_bracket():
    text = "alinéas a) i) ou ii) du paragraphe 1"
    reference = ref(text, text, ("art_11__para_1__point_a__subpoint_i", 1), ("art_11__para_1__point_a__subpoint_ii", 2))
    assert [reference.text[s:e] for s, e, _ in segments(reference)] == ["alinéas a) i)", "ii) du paragraphe 1"]


def test_words_that_no_longer_match_the_text_are_not_linked():
    stale = PageReference(4, 12, "pouvoirs", (("art_1", link(1)),))
    rendered = link_text("Les pouvoirs", [PageReference(4, 12, "autre ch", (("art_1", link(1)),))])
    assert "<a" not in rendered and unlinked(rendered) == "Les pouvoirs"
    assert "<a" in link_text("Les pouvoirs", [stale])


def test_render_spans_nests_marks_inside_links_and_escapes():
    from concordance.crossrefs.linking import Link
    from concordance.crossrefs.rendering import render_spans

    link = Link("/x/#a", "/p/", "t")
    text = "voir <l'article 5> & suite"
    # The mark crosses the link's end: it is cut in two, the text is intact.
    html = render_spans(text, 100, [(106, 117, link)], marks=[(10, 22)])
    assert html == (
        'voir &lt;<a class="xref" href="/x/#a" data-preview="/p/" title="t">l&#x27;ar<mark>ticle 5</mark></a>'
        "<mark>&gt; &amp; s</mark>uite"
    )
