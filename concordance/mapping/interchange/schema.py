"""The shape of a concordance document, declared once.

The API describes its answer with these models and the import checks a
document against them, so the two cannot drift apart. A malformed document
is refused with one problem per place, each named by its JSON path
(``correspondences[3].note: expected a string, got 5.``): ``problems_of``
words pydantic's errors that way.

What the shape cannot say (that a provision or a theme exists) is checked
by ``validate``.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from typing import Annotated, Any

from django.utils.text import slugify
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from concordance.mapping.models import NOTE_MAX_LENGTH, Origin, Relation, Status, Theme

SECTIONS = ("themes", "article_themes", "correspondences", "without_counterpart")


def _no_nul(text: str) -> str:
    # PostgreSQL cannot store it: refused here, with its place, rather than
    # by the database in the middle of the import.
    if "\x00" in text:
        raise ValueError("contains a NUL character")
    return text


def _one_of(values: list[str]):
    def check(value: str) -> str:
        if value not in values:
            raise ValueError(f"{value!r} is not one of {values}")
        return value

    return AfterValidator(check)


def _slug(value: str) -> str:
    if not value or slugify(value) != value:
        raise ValueError(f"{value!r} is not a slug (lower-case letters, digits, hyphens)")
    return value


def _filled(what: str):
    def check(value: str) -> str:
        if not value.strip():
            raise ValueError(f"{what} (non-empty text) is required")
        return value

    return AfterValidator(check)


Text = Annotated[str, AfterValidator(_no_nul)]
LongText = Annotated[str, Field(max_length=NOTE_MAX_LENGTH), AfterValidator(_no_nul)]
# The length first: a constraint after a validator is checked as a generic length.
ThemeSlug = Annotated[
    str, Field(max_length=Theme._meta.get_field("slug").max_length), AfterValidator(_no_nul), AfterValidator(_slug)
]
ThemeName = Annotated[
    str, Field(max_length=Theme._meta.get_field("name").max_length), AfterValidator(_no_nul), _filled("a name")
]
ThemeEnglishName = Annotated[
    str, Field(max_length=Theme._meta.get_field("name_en").max_length), AfterValidator(_no_nul)
]
Score = Annotated[float, Field(allow_inf_nan=False)]
# A sentence of a provision, 1-based (``lib.sentences``): a sentence pin.
SentenceNumber = Annotated[int, Field(ge=1, le=32767, strict=True)]


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProvisionKey(Shape):
    instrument: Text
    eid: Text


class ThemeEntry(Shape):
    slug: ThemeSlug
    name: ThemeName
    # The English name, for the English interface; a document without it
    # (an export made before it existed) keeps the stored one.
    name_en: ThemeEnglishName | None = None


class CorrespondenceEntry(Shape):
    left: ProvisionKey
    right: ProvisionKey
    relation: Annotated[Text, _one_of(Relation.values)]
    note: LongText = ""
    themes: list[Text] = []
    # str() of a choice is its value; mypy, without Django's stubs, reads a
    # choice as the (value, label) tuple that declares it, so not `.value`.
    status: Annotated[Text, _one_of(Status.values)] = str(Status.PROPOSED)
    origin: Annotated[Text, _one_of(Origin.values)] = str(Origin.CURATED)
    # The aligner's similarity, for a suggested correspondence only.
    score: Score | None = None
    # Sentence pins: the link holds between these sentences, not the whole provisions.
    left_sentence: SentenceNumber | None = None
    right_sentence: SentenceNumber | None = None

    @model_validator(mode="after")
    def _only_suggestions_are_scored(self) -> CorrespondenceEntry:
        if self.score is not None and self.origin != Origin.SUGGESTED:
            raise ValueError("score: only a suggested correspondence has a score")
        return self


class MissingEntry(Shape):
    instrument: Text
    eid: Text
    other_instrument: Text  # the instrument the article has no counterpart in
    reason: Annotated[LongText, _filled("a reason")]


class ConcordanceDocument(Shape):
    themes: list[ThemeEntry] = []
    # instrument slug → article eid → theme slugs
    article_themes: dict[Text, dict[Text, list[Text]]] = {}
    correspondences: list[CorrespondenceEntry] = []
    without_counterpart: list[MissingEntry] = []


@dataclass(frozen=True)
class Key:
    """A provision as the document names it."""

    instrument: str
    eid: str

    def as_json(self) -> dict[str, str]:
        return {"instrument": self.instrument, "eid": self.eid}

    def __str__(self) -> str:
        return f"{self.instrument}:{self.eid}"


def parse(document: Any) -> tuple[ConcordanceDocument | None, list[str]]:
    """The document checked against its shape, or the problems that refuse it."""
    if not isinstance(document, dict):
        return None, [
            f"the document must be a JSON object with the keys {list(SECTIONS)}, not {type(document).__name__}."
        ]
    try:
        # Strict: a JSON number is no string, a list no string, true no score.
        return ConcordanceDocument.model_validate(document, strict=True), []
    except ValidationError as error:
        return None, problems_of(error, document)


def _entry_or_none(model: type[Shape], entry: Any) -> Any:
    try:
        return model.model_validate(entry, strict=True)
    except ValidationError:
        return None


def _theme_lists(value: Any) -> dict[str, dict[str, list[str]]]:
    if not isinstance(value, dict):
        return {}
    return {
        str(slug): {
            str(eid): themes
            for eid, themes in by_eid.items()
            if isinstance(themes, list) and all(isinstance(theme, str) for theme in themes)
        }
        for slug, by_eid in value.items()
        if isinstance(by_eid, dict)
    }


@dataclass
class Entries:
    """A document's entries that have their shape, at their index (None where an entry has not).

    The references of a refused document are checked too, so that one
    import reports every problem of the document.
    """

    themes: list[ThemeEntry | None]
    correspondences: list[CorrespondenceEntry | None]
    without_counterpart: list[MissingEntry | None]
    article_themes: dict[str, dict[str, list[str]]]

    @classmethod
    def of(cls, document: ConcordanceDocument) -> Entries:
        return cls(
            list(document.themes),
            list(document.correspondences),
            list(document.without_counterpart),
            document.article_themes,
        )

    @classmethod
    def well_formed(cls, document: dict[str, Any]) -> Entries:
        def entries(section: str, model: type[Shape]) -> list[Any]:
            listed = document.get(section, [])
            return [_entry_or_none(model, entry) for entry in listed] if isinstance(listed, list) else []

        return cls(
            entries("themes", ThemeEntry),
            entries("correspondences", CorrespondenceEntry),
            entries("without_counterpart", MissingEntry),
            _theme_lists(document.get("article_themes", {})),
        )


def path_of(location: tuple[str | int, ...]) -> str:
    """``("correspondences", 3, "note")`` → ``correspondences[3].note``."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


# Where an object is expected, a word for what it holds.
_EXPECTED_FIELDS: dict[type[Shape], str] = {
    ProvisionKey: '{"instrument": "…", "eid": "…"}',
    ThemeEntry: '{"slug": "…", "name": "…"}',
}
_OBJECTS_BY_SECTION: dict[str, type[Shape]] = {
    "themes": ThemeEntry,
    "correspondences": CorrespondenceEntry,
    "without_counterpart": MissingEntry,
}


def _model_at(location: tuple[str | int, ...]) -> type[Shape] | None:
    """The model expected at a JSON path (the objects of the sections and their provision keys)."""
    if not location:
        return ConcordanceDocument
    if len(location) == 2 and location[0] in _OBJECTS_BY_SECTION:
        return _OBJECTS_BY_SECTION[str(location[0])]
    if len(location) == 3 and location[0] == "correspondences" and location[2] in ("left", "right"):
        return ProvisionKey
    return None


def _input_at(document: Any, location: tuple[str | int, ...]) -> Any:
    for part in location:
        document = document[part]
    return document


def _fields_problem(where: tuple[str | int, ...], document: Any) -> str:
    model = _model_at(where)
    found = _input_at(document, where)
    if not where:
        return f"unknown top-level keys {sorted(set(found) - set(SECTIONS))}; expected {list(SECTIONS)}."
    if model in _EXPECTED_FIELDS:
        return f"{path_of(where)}: expected {_EXPECTED_FIELDS[model]}, got {_quoted.repr(found)}."
    required = sorted(name for name, field in model.model_fields.items() if field.is_required()) if model else []
    allowed = sorted(model.model_fields) if model else []
    extra = sorted(set(found) - set(allowed))
    if extra and not set(required) - set(found):
        return f"{path_of(where)}: unknown fields {extra}."
    return f"{path_of(where)}: expected the fields {required or allowed}, got {sorted(found)}."


# A value quoted in a problem is cut short: a 10 MB note or a list nested
# a thousand deep must not become the message.
_quoted = reprlib.Repr()
_quoted.maxlevel, _quoted.maxstring, _quoted.maxother, _quoted.maxlist, _quoted.maxdict = 3, 80, 80, 6, 6


def _message(kind: str, where: tuple[str | int, ...], error: ErrorDetails) -> str:
    found = _quoted.repr(error.get("input"))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected {'a JSON object' if len(where) == 1 else 'an object'}, got {found}."
    if kind == "list_type":
        return f"expected {'a JSON array' if len(where) == 1 else 'a list'}, got {found}."
    if kind == "string_type":
        return f"expected a string, got {found}."
    if kind == "string_too_long":
        return f"longer than the {error['ctx']['max_length']} characters allowed ({len(error['input'])})."
    if kind in ("float_type", "finite_number"):
        return f"expected a finite number or null, got {found}."
    if kind == "value_error":
        return str(error["ctx"]["error"]) + "."
    return f"{error['msg']}, got {found}."


def problems_of(error: ValidationError, document: Any) -> list[str]:
    """Pydantic's errors as the import words them, each named by its JSON path, in document order."""
    problems: list[str] = []
    for item in error.errors():
        kind, location = item["type"], tuple(item["loc"])
        if kind in ("missing", "extra_forbidden"):
            # A field too many or too few: the object is named, with the fields it should have.
            problem = _fields_problem(location[:-1], document)
        else:
            message = _message(kind, location, item)
            # A check across fields (a score on a curated link) names its field itself.
            field, colon, rest = message.partition(": ")
            if colon and kind == "value_error" and field.isidentifier() and field not in location:
                location, message = (*location, field), rest
            problem = f"{path_of(location)}: {message}"
        if problem not in problems:
            problems.append(problem)
    return problems
