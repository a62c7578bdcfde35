"""Usage errors worded by coprod from what the parser found, whatever sentence a release of
click or typer puts in them."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from coprod_cli.cli import glue, usage
from tests.conftest import Run

ERRORS: Any = glue.errors
NEW_WORDS = "Some sentence a new release of click words differently"


# An option as click describes it, whose type is one coprod has no words for.
OPTION = SimpleNamespace(param_type_name="option", opts=("--min-group",),
                         type=SimpleNamespace(name="a type from a new release"))


def test_a_bad_value_from_the_library_is_worded_by_coprod() -> None:
    error = ERRORS.BadParameter(NEW_WORDS, param=OPTION)
    assert usage.words(error, ERRORS) == "--min-group: this value cannot be used here"
    assert usage.words(error, ERRORS, given="x") == "--min-group: 'x' is not a value it takes"


def test_an_error_that_names_nothing_is_still_coprods_line() -> None:
    assert usage.words(ERRORS.UsageError(NEW_WORDS), ERRORS) == ("the command line cannot be "
                                                                 "read as given")


def test_a_huge_value_typed_is_never_echoed_whole(run: Run) -> None:
    """A megabyte pasted by mistake as a value or an option gives one short line."""
    huge = "9" * 100_000
    for args in (["score", "--format", huge], ["score", "x.yaml", "--min-group", huge],
                 ["score", f"--{huge}"], ["feedback", "x.yaml", "-f", huge]):
        out = run(*args)
        assert out.exit_code == 2 and out.stderr.count("\n") == 1
        assert len(out.stderr) < 200 and "..." in out.stderr
