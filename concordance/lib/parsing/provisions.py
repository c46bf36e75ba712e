"""The inside of an article: paragraphs, points, sub-points and unnumbered text.

How unnumbered text is placed (the same rule for every source):

* a line that continues a sentence is appended to the text it continues:
  the text before it stops mid-sentence (ends with a letter or digit: a page
  break or a wrapped line), or it is a lone conjunction ("ou", "et") printed
  on its own line between two points; a marker printed alone on its line
  ("3.", "d") takes the next line as its text;
* the first block of an article, before any numbered child, is the article's
  ``text`` (its opening words);
* a block that follows a list of points or sub-points is a ``wrapup``: the
  words that close that list. It belongs to the node whose list it closes:
  the point whose sub-points it follows when the next item is another point
  (UN art. 11 § 1 a), or when the paragraph has no words of its own to
  complete (UN art. 23 § 3 b), Budapest art. 14 § 3 b): "3." then "a) …",
  "b) Lorsque … : i) … ii) …" and "cet État partie peut …" ends b's
  sentence); otherwise the paragraph, whose opening words the closing words
  complete for every point (UN art. 29 § 1 "… ce qui suit : a) … b) … en
  temps réel, …"), or the article when its points stand directly in it (UN
  art. 13). ``eid`` ``<parent>__wrapup``, then ``__wrapup_2``…;
* any other block is an ``alinea`` of the paragraph (or article) it follows,
  ``eid`` ``<parent>__alinea_N``: the definition after "l'expression:" in
  Protocol art. 2 § 1, each dashed item of Budapest art. 39 § 1.

Dashes that print a list ("- a)", "- cet État partie …") are layout, not
words, and are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from concordance.lib import eids

from .cleaning import Line, is_open, line_calls, squeeze, take_footnotes
from .markers import ROMANS, Marker, scan
from .tree import Footnote, Node, SourceError

CONJUNCTIONS = frozenset({"ou", "et"})
_TEXT_LEVELS = ("paragraph", "point", "subpoint")
# Numbered kinds → their eid prefix, which is also their slot in _State.
_SHORT = {"paragraph": "para", "point": "point", "subpoint": "subpoint"}


@dataclass
class _State:
    article: Node
    filename: str
    warnings: list[str]
    footnotes: list[Footnote]
    para: Node | None = None
    point: Node | None = None
    subpoint: Node | None = None
    last: Node | None = None  # the node the latest words went to
    last_text: str = ""  # the latest words, to tell a cut sentence
    last_indent: int = 0
    line_no: int = 0  # the line being read, for errors
    labels: dict[str, str] = field(default_factory=dict)  # eid → label in sequence

    @property
    def container(self) -> Node:
        """Where points go: the current paragraph, else the article."""
        return self.para or self.article


@dataclass(frozen=True)
class Layout:
    """How a source lays out its lists.

    ``indented_items``: items are indented and closing words start at the
    margin (bill n° 905), so a margin line after an item is never a wrapped
    line even when the item stops mid-sentence ("… des données informatiques"
    / "sur son territoire.").
    """

    indented_items: bool = False


def build_article(
    article: Node,
    lines: list[Line],
    *,
    filename: str,
    layout: Layout,
    warnings: list[str],
    footnotes: list[Footnote],
) -> None:
    state = _State(article, filename, warnings, footnotes, last=article)
    content = [line for line in lines if line.text]
    for index, line in enumerate(content):
        _take_line(state, line, content[index + 1 :], layout)


def _take_line(state: _State, line: Line, rest: list[Line], layout: Layout) -> None:
    state.line_no = line.no
    found = scan(line.spaced)
    accepted: list[tuple[str, str]] = []
    text = squeeze(found.text)
    for marker in found.markers:
        kind = _resolve(state, marker)
        if kind is None:
            break
        accepted.append((kind, marker.label))
        _open_item(state, kind, marker.label, line, marker.printed)
    if found.markers and len(accepted) < len(found.markers):
        # When only the first marker holds, the rest of the line is text.
        text = squeeze(_after_first_marker(line.spaced)) if accepted else squeeze(found.undashed)
    if accepted:
        assert state.last is not None, "_open_item made the item it opened the last node"
        _add_text(state, state.last, text, line)
    elif text:
        _take_text(state, text, line, rest, layout)
    state.last_indent = line.indent


def _after_first_marker(text: str) -> str:
    found = scan(text)
    head = re.escape(found.markers[0].label)
    return re.sub(rf"^(?:[-–]\s+)?{head}[.)]?\s*", "", text, count=1)


def _resolve(state: _State, marker: Marker) -> str | None:
    """The kind of item ``marker`` opens here, or None if it is not a marker."""
    if not marker.strong and (is_open(state.last_text) or _awaits_text(state)):
        return None
    if marker.is_number:
        return _resolve_number(state, marker)
    return _resolve_letter(state, marker)


def _awaits_text(state: _State) -> bool:
    return state.last is not None and state.last.kind in _TEXT_LEVELS and not state.last.text


def _resolve_number(state: _State, marker: Marker) -> str | None:
    expected = int(state.labels[state.para.eid]) + 1 if state.para else 1
    if int(marker.label) == expected:
        return "paragraph"
    if not marker.strong:
        return None
    raise SourceError(
        state.filename,
        state.line_no,
        f"article {state.article.num}: paragraph {marker.label} out of sequence (expected {expected})",
    )


def _resolve_letter(state: _State, marker: Marker) -> str | None:
    label = marker.label
    expected_letter = _next_letter(state.labels.get(state.point.eid)) if state.point else "a"
    if state.point is not None and marker.may_be_roman and label != expected_letter:
        current = state.labels.get(state.subpoint.eid) if state.subpoint else None
        if label == _next_roman(current):
            return "subpoint"
    if label == expected_letter:
        if not marker.strong and label == "a" and not state.last_text.rstrip().endswith(":"):
            return None  # "a" opening a sentence is the verb, not a list
        return "point"
    if marker.strong and state.point is not None and label == state.point.num:
        return "point"  # printed twice ("a." where "b." is due): kept, flagged
    if not marker.strong:
        return None
    raise SourceError(
        state.filename,
        state.line_no,
        f"article {state.article.num}: point {label} out of sequence (expected {expected_letter})",
    )


def _next_letter(label: str | None) -> str:
    return chr(ord(label) + 1) if label else "a"


def _next_roman(label: str | None) -> str:
    return ROMANS[ROMANS.index(label) + 1] if label else "i"


def _open_item(state: _State, kind: str, label: str, line: Line, printed: str) -> None:
    if kind == "paragraph":
        parent = state.article
        state.point = state.subpoint = None
        in_sequence = label
    elif kind == "point":
        parent = state.container
        in_sequence = _next_letter(state.labels.get(state.point.eid)) if state.point else "a"
        if in_sequence != label:
            state.warnings.append(
                f"line {line.no}: article {state.article.num}: point printed {label!r} where "
                f"{in_sequence!r} is due; eid uses {in_sequence!r}"
            )
        state.subpoint = None
    else:
        assert state.point is not None, "_resolve reads a sub-point only inside a point"
        parent = state.point
        in_sequence = label
    eid = eids.child(parent.eid, _SHORT[kind], in_sequence)
    node = Node(kind=kind, eid=eid, num=label, marker=printed, line=line.no)
    parent.children.append(node)
    state.labels[node.eid] = in_sequence
    setattr(state, _SHORT[kind], node)
    state.last = node
    state.last_text = ""


def _add_text(state: _State, node: Node, text: str, line: Line) -> None:
    # A call's offset counts from the line's text; the node's text is that
    # text less its list marker, after the node's earlier words.
    shift = (len(node.text) + 1 if node.text else 0) - (len(line.text) - len(text))
    if text:
        node.text = f"{node.text} {text}" if node.text else text
        state.last_text = text
    node.footnotes.extend(take_footnotes(line_calls(line, shift), state.footnotes))
    state.last = node


def _take_text(state: _State, text: str, line: Line, rest: list[Line], layout: Layout) -> None:
    last = state.last
    assert last is not None
    margin_after_item = layout.indented_items and line.indent == 0 and state.last_indent > 0
    if _awaits_text(state) or not margin_after_item and _continues(state, text):
        _add_text(state, last, text, line)
    elif last is state.article and not state.article.children and not state.article.text:
        _add_text(state, state.article, text, line)
    elif last.kind in ("point", "subpoint") or (last.kind == "wrapup" and state.point is not None):
        _add_wrapup(state, text, line, rest)
    else:
        parent = _parent_of(last, state) if last.kind in ("alinea", "wrapup") else last
        _add_child(state, parent, "alinea", text, line)


def _continues(state: _State, text: str) -> bool:
    """Whether ``text`` goes on with the latest words rather than starting a block."""
    if is_open(state.last_text) or text in CONJUNCTIONS:
        return True
    # A page break after a comma (UN art. 19 § 3): only closing words of a
    # list start in lower case after a comma, and they follow a list item.
    in_list = state.last is not None and state.last.kind in ("point", "subpoint")
    return state.last_text.endswith(",") and text[:1].islower() and not in_list


def _parent_of(node: Node, state: _State) -> Node:
    for candidate in state.article.walk():
        if node in candidate.children:
            return candidate
    return state.article


def _add_wrapup(state: _State, text: str, line: Line, rest: list[Line]) -> None:
    following = _next_item_kind(state, text, rest)
    if following == "point" and state.point is not None:
        if state.subpoint is not None or (state.last is not None and state.last.kind == "wrapup"):
            state.subpoint = None
            _add_child(state, state.point, "wrapup", text, line)
        else:
            _add_child(state, state.point, "alinea", text, line)
        return
    if following == "subpoint" and state.point is not None:
        _add_child(state, state.point, "alinea", text, line)  # between two sub-points
        return
    parent = state.container
    if not parent.text and state.point is not None and state.subpoint is not None:
        # A paragraph with no words of its own ("3." then "a) …") has no
        # sentence for the closing words to complete: they finish the
        # sentence of the point whose sub-points they follow ("b) Lorsque …
        # qui : i) … ii) … cet État partie peut se réserver …").
        state.subpoint = None
        _add_child(state, state.point, "wrapup", text, line)
        return
    state.point = state.subpoint = None
    _add_child(state, parent, "wrapup", text, line)


def _next_item_kind(state: _State, text: str, rest: list[Line]) -> str | None:
    """The kind of the next numbered item in the article, read ahead."""
    for line in rest:
        found = scan(line.spaced)
        if not found.markers:
            continue
        saved = state.last_text
        state.last_text = text
        try:
            return _resolve(state, found.markers[0])
        except SourceError:
            return None
        finally:
            state.last_text = saved
    return None


def _add_child(state: _State, parent: Node, kind: str, text: str, line: Line) -> None:
    count = sum(1 for child in parent.children if child.kind == kind) + 1
    if kind == "wrapup":
        # The first closing passage has no number: "wrapup", then "wrapup_2".
        eid = eids.child(parent.eid, "wrapup", "" if count == 1 else count)
    else:
        eid = eids.child(parent.eid, "alinea", count)
    node = Node(kind=kind, eid=eid, line=line.no)
    parent.children.append(node)
    _add_text(state, node, text, line)
