"""pydantic's errors worded by coprod from their type, never in pydantic's own sentence,
which changes between releases."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from pydantic import ValidationError

from coprod_cli.answers import Answers
from coprod_cli.models import Framework
from coprod_cli.reading.explain import LIMITS, SHOULD_BE, explain, real_errors
from coprod_cli.reading.loader import validated

A_RELEASES_WORDS = "Input should be something, as pydantic 9.9 puts it"


def detail(kind: str, given: Any, ctx: dict[str, Any] | None = None,
           loc: tuple[str | int, ...] = ("source", "year")) -> Any:
    found = {"type": kind, "loc": loc, "msg": A_RELEASES_WORDS, "input": given}
    return {**found, "ctx": ctx} if ctx is not None else found


@pytest.mark.parametrize("kind", sorted(SHOULD_BE))
def test_a_wrong_type_says_what_the_value_should_be(kind: str) -> None:
    what, fix, on_key = explain(detail(kind, "abc"), Framework)
    assert what == f"'year' should be {SHOULD_BE[kind][0]} (got 'abc')"
    assert fix and A_RELEASES_WORDS not in what + fix and not on_key


@pytest.mark.parametrize("kind", sorted(LIMITS))
def test_a_value_outside_a_limit_names_the_limit(kind: str) -> None:
    what, fix, _ = explain(detail(kind, 5, {key: 7 for key in ("ge", "gt", "le", "lt",
                                                               "max_length", "min_length")}),
                           Framework)
    assert what.startswith("'year' ") and "7" in what
    assert fix and A_RELEASES_WORDS not in what + fix


def test_an_error_type_coprod_does_not_know_is_still_worded_by_coprod() -> None:
    what, fix, _ = explain(detail("a_type_from_a_new_release", "abc"), Framework)
    assert (what, fix) == ("'year' cannot be 'abc'", "see 'coprod schema' for what each key "
                                                     "takes")


def test_coprods_own_rule_is_said_in_its_own_words() -> None:
    error = ValueError("'x' is not right; write it another way")
    what, fix, _ = explain(detail("value_error", "x", {"error": error}), Framework)
    assert (what, fix) == ("'x' is not right", "write it another way")


@pytest.mark.parametrize(("given", "shown"), [
    ("x" * 60, "'" + "x" * 36 + "..."), (True, "true"), ([1, 2], "a list"),
    ({"a": 1}, "keys and values"), (datetime.date(2026, 1, 2), "2026-01-02"), (2.5, "2.5")])
def test_what_was_found_is_shown_as_the_file_writes_it_and_shortened(given: Any,
                                                                     shown: str) -> None:
    what, _, _ = explain(detail("int_type", given), Framework)
    assert what == f"'year' should be a whole number (got {shown})"


ANSWERS = {"framework": "nef", "answers": {"assets-1": "intermediate"}}
REAL = [
    ({**ANSWERS, "answers": ["assets-1"]}, "'answers' should be keys and values (got a list)"),
    ({**ANSWERS, "assessed_on": "23/11/2026"}, "'assessed_on' should be a date (got "
                                               "'23/11/2026')"),
    ({**ANSWERS, "service": "x" * 201}, "'service' is longer than 200 characters"),
    ({**ANSWERS, "respondent": {"name": ""}}, "'name' is empty"),
    ({**ANSWERS, "respondent": "carer"}, "'respondent' should be keys and values (got "
                                         "'carer')"),
    ({**ANSWERS, "answers": {"assets-1": {"level": None}}},
     "'level' is empty; use one of not-yet, descriptive, intermediate, transformative, unsure"),
    ({**ANSWERS, "answers": {"assets-1": {"level": [1]}}},
     "a list is not a level; write 0, 1, 2 or 3, or a level word such as intermediate"),
    ({**ANSWERS, "answers": {"assets-1": {"level": True}}}, "true is not a level; write 0"),
]


@pytest.mark.parametrize(("data", "said"), REAL, ids=lambda v: str(v)[-30:])
def test_real_errors_from_the_installed_pydantic(data: dict[str, Any], said: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validated(Answers, data, {})
    details = real_errors(raised.value.errors())
    what, fix, _ = explain(details[0], Answers)
    assert f"{what}; {fix}".startswith(said)
    assert len(details) == 1, "a value that is no member of a union is one error, not one each"
    assert raised.value.errors()[0]["msg"] not in what


YAML_CASES = {
    "a number that is no level": ("  assets-1: 4\n", "this value is not a level; write 0, 1"),
    "yes": ("  assets-1: yes\n", "'assets-1' should be keys and values (got true)"),
    "an empty level": ("  assets-1: {level: null}\n", "'level' is empty; use one of not-yet"),
    "no answers": ("", "'answers' is empty; write 'key: value' lines"),
    "a megabyte of it": (f"  assets-1: {'x' * 1_200_000}\n", "unknown level 'xxxx"),
    "a megabyte of framework": (f"framework: {'x' * 1_200_000}\nanswers:\n  assets-1: 2\n",
                                "unknown framework 'xxxx"),
}


@pytest.mark.parametrize("case", YAML_CASES, ids=list(YAML_CASES))
def test_each_mistake_in_an_answers_file_is_one_plain_short_line(run: Any, case: str) -> None:
    """In coprod's words (never a Python type or pydantic's sentence), the value shortened."""
    body, said = YAML_CASES[case]
    text = body if body.startswith("framework:") else f"framework: nef\nanswers:\n{body}"
    result = run("validate", "-", input=text.encode())
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: <stdin>:") and said in result.stderr
    assert len(result.stderr) < 400
    assert not re.search(r"\b(NoneType|dict|int|bool|instance of|pydantic)\b", result.stderr)
