"""The result of `coprod trend`: each round's figures as answered and adjusted to one mix of
roles, each with its band, and the change between rounds in words; a stable, versioned shape."""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

import datetime
from dataclasses import field
from typing import Literal

from coprod_cli import credited
from coprod_cli.models import LevelId, Weighting
from coprod_cli.plain import record
from coprod_cli.resultparts import FrameworkRef, PlanCheck, ResultModel, SourceCredit

TREND_VERSION: Literal[1] = 1
Verdict = Literal["real-rise", "real-fall", "no-clear-change", "not-known"]
OVERALL = "overall"  # the area id that stands for the whole


@record
class Figure(ResultModel):
    """One round's figure for the whole (area 'overall') or for one area."""

    area: str = field(metadata={"description": "'overall', or a dimension id."})
    name: str
    score: float | None = field(metadata={"description": "As answered (as `coprod score` "
                                          "gives it), 0-3; null when there is no score."})
    level: LevelId | None
    adjusted_score: float | None = field(metadata={
        "description": "Re-weighted to the common mix of roles (see mix), 0-3."})
    adjusted_level: LevelId | None
    band_low: float | None = field(metadata={
        "description": "The low end of the adjusted score's 95% band (see method)."})
    band_high: float | None = field(metadata={
        "description": "The high end of the adjusted score's 95% band."})
    target: LevelId | None = field(default=None, metadata={
        "description": "With --plan: the area's target level from the plan; null without one."})
    reaches_target: bool | None = field(default=None, metadata={
        "description": "With a target: whether the level as answered reaches it (as `coprod "
        "score --plan` holds it); null without a target."})


@record
class VoiceCount(ResultModel):
    """How many people of one voice answered a round (null when fewer than min_group)."""

    voice: Literal["lived-experience", "everyone-else"]
    name: str
    respondents: int | None = field(metadata={
        "description": "null when fewer than min_group answered: the count is held back."})


@record
class Round(ResultModel):
    """One assessment round: who answered, and its figures."""

    label: str = field(metadata={"description": "--label, else the round's latest date, else "
                                 "the name it was given on the command line."})
    assessed_on: datetime.date | None = None
    respondents: int
    voices: list[VoiceCount]
    overall: Figure
    areas: list[Figure]
    too_few: bool = field(default=False, metadata={
        "description": "A voice had fewer than `fewest` people, so the band is the whole scale: "
        "too few answered to tell a change from chance."})
    notes: list[str] = field(default_factory=list)


@record
class Share(ResultModel):
    """One role's share of the common mix."""

    role: str
    name: str
    share: float = field(metadata={"description": "0-1, two decimals."})


@record
class Change(ResultModel):
    """The change in one figure between two rounds, on the adjusted scores and their bands."""

    area: str
    name: str
    before: str = field(metadata={"description": "The earlier round's label."})
    after: str = field(metadata={"description": "The later round's label."})
    change: float | None = field(metadata={"description": "after's adjusted score minus "
                                           "before's; null when either has none."})
    verdict: Verdict = field(metadata={
        "description": "real-rise or real-fall only when each round's score lies outside the "
        "other's band; otherwise no-clear-change (not-known without both scores)."})
    words: str


@record
class Trend(ResultModel):
    """The result of `coprod trend`, version 1: progress across any number of rounds."""

    trend_version: Literal[1] = TREND_VERSION
    tool: str = "coprod"
    tool_version: str
    framework: FrameworkRef
    weighting: Weighting
    min_group: int
    mix: list[Share] = field(metadata={
        "description": "The common mix of roles every round's adjusted figures are re-weighted "
        "to: the rounds' pooled mix (everyone who answered any round). Empty in a shared "
        "trend (band set): beside the rounds' head counts the shares would give how many of "
        "each role answered, and with the rounds' notes a count the trend holds back (a voice "
        "under min_group). --private and --min-group 1 give them."})
    method: str = field(metadata={"description": "How the bands are made, in words."})
    resamples: int
    seed: int
    fewest: int = field(metadata={"description": "The fewest people a voice needs for a band "
                                  "narrower than the whole scale: 6, or in a shared trend "
                                  "(band set) min_group when that is more, so that a narrower "
                                  "band never says how many a held-back voice has."})
    rounds: list[Round]
    changes: list[Change] = field(metadata={
        "description": "Overall and per area: each round against the one before, then the "
        "first against the last."})
    warnings: list[str] = field(default_factory=list)
    private: bool = field(default=False, metadata={
        "description": "True only with --private: exact figures, NOT to be shared."})
    band: float | None = field(default=None, metadata={
        "description": "In a shareable trend: every round of several people shows its scores "
        "rounded down to this step (0.5) and its band widened out to it, and the changes are "
        "worked out from what is shown, so two shared reports cannot be set against each other "
        "to work out a person's answers. Levels and verdicts come from the exact figures. Null "
        "when figures are exact (--private, --min-group 1)."})
    credit: str = credited.credit("as its sources ask to be credited.")
    sources: list[SourceCredit] = credited.sources(
        "The sources the framework and coprod's levels draw on, each with its "
        "link where it has one (TLAP asks for its ladder's).")
    targets: dict[str, LevelId] = field(default_factory=dict, metadata={
        "description": "With --plan: each area's target level from the plan, by area id."})
    plan_check: PlanCheck | None = field(default=None, metadata={
        "description": "Set with --plan: the plan checked against the last round (as answered)."})
