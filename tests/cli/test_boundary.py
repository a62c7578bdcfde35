"""The error boundary: a bug is one line and exit 3 (its traceback with --debug), Ctrl-C exit
130, a closed pipe a quiet exit, and every message said through say()."""

from __future__ import annotations

import subprocess
import sys

import pytest

import coprod_cli.cli.listing
from coprod_cli.cli import main
from tests.conftest import ROOT, Run


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



def test_the_garbage_collector_skips_what_lives_until_exit_but_runs_for_the_work() -> None:
    """Start-up: coprod's imports and the command it builds live until it exits, so they are
    made with the collector off (no collection runs while `coprod_cli.cli` is imported, until
    they are frozen; Python 3.13 may run one just after, with nothing left to look at) and
    frozen after, and at exit everything is frozen out of the interpreter's last pass; the work
    itself (reading, counting, scoring a large export) runs with the collector on, so memory
    stays flat; an importer gets the collector back as it had it."""
    code = (
        "import gc, sys\n"
        "seen = []\n"
        "gc.collect()\n"
        "# each collection: how much was frozen, and which of coprod's modules cli/__init__.py\n"
        "# had imported by then (one due while Python reads or compiles that file itself, before\n"
        "# its first line runs, is not coprod's: a busy or fresh machine may have one there)\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and seen.append(\n"
        "    (gc.get_freeze_count(), [name for name in sys.modules if name.startswith(\n"
        "        'coprod_cli.') and name != 'coprod_cli.cli'])))\n"
        "import coprod_cli.cli\n"
        "unfrozen = [frozen for frozen, imported in seen if frozen < 1000 and imported]\n"
        "print('collections before the freeze', len(unfrozen), 'on after', gc.isenabled())\n"
        "import typer.main\n"
        "from coprod_cli.scoring import engine\n"
        "build, real = typer.main.get_command_from_info, engine.score\n"
        "def built(*args, **kwargs):\n"
        "    print('on while the command is built', gc.isenabled())\n"
        "    return build(*args, **kwargs)\n"
        "def watched(*args, **kwargs):\n"
        "    print('on while scoring', gc.isenabled())\n"
        "    return real(*args, **kwargs)\n"
        "typer.main.get_command_from_info, engine.score = built, watched\n"
        "sys.argv = ['coprod', 'score', 'examples/collective-autumn-2026', '-f', 'json']\n"
        "try:\n    coprod_cli.cli.main()\nexcept SystemExit as end:\n"
        "    left = len(gc.get_objects())\n"
        "    print('exit', end.code, 'on', gc.isenabled(), 'all but a few frozen', left < 200)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    lines = out.stdout.splitlines()
    assert lines[:3] == ["collections before the freeze 0 on after True",
                         "on while the command is built False", "on while scoring True"]
    assert lines[-1] == "exit 0 on True all but a few frozen True"
    off = subprocess.run([sys.executable, "-c", "import gc\ngc.disable()\nimport coprod_cli.cli\n"
                          "print(gc.isenabled())"], capture_output=True, text=True, check=True)
    assert off.stdout == "False\n"
