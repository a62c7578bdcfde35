"""The parts only a result or a comparison holds (a trend needs none of them, so it never
builds them): each statement, principle and scope, the plan and the route, each role's and
voice's view, the gaps, the groups held back, the gate, the answers read through a
migration map, and what changed (`--what-if`, a comparison)."""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from coprod_cli.models import LevelId, PieceId
from coprod_cli.plain import record
from coprod_cli.resultparts import DimensionResult, ResultModel
from coprod_cli.voices import Voice


@record
class TagResult(DimensionResult):
    """A SCIE principle, a scope or an activity: the median of the statements tagged with it, and
    its level."""


@record
class StatementResult(ResultModel):
    id: str
    dimension: str
    text: str
    plain: str = field(default="", metadata={"description": "The statement in plain words."})
    score: float | None = field(metadata={"description": "The statement's value, 0-3; null "
                                          "if unsure."})
    level: LevelId | None
    evidence: list[str] = field(default_factory=list)
    next_level: LevelId | None = field(default=None, metadata={
        "description": "The level above this statement's; null at the top or when unsure."})
    next_descriptor: str | None = field(default=None, metadata={
        "description": "What this statement looks like at its next level, from the "
        "framework's rubric."})
    next_plain: str | None = field(default=None, metadata={
        "description": "The same, in plain words (the full row when the framework has none)."})
    not_applying: int | None = field(default=0, metadata={
        "description": "How many people said this statement does not apply to their service "
        "(left out of their answers, like unsure). Null in a shared result (the result's "
        "band set; withheld: statement-counts), as the statement's score is."})
    reasons: list[str] = field(default_factory=list, metadata={
        "description": "Why it does not apply, in their own words: each distinct reason once, "
        "in no particular order, never with who gave it. In a shared result, only where "
        "min_group people or more said it does not apply."})
    does_not_apply: bool = field(default=False, metadata={
        "description": "True when everyone who answered said it does not apply: it has no "
        "level and no part in its area's."})


@record
class ServedStatement(ResultModel):
    """A statement a recommendation helps, with what its next level looks like."""

    id: str
    text: str
    plain: str = ""
    level: LevelId
    next_level: LevelId
    next_descriptor: str
    next_plain: str = ""


@record
class PlanItem(ResultModel):
    """A SCIE recommendation in the action plan."""

    id: str
    piece: PieceId
    text: str
    plain: str
    source: str
    gap: float = field(metadata={"description": "The largest gap, in levels, between the "
                                 "target and a statement this recommendation serves."})
    statements: list[ServedStatement]


@record
class NextStep(ResultModel):
    """One statement on the quickest route to the target, and how far it moves."""

    statement: str
    text: str
    plain: str
    dimension: str
    from_level: LevelId
    to_level: LevelId
    from_score: float = field(metadata={"description": "The statement's value now, 0-3."})
    to_score: float = field(metadata={"description": "Its value after the moves, 0-3."})
    moves: int = field(metadata={"description": "One-level moves on this statement (each "
                                 "adds 1.0, capped at 3)."})
    looks_like: str = field(metadata={"description": "What the statement looks like at "
                                      "to_level, from the framework's rubric."})
    looks_like_plain: str = field(default="", metadata={
        "description": "The same, in plain words (the full row when the framework has none)."})
    recommendations: list[str] = field(metadata={"description": "Ids of SCIE recommendations "
                                                 "that help."})


@record
class RoleResult(ResultModel):
    """One role's view, for collective assessments."""

    role: str
    name: str
    lived_experience: bool
    respondents: int
    dimensions: dict[str, float | None] = field(metadata={"description": "Dimension id -> "
                                                          "score."})


@record
class VoiceResult(ResultModel):
    """One voice's view: people with lived experience, or everyone else."""

    voice: Voice
    name: str
    roles: list[str] = field(metadata={"description": "The role ids present in this voice."})
    respondents: int
    dimensions: dict[str, float | None] = field(metadata={"description": "Dimension id -> "
                                                          "score."})


@record
class Gap(ResultModel):
    """The gap between the highest and lowest scoring roles on one dimension."""

    dimension: str
    gap: float
    highest: str
    lowest: str
    finding: bool = field(metadata={"description": "True when the gap is a whole level (1.0) "
                                    "or more."})
    highest_score: float | None = field(default=None, metadata={
        "description": "The highest role's score, 0-3."})
    lowest_score: float | None = field(default=None, metadata={
        "description": "The lowest role's score, 0-3."})


@record
class HeldBack(ResultModel):
    """A group not shown on its own, so that nobody's answers can be worked out."""

    group: str = field(metadata={"description": "A role id, or a voice: lived-experience, "
                                 "everyone-else."})
    kind: Literal["role", "voice"]
    name: str
    reason: Literal["fewer-than-min-group", "complementary"] = field(metadata={
        "description": "fewer-than-min-group: fewer respondents than min_group; "
        "complementary: held back too, so that a smaller group cannot be worked out by "
        "subtraction from what is shown."})


@record
class WhatIfStatement(ResultModel):
    """A statement scored as if it were at a chosen level."""

    statement: str
    from_score: float | None = field(metadata={"description": "Its value as answered, 0-3; "
                                               "null if unsure."})
    to_level: LevelId


@record
class Gate(ResultModel):
    fail_under: LevelId
    met: bool
    reason: str | None = field(default=None, metadata={
        "description": "Why the gate is not met when the level alone does not say (no level: "
        "nobody with lived experience answered, or an area was all unsure, or an area is "
        "below its target)."})
    targets: dict[str, LevelId] = field(default_factory=dict, metadata={
        "description": "Per area, the target level from the plan (--plan); the gate is met "
        "only when every one of them is reached too."})
    below_target: list[str] = field(default_factory=list, metadata={
        "description": "The areas below their targets."})


@record
class Migrated(ResultModel):
    """Answers files written for an earlier version of the framework, read through its
    migration map (the files themselves are never changed)."""

    from_version: str = field(metadata={"description": "The earlier version they were "
                                        "written for."})
    files: int = field(metadata={"description": "Answers files or form rows of that version. "
                                 "In a shared result (band set), rounded down to a multiple of "
                                 "min_group, as counts of answers are."})
    through_map: dict[str, list[str]] = field(default_factory=dict, metadata={
        "description": "Earlier statement id -> the new ids its answers were carried to."})
    no_answer_yet: list[str] = field(default_factory=list, metadata={
        "description": "Statements new since that version: those files have no answer for "
        "them, so they count as unsure."})


Direction = Literal["up", "down", "same"]


@record
class DimensionChange(ResultModel):
    """One dimension before and after."""

    id: str
    name: str
    before_score: float | None
    after_score: float | None
    before_level: LevelId | None
    after_level: LevelId | None
    change: float | None = field(metadata={"description": "after_score - before_score; null "
                                           "if either is unknown."})
    direction: Direction = field(metadata={"description": "Of the score: up, down or same."})
    level_direction: Direction = field(default="same", metadata={
        "description": "Of the level: up, down or same."})
    level_dropped: bool = field(metadata={"description": "True when the level fell, or was "
                                          "lost because every answer after was unsure."})
    not_applying_before: bool = field(default=False, metadata={
        "description": "The area did not apply to the service before: its change is neither "
        "a rise nor a fall."})
    not_applying_after: bool = field(default=False, metadata={
        "description": "The area does not apply to the service after: its change is neither "
        "a rise nor a fall."})


@record
class WhatIf(ResultModel):
    """What changes when statements are scored as if at chosen levels (--what-if)."""

    statements: list[WhatIfStatement]
    before_level: LevelId | None = field(metadata={"description": "The overall level as "
                                                   "answered."})
    before_score: float | None
    level_direction: Direction = field(metadata={"description": "Of the overall level: up, "
                                                 "down or same."})
    dimensions: list[DimensionChange] = field(metadata={"description": "Only the dimensions "
                                                        "that changed."})
