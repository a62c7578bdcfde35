"""JSON output: byte for byte what pydantic's own dump of a result gives, without pydantic."""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from json import loads
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from coprod_cli.plain import build
from coprod_cli.report import json
from coprod_cli.results import Comparison, Result
from tests.builders import CATALOGUE
from tests.conftest import EXAMPLES, Run

# Every float coprod puts in a result is rounded to two decimals (scores 0-3, changes and
# gaps -3 to 3). Python and pydantic write such numbers alike; they differ only below 1e-4
# (1e-05 against 0.00001), which rounding to two decimals never leaves but zero.
FLOATS = (st.sampled_from([0.0, -0.0, 2.0, 1.67, 0.3333, 1 / 3, 3.0, -1.5, 0.01])
          | st.floats(-3, 3).map(lambda x: round(x, 2))
          | st.floats(1e-4, 1e15).map(lambda x: round(x, 2)))
TEXTS = st.text(max_size=6) | st.sampled_from([
    "é ü 中文 😀", "\x00\x08\t\n\x0c\r\x1f\x7f\x80\x9f", "\u2028\u2029\u202e\u061c", '"\\/<>&'])


def _strategy(tp: Any) -> st.SearchStrategy[Any]:
    """Values of a result's field type, every dataclass built field by field."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return st.builds(tp, **{f.name: _strategy(hints[f.name])
                                for f in dataclasses.fields(tp)})
    if origin in (typing.Union, types.UnionType):
        return st.one_of([_strategy(arg) for arg in args])
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        return st.lists(_strategy(args[0]), max_size=2)
    if origin is dict:
        return st.dictionaries(TEXTS, _strategy(args[1]), max_size=2)
    simple: dict[Any, st.SearchStrategy[Any]] = {
        float: FLOATS, str: TEXTS, int: st.integers(-5, 10**6), bool: st.booleans(),
        type(None): st.none(), datetime.date: st.dates()}
    return simple[tp]


def _pydantic(value: Result | Comparison) -> str:
    """What the JSON output was when results were pydantic models: model_dump_json(indent=2)."""
    dumped = TypeAdapter(type(value)).dump_json(value, indent=2).decode()
    return json._safe(dumped) + "\n"


@given(_strategy(Result))
def test_a_result_is_written_as_pydantic_wrote_it(res: Result) -> None:
    written = json.result(res, CATALOGUE)
    assert written == _pydantic(res)
    assert build(Result, loads(written)) == res  # as the GitHub action reads it back


@given(_strategy(Comparison))
def test_a_comparison_is_written_as_pydantic_wrote_it(cmp: Comparison) -> None:
    assert json.comparison(cmp, CATALOGUE) == _pydantic(cmp)


COMMANDS = [
    *(["score", str(path)] for path in sorted(EXAMPLES.glob("*.yaml"))),
    ["score", str(EXAMPLES / "collective-autumn-2026"), "--min-group", "1"],
    ["score", str(EXAMPLES / "google-forms-export.csv")],
    ["score", str(EXAMPLES / "microsoft-forms-export.xlsx")],
    ["score", str(EXAMPLES / "nef-descriptive.yaml"), "--what-if", "networks-2=intermediate",
     "--fail-under", "intermediate"],
    ["compare", str(EXAMPLES / "collective-spring-2026"),
     str(EXAMPLES / "collective-autumn-2026")],
]


def test_text_no_utf_8_can_hold_is_written_escaped_not_a_crash(run: Run) -> None:
    """A byte that is not UTF-8 in an argument reaches Python as a lone surrogate; pydantic's
    dump refused it (exit 3, 'a bug in coprod'), the JSON output writes it as an escape."""
    out = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--service", "A\udcffB",
              "--format", "json", "-o", "-")
    assert out.exit_code == 0, out.stderr
    assert '"service": "A\\udcffB",' in out.stdout
