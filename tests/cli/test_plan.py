"""`coprod plan` and `--plan` as a user runs them: a plan made from round 1, edited, checked
against round 2 in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_cli.report import Format
from tests.conftest import EXAMPLES, Run

ROUNDS = sorted(str(p) for p in (EXAMPLES / "trend").iterdir())


@pytest.fixture
def plan(run: Run, tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    out = run("plan", ROUNDS[0], "-o", str(path))
    assert out.exit_code == 0, out.stderr
    return path


def test_a_plan_is_not_written_over_an_edited_one(run: Run, plan: Path) -> None:
    out = run("plan", ROUNDS[0], "-o", str(plan))
    assert out.exit_code == 2 and "already exists" in out.stderr
    assert run("plan", ROUNDS[0], "-o", str(plan), "--force").exit_code == 0


@pytest.mark.parametrize("fmt", list(Format))
def test_round_two_is_checked_in_every_format(run: Run, plan: Path, fmt: Format) -> None:
    out = run("score", ROUNDS[1], "--plan", str(plan), "--format", fmt.value)
    assert out.exit_code == 0, out.stderr
    assert "promised moves done" in out.stdout or fmt is Format.json
    if fmt is Format.json:
        check = json.loads(out.stdout)["plan_check"]
        assert check["checked_on"] == "2026-06-17" and check["moves"]


def test_an_edited_plan_is_checked_as_edited(run: Run, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8").replace("due: 2026-06-17", "due: 2026-04-01", 1)
    plan.write_text(text, encoding="utf-8")
    check = json.loads(run("score", ROUNDS[1], "--plan", str(plan), "-f", "json").stdout)
    statuses = {m["status"] for m in check["plan_check"]["moves"]}
    assert "overdue" in statuses or "done" in statuses
    assert check["plan_check"]["moves"][0]["due"] == "2026-04-01"


def test_trend_checks_the_plan_against_the_last_round(run: Run, plan: Path) -> None:
    out = run("trend", *ROUNDS, "--plan", str(plan))
    assert out.exit_code == 0, out.stderr
    assert "Plan, checked against 2026-12-09" in out.stdout
    data = json.loads(run("trend", *ROUNDS, "--plan", str(plan), "-f", "json").stdout)
    assert data["plan_check"]["checked_on"] == "2026-12-09"


def test_a_broken_plan_is_one_located_line(run: Run, plan: Path) -> None:
    plan.write_text(plan.read_text(encoding="utf-8").replace("owner: manager", "owner: boss",
                                                             1), encoding="utf-8")
    out = run("score", ROUNDS[1], "--plan", str(plan))
    assert out.exit_code == 2
    assert "unknown role 'boss'" in out.stderr and "plan.yaml:" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_targets_per_area_hold_the_gate_and_the_route(run: Run, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8").replace(
        "targets: {}", "targets: {networks: descriptive, assets: transformative}")
    plan.write_text(text, encoding="utf-8")
    out = run("score", ROUNDS[3], "--plan", str(plan), "--fail-under", "descriptive")
    assert out.exit_code == 1
    assert "below their targets: Assets (target Transformative)" in out.stdout
    data = json.loads(run("score", ROUNDS[0], "--plan", str(plan), "-f", "json").stdout)
    assert {s["to_level"] for s in data["next_steps"] if s["dimension"] == "assets"} == \
        {"transformative"}
    assert not [s for s in data["next_steps"] if s["dimension"] == "networks"]


def test_a_target_for_an_unknown_area_is_located(run: Run, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8").replace("targets: {}", "targets: {netwrks: "
                                                    "descriptive}")
    plan.write_text(text, encoding="utf-8")
    out = run("score", ROUNDS[1], "--plan", str(plan))
    assert out.exit_code == 2
    assert "unknown area 'netwrks'" in out.stderr and "networks" in out.stderr


def test_trend_shows_each_areas_target_in_every_format(run: Run, plan: Path) -> None:
    """The targets a plan sets are in the trend: per round and area in JSON and CSV, and for
    the last round in words; whether an area reaches its target agrees with `score --plan`."""
    text = plan.read_text(encoding="utf-8").replace(
        "targets: {}", "targets: {networks: descriptive, assets: transformative}")
    plan.write_text(text, encoding="utf-8")
    gate = json.loads(run("score", ROUNDS[-1], "--plan", str(plan), "--fail-under", "not-yet",
                          "-f", "json").stdout)["gate"]
    data = json.loads(run("trend", *ROUNDS, "--plan", str(plan), "-f", "json").stdout)
    assert data["targets"] == {"networks": "descriptive", "assets": "transformative"}
    last = {a["area"]: a for a in data["rounds"][-1]["areas"]}
    assert [a for a in last if last[a]["reaches_target"] is False] == gate["below_target"]
    assert {a for a in last if last[a]["target"]} == {"networks", "assets"}
    assert all(a["target"] is None and a["reaches_target"] is None
               for a in last.values() if a["area"] not in ("networks", "assets"))
    for fmt in ("text", "markdown", "html"):
        out = run("trend", *ROUNDS, "--plan", str(plan), "-f", fmt).stdout
        assert "Targets from the plan, in 2026-12-09" in out
        assert "Assets: below its target, Transformative" in out
    rows = run("trend", *ROUNDS, "--plan", str(plan), "-f", "csv").stdout.splitlines()
    assert rows[0].endswith(",target,reaches_target")
    assert sum(row.endswith(",transformative,no") for row in rows) == len(ROUNDS)
    plain = run("trend", *ROUNDS).stdout
    assert "Targets from the plan" not in plain
