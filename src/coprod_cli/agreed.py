"""What a group agreed together after a workshop on the gaps (`agreed.yaml`): the level it
agreed for each statement it discussed, dissent in the dissenters' own words, who took part,
and the sign-off by people with lived experience.

As in answers.py, no pydantic here: the loader validates a file into these records.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import field
from typing import Annotated, Any, Literal

from coprod_cli.answers import EARLIEST_DATE, answer_word_schema, parse_level_word, sensible_date
from coprod_cli.errors import PathError, did_you_mean
from coprod_cli.i18n import _
from coprod_cli.models import LevelId
from coprod_cli.plain import record
from coprod_cli.rules import Check, Ge, Id, Le, MaxLen, Strict, Text

VoiceId = Literal["lived-experience", "everyone-else"]
MAX_WORDS = 2000  # characters of one person's own words: a paragraph, not a document


def _day(value: datetime.date) -> datetime.date:
    if not sensible_date(value):
        raise ValueError(
            _(
                "{value} is not a date of a meeting; write the day it was held, "
                "between {year} and next year, as YYYY-MM-DD"
            ).format(value=value, year=EARLIEST_DATE.year)
        )
    return value


def _role(value: str, info: Any) -> str:
    roles = (info.context or {}).get("roles")
    if roles is not None and value not in roles:
        raise ValueError(
            _("unknown role '{value}'{did_you_mean}; use one of {join}").format(
                value=value, did_you_mean=did_you_mean(value, roles), join=", ".join(roles)
            )
        )
    return value


def _statements(value: Any, info: Any) -> Any:
    statements = (info.context or {}).get("statements")
    if statements is not None and isinstance(value, dict):
        for key in value:
            if str(key) not in statements:
                raise PathError(
                    ("agreed", key),
                    _("unknown statement id '{key}'{did_you_mean}").format(
                        key=key, did_you_mean=did_you_mean(str(key), statements)
                    ),
                    _("use an id listed by 'coprod show FRAMEWORK'"),
                )
    return value


def _agreed_level(value: object) -> object:
    """Any way coprod writes a level; 'unsure' is not something a group agrees on."""
    level = parse_level_word(value)
    if level == "unsure":
        raise ValueError(_("'unsure' is not an agreed level; write the level the group agreed "
                         "(0-3 or a level word), or leave the statement out"))
    return level


class _AgreedWord(Check):
    """Read as answers are (a level word, a name or 0-3), and the JSON Schema says so."""

    def __init__(self) -> None:
        super().__init__(_agreed_level, "before")

    def __get_pydantic_json_schema__(self, schema: Any, handler: Callable[[Any], Any]) -> Any:
        if getattr(handler, "mode", "validation") == "validation":
            return {**answer_word_schema(), "description": "The level agreed: its id, name or "
                    "number 0-3 ('unsure' is not an agreed level)."}
        return handler(schema)


@record
class Dissent(Strict):
    """A view that someone who took part kept: in their own words, as they said it."""

    voice: VoiceId = field(metadata={"description": "Whose view: lived-experience (people who "
                                     "draw on care and support, carers) or everyone-else."})
    words: Annotated[Text, MaxLen(MAX_WORDS)] = field(metadata={
        "description": "Their own words, unedited."})


@record
class AgreedLevel(Strict):
    """The level the group agreed for one statement it discussed."""

    level: Annotated[LevelId, _AgreedWord()]
    dissent: list[Dissent] = field(default_factory=list)


def _short_form(value: object) -> object:
    """`assets-1: intermediate` means `assets-1: {level: intermediate}`."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return {"level": value}
    return value


@record
class Signoff(Strict):
    """People with lived experience reviewed the result before it was shared."""

    reviewed_by: Annotated[int, Ge(1), Le(100_000)] = field(metadata={
        "description": "How many people with lived experience reviewed the result."})
    reviewed_on: Annotated[datetime.date, Check(_day)]
    response: Annotated[Text, MaxLen(MAX_WORDS * 2)] | None = field(default=None, metadata={
        "description": "Their response in their own words, unedited."})


TookPart = dict[Annotated[Id, Check(_role, info=True)], Annotated[int, Ge(1),
                                                                       Le(100_000)]]


@record
class Agreed(Strict):
    """An agreed.yaml: made by `coprod workshop --record`, then filled in by the group."""

    framework: Id
    service: Annotated[Text, MaxLen(200)] | None = None
    agreed_on: Annotated[datetime.date, Check(_day)] | None = None
    took_part: TookPart = field(default_factory=dict, metadata={
        "description": "Who took part in the discussion: role id -> how many people."})
    agreed: Annotated[dict[str, Annotated[AgreedLevel, Check(_short_form, "before")] | None],
                      Check(_statements, "before", info=True)] = field(
        default_factory=dict, metadata={
        "description": "Statement id -> the level agreed (a level word or 0-3, or {level, "
        "dissent}); empty while the group has not agreed one yet."})
    signoff: Signoff | None = None

