"""Pydantic's validation errors, explained in one line: what is wrong and how to fix it."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import TYPE_CHECKING, Any, Union

from coprod_cli.errors import did_you_mean

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

# An unknown key: pydantic says `unexpected_keyword_argument` for a dataclass, as a model
# with extra="forbid" says `extra_forbidden`.
UNKNOWN_KEY = frozenset({"extra_forbidden", "unexpected_keyword_argument"})


def real_errors(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """The errors worth showing, a misspelt key first (it also causes a 'missing' one).

    A list whose items failed is also reported as too short; that echo is dropped.
    """
    locs = [tuple(d["loc"]) for d in details]
    real = [d for d in details
            if not any(len(other) > len(d["loc"]) and other[:len(d["loc"])] == tuple(d["loc"])
                       for other in locs)]
    return sorted(real, key=lambda d: d["type"] not in UNKNOWN_KEY)


def error_path(detail: ErrorDetails) -> tuple[str | int, ...]:
    """Where in the document to point: a missing key's parent, otherwise the value itself."""
    loc = tuple(detail["loc"])
    return loc[:-1] if detail["type"] == "missing" else loc


def explain(detail: ErrorDetails, model: type[Any]) -> tuple[str, str, bool]:
    """What is wrong, how to fix it, and whether to point at the key rather than the value."""
    loc, kind = tuple(detail["loc"]), detail["type"]
    name = str(loc[-1]) if loc else "file"
    if kind == "missing":
        return f"missing '{name}'", f"add '{name}:' with a value here", False
    if kind in UNKNOWN_KEY:
        allowed = _fields_at(model, loc[:-1])
        return (f"unknown key '{name}'{did_you_mean(name, allowed)}",
                "remove it or correct its spelling" + (f"; allowed here: {', '.join(allowed)}"
                                                        if allowed else ""), True)
    message = _message(detail)
    if kind in {"value_error", "assertion_error"}:
        what, _, fix = message.partition("; ")
        return what, fix, False
    if kind == "string_pattern_mismatch":
        return (f"'{detail['input']}' is not a valid id for '{name}'",
                "ids use lower-case letters and digits joined by single hyphens, like "
                "'shared-roles-2'", False)
    if kind == "string_too_short":
        return f"'{name}' is empty", "write some text here", False
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        choices = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
        given = str(detail["input"])
        return (f"'{given}' is not allowed for '{name}'{did_you_mean(given, choices)}",
                f"use one of {expected}", False)
    return (f"'{name}': {message[:1].lower()}{message[1:]} (got {_short(detail['input'])})",
            "see 'coprod schema' for what each key takes", False)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _message(detail: ErrorDetails) -> str:
    """pydantic's message; a dataclass's wrong type is worded as a model's always was."""
    if detail["type"] == "dataclass_type":
        name = detail.get("ctx", {}).get("class_name", "")
        return f"Input should be a valid dictionary or instance of {name}"
    return detail["msg"].removeprefix("Value error, ")


def _fields_at(model: Any, loc: tuple[str | int, ...]) -> list[str]:
    """The keys allowed at `loc`, following the models' annotations."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if _is_model(current):
            current = next((hint for name, key, hint in _keys(current) if part in (name, key)),
                           None)
        else:
            args = [a for a in typing.get_args(current) if a is not Ellipsis]
            current = args[-1] if args else None
    current = _unwrap(current)
    return [key for _, key, _ in _keys(current)] if _is_model(current) else []


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and dataclasses.is_dataclass(annotation)


def _keys(model: type[Any]) -> list[tuple[str, str, Any]]:
    """Each field's name, its key in a file (its alias, if it has one) and its annotation."""
    hints = typing.get_type_hints(model, include_extras=True)
    return [(item.name, str(item.metadata.get("alias", item.name)), hints[item.name])
            for item in dataclasses.fields(model) if item.init]


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation
