"""'Does not apply' in every format: beside the statement with the reasons given (each once,
never with a role), the areas left out, the reasons escaped, the short text view in budget."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run

NA = "does-not-apply"
HOSTILE = "<script>alert(1)</script> **bold** \x1b[31mred"


def not_applying_set(folder: Path, *, whole_area: bool = False) -> Path:
    """The autumn example with some answers of 'does not apply': three people say capacity-5
    does not apply (two reasons), one says mutuality-1; with `whole_area`, everyone says no
    statement of Networks applies."""
    target = folder / "set"
    shutil.copytree(EXAMPLES / "collective-autumn-2026", target)
    reasons = ["We do not run groups", "We do not run groups", "Too small for that", ""]
    for number, path in enumerate(sorted(target.glob("*.yaml"))):
        text = path.read_text(encoding="utf-8")
        if number < 4:
            sid = "capacity-5" if number < 3 else "mutuality-1"
            value = f'{{level: {NA}, reason: "{reasons[number]}"}}' if reasons[number] else NA
            text = re.sub(rf"^  {sid}:.*$", f"  {sid}: {value}", text, flags=re.M)
        if whole_area:
            text = re.sub(r"^  (networks-\d):.*$", rf"  \1: {NA}", text, flags=re.M)
        path.write_text(text, encoding="utf-8")
    return target


def one_file(folder: Path, reason: str = "We are a single small home") -> Path:
    """nef-intermediate with Networks not applying, with a reason."""
    path = folder / "answers.yaml"
    text = (EXAMPLES / "nef-intermediate.yaml").read_text(encoding="utf-8")
    value = json.dumps(reason)
    text = re.sub(r"^  (networks-\d):.*$",
                  lambda m: f"  {m.group(1)}: {{level: {NA}, reason: {value}}}", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_shows_does_not_apply_beside_the_statement_with_its_reason(
        run: Run, tmp_path: Path, fmt: str) -> None:
    out = run("score", str(one_file(tmp_path)), "-f", fmt, "--details")
    assert out.exit_code == 0, out.output
    text = " ".join(html.unescape(out.stdout).split())
    assert "networks-1, does not apply" in text
    assert "Does not apply to this service: We are a single small home" in text
    assert "'networks' does not apply to this service" in text  # the area left out, and why


def test_json_holds_the_areas_and_statements_that_do_not_apply(run: Run, tmp_path: Path) -> None:
    res = json.loads(run("score", str(one_file(tmp_path)), "-f", "json").stdout)
    networks = next(d for d in res["dimensions"] if d["id"] == "networks")
    assert networks["does_not_apply"] and networks["level"] is None
    assert networks["not_applying"] == networks["statements"] == 4
    assert res["level"] == "intermediate" and "networks" not in res["limited_by"]
    statement = next(s for s in res["statements"] if s["id"] == "networks-1")
    assert statement["reasons"] == ["We are a single small home"]
    assert res["not_applying_answers"] == 4


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_a_reason_is_escaped_like_evidence(run: Run, tmp_path: Path, fmt: str) -> None:
    out = run("score", str(one_file(tmp_path, HOSTILE)), "-f", fmt, "--details")
    assert out.exit_code == 0, out.output
    assert "\x1b" not in out.stdout
    if fmt == "html":
        assert "<script>" not in out.stdout and "&lt;script&gt;" in out.stdout
    if fmt == "markdown":
        assert "**bold**" not in out.stdout


def test_a_group_says_how_many_said_so_and_each_reason_once_without_roles(
        run: Run, tmp_path: Path) -> None:
    folder = not_applying_set(tmp_path)
    out = run("score", str(folder), "--details", "--min-group", "1").stdout
    text = " ".join(out.split())
    line = re.search(r"Does not apply to this service \(3 of 17 people\): ([^\n]*?)(?: - |$)",
                     text)
    assert line, text
    assert line.group(1).count("We do not run groups") == 1
    assert "Too small for that" in line.group(1)
    res = json.loads(run("score", str(folder), "-f", "json", "--private").stdout)
    capacity = next(s for s in res["statements"] if s["id"] == "capacity-5")
    assert capacity["not_applying"] == 3 and capacity["level"] is not None
    assert capacity["reasons"] == ["Too small for that", "We do not run groups"]


def test_a_shared_result_gives_reasons_without_a_count_and_only_from_min_group_people(
        run: Run, tmp_path: Path) -> None:
    """capacity-5: three people said it does not apply (--min-group 3), with two reasons;
    mutuality-1: one person. Shared, neither count is shown, capacity-5's reasons are."""
    folder = not_applying_set(tmp_path)
    res = json.loads(run("score", str(folder), "-f", "json").stdout)
    said = {s["id"]: s for s in res["statements"]}
    assert said["capacity-5"]["not_applying"] is None
    assert said["mutuality-1"]["not_applying"] is None
    assert said["capacity-5"]["reasons"] == ["Too small for that", "We do not run groups"]
    assert said["mutuality-1"]["reasons"] == [] and "statement-counts" in res["withheld"]
    assert res["not_applying_answers"] == 3  # 4, in steps of 3
    text = " ".join(run("score", str(folder), "--details").stdout.split())
    assert "Does not apply to this service (3 or more of 17 people): " in text
    assert text.count("Does not apply to this service (") == 1
    private = " ".join(run("score", str(folder), "--details", "--private").stdout.split())
    assert "(1 of 17 people)" in private


def test_the_short_text_view_of_a_group_stays_within_its_budget(
        run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As tests/report/test_text.py measures the example: 43 lines after the migration note;
    the answers of 'does not apply' are counted in the first lines (shared) or beside their
    areas (--private), at no cost in lines."""
    monkeypatch.setenv("COLUMNS", "80")
    out = run("score", str(not_applying_set(tmp_path))).stdout
    lines = out.rstrip("\n").split("\n")
    start = next(i for i, line in enumerate(lines) if "answers file(s) were written" in line)
    end = next(i for i in range(start + 1, len(lines))
               if not lines[i].strip() or lines[i].startswith("Warning"))
    assert len(lines) - (end - start) <= 43, out
    assert max(len(line) for line in lines) <= 80
    # Shared: how many said so is in the first lines, in its range; no area's or statement's
    # count is shown (scoring/sharing.py); --private gives them.
    assert "3 to 5 'does not apply'" in " ".join(out.split())
    assert not re.search(r"said does not apply", out)
    exact = run("score", str(not_applying_set(tmp_path / "again")), "--min-group", "1").stdout
    assert re.search(r"Capacity .* 3 said does not apply", exact)


def test_an_area_left_out_is_named_in_the_table_and_a_note(
        run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run("score", str(not_applying_set(tmp_path, whole_area=True))).stdout
    assert re.search(r"Networks +n/a +does not apply", out)
    assert "'networks' does not apply to this service (every answer said so)" in \
        " ".join(out.split())
    assert max(len(line) for line in out.split("\n")) <= 80
