"""What the people who answered add to a result together: the workshop pack's cards, the
levels the group agreed beside those the answers give, the sign-off by people with lived
experience, and the "you said, we will" sheet; plain frozen dataclasses."""

from __future__ import annotations

import datetime
from dataclasses import field
from typing import Literal

from coprod_cli import credited
from coprod_cli.i18n import N_
from coprod_cli.models import LevelId
from coprod_cli.plain import record
from coprod_cli.resultparts import FrameworkRef, ResultModel, SourceCredit

NOT_REVIEWED = N_("Not reviewed by people with lived experience")
CardReason = Literal["voices-apart", "roles-apart", "many-unsure"]


@record
class Review(ResultModel):
    """Whether people with lived experience reviewed the result before it was shared, said on
    every report's first page."""

    line: str = field(default=NOT_REVIEWED, metadata={
        "description": "'Reviewed by 4 people with lived experience on 12 March 2027', or "
        "'Not reviewed by people with lived experience'."})
    reviewed_by: int = 0
    reviewed_on: datetime.date | None = None
    response: str | None = field(default=None, metadata={
        "description": "Their response in their own words, unedited."})


@record
class DissentNote(ResultModel):
    """A view someone who took part kept, in their own words, and whose voice it came from."""

    voice: Literal["lived-experience", "everyone-else"]
    words: str


@record
class AgreedStatement(ResultModel):
    """A statement the group discussed: the level it agreed beside the level the answers give."""

    statement: str
    text: str
    plain: str = ""
    answers_level: LevelId | None = field(metadata={
        "description": "The statement's level from everyone's answers; null when it has none."})
    agreed_level: LevelId
    differs: bool = field(metadata={"description": "True when the agreed level is not the "
                                    "level the answers give."})
    dissent: list[DissentNote] = field(default_factory=list)


@record
class Agreement(ResultModel):
    """What the group agreed together (agreed.yaml), beside the averaged result."""

    agreed_on: datetime.date | None = None
    took_part: dict[str, int] = field(default_factory=dict, metadata={
        "description": "Who took part in the discussion: role id -> how many people."})
    statements: list[AgreedStatement] = field(default_factory=list)
    not_agreed_yet: list[str] = field(default_factory=list, metadata={
        "description": "Statements listed in agreed.yaml with no level agreed yet."})


@record
class CardLevel(ResultModel):
    """What a statement looks like at one level, for a card."""

    level: LevelId
    name: str
    looks_like: str


@record
class Card(ResultModel):
    """A statement to talk about: where views differ, or where many people were unsure."""

    statement: str
    dimension: str
    text: str
    plain: str
    answers_level: LevelId | None
    reasons: list[CardReason]
    apart: list[str] = field(metadata={"description": "How far apart the views are, in words "
                                       "that reveal no small group."})
    levels: list[CardLevel]
    questions: list[str]


@record
class Workshop(ResultModel):
    """`coprod workshop`: the discussion cards, most apart first."""

    tool_version: str
    framework: FrameworkRef
    service: str | None
    respondents: int
    min_group: int
    cards: list[Card]
    left_out: int = field(default=0, metadata={
        "description": "Statements that would make a card but are past --cards."})
    credit: str = credited.credit()
    sources: list[SourceCredit] = credited.sources(
        "The sources the cards' statements and levels draw on, as a result "
        "credits them (the ladder of co-production with the link TLAP asks for).")
