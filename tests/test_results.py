"""The versioned result and comparison shapes: what scoring makes is typed as they declare."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from coprod_cli.results import Comparison, Result
from tests.conftest import Run
from tests.report.test_json import COMMANDS, _pydantic


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(a.split("/")[-1]
                                                                      for a in args))
def test_what_scoring_makes_is_typed_as_the_result_says(run: Run, args: list[str]) -> None:
    """The producers hand each field the type it declares (a float, never an int: 2.0, not
    2), as pydantic made sure by converting when results were validated models."""
    out = run(*args, "--format", "json", "-o", "-")
    assert out.exit_code in (0, 1), out.stderr
    shape: type[Result | Comparison] = Comparison if args[0] == "compare" else Result
    assert _pydantic(TypeAdapter(shape).validate_json(out.stdout)) == out.stdout
