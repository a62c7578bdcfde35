"""Shared fixtures: the CLI run in-process, and the folders of example data."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from coprod_cli.cli import app

# Keep the cache of validated built-in frameworks out of the developer's home, and remove it
# when the run ends.
if "COPROD_CACHE_DIR" not in os.environ:
    os.environ["COPROD_CACHE_DIR"] = tempfile.mkdtemp(prefix="coprod-cache-")
    atexit.register(shutil.rmtree, os.environ["COPROD_CACHE_DIR"], ignore_errors=True)

# Property tests are the same on every run, so they cannot turn CI red at random; a longer
# randomised search stays one variable away: HYPOTHESIS_PROFILE=explore python -m pytest
settings.register_profile("repeatable", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", max_examples=2000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

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


GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """Compare output with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites them deliberately."""
    import os

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"no golden file {name}: run with UPDATE_GOLDEN=1 and review it"
        assert actual == path.read_text(encoding="utf-8")

    return check


def render_text(rendered: object) -> str:
    """A renderer's output as text: strings as they are, rich renderables at 100 columns."""
    if isinstance(rendered, str):
        return rendered
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=100, no_color=True, highlight=False).print(rendered)
    return buffer.getvalue()
