"""Pydantic models of an answers file: one respondent's (or one group's) ratings."""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from coprod_cli.errors import PathError, did_you_mean
from coprod_cli.models import LEVEL_IDS, Id, LevelId, Strict, Text

UNSURE = "unsure"
AnswerLevel = LevelId | Literal["unsure"]
# What a file may say: a level word, 'unsure' or a number 0-3 (documented in the schema).
AnswerWord = AnswerLevel | Literal[0, 1, 2, 3]
ANSWER_WORDS: tuple[str, ...] = (*LEVEL_IDS, UNSURE)


def parse_level_word(value: object) -> str:
    """A level id, 'unsure' or 0-3, forgiving case, spaces and underscores."""
    if isinstance(value, bool):
        raise ValueError("expected a level, not true/false")
    if isinstance(value, int) and 0 <= value <= 3:
        return LEVEL_IDS[value]
    if not isinstance(value, str):
        raise ValueError(f"expected a level word, got {type(value).__name__}")
    word = value.strip().lower().replace("_", "-").replace(" ", "-")
    if word in {"0", "1", "2", "3"}:
        return LEVEL_IDS[int(word)]
    if word in ANSWER_WORDS:
        return word
    raise ValueError(
        f"unknown level '{value}'{did_you_mean(word, ANSWER_WORDS)}; "
        f"use one of {', '.join(ANSWER_WORDS)} (or 0-3)"
    )


def _level_or_raise(value: object) -> object:
    return parse_level_word(value) if value is not None else value


class Answer(Strict):
    """A rating of one statement, with optional evidence."""

    level: Annotated[AnswerLevel, BeforeValidator(_level_or_raise,
                                                  json_schema_input_type=AnswerWord)]
    evidence: Text | None = None


def _short_form(value: object) -> object:
    """`assets-1: intermediate` means `assets-1: {level: intermediate}`."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return {"level": value}
    return value


class Respondent(Strict):
    """Who answered. Everything is optional."""

    role: Id | None = None
    name: Text | None = None

    @field_validator("role")
    @classmethod
    def _known_role(cls, value: str | None, info: ValidationInfo) -> str | None:
        roles = (info.context or {}).get("roles")
        if value is not None and roles is not None and value not in roles:
            raise ValueError(f"unknown role '{value}'{did_you_mean(value, roles)}; "
                             f"use one of {', '.join(roles)}")
        return value


class Answers(Strict):
    """One answers file. An empty value is a statement not answered yet."""

    framework: Id
    respondent: Respondent = Field(default_factory=Respondent)
    assessed_on: datetime.date | None = None
    answers: dict[str, Annotated[Answer, BeforeValidator(
        _short_form, json_schema_input_type=AnswerWord | Answer)] | None] = Field(
        default_factory=dict,
        description="Statement id -> a level word, 'unsure', 0-3, or {level, evidence}; "
        "empty when not answered yet.")

    @field_validator("answers", mode="before")
    @classmethod
    def _known_statements(cls, value: Any, info: ValidationInfo) -> Any:
        statements = (info.context or {}).get("statements")
        if statements is not None and isinstance(value, dict):
            for key in value:
                if str(key) not in statements:
                    raise PathError(
                        ("answers", key),
                        f"unknown statement id '{key}'{did_you_mean(str(key), statements)}",
                        "use an id listed by 'coprod show FRAMEWORK' or start from "
                        "'coprod template FRAMEWORK'",
                    )
        return value

    @property
    def role(self) -> str:
        return self.respondent.role or "other"

    def missing(self, statement_ids: list[str]) -> list[str]:
        """Statements with no answer at all (unsure counts as an answer)."""
        return [sid for sid in statement_ids if self.answers.get(sid) is None]
