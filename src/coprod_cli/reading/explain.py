"""Pydantic's validation errors, explained in one line: what is wrong and how to fix it.

pydantic words its messages anew between releases ('Input should be a valid dictionary or
instance of X' became '... a dictionary or an instance of X'), so they are never shown: each
error is worded here from its type, which pydantic keeps stable, and what it found.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from typing import TYPE_CHECKING, Any, Literal, Union

from coprod_cli.errors import did_you_mean
from coprod_cli.i18n import N_, _

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

# An unknown key: pydantic says `unexpected_keyword_argument` for a dataclass, as a model
# with extra="forbid" says `extra_forbidden`.
UNKNOWN_KEY = frozenset({"extra_forbidden", "unexpected_keyword_argument"})
# pydantic names each member of a union it tried in the location, as `literal['a','b']`.
_UNION_MEMBER = re.compile(r"[a-z][a-z0-9_-]*\[.*\]", re.DOTALL)

# What a value should be, by the types of error that say it is not, and how to write one.
_KINDS = {
    ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        (N_("a whole number"), N_("write it in digits only")),
    ("float_type", "float_parsing", "finite_number"):
        (N_("a number"), N_("write a number, like 2.5")),
    ("string_type", "string_sub_type", "string_unicode"):
        (N_("text"), N_("write text here (in quotes if YAML would read it as a number, a date "
                        "or true/false)")),
    ("bool_type", "bool_parsing"): (N_("true or false"), N_("write true or false")),
    ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        (N_("a date"), N_("write it as YYYY-MM-DD, like 2026-11-23")),
    ("dict_type", "mapping_type", "dataclass_type", "dataclass_exact_type", "model_type",
     "model_attributes_type"):
        (N_("keys and values"), N_("write 'key: value' lines indented under it, as 'coprod "
                                   "schema' shows")),
    ("list_type", "tuple_type", "set_type", "frozen_set_type", "iterable_type"):
        (N_("a list"), N_("write each item on a line of its own, starting with '- '")),
}
SHOULD_BE = {kind: words for kinds, words in _KINDS.items() for kind in kinds}
# A limit the value is outside: the sentence, and the key of pydantic's context holding it.
LIMITS = {
    "greater_than_equal": (N_("'{name}' should be {limit} or more (got {given})"), "ge"),
    "greater_than": (N_("'{name}' should be more than {limit} (got {given})"), "gt"),
    "less_than_equal": (N_("'{name}' should be {limit} or less (got {given})"), "le"),
    "less_than": (N_("'{name}' should be less than {limit} (got {given})"), "lt"),
    "string_too_long": (N_("'{name}' is longer than {limit} characters"), "max_length"),
    "string_too_short": (N_("'{name}' is shorter than {limit} characters"), "min_length"),
    "too_long": (N_("'{name}' has more than {limit} items"), "max_length"),
    "too_short": (N_("'{name}' has fewer than {limit} items"), "min_length"),
}
SCHEMA = N_("see 'coprod schema' for what each key takes")


def location(detail: ErrorDetails) -> tuple[str | int, ...]:
    """Where the error is in the document: pydantic's location without the union members."""
    return tuple(part for part in detail["loc"]
                 if not (isinstance(part, str) and _UNION_MEMBER.fullmatch(part)))


def real_errors(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """The errors worth showing, a misspelt key first (it also causes a 'missing' one).

    A list whose items failed is also reported as too short, and a value that is none of a
    union's members fails once for each; those echoes are dropped.
    """
    locs = [location(d) for d in details]
    real: dict[tuple[str | int, ...], ErrorDetails] = {}
    for detail, loc in zip(details, locs, strict=True):
        if not any(len(other) > len(loc) and other[:len(loc)] == loc for other in locs):
            real.setdefault(loc, detail)
    return sorted(real.values(), key=lambda d: d["type"] not in UNKNOWN_KEY)


def error_path(detail: ErrorDetails) -> tuple[str | int, ...]:
    """Where in the document to point: a missing key's parent, otherwise the value itself."""
    loc = location(detail)
    return loc[:-1] if detail["type"] == "missing" else loc


def explain(detail: ErrorDetails, model: type[Any]) -> tuple[str, str, bool]:
    """What is wrong, how to fix it, and whether to point at the key rather than the value."""
    loc = location(detail)
    name = str(loc[-1]) if loc else "file"
    if detail["type"] in UNKNOWN_KEY:
        allowed = _fields_at(model, loc[:-1])
        return (_("unknown key '{name}'{suggestion}").format(
                    name=name, suggestion=did_you_mean(name, allowed)),
                _("remove it or correct its spelling") + (
                    _("; allowed here: {keys}").format(keys=", ".join(allowed)) if allowed
                    else ""), True)
    return (*_words(detail, name, model, loc), False)


def _words(detail: ErrorDetails, name: str, model: type[Any],
           loc: tuple[str | int, ...]) -> tuple[str, str]:
    """What is wrong and how to fix it, from the error's type and what pydantic found."""
    kind, given = detail["type"], detail.get("input")
    if kind == "missing":
        return (_("missing '{name}'").format(name=name),
                _("add '{name}:' with a value here").format(name=name))
    if kind in ("value_error", "assertion_error"):
        return _own(detail, name)
    if kind == "literal_error":
        return _not_a_choice(name, given, _literals(_annotation_at(model, loc)))
    if given is None or kind in SHOULD_BE:
        what, fix = SHOULD_BE.get(kind, ("", SCHEMA))
        return _should_be(name, given, _(what) if what else "", _(fix))
    if kind in LIMITS:
        return _outside(detail, name)
    if kind == "string_pattern_mismatch":
        return (_("{given} is not a valid id for '{name}'").format(given=shown(given), name=name),
                _("ids use lower-case letters and digits joined by single hyphens, like "
                  "'shared-roles-2'"))
    return _("'{name}' cannot be {given}").format(name=name, given=shown(given)), _(SCHEMA)


def _own(detail: ErrorDetails, name: str) -> tuple[str, str]:
    """A rule of coprod's own refused the value: its words, as it raised them."""
    error = detail.get("ctx", {}).get("error")
    what, _sep, fix = str(error).partition("; ") if error is not None else ("", "", "")
    return (what, fix) if what else (
        _("'{name}' cannot be {given}").format(name=name, given=shown(detail.get("input"))),
        _(SCHEMA))


def _should_be(name: str, given: Any, what: str, fix: str) -> tuple[str, str]:
    if given is None or given == "":
        return (_("'{name}' is empty").format(name=name),
                fix if what else _("give it a value, or remove the key"))
    return (_("'{name}' should be {what} (got {given})").format(name=name, what=what,
                                                               given=shown(given)), fix)


def _outside(detail: ErrorDetails, name: str) -> tuple[str, str]:
    """A number out of bounds, or text or a list too long or too short."""
    sentence, key = LIMITS[detail["type"]]
    limit = detail.get("ctx", {}).get(key)
    if key == "min_length" and limit == 1:
        return _("'{name}' is empty").format(name=name), _("write some text here") if detail[
            "type"].startswith("string") else _("give it at least one item")
    what = _(sentence).format(name=name, limit=limit, given=shown(detail.get("input")))
    return what, _("correct it; 'coprod schema' gives every key's limits")


def _not_a_choice(name: str, given: Any, choices: list[str]) -> tuple[str, str]:
    said = str(given)
    fix = _("use one of {join}").format(join=", ".join(choices)) if choices else _(SCHEMA)
    if given is None or said == "":
        return _("'{name}' is empty").format(name=name), fix
    return _("'{said}' is not allowed for '{name}'{suggestion}").format(
        said=said, name=name, suggestion=did_you_mean(said, choices)), fix


def shown(value: Any) -> str:
    """A value as the file would show it, shortened: text quoted, true/false, a list..."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        text = _("a list")
    elif isinstance(value, dict):
        text = _("keys and values")
    else:
        text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _literals(annotation: Any) -> list[str]:
    """The values a Literal (or a union of them) allows, in order."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _literals(args[0])
    if origin is Literal:
        return [str(arg) for arg in args]
    if origin in (Union, types.UnionType):
        return [value for arg in args for value in _literals(arg)]
    return []


def _fields_at(model: Any, loc: tuple[str | int, ...]) -> list[str]:
    """The keys allowed at `loc`, following the models' annotations."""
    current = _unwrap(_annotation_at(model, loc))
    return [key for _, key, _ in _keys(current)] if _is_model(current) else []


def _annotation_at(model: Any, loc: tuple[str | int, ...]) -> Any:
    """The annotation of the value at `loc`, following the models' annotations."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if _is_model(current):
            current = next((hint for name, key, hint in _keys(current) if part in (name, key)),
                           None)
        else:
            args = [a for a in typing.get_args(current) if a is not Ellipsis]
            current = args[-1] if args else None
    return current


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
