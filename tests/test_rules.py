"""How a field states its rules: ids, text, checks and the catalogue's ids, as pydantic reads
them, and duplicate ids refused at the second."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pydantic import TypeAdapter, ValidationError

from coprod_cli.errors import PathError
from coprod_cli.rules import Check, Id, Known, Text, unique_ids


@pytest.mark.parametrize("value", ["12", "1e3", "0x1f", "2026-01-01", "yes", "null"])
def test_an_id_yaml_reads_as_something_else_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="cannot be an id"):
        TypeAdapter(Id).validate_python(value)


def test_an_id_is_lower_case_words_joined_by_hyphens() -> None:
    assert TypeAdapter(Id).validate_python("networks-1") == "networks-1"
    with pytest.raises(ValidationError):
        TypeAdapter(Id).validate_python("Networks 1")


def test_text_is_trimmed_and_never_empty() -> None:
    assert TypeAdapter(Text).validate_python("  a  ") == "a"
    with pytest.raises(ValidationError):
        TypeAdapter(Text).validate_python("   ")


def test_a_check_runs_its_function_on_the_value() -> None:
    from typing import Annotated

    doubled = TypeAdapter(Annotated[int, Check(lambda v: v * 2)])
    assert doubled.validate_python(3) == 6


def test_an_id_the_catalogue_does_not_know_is_refused_with_the_closest() -> None:
    known = Known("scopes", "scope", "an id from 'scopes'")
    assert known.check("service", SimpleNamespace(context={"scopes": {"service"}})) == "service"
    with pytest.raises(ValueError, match=r"unknown scope id 'servce' .*'service'"):
        known.check("servce", SimpleNamespace(context={"scopes": {"service"}}))
    assert known.check("any", SimpleNamespace(context=None)) == "any"  # no catalogue given


def test_the_second_of_two_items_with_one_id_is_the_error() -> None:
    items = (SimpleNamespace(id="a"), SimpleNamespace(id="b"), SimpleNamespace(id="a"))
    with pytest.raises(PathError) as raised:
        unique_ids(items, ("roles",), "role")
    assert raised.value.path == ("roles", 2, "id")


@pytest.mark.parametrize(("model", "data", "says"), [
    ("Level", {"id": "descriptive", "name": "X", "value": 4, "descriptor": "d", "plain": "p"},
     "less than or equal to 3"),
    ("Source", {"title": "t", "author": "a", "year": 1800}, "greater than or equal to 1900"),
    ("Dimension", {"id": "d", "name": "D", "text": "t", "plain": "p", "statements": []},
     "at least 1 item"),
])
def test_bounds_and_lengths_written_as_markers_are_enforced(model: str, data: dict[str, object],
                                                            says: str) -> None:
    """A level's value is 0-3, a source's year 1900-2100, a dimension has a statement."""
    from pydantic import ValidationError

    from coprod_cli import models
    from coprod_cli.reading.loader import validated

    with pytest.raises(ValidationError, match=says):
        validated(getattr(models, model), data)


def test_the_limit_markers_check_text_lists_and_numbers_as_pydantic_states_them() -> None:
    """MaxLen, MinLen, Ge and Le set the same checks as annotated_types' markers, and the
    JSON Schema says them (maxLength, minItems, minimum, maximum)."""
    from typing import Annotated

    from coprod_cli.rules import Ge, Le, MaxLen, MinLen

    short = TypeAdapter(Annotated[Text, MaxLen(3)])
    assert short.validate_python(" abc ") == "abc"
    with pytest.raises(ValidationError, match="at most 3 characters"):
        short.validate_python("abcd")
    some = TypeAdapter(Annotated[tuple[int, ...], MinLen(1)])
    with pytest.raises(ValidationError, match="at least 1 item"):
        some.validate_python([])
    counted = TypeAdapter(Annotated[int, Ge(1), Le(9)])
    assert counted.validate_python(9) == 9
    for outside in (0, 10):
        with pytest.raises(ValidationError):
            counted.validate_python(outside)
    assert short.json_schema()["maxLength"] == 3
    assert some.json_schema()["minItems"] == 1
    assert (counted.json_schema()["minimum"], counted.json_schema()["maximum"]) == (1, 9)


def test_a_limit_the_type_cannot_take_is_refused_when_the_validator_is_built() -> None:
    """A length on a number would be dropped in silence; it is refused instead."""
    from typing import Annotated

    from coprod_cli.rules import MaxLen

    with pytest.raises(TypeError, match="max_length cannot limit a int schema"):
        TypeAdapter(Annotated[int, MaxLen(3)])
