"""An answers file as plain frozen dataclasses: one respondent's (or one group's) ratings.

As in models.py, no pydantic here: the rules beside the fields are applied when the loader
validates a file into these classes; the fast reader (reading/quickread.py) needs none of them.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import field
from typing import Annotated, Any, Literal

from coprod_cli.errors import PathError, did_you_mean, shortened
from coprod_cli.i18n import N_, _
from coprod_cli.languages import LanguageCode
from coprod_cli.models import LEVEL_IDS, LevelId
from coprod_cli.plain import record
from coprod_cli.rules import Check, Id, MaxLen, Strict, Text

UNSURE = "unsure"
DOES_NOT_APPLY = "does-not-apply"  # the statement does not apply to this service
AnswerLevel = LevelId | Literal["unsure", "does-not-apply"]
ANSWER_WORDS: tuple[str, ...] = (*LEVEL_IDS, UNSURE, DOES_NOT_APPLY)
NOT_RATED = (UNSURE, DOES_NOT_APPLY)  # answers left out of the arithmetic
MAX_REASON = 300  # characters of a reason a statement does not apply: a sentence or two
EARLIEST_DATE = datetime.date(2000, 1, 1)


def sensible_date(day: datetime.date) -> bool:
    """An assessment is made from 2000 to the end of next year; anything else is a typo."""
    return day >= EARLIEST_DATE and day.year <= datetime.date.today().year + 1

# Every way coprod writes an answer, so whatever it prints it reads back: each level's id,
# its name as reports and the questionnaire show it (core.yaml's names; a test keeps them
# equal) and its number; 'unsure' and what people write for it. Case, spaces, hyphens and
# underscores are forgiven, and a number may lead a name ('0 - Not yet co-production',
# 'Level 2: Intermediate'). To accept more, add a phrase here: the loader, form exports,
# the questionnaire and `coprod schema answers` all follow.
LEVEL_NAMES: dict[str, str] = {"not-yet": "Not yet co-production", "descriptive": "Descriptive",
                               "intermediate": "Intermediate", "transformative": "Transformative"}
# The same in Welsh (core.yaml's Welsh names, kept equal by a test), read in either language.
WELSH_LEVEL_NAMES: dict[str, str] = {
    "not-yet": "Dim cydgynhyrchu eto", "descriptive": "Disgrifiadol",
    "intermediate": "Canolradd", "transformative": "Trawsnewidiol"}
ANSWER_PHRASES: dict[str, tuple[str, ...]] = {
    **{level: (level, LEVEL_NAMES[level], WELSH_LEVEL_NAMES[level]) for level in LEVEL_IDS},
    UNSURE: (UNSURE, "not sure", "don't know", "do not know", "I don't know", "I do not know",
             "ansicr", "ddim yn siŵr", "dim yn siŵr", "ddim yn gwybod"),
    DOES_NOT_APPLY: (DOES_NOT_APPLY, "Does not apply", "doesn't apply", "not applicable",
                     "ddim yn berthnasol", "amherthnasol"),
}
_PUNCT = "[-:.)\u2013\u2014]"  # what a form builder puts between a number and a name


def _phrase(text: str) -> str:
    """A regular expression for a phrase in any casing, with any spaces, '-' or '_' between words
    (character classes, not a flag, so the same text is a portable JSON Schema pattern)."""
    words = re.split(r"[\s_-]+", text.strip())
    return "[\\s_-]+".join("".join(_letter(char) for char in word) for word in words)


def _letter(char: str) -> str:
    if char == "'":
        return "['\u2019]?"
    return f"[{char.lower()}{char.upper()}]" if char.isalpha() else re.escape(char)


def _answer_pattern() -> str:
    """One alternative per answer; a level's number may stand alone or lead its name."""
    parts = []
    for value, answer in enumerate(ANSWER_WORDS):
        words = "|".join(dict.fromkeys(_phrase(phrase) for phrase in ANSWER_PHRASES[answer]))
        numbered = "" if answer in NOT_RATED else (
            f"|(?:{_phrase('level')}[\\s_-]*)?{value}\\s*(?:{_PUNCT}\\s*)?(?:{words})?")
        parts.append(f"(?P<{answer.replace('-', '_')}>{words}{numbered})")
    return "\\s*(?:" + "|".join(parts) + ")\\s*"


@functools.cache
def answer_pattern() -> re.Pattern[str]:
    """Every answer as one regular expression (compiled on first use: the fast reader and
    most runs never need it)."""
    return re.compile(_answer_pattern())


def answer_word_schema() -> dict[str, Any]:
    """The same grammar as a JSON Schema, so editors accept exactly what the loader accepts."""
    pattern = re.sub(r"\(\?P<\w+>", "(?:", answer_pattern().pattern)
    return {
        "anyOf": [{"type": "integer", "minimum": 0, "maximum": 3},
                  {"type": "string", "pattern": "^" + pattern + "$"}],
        "description": "A level: its id, name or number 0-3 (in any casing, a number may lead "
        "the name: '2 - Intermediate'), 'unsure', or 'does-not-apply' (the statement does not "
        "apply to this service).",
    }


_AS_WRITTEN = {written: answer for answer in ANSWER_WORDS for phrase in ANSWER_PHRASES[answer]
               for written in (phrase, phrase.lower(), phrase[:1].upper() + phrase[1:])}
_WRITE_A_LEVEL = N_("write 0, 1, 2 or 3, or a level word such as intermediate")
_NOT_A_WORD: dict[type, str] = {list: "a list", dict: "a set of keys and values"}


def parse_level_word(value: object) -> str:
    """A level id, 'unsure' or 'does-not-apply' from any way coprod writes one (see
    ANSWER_PHRASES), or 0-3."""
    if isinstance(value, bool):
        raise ValueError(
            _("{lower} is not a level; {WRITE_A_LEVEL}").format(
                lower=str(value).lower(), WRITE_A_LEVEL=_(_WRITE_A_LEVEL)
            )
        )
    if isinstance(value, (int, float)) and value in (0, 1, 2, 3):
        return LEVEL_IDS[int(value)]
    if isinstance(value, float):
        raise ValueError(
            _("'{value}' is not a level: levels are whole steps; {WRITE_A_LEVEL}").format(
                value=value, WRITE_A_LEVEL=_(_WRITE_A_LEVEL)
            )
        )
    if not isinstance(value, str):
        given = _NOT_A_WORD.get(type(value), "this value")
        raise ValueError(
            _("{given} is not a level; {WRITE_A_LEVEL}").format(
                given=given, WRITE_A_LEVEL=_(_WRITE_A_LEVEL)
            )
        )
    # An id or a phrase as ANSWER_PHRASES writes it (or in lower case, or with a capital), as
    # most files and exports write one: the pattern's answer (tests/test_answers.py), without
    # compiling the pattern.
    exact = _AS_WRITTEN.get(value)
    if exact is not None:
        return exact
    match = answer_pattern().fullmatch(value)
    if match is None:
        word = value[:100].strip().lower().replace("_", "-").replace(" ", "-")
        raise ValueError(
            _("unknown level '{shortened}'{did_you_mean}; use one of {join} (or 0-3)").format(
                shortened=shortened(value),
                did_you_mean=did_you_mean(word, ANSWER_WORDS),
                join=", ".join(ANSWER_WORDS),
            )
        )
    return str(match.lastgroup).replace("_", "-")


def _level_or_raise(value: object) -> object:
    return parse_level_word(value) if value is not None else value


class _LevelWord(Check):
    """Any way coprod writes a level is read as its id (see ANSWER_PHRASES), and the JSON
    Schema says so."""

    def __init__(self) -> None:
        super().__init__(_level_or_raise, "before")

    def __get_pydantic_json_schema__(self, schema: Any, handler: Callable[[Any], Any]) -> Any:
        if getattr(handler, "mode", "validation") == "validation":
            return answer_word_schema()
        return handler(schema)


@record
class Answer(Strict):
    """A rating of one statement, with optional evidence; or 'does-not-apply' with an optional
    short reason."""

    level: Annotated[AnswerLevel, _LevelWord()]
    evidence: Text | None = None
    reason: Annotated[Text, MaxLen(MAX_REASON)] | None = field(default=None, metadata={
        "description": "Why the statement does not apply to this service (only with "
        f"'does-not-apply'; up to {MAX_REASON} characters)."})

    def __post_init__(self) -> None:
        if self.reason is not None and self.level != DOES_NOT_APPLY:
            raise ValueError(
                _(
                    "a reason is given with '{level}', but a reason is only for "
                    "'does-not-apply'; put what you want to say in 'evidence'"
                ).format(level=self.level)
            )


def _short_form(value: object) -> object:
    """`assets-1: intermediate` means `assets-1: {level: intermediate}`."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return {"level": value}
    return value


def _known_role(value: str, info: Any) -> str:
    roles = (info.context or {}).get("roles")
    if roles is not None and value not in roles:
        raise ValueError(
            _("unknown role '{value}'{did_you_mean}; use one of {join}").format(
                value=value, did_you_mean=did_you_mean(value, roles), join=", ".join(roles)
            )
        )
    return value


@record
class Respondent(Strict):
    """Who answered. Everything is optional."""

    role: Annotated[Id, Check(_known_role, info=True)] | None = None
    name: Text | None = None


def _known_statements(value: Any, info: Any) -> Any:
    statements = (info.context or {}).get("statements")
    if statements is not None and isinstance(value, dict):
        for key in value:
            if str(key) not in statements:
                raise PathError(
                    ("answers", key),
                    _("unknown statement id '{key}'{did_you_mean}").format(
                        key=key, did_you_mean=did_you_mean(str(key), statements)
                    ),
                    _(
                        "use an id listed by 'coprod show FRAMEWORK' or start from "
                        "'coprod template FRAMEWORK'"
                    ),
                )
    return value


def _sensible_date(value: datetime.date) -> datetime.date:
    if not sensible_date(value):
        raise ValueError(
            _(
                "{value} is not a date of an assessment; write the day it was made, "
                "between {year} and next year, as YYYY-MM-DD"
            ).format(value=value, year=EARLIEST_DATE.year)
        )
    return value


_KNOWN_STATEMENTS = Check(_known_statements, "before", info=True)
AnswerEntry = Annotated[Answer, Check(_short_form, "before")]


@record
class Answers(Strict):
    """One answers file. An empty value is a statement not answered yet."""

    framework: Id
    framework_version: Text | None = field(default=None, metadata={
        "description": "The framework version the file was written for (optional). A file "
        "written for an earlier version is read through the framework's migration map."})
    service: Annotated[Text, MaxLen(200)] | None = field(default=None, metadata={
        "description": "The service or team assessed; it names every report's title."})
    respondent: Respondent = field(default_factory=Respondent)
    assessed_on: Annotated[datetime.date, Check(_sensible_date)] | None = None
    answers: Annotated[dict[str, AnswerEntry | None], _KNOWN_STATEMENTS] = field(
        default_factory=dict, metadata={
            "description": "Statement id -> a level word, 'unsure', 'does-not-apply', 0-3, or "
            "{level, evidence} ({level: does-not-apply, reason} says why it does not apply); "
            "empty when not answered yet."})
    language: LanguageCode | None = field(default=None, metadata={
        "description": "The language the statements were read in: en (the default) or cy "
        "(Welsh). Answers in either language score together; a result says how many "
        "answered in each."})

    @property
    def role(self) -> str:
        return self.respondent.role or "other"

    def missing(self, statement_ids: list[str]) -> list[str]:
        """Statements with no answer at all (unsure counts as an answer)."""
        return [sid for sid in statement_ids if self.answers.get(sid) is None]
