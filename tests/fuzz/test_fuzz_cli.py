"""The command line fed arbitrary input on standard input, and mutated form exports: an exit
code of 0, 1 or 2 with its message, never exit 3, a traceback or raw control characters."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from coprod_cli.cli import app
from tests.conftest import EXAMPLES
from tests.fuzz.strategies import FUZZ, RAW, anything, mutated

ANSWERS = (EXAMPLES / "nef-descriptive.yaml").read_bytes()
CSV = (EXAMPLES / "online-form.csv").read_bytes()
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}


def check(args: list[str], stdin: bytes | None = None) -> None:
    result = CliRunner().invoke(app, args, input=stdin, env=ENV)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "bug in coprod" not in result.stderr
    assert not RAW.search(result.stdout), result.stdout
    assert not RAW.search(result.stderr), result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith("error: ") or "skipped" in result.stderr


@FUZZ
@given(anything(ANSWERS), st.sampled_from(["text", "markdown", "json", "html"]))
def test_standard_input(data: bytes, fmt: str) -> None:
    check(["score", "-", "--format", fmt], data)


@FUZZ
@given(anything(ANSWERS))
def test_validate_standard_input(data: bytes) -> None:
    check(["validate", "-"], data)


@FUZZ
@given(st.one_of(mutated(CSV), st.binary(max_size=400)), st.sampled_from(["text", "markdown"]))
def test_form_exports(data: bytes, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(data)
        check(["score", str(path), "--format", fmt, "--min-group", "1"])
