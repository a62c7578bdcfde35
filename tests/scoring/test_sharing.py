"""What a shared result may show (scoring/sharing.py); the attacks themselves are in
tests/test_attacks.py."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from coprod_cli.scoring import sharing
from tests.builders import result_for
from tests.conftest import EXAMPLES, Run

AUTUMN = str(EXAMPLES / "collective-autumn-2026")
SPRING = str(EXAMPLES / "collective-spring-2026")


@pytest.mark.parametrize(("score", "step", "shown"), [
    (2.13, sharing.BAND, 2.0), (2.5, sharing.BAND, 2.5), (2.99, sharing.BAND, 2.5),
    (1.49, sharing.BAND, 1.0), (0.0, sharing.BAND, 0.0), (2.99, sharing.WHAT_IF_BAND, 2.0),
    (None, sharing.BAND, None)])
def test_a_figure_is_rounded_down_to_its_band(score: float | None, step: Fraction,
                                              shown: float | None) -> None:
    assert sharing.banded(score, step) == shown


def test_one_answers_file_stays_exact() -> None:
    res = result_for({"alpha-1": "intermediate", "alpha-2": "descriptive", "beta-1": "unsure",
                      "beta-2": "not-yet", "beta-3": "transformative"})
    assert sharing.protect(res) is res


@pytest.mark.parametrize("folder", [AUTUMN, SPRING])
def test_the_shared_examples_keep_every_level_and_finding(run: Run, folder: str) -> None:
    """Levels, the plan and the findings come from exact figures: rounding down changes none
    (in spring a voice is held back, and its gap is still a finding, without figures)."""
    exact = json.loads(run("score", folder, "-f", "json", "--private").stdout)
    shared = json.loads(run("score", folder, "-f", "json").stdout)
    assert shared["band"] == 0.5
    assert shared["withheld"] == ["statement-scores", "statement-counts"]
    assert shared["findings"] and not any(c.isdigit() for f in shared["findings"] for c in f)
    assert not shared["private"] and exact["private"] and exact["band"] is None
    assert shared["level"] == exact["level"] and shared["findings"] == exact["findings"]
    for key in ("dimensions", "principles", "scopes", "statements"):
        assert [d["level"] for d in shared[key]] == [d["level"] for d in exact[key]]
    assert [r["id"] for r in shared["recommendations"]] == \
        [r["id"] for r in exact["recommendations"]]
    for was, now in zip(exact["dimensions"], shared["dimensions"], strict=True):
        assert now["score"] <= was["score"] < now["score"] + 0.5
    assert any("rounded down to the half level" in w for w in shared["warnings"])


def test_min_group_1_shows_everyone_exactly(run: Run) -> None:
    res = json.loads(run("score", AUTUMN, "-f", "json", "--min-group", "1").stdout)
    assert res["band"] is None and res["statements"][0]["score"] is not None


def test_a_second_weighting_shows_no_voice_figures_while_a_group_is_held_back(
        run: Run) -> None:
    res = json.loads(run("score", AUTUMN, "-f", "json", "--weighting", "role").stdout)
    assert res["by_voice"] == [] and "voice-scores" in res["withheld"]
    # ... and the voices' gap is still said, as a finding.
    assert res["findings"]


def test_a_what_if_shows_levels_only(run: Run) -> None:
    res = json.loads(run("score", AUTUMN, "-f", "json", "--what-if",
                         "networks-1=transformative").stdout)
    assert res["band"] == 1.0
    assert all(d["score"] == int(d["score"]) for d in res["dimensions"])
    assert res["what_if"]["statements"][0]["from_score"] is None
    text = run("score", AUTUMN, "--what-if", "networks-1=transformative").stdout
    assert "What if networks-1 at Transformative:" in " ".join(text.split())


def test_a_comparison_is_shared_as_its_two_sides_are(run: Run) -> None:
    shared = json.loads(run("compare", SPRING, AUTUMN, "-f", "json").stdout)
    exact = json.loads(run("compare", SPRING, AUTUMN, "-f", "json", "--private").stdout)
    assert shared["before"]["band"] == shared["after"]["band"] == 0.5
    assert all((d["change"] * 2).is_integer() for d in shared["dimensions"])
    assert shared["regression"] == exact["regression"]  # the gate is judged on exact figures
    assert exact["private"] and exact["before"]["private"] and not shared["private"]


def test_private_text_says_so_on_every_line(run: Run) -> None:
    for args in (("score", AUTUMN), ("compare", SPRING, AUTUMN), ("score", AUTUMN, "--details")):
        lines = run(*args, "--private").stdout.rstrip("\n").split("\n")
        assert all(line.startswith("NOT TO SHARE |") for line in lines), lines
        assert "NOT TO SHARE" not in run(*args).stdout


def test_private_markdown_says_so_at_the_top_under_every_heading_and_at_the_end(
        run: Run) -> None:
    lines = run("score", AUTUMN, "--private", "-f", "markdown", "--details").stdout.split("\n")
    mark = "**PRIVATE: exact figures, not to be shared.**"
    assert lines[0] == mark and lines[-2] == mark
    for index, line in enumerate(lines):
        if line.startswith("#"):
            assert lines[index + 2] == mark, line


def test_private_html_says_so_at_the_top_in_the_title_and_on_every_printed_page(
        run: Run) -> None:
    page = run("score", AUTUMN, "--private", "-f", "html").stdout
    assert "<title>PRIVATE, not to share" in page
    assert page.count('class="private-mark') == 2  # at the top, and fixed on each printed page
    assert "private-mark" not in run("score", AUTUMN, "-f", "html").stdout.split("</style>")[1]


def test_private_json_says_so_at_the_top_level(run: Run) -> None:
    res = json.loads(run("score", AUTUMN, "--private", "-f", "json").stdout)
    assert res["private"] is True and res["warnings"][0] == sharing.PRIVATE_NOTE

