"""Bounded cost: special files never opened, evidence capped (CSV limits: test_formcsv)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_cli.tally import MAX_EVIDENCE_CHARS, MAX_EVIDENCE_TOTAL, Ballot, Tally
from tests.builders import make_framework
from tests.conftest import EXAMPLES, Run

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


@needs_fifo
@pytest.mark.parametrize("args", [["score", "{}.yaml"], ["score", "{}.csv"],
                                  ["score", "{}.xlsx"], ["validate", "{}.yaml"],
                                  ["show", "x", "-F", "{}.yaml"]])
def test_a_fifo_named_directly_is_refused_never_waited_on(tmp_path: Path,
                                                          args: list[str]) -> None:
    stem = str(tmp_path / "pipe")
    args = [arg.format(stem) for arg in args]
    os.mkfifo(next(arg for arg in args if arg.startswith(stem)))
    done = subprocess.run([sys.executable, "-m", "coprod_cli", *args], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "not a regular file (a pipe, device or socket)" in done.stderr


@needs_fifo
def test_a_fifo_in_a_folder_is_never_opened(run: Run, tmp_path: Path) -> None:
    """Named as a file that cannot be read (issue 11: never a silent omission), or with
    --skip-invalid skipped with a warning and counted; never opened, so never waited on."""
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "answers.yaml").write_bytes((EXAMPLES / "nef-descriptive.yaml").read_bytes())
    result = run("score", str(tmp_path))
    assert result.exit_code == 2
    assert "pipe.yaml: not a regular file (a pipe, device or socket)" in result.stderr
    result = run("score", str(tmp_path), "--skip-invalid")
    assert result.exit_code == 0, result.stderr
    assert "skipped: " in result.stderr and "pipe.yaml: not a regular file" in result.stderr


def _tally_with(evidence: list[str]) -> Tally:
    framework = make_framework({"voice": 1})
    tally = Tally(framework)
    for text in evidence:
        tally.add_ballot(Ballot("carer", {"voice-1": "intermediate"}, (("voice-1", text),)))
    return tally


def test_long_evidence_is_shortened_for_the_report_with_a_note() -> None:
    tally = _tally_with(["x" * 10_000, "short"])
    kept = tally.evidence["voice-1"]
    assert len(kept[0]) == MAX_EVIDENCE_CHARS and kept[0].endswith("\u2026")
    assert kept[1] == "short"
    assert tally.evidence_note() and "1 piece(s) of evidence were shortened" \
        in tally.evidence_note()[0]


def test_evidence_in_all_is_capped() -> None:
    tally = _tally_with(["y" * MAX_EVIDENCE_CHARS] * 19)
    tally2 = Tally(make_framework({"a": 200}))
    ballot = Ballot("carer", {f"a-{i}": "intermediate" for i in range(1, 201)},
                    tuple((f"a-{i}", "z" * MAX_EVIDENCE_CHARS) for i in range(1, 201)))
    tally2.add_ballot(ballot)
    assert sum(map(len, tally2.evidence.values())) <= MAX_EVIDENCE_TOTAL
    assert tally2.evidence_cut == 200 - MAX_EVIDENCE_TOTAL // MAX_EVIDENCE_CHARS
    assert not tally.evidence_note()


def test_short_evidence_gives_no_note() -> None:
    assert _tally_with(["a", "b"]).evidence_note() == []
