"""The error boundary: a bug is one line and exit 3 (its traceback with --debug), Ctrl-C exit
130, a closed pipe a quiet exit, and every message said through say()."""

from __future__ import annotations

import subprocess
import sys

import pytest

import coprod_cli.cli.listing
from coprod_cli.cli import main
from tests.conftest import Run


def _broken(*args: object, **kwargs: object) -> object:
    raise RuntimeError("something nobody planned for")


def test_a_bug_is_one_line_and_exit_3(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coprod_cli.cli.listing, "library", _broken)
    result = run("frameworks")
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: this is a bug in coprod (RuntimeError: something "
                                    "nobody planned for); please report it at ")
    assert "with the command you ran" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("how", ["option", "environment"])
def test_debug_shows_the_traceback(run: Run, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setattr(coprod_cli.cli.listing, "library", _broken)
    if how == "environment":
        monkeypatch.setenv("COPROD_DEBUG", "1")
    result = run(*(["--debug"] if how == "option" else []), "frameworks")
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr
    assert "this is a bug in coprod" in result.stderr


def test_ctrl_c_is_130_not_1(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(coprod_cli.cli.listing, "library", interrupted)
    assert run("frameworks").exit_code == 130


def test_a_bug_outside_any_command_is_exit_3(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(coprod_cli.cli, "app", _broken)
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 3
    assert "this is a bug in coprod" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_a_closed_pipe_ends_quietly(fmt: str) -> None:
    """`coprod show scie | head -1`: no traceback, no 'bug', and not exit 1 (a gate)."""
    process = subprocess.Popen([sys.executable, "-m", "coprod_cli", "show", "scie", "--format",
                                fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert error == ""


def test_every_message_goes_through_say() -> None:
    """Messages carry file names and cell values: only boundary.py (and common.py's --version)
    may call typer.echo, so every other module's message has its control characters made
    visible by say()."""
    import ast
    from pathlib import Path

    import coprod_cli.cli

    folder = Path(coprod_cli.cli.__file__).parent
    for path in folder.glob("*.py"):
        if path.name in ("boundary.py", "common.py"):
            continue
        calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Attribute) and node.attr == "echo"]
        assert not calls, f"{path.name}: use say() from cli/boundary.py instead of typer.echo"
