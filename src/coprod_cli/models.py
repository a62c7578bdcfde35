"""Pydantic models of what coprod knows: levels, roles, the SCIE catalogue and frameworks."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from coprod_cli.errors import PathError, did_you_mean

LevelId = Literal["not-yet", "descriptive", "intermediate", "transformative"]
LEVEL_IDS: tuple[LevelId, ...] = ("not-yet", "descriptive", "intermediate", "transformative")
LEVEL_VALUES: dict[str, int] = {level: value for value, level in enumerate(LEVEL_IDS)}
PieceId = Literal["culture", "structure", "practice", "review"]
PIECE_IDS: tuple[PieceId, ...] = ("culture", "structure", "practice", "review")

# Ids a YAML reader (1.1 or 1.2) takes for a number, a date, true/false or null, not text.
_NOT_TEXT = re.compile(r"\d+(e-?\d+)?|0x[0-9a-f]+|0o[0-7]+|0b[01]+|\d{4}-\d\d-\d\d"
                       r"|yes|no|y|n|true|false|on|off|null")


def _reads_as_text(value: str) -> str:
    """Refuse an id that YAML would read as something else: answers files key on ids."""
    if _NOT_TEXT.fullmatch(value):
        raise ValueError(f"'{value}' cannot be an id: a YAML file reads it as a number, a "
                         "date, true/false or null, not as text; put a word in it, e.g. "
                         f"'item-{value}'")
    return value


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    AfterValidator(_reads_as_text),
    Field(description="A stable id: lower-case letters and digits joined by single hyphens, "
          "not one YAML reads as a number, date, true/false or null (12, 1e3, 0x1f, "
          "2026-01-01, yes, no, on, off, null)."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _known(kind: str, what: str, listed_by: str) -> AfterValidator:
    """A validator: the id must be one the catalogue lists under `kind` (given as context)."""

    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(kind)
        if known is not None and value not in known:
            raise ValueError(f"unknown {what} id '{value}'"
                             f"{did_you_mean(value, known)}; use {listed_by}")
        return value

    return AfterValidator(check)


RecommendationRef = Annotated[Id, _known("recommendations", "recommendation",
                                         "an id listed by 'coprod recommendations'")]
PrincipleRef = Annotated[Id, _known("principles", "principle",
                                    "an id from 'principles' in core.yaml")]
ScopeRef = Annotated[Id, _known("scopes", "scope", "an id from 'scopes' in core.yaml")]
ActivityRef = Annotated[Id, _known("activities", "activity",
                                   "an id from 'activities' in core.yaml")]
SourceRef = Annotated[Id, _known("sources", "source", "an id from 'sources' in core.yaml")]


def unique_ids(items: tuple[BaseModel, ...], path: tuple[str | int, ...], what: str) -> None:
    """Raise at the second of two items that share an id."""
    seen: set[str] = set()
    for index, item in enumerate(items):
        item_id = getattr(item, "id")  # noqa: B009 - every caller's items have an id
        if item_id in seen:
            raise PathError(
                (*path, index, "id"),
                f"duplicate {what} id '{item_id}'",
                "give each one its own id",
            )
        seen.add(item_id)


class Strict(BaseModel):
    """Unknown keys are mistakes; values never change once loaded."""

    # Schemas are built on first use, not at import: start-up time matters to a CLI.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              defer_build=True)


class Source(Strict):
    """A published document that content is adapted from."""

    title: Text
    author: Text
    year: int = Field(ge=1900, le=2100)
    url: Text | None = None


class CatalogueSource(Source):
    """A source in the catalogue: statements name it in their `basis`; the year is optional."""

    id: Id
    year: int | None = Field(default=None, ge=1900, le=2100)  # type: ignore[assignment]


class Level(Strict):
    """One rung of the maturity scale."""

    id: LevelId
    value: int = Field(ge=0, le=3)
    name: Text
    descriptor: Text
    plain: Text


class Role(Strict):
    """Who answers; lived experience roles are people who draw on care and their carers."""

    id: Id
    name: Text
    plain: Text
    lived_experience: bool = False


class Piece(Strict):
    """A piece of SCIE's jigsaw for change."""

    id: PieceId
    name: Text
    text: Text
    plain: Text


class Recommendation(Strict):
    """One of SCIE's recommendations, paraphrased."""

    id: Id
    piece: PieceId
    text: Text
    plain: Text
    source: Id


class Tag(Strict):
    """A principle, scope or activity that statements are tagged with."""

    id: Id
    name: Text
    text: Text
    plain: Text
    basis: tuple[Id, ...] = ()


class GlossaryEntry(Strict):
    """A piece of jargon, explained in plain words."""

    term: Text
    also: tuple[Text, ...] = ()
    plain: Text


class Catalogue(Strict):
    """What every framework shares: sources, levels, roles, the jigsaw and the glossary."""

    sources: tuple[CatalogueSource, ...] = Field(min_length=1)
    levels: tuple[Level, ...]
    roles: tuple[Role, ...] = Field(min_length=1)
    pieces: tuple[Piece, ...]
    recommendations: tuple[Recommendation, ...] = Field(min_length=1)
    principles: tuple[Tag, ...] = ()
    scopes: tuple[Tag, ...] = ()
    activities: tuple[Tag, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Catalogue:
        if tuple(level.id for level in self.levels) != LEVEL_IDS:
            raise PathError(("levels",), "levels must be exactly " + ", ".join(LEVEL_IDS),
                            "list those four, lowest first")
        for index, level in enumerate(self.levels):
            if level.value != index:
                raise PathError(("levels", index, "value"), f"level '{level.id}' must have "
                                f"value {index}", f"write 'value: {index}'")
        if tuple(piece.id for piece in self.pieces) != PIECE_IDS:
            raise PathError(("pieces",), "pieces must be exactly " + ", ".join(PIECE_IDS),
                            "list the four pieces of SCIE's jigsaw in that order")
        for items, key, what in ((self.sources, "sources", "source"),
                                 (self.roles, "roles", "role"),
                                 (self.recommendations, "recommendations", "recommendation"),
                                 (self.principles, "principles", "principle"),
                                 (self.scopes, "scopes", "scope"),
                                 (self.activities, "activities", "activity")):
            unique_ids(items, (key,), what)
        sources = {source.id for source in self.sources}
        dated = {source.id for source in self.sources if source.year is not None}
        for index, rec in enumerate(self.recommendations):
            if rec.source in sources and rec.source not in dated:
                raise PathError(("recommendations", index, "source"),
                                f"source '{rec.source}' has no year",
                                "recommendations are cited with their year: give it one")
        cited: list[tuple[tuple[str | int, ...], str]] = [
            (("recommendations", index, "source"), rec.source)
            for index, rec in enumerate(self.recommendations)]
        cited += [(("activities", index, "basis", b_index), source_id)
                  for index, activity in enumerate(self.activities)
                  for b_index, source_id in enumerate(activity.basis)]
        for path, source_id in cited:
            if source_id not in sources:
                raise PathError(path, f"unknown source '{source_id}'"
                                f"{did_you_mean(source_id, sources)}",
                                "use an id from the 'sources' list")
        return self

    def references(self) -> dict[str, set[str]]:
        """The ids a framework's statements may refer to, as validation context."""
        return {"recommendations": {rec.id for rec in self.recommendations},
                "principles": {tag.id for tag in self.principles},
                "scopes": {tag.id for tag in self.scopes},
                "activities": {tag.id for tag in self.activities},
                "sources": {source.id for source in self.sources}}

    def level(self, level_id: str) -> Level:
        return self.levels[LEVEL_VALUES[level_id]]

    def role(self, role_id: str) -> Role:
        return next(role for role in self.roles if role.id == role_id)

    def recommendation(self, rec_id: str) -> Recommendation:
        return next(rec for rec in self.recommendations if rec.id == rec_id)

    def source(self, source_id: str) -> CatalogueSource:
        return next(source for source in self.sources if source.id == source_id)


class Rubric(Strict):
    """What a statement looks like at each level."""

    not_yet: Text = Field(alias="not-yet")
    descriptive: Text
    intermediate: Text
    transformative: Text

    def at(self, level_id: str) -> str:
        return str(getattr(self, level_id.replace("-", "_")))


class Statement(Strict):
    """Something a team rates, with a rubric and the recommendations that help it improve."""

    id: Id
    text: Text
    plain: Text
    help: Text | None = None
    levels: Rubric
    recommendations: tuple[RecommendationRef, ...] = ()
    # Tags and credit: optional here, so other organisations' frameworks stay valid without
    # them; every built-in statement has them all (tests/test_content.py).
    principles: tuple[PrincipleRef, ...] = Field(
        default=(), description="SCIE principles it serves: ids from 'principles' in core.yaml.")
    scope: ScopeRef | None = Field(
        default=None, description="individual, service or organisation ('scopes' in core.yaml).")
    activities: tuple[ActivityRef, ...] = Field(
        default=(), description="Co- activities it covers: ids from 'activities' in core.yaml.")
    evidence_examples: tuple[Text, ...] = Field(
        default=(), description="Short examples of what a team could show as evidence.")
    basis: tuple[SourceRef, ...] = Field(
        default=(), description="The sources it draws on: ids from 'sources' in core.yaml.")


class Dimension(Strict):
    """An element (NEF) or jigsaw piece (SCIE) and its statements."""

    id: Id
    name: Text
    text: Text
    plain: Text
    statements: tuple[Statement, ...] = Field(min_length=1)


class Framework(Strict):
    """A co-production framework: its dimensions, statements and where it comes from."""

    id: Id
    name: Text
    version: Text
    text: Text
    plain: Text
    source: Source
    credit: Text
    dimensions: tuple[Dimension, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Framework:
        unique_ids(self.dimensions, ("dimensions",), "dimension")
        seen: set[str] = set()
        for d_index, dimension in enumerate(self.dimensions):
            for s_index, statement in enumerate(dimension.statements):
                if statement.id in seen:
                    raise PathError(("dimensions", d_index, "statements", s_index, "id"),
                                    f"duplicate statement id '{statement.id}'",
                                    "give each statement its own id")
                seen.add(statement.id)
        return self

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for dimension in self.dimensions for s in dimension.statements)
