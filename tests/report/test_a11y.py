"""The HTML reports pass an automated WCAG 2.2 AA audit (axe-core in headless Chromium), reflow
at 320 px with and without text spacing, and keep the chart in forced colours.

Needs Chromium (Debian: apt-get install chromium; or CHROMIUM=/path/to/it) and the audit's
node packages (cd tests/a11y && npm ci); skipped when either is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from coprod_cli.report import html
from coprod_cli.scoring.comparison import compare
from tests.builders import CATALOGUE, result_for
from tests.conftest import EXAMPLES, Run
from tests.report.test_applywords import not_applying_set

AUDIT = Path(__file__).resolve().parent.parent / "a11y"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.skipif(not (AUDIT / "node_modules" / "axe-core").exists()
                       or shutil.which("node") is None,
                       reason="no audit tools: run 'npm ci' in tests/a11y (needs node)"),
]

SCORE = {
    "single.html": ["nef-descriptive.yaml"],
    "scie.html": ["scie-intermediate.yaml"],
    "wales.html": ["wales-descriptive.yaml"],
    "collective.html": ["nef-descriptive.yaml", "nef-intermediate.yaml", "nef-not-yet.yaml",
                        "nef-transformative.yaml"],
}


def _write_reports(run: Run, folder: Path) -> list[Path]:
    paths = []
    for name, files in SCORE.items():
        out = run("score", *(str(EXAMPLES / f) for f in files), "--format", "html",
                  "-o", str(folder / name))
        assert out.exit_code == 0, out.stderr
        paths.append(folder / name)
    private = folder / "private.html"  # --private: its banner, and its mark for each sheet
    out = run("score", str(EXAMPLES / "collective-autumn-2026"), "--private", "--format",
              "html", "-o", str(private))
    assert out.exit_code == 0, out.stderr
    paths.append(private)
    before = result_for({"alpha-1": 0, "alpha-2": 1, "beta-1": 1, "beta-2": 1, "beta-3": 0})
    after = result_for({"alpha-1": 2, "alpha-2": 1, "beta-1": 0, "beta-2": "unsure",
                        "beta-3": 0})
    paths.append(folder / "comparison.html")
    paths[-1].write_text(html.comparison(compare(before, after), CATALOGUE), encoding="utf-8")
    rounds = sorted(str(p) for p in (EXAMPLES / "trend").iterdir())
    out = run("trend", *rounds, "--format", "html", "-o", str(folder / "trend.html"))
    assert out.exit_code == 0, out.stderr
    paths.append(folder / "trend.html")
    assert run("plan", rounds[0], "-o", str(folder / "plan.yaml")).exit_code == 0
    out = run("score", rounds[1], "--plan", str(folder / "plan.yaml"), "--format", "html",
              "-o", str(folder / "planned.html"))
    assert out.exit_code == 0, out.stderr
    paths.append(folder / "planned.html")
    team = str(EXAMPLES / "collective-autumn-2026")
    for command in ("workshop", "feedback"):
        out = run(command, team, "-o", str(folder / f"{command}.html"))
        assert out.exit_code == 0, out.stderr
        paths.append(folder / f"{command}.html")
    out = run("score", team, "--through", "nef,scie", "-f", "html",  # two results, one page
              "-o", str(folder / "through.html"))
    assert out.exit_code == 0, out.stderr
    paths.append(folder / "through.html")
    out = run("score", team, "--plain", "-f", "html",  # the words used, explained
              "-o", str(folder / "plain.html"))
    assert out.exit_code == 0, out.stderr
    paths.append(folder / "plain.html")
    for name, more in (("welsh", []), ("welsh-through", ["--through", "nef,scie"]),
                       ("welsh-plain", ["--plain"])):
        out = run("score", team, *more, "--lang", "cy", "-f", "html",  # a page in Welsh
                  "-o", str(folder / f"{name}.html"))
        assert out.exit_code == 0, out.stderr
        paths.append(folder / f"{name}.html")
    out = run("compare", str(EXAMPLES / "collective-spring-2026"),
              str(EXAMPLES / "collective-autumn-2026"), "-f", "html",
              "-o", str(folder / "progress.html"))
    assert out.exit_code == 0, out.stderr
    absent = folder / "not-applying.html"  # areas and statements that do not apply, reasons
    out = run("score", str(not_applying_set(folder, whole_area=True)), "-f", "html",
              "-o", str(absent))
    assert out.exit_code == 0, out.stderr
    return [*paths, folder / "progress.html", absent, *_welsh(run, folder, rounds, team)]


def _welsh(run: Run, folder: Path, rounds: list[str], team: str) -> list[Path]:
    """The reports whose own words come in Welsh (--lang cy): trend, compare, workshop and
    feedback."""
    runs = {"cy-trend.html": ["trend", *rounds], "cy-workshop.html": ["workshop", team],
            "cy-feedback.html": ["feedback", team],
            "cy-progress.html": ["compare", str(EXAMPLES / "collective-spring-2026"), team]}
    for name, args in runs.items():
        out = run(*args, "--lang", "cy", "-f", "html", "-o", str(folder / name))
        assert out.exit_code == 0, out.stderr
    return [folder / name for name in runs]


def test_reports_have_no_accessibility_violations(run: Run, tmp_path: Path) -> None:
    """Single, collective and comparison reports, each at desktop, phone and 320 px width."""
    reports = _write_reports(run, tmp_path)
    audit = subprocess.run(["node", "audit.mjs", *map(str, reports)], cwd=AUDIT,
                           capture_output=True, text=True, timeout=300,
                           env={**os.environ, "CHROMIUM": CHROMIUM})
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert audit.stdout.count("0 problem(s)") == 3 * len(reports)
