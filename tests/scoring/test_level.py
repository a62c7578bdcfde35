"""How statements' values become each area's level and the overall level."""

from __future__ import annotations

from fractions import Fraction

from coprod_cli.scoring.engine import Tally, level_for, score
from tests.builders import CATALOGUE, answers, make_framework, result_for
from tests.scoring.test_engine import ALL_INTERMEDIATE


def test_dimension_score_is_the_median_and_level_the_highest_at_or_below() -> None:
    """One statement out of line with its area is a gap, not the area's level."""
    res = result_for({**ALL_INTERMEDIATE, "beta-1": "transformative", "beta-2": "not-yet",
                      "beta-3": "transformative"})
    beta = res.dimensions[1]
    assert (beta.score, beta.level) == (3.0, "transformative")
    res = result_for({**ALL_INTERMEDIATE, "alpha-1": "transformative", "alpha-2": "descriptive"})
    assert (res.dimensions[0].score, res.dimensions[0].level) == (2.0, "intermediate")


def test_a_tie_at_a_level_boundary_reaches_that_level() -> None:
    res = result_for({**ALL_INTERMEDIATE, "alpha-1": "transformative", "alpha-2": "descriptive"})
    assert res.dimensions[0].score == 2.0
    assert res.dimensions[0].level == "intermediate"
    assert level_for(Fraction(1)) == "descriptive" and level_for(Fraction(99, 100)) == "not-yet"


def test_a_boundary_reached_through_thirds_is_that_level_in_every_figure() -> None:
    """Three roles of three people mean 1, 4/3 and 2/3: exactly 1, where floats make 0.999..."""
    framework = make_framework({"alpha": 1})
    tally = Tally(framework)
    for role, levels in (("carer", ("descriptive",) * 3),
                         ("person-drawing-on-care", ("intermediate", "descriptive", "descriptive")),
                         ("practitioner", ("descriptive", "descriptive", "not-yet"))):
        for level in levels:
            tally.add(answers({"alpha-1": level}, role, framework=framework.id))
    res = score(framework, CATALOGUE, tally, weighting="role")
    assert (res.score, res.level, res.statements[0].level) == (1.0, "descriptive", "descriptive")


def test_the_weakest_dimension_sets_the_level_and_is_named() -> None:
    res = result_for({**ALL_INTERMEDIATE, "alpha-1": "not-yet", "alpha-2": "descriptive"})
    assert res.level == "not-yet"
    assert res.limited_by == ["alpha"]
    assert res.score == round((0.5 + 2.0) / 2, 2)
