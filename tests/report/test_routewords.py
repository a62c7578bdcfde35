"""The quickest route and --what-if in words: the route's heading, each step's move, and what
a chosen level changes."""

from __future__ import annotations

from coprod_cli.report import routewords
from tests.builders import CATALOGUE, FW, result_for

LOW_ALPHA = {"alpha-1": 0, "alpha-2": 1, "beta-1": 3, "beta-2": 3, "beta-3": 3}


def test_the_route_names_its_target_its_steps_and_where_they_are() -> None:
    res = result_for(LOW_ALPHA)
    assert routewords.route_heading(res, CATALOGUE) == \
        "Quickest route to Descriptive: 1 step, in Alpha"
    step = res.next_steps[0]
    not_yet = CATALOGUE.level("not-yet").name
    assert routewords.step_move(step, CATALOGUE) == f"{not_yet} -> Descriptive"
    assert routewords.step_ids(step) == ", with SCIE " + " and ".join(step.recommendations)


def test_a_result_at_the_top_has_no_route_to_take() -> None:
    top = result_for({s.id: 3 for s in FW.statements})
    assert routewords.route_heading(top, CATALOGUE) == \
        "Every area is at Transformative or above: keep reviewing together."


def test_what_if_says_what_it_set_and_what_changed() -> None:
    assert routewords.what_if_lines(result_for(LOW_ALPHA), CATALOGUE) == []
    lines = routewords.what_if_lines(
        result_for(LOW_ALPHA, what_if={"alpha-1": "transformative"}), CATALOGUE)
    assert lines[0].startswith("What if alpha-1 at Transformative")
    assert lines[-1] == "Everything below is scored as if those levels were given."
