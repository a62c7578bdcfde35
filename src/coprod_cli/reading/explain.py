"""Pydantic's validation errors, explained in one line: what is wrong and how to fix it."""

from __future__ import annotations

import types
import typing
from typing import Any, Union

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from coprod_cli.errors import did_you_mean


def real_errors(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """The errors worth showing, a misspelt key first (it also causes a 'missing' one).

    A list whose items failed is also reported as too short; that echo is dropped.
    """
    locs = [tuple(d["loc"]) for d in details]
    real = [d for d in details
            if not any(len(other) > len(d["loc"]) and other[:len(d["loc"])] == tuple(d["loc"])
                       for other in locs)]
    return sorted(real, key=lambda d: d["type"] != "extra_forbidden")


def error_path(detail: ErrorDetails) -> tuple[str | int, ...]:
    """Where in the document to point: a missing key's parent, otherwise the value itself."""
    loc = tuple(detail["loc"])
    return loc[:-1] if detail["type"] == "missing" else loc


def explain(detail: ErrorDetails, model: type[BaseModel]) -> tuple[str, str, bool]:
    """What is wrong, how to fix it, and whether to point at the key rather than the value."""
    loc, kind = tuple(detail["loc"]), detail["type"]
    name = str(loc[-1]) if loc else "file"
    if kind == "missing":
        return f"missing '{name}'", f"add '{name}:' with a value here", False
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return (f"unknown key '{name}'{did_you_mean(name, allowed)}",
                "remove it or correct its spelling" + (f"; allowed here: {', '.join(allowed)}"
                                                        if allowed else ""), True)
    message = detail["msg"].removeprefix("Value error, ")
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


def _fields_at(model: Any, loc: tuple[str | int, ...]) -> list[str]:
    """The keys allowed at `loc`, following the models' annotations."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            found = next((f for n, f in current.model_fields.items()
                          if part in (n, f.alias)), None)
            current = found.annotation if found else None
        else:
            args = [a for a in typing.get_args(current) if a is not Ellipsis]
            current = args[-1] if args else None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation
