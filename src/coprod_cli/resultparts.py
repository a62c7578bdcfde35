"""The parts a result shares with a trend (which needs no other): the framework, its sources,
each dimension, who was counted, and a plan checked against a later round (each promised
move done, overdue, not yet due or gone backwards, and moves unplanned); plain frozen
dataclasses. A result's other parts are in resultdetails.py."""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

import datetime
from dataclasses import field
from typing import Any, ClassVar, Literal

from coprod_cli.models import LevelId
from coprod_cli.plain import Record, record


class ResultModel(Record):
    """Plain frozen dataclasses; pydantic reads this setting when it writes the JSON Schema
    (`coprod schema result`), nothing imports it to build or dump a result."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}


@record
class FrameworkRef(ResultModel):
    id: str
    name: str
    version: str


@record
class SourceCredit(ResultModel):
    """A source the framework's content or coprod's levels draw on, credited as it asks."""

    title: str
    author: str
    year: int | None = None
    url: str | None = field(default=None, metadata={
        "description": "Where to find it; for TLAP's ladder, the link TLAP asks users to give."})


@record
class DimensionResult(ResultModel):
    """One dimension: its score (median of its answered statements, 0-3) and level."""

    id: str
    name: str
    score: float | None = field(metadata={"description": "Median of the answered statements' "
                                          "values, 0-3, two decimals; null when every answer "
                                          "was unsure."})
    level: LevelId | None = field(metadata={"description": "The highest level at or below "
                                            "the score."})
    answered: int = field(metadata={"description": "Statements with a level (not unsure)."})
    unsure: int = field(metadata={"description": "Statements answered only 'unsure' (or "
                                  "'unsure' and 'does-not-apply')."})
    statements: int
    not_covered: int = field(default=0, metadata={
        "description": "In a result through a crosswalk: statements nothing in the answers' "
        "framework stands for. They have no answer (neither unsure nor not-yet) and are left "
        "out of every figure; an area with none covered has no level."})
    not_applying: int = field(default=0, metadata={
        "description": "Statements that do not apply to this service: everyone who answered "
        "them said 'does-not-apply'."})
    does_not_apply: bool = field(default=False, metadata={
        "description": "True when no statement here applies to this service: it has no level "
        "and is left out of the overall level (unlike an area that is all unsure, which leaves "
        "the whole without a level)."})


@record
class Intake(ResultModel):
    """Who was counted: what was read, what was left out and why."""

    read: int = field(metadata={"description": "Answers files and form rows read, each file "
                                "once."})
    counted: int = field(metadata={"description": "Respondents scored."})
    skipped: int = field(default=0, metadata={
        "description": "Left out (--skip-invalid, or another framework than "
        "--only-framework); each was named on standard error."})
    skipped_because: dict[str, int] = field(default_factory=dict, metadata={
        "description": "Reason -> how many: unreadable, invalid, incomplete, another "
        "framework. Empty in a shared result (band set; withheld lists 'skipped-reasons'): "
        "skipped still says how many, and standard error named each with why."})
    read_once: int = field(default=0, metadata={
        "description": "Inputs that reached a file already read (named twice, a folder and a "
        "file in it, a link): each file counts once."})
    identical: int = field(default=0, metadata={
        "description": "Pairs of respondents with identical answers (the same file content, "
        "or form rows with the same timestamp). In a shared result, rounded down to a "
        "multiple of the result's min_group."})
    earliest: datetime.date | None = field(default=None, metadata={
        "description": "The earliest assessed_on read."})
    latest: datetime.date | None = field(default=None, metadata={
        "description": "The latest assessed_on read."})
    languages: dict[str, int] = field(default_factory=dict, metadata={
        "description": "Language -> how many respondents answered in it: en (English, also "
        "any answers file that does not say, and form rows) or cy (Welsh). Empty in a shared "
        "result (languages_withheld)."})
    languages_withheld: bool = field(default=False, metadata={
        "description": "True in a shared result (band set), whatever the languages: beside "
        "the exact head count any split it showed could pin a small group or an exact count, "
        "and two reports a person apart would say which language that person answered in. "
        "--private gives the counts."})


Status = Literal["done", "overdue", "not-yet-due", "went-backwards"]


@record
class MoveCheck(ResultModel):
    """One promised move, as a later round shows it."""

    statement: str
    text: str
    from_level: LevelId
    to: LevelId
    now: LevelId | None = field(metadata={"description": "The statement's level now."})
    owner: str
    co_owner: str
    due: datetime.date
    status: Status = field(metadata={
        "description": "done: at or above the promised level; went-backwards: below where it "
        "was; overdue: not done and due before the round's date; not-yet-due: otherwise."})


@record
class Unplanned(ResultModel):
    """A statement nobody planned to move whose level changed."""

    statement: str
    text: str
    was: LevelId | None
    now: LevelId | None


@record
class PlanCheck(ResultModel):
    """A plan checked against a later round."""

    made_on: datetime.date
    checked_on: datetime.date = field(metadata={
        "description": "The round's date (its latest assessed_on), else the day it was run: "
        "moves due before it and not done are overdue."})
    moves: list[MoveCheck]
    unplanned: list[Unplanned] = field(metadata={"description": "Moves up nobody planned."})
    backwards: list[Unplanned] = field(metadata={
        "description": "Statements below their level when the plan was made, planned or not."})
