"""How a record's field states its rules: the `Rule` markers pydantic reads from `Annotated`
(ids, text, a function run as a `Check`, an id the catalogue must know, a bound or a length),
and `Strict`, the base of every record validated from a file.

pydantic_core is imported only when pydantic builds a validator, never when this loads.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal

from coprod_cli.errors import PathError, did_you_mean
from coprod_cli.i18n import _
from coprod_cli.plain import Record

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
        raise ValueError(
            _(
                "'{value}' cannot be an id: a YAML file reads it as a number, a date, "
                "true/false or null, not as text; put a word in it, e.g. 'item-{value}'"
            ).format(value=value)
        )
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


class WordsRule(_TextRule):
    """Text a reader meets, which a framework file may give in several languages: the loader
    picks one (reading/resolve.py) before pydantic sees it, so here it is text; the JSON
    Schema describes the file, where it may be a mapping of language code to text."""

    def __get_pydantic_json_schema__(self, schema: Any, handler: Callable[[Any], Any]) -> Any:
        text = handler(schema)
        return {"anyOf": [text, {
            "type": "object", "minProperties": 1, "propertyNames": {"enum": ["en", "cy"]},
            "additionalProperties": text,
            "description": "The same text in several languages, e.g. {en: ..., cy: ...}: "
            "the file's 'language' (default en) is required, and each other language needs "
            "an entry in 'translations'."}]}


class Limit(Rule):
    """A bound (`ge`, `le`) or a length (`min_length`, `max_length`) set on the schema of the
    type it annotates, as pydantic sets annotated_types' markers of the same names: the same
    checks, errors and JSON Schema, without importing annotated_types (and typing_extensions
    with it) at every start. A limit the type cannot take is refused when the validator is
    built, never dropped."""

    TAKES: ClassVar[dict[str, frozenset[str]]] = {
        **dict.fromkeys(("int", "float"), frozenset({"ge", "le"})),
        **dict.fromkeys(("str", "tuple", "list"), frozenset({"min_length", "max_length"})),
    }

    def __init__(self, **limits: int) -> None:
        self.limits = limits

    def core(self, schema: Any, build: Any) -> Any:
        kind = schema.get("type")
        if not set(self.limits) <= self.TAKES.get(kind, frozenset()):
            raise TypeError(f"{', '.join(self.limits)} cannot limit a {kind} schema")
        return {**schema, **self.limits}


class Interval(Limit):
    """A number from `ge` to `le`, both included."""

    def __init__(self, *, ge: int, le: int) -> None:
        super().__init__(ge=ge, le=le)


class Ge(Limit):
    """A number at least `ge`."""

    def __init__(self, ge: int) -> None:
        super().__init__(ge=ge)


class Le(Limit):
    """A number at most `le`."""

    def __init__(self, le: int) -> None:
        super().__init__(le=le)


class MinLen(Limit):
    """Text or a list of at least `length` characters or items."""

    def __init__(self, length: int) -> None:
        super().__init__(min_length=length)


class MaxLen(Limit):
    """Text or a list of at most `length` characters or items."""

    def __init__(self, length: int) -> None:
        super().__init__(max_length=length)


Id = Annotated[str, _IdRule()]
Text = Annotated[str, _TextRule()]
# Text a respondent or reader meets: a string, or the same text in several languages.
Words = Annotated[str, WordsRule()]


class Known(Check):
    """The id must be one the catalogue lists under `kind` (given as validation context)."""

    def __init__(self, kind: str, what: str, listed_by: str) -> None:
        super().__init__(self.check, info=True)
        self.kind, self.what, self.listed_by = kind, what, listed_by

    def check(self, value: str, info: Any) -> str:
        known = (info.context or {}).get(self.kind)
        if known is not None and value not in known:
            raise ValueError(
                _("unknown {what} id '{value}'{did_you_mean}; use {listed_by}").format(
                    what=_(self.what),
                    value=value,
                    did_you_mean=did_you_mean(value, known),
                    listed_by=_(self.listed_by),
                )
            )
        return value


def unique_ids(items: tuple[Any, ...], path: tuple[str | int, ...], what: str) -> None:
    """Raise at the second of two items that share an id."""
    seen: set[str] = set()
    for index, item in enumerate(items):
        item_id = item.id
        if item_id in seen:
            raise PathError(
                (*path, index, "id"),
                _("duplicate {what} id '{item_id}'").format(what=what, item_id=item_id),
                _("give each one its own id"),
            )
        seen.add(item_id)


def no_repeats(values: tuple[str, ...], path: tuple[str | int, ...]) -> None:
    """Raise at the second of two equal ids in a list: named twice, it would count twice."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise PathError(
                (*path, index),
                _("'{value}' is listed twice in '{path}'").format(value=value, path=path[-1]),
                _("list each id once"),
            )
        seen.add(value)


class Strict(Record):
    """Unknown keys are mistakes (pydantic reads this when it validates into a subclass);
    values never change once loaded (each subclass is a frozen dataclass)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "populate_by_name": True}
