"""Comparing two assessments: per dimension up, down or same, and the regression gate."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from fractions import Fraction

import pytest

from coprod_cli.errors import UsageProblem
from coprod_cli.report import Format
from coprod_cli.scoring.comparison import compare
from tests.builders import FW, make_framework, result_for
from tests.conftest import EXAMPLES, Run

IDS = [s.id for s in FW.statements]
SPRING = str(EXAMPLES / "collective-spring-2026")
AUTUMN = str(EXAMPLES / "collective-autumn-2026")
HIGH = str(EXAMPLES / "nef-intermediate.yaml")
LOW = str(EXAMPLES / "nef-descriptive.yaml")
FORMATS = [f.value for f in Format
           if f is not Format.html or importlib.util.find_spec("coprod_cli.report.html")]


def all_at(level: str, **changes: str) -> dict[str, str]:
    return {sid: changes.get(sid.replace("-", "_"), level) for sid in IDS}


def test_each_dimension_before_and_after_with_a_direction() -> None:
    before = result_for(all_at("descriptive"))
    after = result_for(all_at("descriptive", alpha_1="transformative", alpha_2="intermediate",
                              beta_1="not-yet", beta_2="not-yet"))
    cmp = compare(before, after)
    alpha, beta = cmp.dimensions
    assert (alpha.before_score, alpha.after_score, alpha.change) == (1.0, 2.5, 1.5)
    assert (alpha.direction, alpha.level_direction, alpha.after_level) == \
        ("up", "up", "intermediate")
    assert (beta.direction, beta.level_direction, beta.level_dropped) == ("down", "down", True)
    assert cmp.regression and cmp.level_direction == "down"


def test_both_directions_mirror_each_other() -> None:
    low, high = result_for(all_at("descriptive")), result_for(all_at("intermediate"))
    up, down = compare(low, high), compare(high, low)
    assert up.level_direction == "up" and not up.regression
    assert down.level_direction == "down" and down.regression
    assert [d.change for d in up.dimensions] == [-(d.change or 0) for d in down.dimensions]


def test_same_is_same_and_not_a_regression() -> None:
    res = result_for(all_at("intermediate"))
    cmp = compare(res, res)
    assert {d.direction for d in cmp.dimensions} == {"same"}
    assert not cmp.regression and cmp.score_change == 0.0


def test_losing_a_level_to_unsure_answers_is_a_regression() -> None:
    cmp = compare(result_for(all_at("intermediate")),
                  result_for(all_at("intermediate", alpha_1="unsure", alpha_2="unsure")))
    assert cmp.dimensions[0].level_dropped and cmp.regression
    assert cmp.level_direction == "down"


def test_two_frameworks_cannot_be_compared() -> None:
    other = make_framework({"alpha": 2})
    other = dataclasses.replace(other, id="other")
    with pytest.raises(UsageProblem, match="cannot compare"):
        compare(result_for(all_at("intermediate")),
                result_for({"alpha-1": "intermediate", "alpha-2": "intermediate"}, other))


def test_an_after_dated_before_the_before_is_a_warning(run: Run) -> None:
    data = json.loads(run("compare", HIGH, LOW, "--format", "json").stdout)
    assert any("check the order" in w for w in data["warnings"])


# --- the command -----------------------------------------------------------------------------


def test_text_has_an_arrow_and_a_word_for_every_change(run: Run) -> None:
    out = run("compare", SPRING, AUTUMN, "--private").stdout  # exact figures
    assert "↑ up +1.25" in out and "↓ down -0.25" in out
    assert "Overall level: Descriptive (level 1 of 3) -> DESCRIPTIVE" in out and "= same" in out


def test_text_and_markdown_name_the_regression(run: Run) -> None:
    assert "REGRESSION: the level dropped in Assets" in run("compare", HIGH, LOW).stdout
    md = run("compare", HIGH, LOW, "-f", "markdown").stdout
    assert md.startswith("## Co-production progress: Intermediate (level 2 of 3) → Descriptive")
    assert "| Assets | 2.00 | 1.00 | ↓ down -1.00 | Intermediate | Descriptive (↓ down) |" in md


def test_the_comparison_has_a_schema(run: Run) -> None:
    import jsonschema

    schema = json.loads(run("schema", "comparison").stdout)
    data = json.loads(run("compare", SPRING, AUTUMN, "-f", "json").stdout)
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)] == []


def test_an_overall_fall_of_a_quarter_level_is_a_regression_within_one_level() -> None:
    before = result_for(all_at("descriptive", alpha_1="intermediate"))  # 1.25 overall
    after = result_for(all_at("descriptive"))  # 1.00: no level fell, the score fell 0.25
    assert before.level == after.level == "descriptive"
    assert [d.level for d in before.dimensions] == [d.level for d in after.dimensions]
    assert compare(before, after).regression
    assert not compare(before, after, Fraction(3)).regression
    assert not compare(after, before).regression
