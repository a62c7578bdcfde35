"""The judged cases: every folder in cases/ is a service described, answered and given the
level a co-production expert gives it; coprod's level, gate and findings must agree.

The cases are copied from the project's shared calibration set (see README.md here); the
expected levels are expert judgements, never outputs of coprod. A new case is a new folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from coprod_cli.cli import app

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())


def expected(case: Path) -> dict[str, Any]:
    judged: dict[str, Any] = yaml.safe_load((case / "expected.yaml").read_text("utf-8"))
    return judged


def answers_files(case: Path) -> list[str]:
    return [str(p) for p in sorted(case.glob("*.yaml")) if p.name != "expected.yaml"]


def scored(case: Path, *options: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(app, ["score", *answers_files(case), "-f", "json", *options])
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_the_level_is_one_an_expert_accepts(case: Path) -> None:
    judged = expected(case)
    _, res = scored(case)
    assert (res["level"] or "none") in judged["acceptable"], judged["why"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_the_intermediate_gate_agrees_with_the_expert(case: Path) -> None:
    code, res = scored(case, "--fail-under", "intermediate")
    assert (code == 0) is expected(case)["gate_intermediate"]
    assert res["gate"]["met"] is expected(case)["gate_intermediate"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_a_whole_level_between_the_voices_is_said_first(case: Path) -> None:
    """Said as a finding whenever both voices answered, whatever is held back for privacy."""
    _, res = scored(case)
    roles = {yaml.safe_load(Path(f).read_text("utf-8"))["respondent"]["role"]
             for f in answers_files(case)}
    if roles & {"person-drawing-on-care", "carer"} and roles - {"person-drawing-on-care",
                                                                  "carer"}:
        assert any("two voices" in f for f in res["findings"])
    else:
        assert any("Nobody with lived experience" in f for f in res["findings"]) or \
            not roles - {"person-drawing-on-care", "carer"}


def case(name: str) -> Path:
    return next(p for p in CASES if p.name.startswith(name))


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_no_gate_is_met_without_lived_experience_in_any_format(fmt: str) -> None:
    result = CliRunner().invoke(app, ["score", *answers_files(case("05")), "-f", fmt,
                                      "--fail-under", "not-yet"])
    assert result.exit_code == 1
    assert "lived experience" in result.stdout
    staff = CliRunner().invoke(app, ["score", *answers_files(case("05")), "-f", fmt,
                                     "--staff-only", "--fail-under", "not-yet"])
    assert staff.exit_code == 0 and "Staff self-check" in staff.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_a_gap_between_the_voices_survives_privacy_without_figures(fmt: str) -> None:
    files = answers_files(case("06"))
    shown, hidden = (" ".join(CliRunner().invoke(app, ["score", *files, "-f", fmt, "--min-group",
                                                       size], env={"COLUMNS": "100"}
                                                 ).stdout.split()) for size in ("1", "7"))
    for out in (shown, hidden):
        assert "whole level or more apart" in out and "People with lived experience" in out
    assert "for people with lived experience" in shown
    assert "for people with lived experience" not in hidden


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_a_fall_within_one_level_fails_the_regression_gate_in_any_format(fmt: str) -> None:
    """06's staff alone against the whole set: no level moves, the score falls by 0.25+."""
    files = answers_files(case("06"))
    everyone = CliRunner().invoke(app, ["score", *files, "-f", "json"]).stdout
    staff = [f for f in files if "manager" in f or "practitioner" in f]
    lived = [f for f in files if f not in staff]
    result = CliRunner().invoke(app, ["compare", *_folders(staff + lived, lived),
                                      "-f", fmt, "--fail-on-regression"])
    assert json.loads(everyone)["level"] is not None
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "regression" in result.stdout.lower() or "REGRESSION" in result.stdout


def _folders(before: list[str], after: list[str]) -> list[str]:
    """Two folders holding copies of the two sets of files."""
    import shutil
    import tempfile

    made = []
    for files in (before, after):
        folder = tempfile.mkdtemp(prefix="coprod-cal-")
        for f in files:
            shutil.copy(f, folder)
        made.append(folder)
    return made


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_each_next_step_names_what_to_do_in_any_format(fmt: str) -> None:
    _, res = scored(case("01"))
    step = res["next_steps"][0]
    out = CliRunner().invoke(app, ["score", *answers_files(case("01")), "-f", fmt]).stdout
    assert step["recommendations"] and step["recommendations"][0] in out
    assert " ".join(step["looks_like"].split()[:4]) in " ".join(out.split())
