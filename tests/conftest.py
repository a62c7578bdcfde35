"""Shared fixtures: the CLI run in-process, and the folders of example data."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
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


@pytest.fixture(autouse=True)
def _own_memory_of_what_was_shared(tmp_path_factory: pytest.TempPathFactory,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with coprod remembering no shared result (reading/ledger.py), in a
    folder of its own: never the developer's, never another test's."""
    monkeypatch.setenv("COPROD_STATE_DIR", str(tmp_path_factory.mktemp("state") / "coprod"))


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run coprod with arguments (and optional standard input); stdout and stderr apart."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(app, list(args), input=input)

    return invoke


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """A test that chose Welsh (`--lang cy`) leaves coprod's own words in English after it."""
    yield
    from coprod_cli import i18n

    i18n.use("en")


GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """coprod's start-up cache in a new folder of this test's (reading/cache.py)."""
    monkeypatch.setenv("COPROD_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


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


def typer_imports_pydantic() -> bool:
    """typer 0.29 and later coerce every option through pydantic, so any run imports it."""
    import importlib.metadata

    major, minor = (int(part) for part in importlib.metadata.version("typer").split(".")[:2])
    return (major, minor) >= (0, 29)


def modules_of_a_warm_run(argv: list[str], cache: Path) -> list[str]:
    """The modules a fresh `coprod ARGV` process imported, run twice with one cache folder so
    the second run starts warm (the first fills the cache)."""
    import subprocess
    import sys

    code = ("import atexit, runpy, sys\n"
            "atexit.register(lambda: print('\\nmodules:', *sorted(sys.modules)))\n"
            f"sys.argv = {['coprod', *argv]!r}\n"
            "runpy.run_module('coprod_cli', run_name='__main__', alter_sys=True)\n")
    env = {**os.environ, "COPROD_CACHE_DIR": str(cache)}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=ROOT, env=env, check=True) for _ in range(2)]
    return runs[1].stdout.rpartition("\nmodules:")[2].split()


def pydantic_in(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in {"pydantic", "pydantic_core"}]


def as_from_a_terminal() -> None:
    """For a child process (preexec_fn): Ctrl-C interrupts, as in a terminal. A CI runner that
    starts the tests in the background of a shell without job control hands every child
    SIGINT ignored, and a test of what Ctrl-C does would then wait for nothing."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)

