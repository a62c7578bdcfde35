"""What coprod knows, as plain frozen dataclasses: levels, roles, the SCIE catalogue and frameworks.

No pydantic here: pydantic validates files into these classes at the trust boundary
(reading/loader.py), reading the rules written beside each field (its metadata, the `Rule`s in
`Annotated`, `__pydantic_config__`); what is already trusted is built without it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import field
from typing import Annotated, Any, ClassVar, Literal, get_args

from coprod_cli.errors import PathError, did_you_mean
from coprod_cli.plain import Record, record

LevelId = Literal["not-yet", "descriptive", "intermediate", "transformative"]
LEVEL_IDS: tuple[LevelId, ...] = ("not-yet", "descriptive", "intermediate", "transformative")
# How several respondents are combined: the one list (the result's field, the tally's
# arithmetic and the command line's --weighting choices all read it). It lives here, below
# tally.py and results.py, because tally.py imports results.py.
Weighting = Literal["partnership", "role", "person"]
WEIGHTINGS: tuple[Weighting, ...] = get_args(Weighting)
LEVEL_VALUES: dict[str, int] = {level: value for value, level in enumerate(LEVEL_IDS)}
PieceId = Literal["culture", "structure", "practice", "review"]
PIECE_IDS: tuple[PieceId, ...] = ("culture", "structure", "practice", "review")

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_DESCRIPTION = ("A stable id: lower-case letters and digits joined by single hyphens, not one "
                  "YAML reads as a number, date, true/false or null (12, 1e3, 0x1f, 2026-01-01, "
                  "yes, no, on, off, null).")


@functools.cache
def _not_text() -> re.Pattern[str]:
    """Ids a YAML reader (1.1 or 1.2) takes for a number, a date, true/false or null, not text
    (compiled when a file is first validated, not at every start)."""
    return re.compile(r"\d+(e-?\d+)?|0x[0-9a-f]+|0o[0-7]+|0b[01]+|\d{4}-\d\d-\d\d"
                      r"|yes|no|y|n|true|false|on|off|null")


def _reads_as_text(value: str) -> str:
    """Refuse an id that YAML would read as something else: answers files key on ids."""
    if _not_text().fullmatch(value):
        raise ValueError(f"'{value}' cannot be an id: a YAML file reads it as a number, a "
                         "date, true/false or null, not as text; put a word in it, e.g. "
                         f"'item-{value}'")
    return value


class Rule:
    """A rule pydantic applies to a type written `Annotated[T, rule]` when it builds a
    validator. pydantic_core is imported then, inside the loader, never when this loads."""

    description: str | None = None

    def core(self, schema: Any, build: Any) -> Any:
        """The validation schema of the type with this rule, from the one without it;
        `build` is pydantic_core.core_schema."""
        return schema

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return self.core(handler(source), core_schema)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Callable[[Any], Any]) -> Any:
        found = handler(schema)
        if self.description is not None:
            found["description"] = self.description
        return found


class Check(Rule):
    """A function pydantic runs on the value, before the type's own checks or after them,
    given the validation context (`info`) when `info` is set."""

    def __init__(self, function: Callable[..., Any], when: Literal["before", "after"] = "after",
                 info: bool = False) -> None:
        self.function, self.when, self.info = function, when, info

    def core(self, schema: Any, build: Any) -> Any:
        kind = f"{'with' if self.info else 'no'}_info_{self.when}_validator_function"
        return getattr(build, kind)(self.function, schema)


class _IdRule(Rule):
    description = ID_DESCRIPTION

    def core(self, schema: Any, build: Any) -> Any:
        return build.no_info_after_validator_function(
            _reads_as_text, build.str_schema(pattern=ID_PATTERN, max_length=80))


class _TextRule(Rule):
    """Text is trimmed, and never empty."""

    def core(self, schema: Any, build: Any) -> Any:
        return build.str_schema(strip_whitespace=True, min_length=1)


Id = Annotated[str, _IdRule()]
Text = Annotated[str, _TextRule()]


class Known(Check):
    """The id must be one the catalogue lists under `kind` (given as validation context)."""

    def __init__(self, kind: str, what: str, listed_by: str) -> None:
        super().__init__(self.check, info=True)
        self.kind, self.what, self.listed_by = kind, what, listed_by

    def check(self, value: str, info: Any) -> str:
        known = (info.context or {}).get(self.kind)
        if known is not None and value not in known:
            raise ValueError(f"unknown {self.what} id '{value}'"
                             f"{did_you_mean(value, known)}; use {self.listed_by}")
        return value


RecommendationRef = Annotated[Id, Known("recommendations", "recommendation",
                                        "an id listed by 'coprod recommendations'")]
PrincipleRef = Annotated[Id, Known("principles", "principle",
                                   "an id from 'principles' in core.yaml")]
ScopeRef = Annotated[Id, Known("scopes", "scope", "an id from 'scopes' in core.yaml")]
ActivityRef = Annotated[Id, Known("activities", "activity",
                                  "an id from 'activities' in core.yaml")]
SourceRef = Annotated[Id, Known("sources", "source", "an id from 'sources' in core.yaml")]


def unique_ids(items: tuple[Any, ...], path: tuple[str | int, ...], what: str) -> None:
    """Raise at the second of two items that share an id."""
    seen: set[str] = set()
    for index, item in enumerate(items):
        item_id = item.id
        if item_id in seen:
            raise PathError(
                (*path, index, "id"),
                f"duplicate {what} id '{item_id}'",
                "give each one its own id",
            )
        seen.add(item_id)


def _bounded(low: int, high: int) -> dict[str, Any]:
    return {"ge": low, "le": high}


class Strict(Record):
    """Unknown keys are mistakes (pydantic reads this when it validates into a subclass);
    values never change once loaded (each subclass is a frozen dataclass)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "populate_by_name": True}


@record
class Source(Strict):
    """A published document that content is adapted from."""

    title: Text
    author: Text
    year: int = field(metadata=_bounded(1900, 2100))
    url: Text | None = None


@record
class CatalogueSource(Source):
    """A source in the catalogue: statements name it in their `basis`; the year is optional."""

    id: Id
    year: int | None = field(default=None, metadata=_bounded(1900, 2100))  # type: ignore[assignment]


@record
class Level(Strict):
    """One rung of the maturity scale."""

    id: LevelId
    value: int = field(metadata=_bounded(0, 3))
    name: Text
    descriptor: Text
    plain: Text


@record
class Role(Strict):
    """Who answers; lived experience roles are people who draw on care and their carers."""

    id: Id
    name: Text
    plain: Text
    lived_experience: bool = False


@record
class Piece(Strict):
    """A piece of SCIE's jigsaw for change."""

    id: PieceId
    name: Text
    text: Text
    plain: Text


@record
class Recommendation(Strict):
    """One of SCIE's recommendations, paraphrased."""

    id: Id
    piece: PieceId
    text: Text
    plain: Text
    source: Id


@record
class Tag(Strict):
    """A principle, scope or activity that statements are tagged with."""

    id: Id
    name: Text
    text: Text
    plain: Text
    basis: tuple[Id, ...] = ()


@record
class GlossaryEntry(Strict):
    """A piece of jargon, explained in plain words."""

    term: Text
    also: tuple[Text, ...] = ()
    plain: Text


_AT_LEAST_ONE: dict[str, Any] = {"min_length": 1}


@record
class Catalogue(Strict):
    """What every framework shares: sources, levels, roles, the jigsaw and the glossary."""

    sources: tuple[CatalogueSource, ...] = field(metadata=_AT_LEAST_ONE)
    levels: tuple[Level, ...]
    roles: tuple[Role, ...] = field(metadata=_AT_LEAST_ONE)
    pieces: tuple[Piece, ...]
    recommendations: tuple[Recommendation, ...] = field(metadata=_AT_LEAST_ONE)
    principles: tuple[Tag, ...] = ()
    scopes: tuple[Tag, ...] = ()
    activities: tuple[Tag, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()

    def __post_init__(self) -> None:
        """The checks that span the catalogue (pydantic runs this once the fields are valid)."""
        self._check_scales()
        for items, key, what in ((self.sources, "sources", "source"),
                                 (self.roles, "roles", "role"),
                                 (self.recommendations, "recommendations", "recommendation"),
                                 (self.principles, "principles", "principle"),
                                 (self.scopes, "scopes", "scope"),
                                 (self.activities, "activities", "activity")):
            unique_ids(items, (key,), what)
        self._check_sources()

    def _check_scales(self) -> None:
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

    def _check_sources(self) -> None:
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


@record
class Rubric(Strict):
    """What a statement looks like at each level."""

    not_yet: Text = field(metadata={"alias": "not-yet"})
    descriptive: Text
    intermediate: Text
    transformative: Text

    def at(self, level_id: str) -> str:
        return str(getattr(self, level_id.replace("-", "_")))


@record
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
    principles: tuple[PrincipleRef, ...] = field(default=(), metadata={
        "description": "SCIE principles it serves: ids from 'principles' in core.yaml."})
    scope: ScopeRef | None = field(default=None, metadata={
        "description": "individual, service or organisation ('scopes' in core.yaml)."})
    activities: tuple[ActivityRef, ...] = field(default=(), metadata={
        "description": "Co- activities it covers: ids from 'activities' in core.yaml."})
    evidence_examples: tuple[Text, ...] = field(default=(), metadata={
        "description": "Short examples of what a team could show as evidence."})
    basis: tuple[SourceRef, ...] = field(default=(), metadata={
        "description": "The sources it draws on: ids from 'sources' in core.yaml."})


@record
class Dimension(Strict):
    """An element (NEF) or jigsaw piece (SCIE) and its statements."""

    id: Id
    name: Text
    text: Text
    plain: Text
    statements: tuple[Statement, ...] = field(metadata=_AT_LEAST_ONE)


@record
class Framework(Strict):
    """A co-production framework: its dimensions, statements and where it comes from."""

    id: Id
    name: Text
    version: Text
    text: Text
    plain: Text
    source: Source
    credit: Text
    dimensions: tuple[Dimension, ...] = field(metadata=_AT_LEAST_ONE)

    def __post_init__(self) -> None:
        """Ids are unique (pydantic runs this once the fields are valid)."""
        unique_ids(self.dimensions, ("dimensions",), "dimension")
        seen: set[str] = set()
        for d_index, dimension in enumerate(self.dimensions):
            for s_index, statement in enumerate(dimension.statements):
                if statement.id in seen:
                    raise PathError(("dimensions", d_index, "statements", s_index, "id"),
                                    f"duplicate statement id '{statement.id}'",
                                    "give each statement its own id")
                seen.add(statement.id)

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for dimension in self.dimensions for s in dimension.statements)
