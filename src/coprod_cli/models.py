"""What coprod knows, as plain frozen dataclasses: levels, roles, the SCIE catalogue and frameworks.

No pydantic here: pydantic validates files into these classes at the trust boundary
(reading/loader.py), reading the rules written beside each field (the `Rule`s of rules.py in
`Annotated`, bounds and lengths among them, and `__pydantic_config__`); what is already
trusted is built without it.
"""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

from dataclasses import field
from typing import Annotated, Literal, get_args

from coprod_cli.errors import PathError, did_you_mean
from coprod_cli.i18n import N_, _
from coprod_cli.languages import Translated
from coprod_cli.plain import record
from coprod_cli.rules import (
    Id,
    Interval,
    Known,
    MinLen,
    Strict,
    Text,
    Words,
    no_repeats,
    unique_ids,
)
from coprod_cli.versions import Migration, check

LevelId = Literal["not-yet", "descriptive", "intermediate", "transformative"]
LEVEL_IDS: tuple[LevelId, ...] = ("not-yet", "descriptive", "intermediate", "transformative")
# How several respondents are combined: the one list (the result's field, the tally's
# arithmetic and the command line's --weighting choices all read it). It lives here, below
# tally.py and results.py, because tally.py imports the result's parts (resultparts.py).
Weighting = Literal["partnership", "role", "person"]
WEIGHTINGS: tuple[Weighting, ...] = get_args(Weighting)
LEVEL_VALUES: dict[str, int] = {level: value for value, level in enumerate(LEVEL_IDS)}
PieceId = Literal["culture", "structure", "practice", "review"]
PIECE_IDS: tuple[PieceId, ...] = ("culture", "structure", "practice", "review")
Year = Annotated[int, Interval(ge=1900, le=2100)]

# What each kind of id is called, and where its ids are listed (shown in the reader's language).
RecommendationRef = Annotated[Id, Known("recommendations", N_("recommendation"),
                                        N_("an id listed by 'coprod recommendations'"))]
PrincipleRef = Annotated[Id, Known("principles", N_("principle"),
                                   N_("an id from 'principles' in core.yaml"))]
ScopeRef = Annotated[Id, Known("scopes", N_("scope"), N_("an id from 'scopes' in core.yaml"))]
ActivityRef = Annotated[Id, Known("activities", N_("activity"),
                                  N_("an id from 'activities' in core.yaml"))]
SourceRef = Annotated[Id, Known("sources", N_("source"),
                                N_("an id from 'sources' in core.yaml"))]


@record
class Source(Strict):
    """A published document that content is adapted from."""

    title: Text
    author: Text
    year: Year
    url: Text | None = None


@record
class CatalogueSource(Source):
    """A source in the catalogue: statements name it in their `basis`; the year is optional."""

    id: Id
    year: Year | None = None  # type: ignore[assignment]


@record
class Level(Strict):
    """One rung of the maturity scale."""

    id: LevelId
    value: Annotated[int, Interval(ge=0, le=3)]
    name: Words
    descriptor: Words
    plain: Words


@record
class Role(Strict):
    """Who answers; lived experience roles are people who draw on care and their carers."""

    id: Id
    name: Words
    plain: Words
    lived_experience: bool = False


@record
class Piece(Strict):
    """A piece of SCIE's jigsaw for change."""

    id: PieceId
    name: Words
    text: Words
    plain: Words


@record
class Recommendation(Strict):
    """One of SCIE's recommendations, paraphrased."""

    id: Id
    piece: PieceId
    text: Words
    plain: Words
    source: Id


@record
class Tag(Strict):
    """A principle, scope or activity that statements are tagged with."""

    id: Id
    name: Words
    text: Words
    plain: Words
    basis: tuple[Id, ...] = ()


@record
class GlossaryEntry(Strict):
    """A piece of jargon, explained in plain words."""

    term: Words
    also: tuple[Words, ...] = ()
    plain: Words


@record
class Catalogue(Translated):
    """What every framework shares: sources, levels, roles, the jigsaw and the glossary."""

    sources: Annotated[tuple[CatalogueSource, ...], MinLen(1)]
    levels: tuple[Level, ...]
    roles: Annotated[tuple[Role, ...], MinLen(1)]
    pieces: tuple[Piece, ...]
    recommendations: Annotated[tuple[Recommendation, ...], MinLen(1)]
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
            raise PathError(
                ("levels",),
                _("levels must be exactly {ids}").format(ids=", ".join(LEVEL_IDS)),
                _("list those four, lowest first"),
            )
        for index, level in enumerate(self.levels):
            if level.value != index:
                raise PathError(
                    ("levels", index, "value"),
                    _("level '{id}' must have value {index}").format(id=level.id, index=index),
                    _("write 'value: {index}'").format(index=index),
                )
        if tuple(piece.id for piece in self.pieces) != PIECE_IDS:
            raise PathError(
                ("pieces",),
                _("pieces must be exactly {ids}").format(ids=", ".join(PIECE_IDS)),
                _("list the four pieces of SCIE's jigsaw in that order"),
            )

    def _check_sources(self) -> None:
        sources = {source.id for source in self.sources}
        dated = {source.id for source in self.sources if source.year is not None}
        for index, rec in enumerate(self.recommendations):
            if rec.source in sources and rec.source not in dated:
                raise PathError(("recommendations", index, "source"),
                                _("source '{source}' has no year").format(source=rec.source),
                                _("recommendations are cited with their year: give it one"))
        cited: list[tuple[tuple[str | int, ...], str]] = [
            (("recommendations", index, "source"), rec.source)
            for index, rec in enumerate(self.recommendations)]
        cited += [(("activities", index, "basis", b_index), source_id)
                  for index, activity in enumerate(self.activities)
                  for b_index, source_id in enumerate(activity.basis)]
        for path, source_id in cited:
            if source_id not in sources:
                raise PathError(
                    path,
                    _("unknown source '{source_id}'{did_you_mean}").format(
                        source_id=source_id, did_you_mean=did_you_mean(source_id, sources)
                    ),
                    _("use an id from the 'sources' list"),
                )

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

    not_yet: Words = field(metadata={"alias": "not-yet"})
    descriptive: Words
    intermediate: Words
    transformative: Words

    def at(self, level_id: str) -> str:
        return str(getattr(self, level_id.replace("-", "_")))


@record
class Statement(Strict):
    """Something a team rates, with a rubric and the recommendations that help it improve."""

    id: Id
    text: Words
    plain: Words
    help: Words | None = None
    levels: Rubric
    plain_levels: Rubric | None = field(default=None, metadata={
        "description": "The same four rows in plain words, for a person who draws on care: "
        "the same meaning as 'levels', in short sentences and everyday words. Shown wherever "
        "plain words are asked for (--plain, the web form's switch); optional."})
    recommendations: tuple[RecommendationRef, ...] = ()
    # Tags and credit: optional here, so other organisations' frameworks stay valid without
    # them; every built-in statement has them all (tests/test_content.py).
    principles: tuple[PrincipleRef, ...] = field(default=(), metadata={
        "description": "SCIE principles it serves: ids from 'principles' in core.yaml."})
    scope: ScopeRef | None = field(default=None, metadata={
        "description": "individual, service or organisation ('scopes' in core.yaml)."})
    activities: tuple[ActivityRef, ...] = field(default=(), metadata={
        "description": "Co- activities it covers: ids from 'activities' in core.yaml."})
    evidence_examples: tuple[Words, ...] = field(default=(), metadata={
        "description": "Short examples of what a team could show as evidence."})
    basis: tuple[SourceRef, ...] = field(default=(), metadata={
        "description": "The sources it draws on: ids from 'sources' in core.yaml."})

    def row(self, level_id: str, plain: bool = False) -> str:
        """What this statement looks like at a level: in plain words when asked for and
        written, else the framework's own row."""
        if plain and self.plain_levels is not None:
            return self.plain_levels.at(level_id)
        return self.levels.at(level_id)


@record
class Dimension(Strict):
    """An element (NEF) or jigsaw piece (SCIE) and its statements."""

    id: Id
    name: Words
    text: Words
    plain: Words
    statements: Annotated[tuple[Statement, ...], MinLen(1)]


@record
class Framework(Translated):
    """A co-production framework: its dimensions, statements and where it comes from."""

    id: Id
    name: Words
    version: Text
    text: Words
    plain: Words
    source: Source
    credit: Words
    dimensions: Annotated[tuple[Dimension, ...], MinLen(1)]
    migrations: tuple[Migration, ...] = field(default=(), metadata={
        "description": "How answers written for earlier versions reach this one, oldest "
        "first: each version's statement ids and where the changed ones went."})

    def __post_init__(self) -> None:
        """Ids are unique and the migration map is whole (pydantic runs this once the fields
        are valid)."""
        unique_ids(self.dimensions, ("dimensions",), "dimension")
        seen: set[str] = set()
        for d_index, dimension in enumerate(self.dimensions):
            for s_index, statement in enumerate(dimension.statements):
                where = ("dimensions", d_index, "statements", s_index)
                if statement.id in seen:
                    raise PathError(
                        (*where, "id"),
                        _("duplicate statement id '{id}'").format(id=statement.id),
                        _("give each statement its own id"),
                    )
                seen.add(statement.id)
                for key in ("recommendations", "principles", "activities", "basis"):
                    no_repeats(getattr(statement, key), (*where, key))
        check(self.version, [statement.id for statement in self.statements], self.migrations)

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for dimension in self.dimensions for s in dimension.statements)
