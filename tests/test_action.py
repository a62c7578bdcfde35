"""The composite action's script, run by bash as a runner runs it, with the runner's files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
DEFAULTS = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}


def step(step_id: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("id") == step_id)


def run_step(tmp_path: Path, runner_temp: bool = True, **inputs: str) -> tuple[int, dict, str]:
    """The score step as the runner runs a `shell: bash` step, in a workspace of its own."""
    given = {**DEFAULTS, **{name.replace("_", "-"): value for name, value in inputs.items()}}

    def expand(text: str) -> str:
        return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: given[m.group(1)], text)

    score = step("score")
    runner = Path(tempfile.mkdtemp(prefix="runner-", dir=tmp_path))
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    env |= {key: expand(value) for key, value in score["env"].items()}
    env |= {"GITHUB_OUTPUT": str(runner / "output"), "GITHUB_STEP_SUMMARY": str(runner / "summary"),
            "GITHUB_WORKSPACE": str(tmp_path), "CI": "true", "NO_COLOR": "1",
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"}
    env.pop("RUNNER_TEMP", None)
    if runner_temp:
        env["RUNNER_TEMP"] = str(runner / "temp")
        (runner / "temp").mkdir()
    for name in ("output", "summary"):
        (runner / name).touch()
    script = runner / "step.sh"
    script.write_text(score["run"], encoding="utf-8")
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    outputs = dict(line.split("=", 1) for line in
                   (runner / "output").read_text(encoding="utf-8").splitlines())
    return done.returncode, outputs, (runner / "summary").read_text(encoding="utf-8")


@pytest.fixture
def spaced(tmp_path: Path) -> Path:
    """An assessment in a folder whose name has spaces, as people name folders."""
    folder = tmp_path / "autumn 2026 round"
    shutil.copytree(EXAMPLES / "collective-autumn-2026", folder)
    return folder


def test_the_action_scores_once_and_writes_the_summary_and_outputs(
        tmp_path: Path, spaced: Path) -> None:
    code, outputs, summary = run_step(tmp_path, files=f"{spaced}\n", fail_under="descriptive",
                                      html_report="true")
    assert code == 0, summary
    assert outputs["level"] and summary.startswith("#")
    result = Path(outputs["result"])
    assert result.is_file() and result.parent.parent.name == "temp"
    assert Path(outputs["html"]).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(tmp_path.glob("*.json")), "nothing is left in the workspace"


def test_a_gate_not_met_fails_the_step_with_the_summary_written(
        tmp_path: Path, spaced: Path) -> None:
    code, outputs, summary = run_step(tmp_path, files=str(spaced), fail_under="transformative",
                                      runner_temp=False)
    assert code == 1
    assert outputs["level"] and "transformative" in summary.lower()


def test_invalid_input_still_writes_the_summary(tmp_path: Path, spaced: Path) -> None:
    (spaced / "broken file.yaml").write_text("framework: nef\nanswers: [\n", encoding="utf-8")
    code, outputs, summary = run_step(tmp_path, files=str(spaced))
    assert code == 2
    assert "could not score" in summary and "broken file.yaml" in summary
    assert outputs["level"] == "" and outputs["result"] == ""
    code, _, summary = run_step(tmp_path, files=str(spaced), skip_invalid="true")
    assert code == 0 and "left out" in summary


def test_every_input_reaches_coprod(tmp_path: Path, spaced: Path) -> None:
    (spaced / "stray.yaml").write_text(
        (EXAMPLES / "scie-intermediate.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, outputs, summary = run_step(tmp_path, files=f"  {spaced}  \n\n", framework="nef",
                                      target="transformative", weighting="person")
    assert code == 0, summary
    result = Path(outputs["result"]).read_text(encoding="utf-8")
    assert '"weighting": "person"' in result and '"target": "transformative"' in result
    # --only-framework reached it: the scie file was left out (a shared result says not why)
    assert '"skipped": 1' in result and '"skipped-reasons"' in result


def test_the_action_quotes_its_inputs_and_writes_nothing_to_the_workspace() -> None:
    script = step("score")["run"]
    assert "${{" not in script, "inputs reach the script through env, never pasted into it"
    assert "coprod-result.json" not in script.split("json=")[0]
    assert script.count("coprod score") == 1


def test_the_scoring_hook_scores_a_whole_folder_given_in_args() -> None:
    hook = next(h for h in HOOKS if h["id"] == "coprod-score")
    assert hook["pass_filenames"] is False and hook["require_serial"] is True
    assert hook["entry"] == "coprod score"
