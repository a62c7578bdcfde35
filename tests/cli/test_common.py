"""The shared parts of the command line: the error boundary (a bug is one line and exit 3,
never a traceback or exit 1), -o FILE written whole or refused, and the exit codes in help."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, Run, as_from_a_terminal


def test_help_documents_the_exit_codes(run: Run) -> None:
    text = " ".join(run("--help").stdout.split())
    assert "3 a bug in coprod" in text
    assert "--debug" in text


def test_output_to_a_folder_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = run("schema", "answers", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (f"error: --output: '{tmp_path}' is a folder, not a file; see "
                             "'coprod schema --help'\n")


def test_output_over_a_read_only_file_is_refused(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("kept")
    path.chmod(0o444)
    result = run("schema", "answers", "-o", str(path))
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert path.read_text() == "kept"


def test_output_to_a_device_leaves_the_device(run: Run, tmp_path: Path) -> None:
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("cannot make a device node here (needs root on Linux)")
    assert run("schema", "answers", "-o", str(node)).exit_code == 0
    assert run("template", "nef", "-o", str(node)).exit_code == 0
    assert stat.S_ISCHR(node.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="no /dev/stdout")
def test_output_to_dev_stdout_reaches_the_pipe() -> None:
    out = subprocess.run([sys.executable, "-m", "coprod_cli", "template", "nef", "-o",
                          "/dev/stdout"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("# coprod answers") and "Wrote /dev/stdout" in out.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="no /dev/stdout")
def test_dev_stdout_redirected_to_a_file_is_written_not_refused(tmp_path: Path) -> None:
    target = tmp_path / "blank.yaml"
    with target.open("w") as stream:
        subprocess.run([sys.executable, "-m", "coprod_cli", "template", "nef", "-o",
                        "/dev/stdout"], stdout=stream, stderr=subprocess.PIPE, check=True)
    assert target.read_text().startswith("# coprod answers")


def test_output_dash_is_standard_output_not_a_file(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["level"] == "descriptive"
    assert not (tmp_path / "-").exists()


def test_top_level_help_names_the_exit_codes_and_the_formats(run: Run) -> None:
    out = run("--help").stdout
    for code in ("0    done", "1    a gate not met", "2    invalid input or usage",
                 "3    a bug in coprod", "130  interrupted"):
        assert code in out
    assert all(fmt in out for fmt in ("text (", "json (", "markdown (", "html ("))
    assert "..." not in out.split("Commands:")[1].split("Report formats")[0]


@pytest.mark.parametrize(("args", "expected"), [
    (["score", str(EXAMPLES / "collective-autumn-2026"), "--show-names"], 0o600),
    (["score", str(EXAMPLES / "collective-autumn-2026")], 0o644),
    (["compare", str(EXAMPLES / "collective-spring-2026"), str(EXAMPLES / "collective-autumn-2026"),
      "--show-names"], 0o600),
    (["template", "nef"], 0o600),
    (["schema", "answers"], 0o644),
], ids=["names", "no names", "comparison with names", "blank answers", "schema"])
def test_what_names_respondents_or_holds_answers_is_private(
        run: Run, tmp_path: Path, args: list[str], expected: int) -> None:
    """Under umask 022 a report is 0644, but one naming respondents, or an answers file, is
    0600 whatever the umask."""
    old = os.umask(0o022)
    try:
        result = run(*args, "-o", str(tmp_path / "out.yaml"))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "out.yaml").stat().st_mode) == expected


def coprod(*args: str, close: int | None = None, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """coprod as its own process, with standard input (0) or output (1) closed if asked."""
    return subprocess.run([sys.executable, "-m", "coprod_cli", *args], text=True,
                          preexec_fn=None if close is None else lambda: os.close(close),
                          **{"stderr": subprocess.PIPE, **kwargs})


FULL = "error: cannot write the output (No space left on device); free some space where it " \
    "goes, or write it elsewhere with -o FILE\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full to fill")
@pytest.mark.parametrize("args", [["show", "nef"], ["show", "nef", "-f", "json"],
                                  ["score", str(EXAMPLES / "nef-descriptive.yaml")],
                                  ["form", "nef", "-f", "html"], ["schema", "answers"]])
def test_a_full_standard_output_is_one_line_and_exit_2(args: list[str]) -> None:
    """Not a bug (exit 3), and no second complaint when Python flushes at exit."""
    with open("/dev/full", "w") as full:
        result = coprod(*args, stdout=full)
    assert (result.returncode, result.stderr) == (2, FULL)


@pytest.mark.skipif(sys.platform == "win32", reason="closes a descriptor in the child")
@pytest.mark.parametrize(("args", "said"), [
    (["score", "-"], "error: -: standard input is closed, so '-' has nothing to read; name the "
     "file, or pipe it in: coprod ... - < FILE\n"),
    (["validate", "-"], "error: -: standard input is closed"),
    (["assess", "nef", "-o", "x.yaml"], "error: standard input is closed, so the questionnaire "
     "cannot read your answers; run it at a terminal, or pipe the answers in\n"),
])
def test_a_closed_standard_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str],
                                                       said: str) -> None:
    result = coprod(*args, close=0, cwd=tmp_path, stdout=subprocess.PIPE)
    assert result.returncode == 2 and result.stderr.startswith(said)
    assert result.stderr.count("\n") == 1 and not (tmp_path / "x.yaml").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="closes a descriptor in the child")
def test_a_closed_standard_output_is_said_unless_the_output_goes_to_a_file(
        tmp_path: Path) -> None:
    """Shown nowhere and exit 0 would pass for success; with -o it is no matter."""
    for args in (["show", "nef"], ["assess", "nef", "-o", "x.yaml"],
                 ["validate", str(EXAMPLES / "nef-descriptive.yaml")]):
        result = coprod(*args, close=1, cwd=tmp_path, stdin=subprocess.DEVNULL)
        assert result.returncode == 2 and result.stderr.count("\n") == 1
        assert result.stderr.startswith("error: ") and "standard output is closed, so " \
            in result.stderr
    result = coprod("show", "nef", "-o", "nef.txt", close=1, cwd=tmp_path)
    assert result.returncode == 0 and (tmp_path / "nef.txt").read_text().startswith("NEF")


# The child holds the write open between the temporary file made and renamed, and says so on
# a pipe: the signal goes only once it is held, with no sleep on either side. A signal that
# comes at any moment after that is kept in the wakeup pipe, so it is acted on however late
# the child runs (a timed sleep in the child could miss one that came just before it began,
# and then sleep on: the test once waited 60 s for that under load).
HELD_WRITE = """import os, signal, sys
ready = int(sys.argv.pop(1))
def held(handle):
    woken, wake = os.pipe()
    os.set_blocking(wake, False)
    signal.set_wakeup_fd(wake)
    os.write(ready, b"1")
    while True:  # each signal writes a byte, and its handler runs before the next read
        os.read(woken, 1)
os.fsync = held
from coprod_cli.cli import main
sys.argv = ["coprod", *sys.argv[1:]]
main()
"""
NEVER = 600  # seconds: only a coprod that ignores the signal (or hangs) gets this far


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_a_kill_while_a_file_is_written_leaves_no_temporary_file(tmp_path: Path,
                                                                 sig: str) -> None:
    """A real signal, sent while the temporary file exists: exit 130, the output not written
    and nothing left beside it, nor in the cache folder (SIGTERM once left them behind)."""
    import select
    import signal

    env = {**os.environ, "COPROD_CACHE_DIR": str(tmp_path / "cache")}
    ready, told = os.pipe()
    process = subprocess.Popen([sys.executable, "-c", HELD_WRITE, str(told), "show", "nef",
                                "-f", "json", "-o", str(tmp_path / "nef.json")], env=env,
                               stderr=subprocess.PIPE, text=True, pass_fds=(told,),
                               preexec_fn=as_from_a_terminal)
    os.close(told)
    try:
        assert select.select([ready], [], [], NEVER)[0], "coprod never reached the write"
        assert os.read(ready, 1) == b"1", process.communicate()[1]
        assert len(list(tmp_path.glob(".nef.json.*.tmp"))) == 1  # held while it exists
        process.send_signal(getattr(signal, sig))
        assert process.wait(timeout=NEVER) == 130
    finally:
        os.close(ready)
        process.kill()  # nothing if it has ended; a failed run leaves no process behind
        process.communicate()
    assert sorted(p.name for p in tmp_path.rglob("*") if p.name.endswith(".tmp")) == []
    assert not (tmp_path / "nef.json").exists()


def test_columns_0_is_read_as_unset_not_as_no_room_at_all(run: Run,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS=0 (some CI systems set it) printed nothing at all, with exit 0."""
    answers = str(EXAMPLES / "nef-descriptive.yaml")
    monkeypatch.setenv("COLUMNS", "80")
    expected = run("score", answers).stdout
    monkeypatch.setenv("COLUMNS", "0")
    result = run("score", answers)
    assert result.exit_code == 0 and result.stdout == expected != ""
    monkeypatch.setenv("COLUMNS", "0")
    assert run("show", "nef").stdout.startswith("NEF's six elements")
