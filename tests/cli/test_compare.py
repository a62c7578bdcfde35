"""The compare command from the command line: two rounds side by side, its gate, its warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import welsh
from tests.conftest import EXAMPLES, Run
from tests.scoring.test_comparison import AUTUMN, FORMATS, HIGH, LOW, SPRING


@pytest.mark.parametrize("fmt", FORMATS)
def test_fail_on_regression_exits_1_only_when_a_level_dropped(run: Run, fmt: str) -> None:
    assert run("compare", HIGH, LOW, "--fail-on-regression", "-f", fmt).exit_code == 1
    assert run("compare", LOW, HIGH, "--fail-on-regression", "-f", fmt).exit_code == 0
    assert run("compare", HIGH, LOW, "-f", fmt).exit_code == 0


def test_collective_sets_compare_as_folders(run: Run) -> None:
    data = json.loads(run("compare", SPRING, AUTUMN, "--format", "json", "--private").stdout)
    assert data["before"]["respondents"] == 15 and data["after"]["respondents"] == 17
    directions = {d["id"]: d["direction"] for d in data["dimensions"]}
    assert directions["shared-roles"] == "up" and directions["networks"] == "down"
    assert data["regression"] is False


def test_a_bad_side_is_a_located_error(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("framework: nef\nanswers: [\n")
    result = run("compare", HIGH, str(bad))
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {bad}:")


def test_compare_warns_when_the_mix_of_roles_changed(run: Run) -> None:
    out = run("compare", str(EXAMPLES / "collective-spring-2026"),
              str(EXAMPLES / "collective-autumn-2026"), "--min-group", "1", "-f", "json")
    warnings = json.loads(out.stdout)["warnings"]
    assert any("The mix of roles changed between the two rounds (Carer answered only after)"
               in w for w in warnings)
    same = run("compare", str(EXAMPLES / "collective-autumn-2026"),
               str(EXAMPLES / "collective-autumn-2026"), "-f", "json")
    assert not any("mix of roles" in w for w in json.loads(same.stdout)["warnings"])


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_welsh_comparison_has_no_english_words_of_coprods_own(run: Run, fmt: str) -> None:
    out = run("compare", SPRING, AUTUMN, "--lang", "cy", "-f", fmt)
    assert out.exit_code in (0, 1), out.stderr
    shown = welsh.normal(out.stdout)
    assert "Nid yw'r testun Cymraeg hwn" in shown
    assert ("Cynt" in shown and "Wedyn" in shown) or ("cynt" in shown and "wedyn" in shown)
    assert fmt == "html" or ("↑ i fyny" in shown and "↑ up" not in shown)  # html: "i fyny"
    source = {"text": ("report/comparison_text.py", "report/text.py"),
              "markdown": ("report/comparison_markdown.py", "report/markdown.py"),
              "html": ("report/templates/comparison.html.j2",)}[fmt]
    # the result's parts the page shares (parts.html.j2) are held by score's Welsh tests
    assert welsh.english_left(out.stdout, *source, "report/phrases.py",
                              besides=("report/templates/parts.html.j2",)) == []
    fell = run("compare", HIGH, LOW, "--lang", "cy", "-f", fmt).stdout  # a regression
    assert ("ATCHWELIAD" if fmt == "text" else "Atchweliad") in fell
    assert welsh.english_left(fell, *source, "report/phrases.py",
                              besides=("report/templates/parts.html.j2",)) == []
