"""The corpus of the nastiest inputs found: each one's exit code and message, in-process and,
for crashes, hangs and segfaults, in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import Run

HERE = Path(__file__).resolve().parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


def arguments(case: dict[str, Any]) -> list[str]:
    path = str((HERE / "files" / case["file"]).resolve())
    if case["command"] == "show-hostile":
        return ["show", "hostile", "-F", path]
    return [case["command"], path]


def check(code: int, stdout: str, stderr: str, case: dict[str, Any]) -> None:
    assert code == case["exit"], stderr
    assert "Traceback" not in stderr and "bug in coprod" not in stderr
    shown = " ".join((stdout if code == 0 else stderr).split())
    assert case["expect"] in shown, shown[:500]
    if code == 2:
        assert stderr.count("\n") == 1 and "; " in stderr, "one line, with how to fix it"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["file"])
def test_in_process(run: Run, case: dict[str, Any]) -> None:
    result = run(*arguments(case))
    check(result.exit_code, result.stdout, result.stderr, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.get("subprocess")],
                         ids=lambda case: case["file"])
def test_in_a_fresh_process(case: dict[str, Any]) -> None:
    done = subprocess.run([sys.executable, "-m", "coprod_cli", *arguments(case)],
                          capture_output=True, text=True, timeout=120,
                          env={"NO_COLOR": "1", "COLUMNS": "100", "PATH": "/usr/bin:/bin",
                               "COPROD_NO_CACHE": "1"})
    assert done.returncode >= 0, f"killed by signal {-done.returncode}"
    check(done.returncode, done.stdout, done.stderr, case)


def test_every_file_in_the_corpus_has_a_case() -> None:
    named = {case["file"] for case in CASES}
    assert {path.name for path in (HERE / "files").iterdir()} <= named
