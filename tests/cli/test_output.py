"""-o FILE: written whole, through links, directly to devices and pipes; folders refused."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run


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


def test_assess_refuses_a_read_only_answers_file_before_asking(run: Run,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    run("template", "nef", "-o", str(path))
    path.chmod(0o444)
    before = path.read_text()
    result = run("assess", "-o", str(path), input="1\n")
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert "Your answer" not in result.stdout and path.read_text() == before


@pytest.mark.skipif(sys.platform == "win32", reason="no /dev/stdout")
def test_dev_stdout_redirected_to_a_file_is_written_not_refused(tmp_path: Path) -> None:
    target = tmp_path / "blank.yaml"
    with target.open("w") as stream:
        subprocess.run([sys.executable, "-m", "coprod_cli", "template", "nef", "-o",
                        "/dev/stdout"], stdout=stream, stderr=subprocess.PIPE, check=True)
    assert target.read_text().startswith("# coprod answers")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_assess_needs_a_regular_file(run: Run, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run("assess", "nef", "-o", str(pipe), input="q\n")
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_output_dash_is_standard_output_not_a_file(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["level"] == "descriptive"
    assert not (tmp_path / "-").exists()


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
        result = run(*args, "-o", str(tmp_path / "out"))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == expected
