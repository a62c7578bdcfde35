"""Pydantic models of what coprod knows: levels, roles, the SCIE catalogue and frameworks."""

from __future__ import annotations

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

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="A stable id: lower-case letters and digits joined by single hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _known_recommendation(value: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("recommendations")
    if known is not None and value not in known:
        raise ValueError(
            f"unknown recommendation id '{value}'{did_you_mean(value, known)}; "
            "use an id listed by 'coprod recommendations'"
        )
    return value


RecommendationRef = Annotated[Id, AfterValidator(_known_recommendation)]


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
    id: Id


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
        for items, key in ((self.sources, "source"), (self.roles, "role"),
                           (self.recommendations, "recommendation")):
            unique_ids(items, (key + "s",), key)
        sources = {source.id for source in self.sources}
        for index, rec in enumerate(self.recommendations):
            if rec.source not in sources:
                raise PathError(("recommendations", index, "source"),
                                f"unknown source '{rec.source}'{did_you_mean(rec.source, sources)}",
                                "use an id from the 'sources' list")
        return self

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
