"""Shared fixtures: the CLI run in-process, and the folders of example data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from coprod_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"
FRAMEWORKS = ROOT / "frameworks"

Run = Callable[..., Result]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run coprod with arguments (and optional standard input); stdout and stderr apart."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(app, list(args), input=input)

    return invoke
