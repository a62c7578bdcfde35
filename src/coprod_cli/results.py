"""The result of scoring and of comparing: stable, versioned shapes shared by every output
format, made of the parts in resultparts.py and resultdetails.py."""

from __future__ import annotations

import datetime
from dataclasses import field
from typing import Literal

from coprod_cli import credited
from coprod_cli.coproduced import Agreement, Review
from coprod_cli.models import LevelId, Weighting
from coprod_cli.plain import record
from coprod_cli.resultdetails import (
    DimensionChange,
    Direction,
    Gap,
    Gate,
    HeldBack,
    Migrated,
    NextStep,
    PlanItem,
    RoleResult,
    StatementResult,
    TagResult,
    VoiceResult,
    WhatIf,
)
from coprod_cli.resultparts import (
    DimensionResult,
    FrameworkRef,
    Intake,
    PlanCheck,
    ResultModel,
    SourceCredit,
)

RESULT_VERSION: Literal[1] = 1


@record
class Uncovered(ResultModel):
    """A statement of the framework scored through a crosswalk that nothing in the answers'
    framework stands for: it has no answer, neither unsure nor not-yet."""

    id: str
    dimension: str
    text: str
    note: str = field(metadata={"description": "Why nothing covers it, from the crosswalk."})


@record
class Through(ResultModel):
    """How a result came through a crosswalk: the answers were given to another framework."""

    answered: FrameworkRef = field(metadata={
        "description": "The framework the answers were given to."})
    crosswalk: str = field(metadata={"description": "The crosswalk's id, e.g. nef-to-scie."})
    crosswalk_name: str
    rule: str = field(metadata={
        "description": "How several answers of one person become one: 'lowest', the lowest of "
        "their answers to the statements that stand for a statement, unsure left out (unsure "
        "when every one is)."})
    covered: int = field(metadata={"description": "Statements with a source in the answers."})
    statements: int
    not_covered: list[Uncovered] = field(default_factory=list, metadata={
        "description": "Every statement nothing in the answers covers: no answer, left out "
        "of every figure, never counted as unsure or not-yet."})


@record
class Result(ResultModel):
    """The result of `coprod score`, version 1."""

    result_version: Literal[1] = RESULT_VERSION
    tool: str = "coprod"
    tool_version: str
    framework: FrameworkRef
    service: str | None = field(default=None, metadata={
        "description": "The service or team assessed, from the answers files or --service."})
    assessed_on: datetime.date | None = None
    level: LevelId | None = field(metadata={"description": "The lowest dimension level, but at "
                                            "least descriptive when people's own support "
                                            "reaches it; null when a dimension has no level or "
                                            "nobody with lived experience answered."})
    score: float | None = field(metadata={"description": "Mean of the dimension scores, 0-3. "
                                          "Every score in a result is worked out exactly and "
                                          "rounded once: two decimals, half up, never up to a "
                                          "level not reached (1.996 is 1.99)."})
    limited_by: list[str] = field(metadata={"description": "The dimensions that hold the level "
                                            "down."})
    plain_headline: str | None = field(default=None, metadata={
        "description": "The overall level in plain words, as every format shows it; when only "
        "the weakest areas are at that level it names them and says the other areas are "
        "higher. Null without a level."})
    target: LevelId = field(metadata={"description": "The level the action plan aims at."})
    dimensions: list[DimensionResult]
    principles: list[TagResult] = field(default_factory=list, metadata={
        "description": "Per SCIE principle (equality, diversity, accessibility, reciprocity): "
        "the median of its statements, as for dimensions; empty when the framework's statements "
        "carry no principles."})
    scopes: list[TagResult] = field(default_factory=list, metadata={
        "description": "Per scope (individual, service, organisation), as for principles."})
    activities: list[TagResult] = field(default_factory=list, metadata={
        "description": "Per co- activity, as for principles: SCIE's four (co-design, "
        "co-decision-making on resources, co-delivery, co-evaluation), then co-creation and "
        "co-commissioning; only those the framework's statements are tagged with."})
    statements: list[StatementResult]
    recommendations: list[PlanItem]
    next_steps: list[NextStep] = field(default_factory=list, metadata={
        "description": "The quickest route: the fewest one-level moves that lift every "
        "dimension, and so the overall level, to the target; the statements furthest behind "
        "first."})
    respondents: int = 1
    unsure_answers: int = field(default=0, metadata={
        "description": "Answers of 'unsure', over every respondent and statement; they are "
        "left out of the arithmetic. In a shared result (band set), rounded down to a multiple "
        "of min_group."})
    not_applying_answers: int = field(default=0, metadata={
        "description": "Answers of 'does-not-apply', over every respondent and statement; "
        "like 'unsure' they are left out of the arithmetic. An area where nothing applies has "
        "no level and is left out of the overall level (each area's does_not_apply). In a "
        "shared result (band set), rounded down to a multiple of min_group."})
    weighting: Weighting = field(default="partnership", metadata={
        "description": "How several respondents are combined. partnership: people with lived "
        "experience and everyone else each carry half, each respondent counting once within "
        "their voice; role: every role present counts equally; person: every respondent "
        "counts once."})
    by_role: list[RoleResult] = field(default_factory=list)
    by_voice: list[VoiceResult] = field(default_factory=list, metadata={
        "description": "The two voices (lived experience, everyone else), each as it sees the "
        "dimensions."})
    gaps: list[Gap] = field(default_factory=list)
    min_group: int = field(default=3, metadata={
        "description": "The fewest respondents a role or voice needs to be shown on its own "
        "(--min-group)."})
    held_back: list[HeldBack] = field(default_factory=list, metadata={
        "description": "Roles and voices not shown on their own; their answers still count in "
        "the overall result."})
    warnings: list[str] = field(default_factory=list)
    gate: Gate | None = None
    intake: Intake | None = field(default=None, metadata={
        "description": "Who was counted, for a set of files or form rows."})
    migrated: list[Migrated] = field(default_factory=list, metadata={
        "description": "Answers written for an earlier version of the framework, read "
        "through its migration map: which answers came through it, and which new statements "
        "they have no answer for yet (counted as unsure). Empty when every file was written "
        "for this version; in a shared result (band set), a version is listed only when "
        "min_group files or more were written for it."})
    findings: list[str] = field(default_factory=list, metadata={
        "description": "What the result says first, in every format: the two voices a whole "
        "level or more apart (and which sees it lower, without figures when a group is held "
        "back), co-production found only in people's own support, no lived experience."})
    lived_experience_missing: bool = field(default=False, metadata={
        "description": "Every respondent named a role and none has lived experience: the "
        "assessment was not co-produced, so it has no level and meets no gate (unless "
        "staff_only)."})
    staff_only: bool = field(default=False, metadata={
        "description": "--staff-only: a deliberate staff self-check, not a co-production level."})

    what_if: WhatIf | None = field(default=None, metadata={
        "description": "Set when scored with --what-if: the rest of the result is as if those "
        "levels were given."})
    plan_check: PlanCheck | None = field(default=None, metadata={
        "description": "Set with --plan: which promised moves happened, which are overdue, "
        "which went backwards, and which moves nobody planned."})
    review: Review = field(default_factory=Review, metadata={
        "description": "Whether people with lived experience reviewed this result (the "
        "signoff in --agreed FILE), said on every report's first page."})
    agreement: Agreement | None = field(default=None, metadata={
        "description": "Set with --agreed FILE: the levels the group agreed together, beside "
        "the levels the answers give."})
    private: bool = field(default=False, metadata={
        "description": "True only with --private: exact figures for the person who holds all "
        "the answers anyway. NOT to be shared: every output of it says so, and two private "
        "results together can give a hidden group's or a person's answers away."})
    band: float | None = field(default=None, metadata={
        "description": "In a shareable result of several people: every figure (overall, "
        "areas, principles, scopes, each group shown, the plan's gaps and route) is rounded as "
        "usual and then down to this step (0.5; 1 with --what-if), so 2.50 means 2.50 up to "
        "2.99, and two shared results cannot be set against each other to work out a hidden "
        "group or a person. Levels are exact. Every count of answers (unsure_answers, "
        "not_applying_answers, intake's identical, migrated files) is then rounded down to a "
        "multiple of min_group: with min_group 3, 3 means 3 up to 5 and 0 means fewer than 3 "
        "(reports say "
        "'3 to 5', 'fewer than 3'); no statement's count is shown (withheld: "
        "statement-counts), nor how many answered in each language (intake's "
        "languages_withheld). Counts of people and of statements stay exact. Null when figures "
        "and counts are exact (one answers file, --min-group 1, --private)."})
    withheld: list[str] = field(default_factory=list, metadata={
        "description": "What this shareable result leaves out so that it cannot be combined "
        "with another to work out a hidden group or a person: 'statement-scores' (each "
        "statement's figure; its level stays), 'statement-counts' (how many said each "
        "statement does not apply; its reasons stay where min_group people or more gave that "
        "answer), 'voice-scores' (the voices' figures under a weighting other than "
        "partnership, while a group is held back), 'skipped-reasons' (why files or rows were "
        "left out: intake's skipped_because; how many stays in skipped)."})
    credit: str = credited.credit()
    through: Through | None = field(default=None, metadata={
        "description": "Set when the answers were given to another framework and scored "
        "through a crosswalk (score --through): which framework they were for, the "
        "crosswalk, and what this framework asks that they did not cover. Null when the "
        "answers are to this framework."})
    sources: list[SourceCredit] = credited.sources(
        "The sources the framework and coprod's levels draw on: the "
        "framework's own (NEF's six elements, SCIE's guide), those its statements and SCIE's "
        "recommendations cite, and the levels' (Needham and Carr for SCIE; the ladder of "
        "co-production by Think Local Act Personal and its National Co-production Advisory "
        "Group, with the link TLAP asks for).")


@record
class Comparison(ResultModel):
    """The result of `coprod compare`, version 1: progress between two assessments."""

    result_version: Literal[1] = RESULT_VERSION
    tool: str = "coprod"
    tool_version: str
    framework: FrameworkRef
    before: Result
    after: Result
    dimensions: list[DimensionChange]
    level_direction: Direction = field(metadata={"description": "Of the overall level."})
    score_change: float | None = field(default=None, metadata={
        "description": "after.score - before.score."})
    direction: Direction = field(default="same", metadata={
        "description": "Of the overall score: up, down or same."})
    regression: bool = field(metadata={"description": "True when the overall level or any "
                                       "dimension's level dropped, or the overall score fell "
                                       "by --tolerance (0.25) or more."})
    tolerance: float = field(default=0.25, metadata={
        "description": "How far the overall score may fall, in levels, before it is a "
        "regression (--tolerance)."})
    warnings: list[str] = field(default_factory=list, metadata={
        "description": "About the comparison itself; each side's own warnings are in before "
        "and after."})
    private: bool = field(default=False, metadata={
        "description": "True only with --private: exact figures, NOT to be shared."})


@record
class Results(ResultModel):
    """The result of `coprod score --through`, version 1: one set of answers scored against
    several frameworks, each result as `coprod schema result` describes it."""

    results_version: Literal[1] = RESULT_VERSION
    tool: str = "coprod"
    tool_version: str
    gate_met: bool | None = field(default=None, metadata={
        "description": "With --fail-under: true only when every result meets the gate (each "
        "result's own gate says which do not). Null without a gate."})
    results: list[Result] = field(metadata={
        "description": "One per framework asked for, in the order asked; a result whose "
        "'through' is set came through a crosswalk from the framework the answers are to."})
