"""The quickest route: applied, it reaches the target, and no smaller set of moves does."""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES, Framework
from coprod_cli.reading.loader import Library
from coprod_cli.scoring import planning
from coprod_cli.scoring.engine import dimension_results
from coprod_cli.scoring.planning import next_steps
from tests.builders import make_framework, result_for

ANSWER = st.sampled_from([*LEVEL_IDS, "unsure"])
TARGET = st.sampled_from(LEVEL_IDS[1:])
SHAPE = st.lists(st.integers(1, 3), min_size=1, max_size=2)


def shaped(sizes: list[int]) -> Framework:
    return make_framework({f"d{index}": size for index, size in enumerate(sizes)})


def applied(values: dict[str, float | None], route: dict[str, int]) -> dict[str, float | None]:
    """The values after the route's moves."""
    return {sid: v if v is None else planning.moved(v, route.get(sid, 0))
            for sid, v in values.items()}


def reached(framework: Framework, values: dict[str, float | None], target: str) -> bool:
    """Every dimension that has a level is at the target or above."""
    return all(LEVEL_VALUES[d.level] >= LEVEL_VALUES[target]
               for d in dimension_results(framework, values) if d.level)


def smaller_set_reaches(framework: Framework, values: dict[str, float | None], target: str,
                        size: int) -> bool:
    """Brute force: does any set of fewer than `size` moves reach the target?"""
    movable = [sid for sid, v in values.items() if v is not None and v < 3]
    ranges = [range(0, 4) for _ in movable]
    for counts in itertools.product(*ranges):
        if sum(counts) < size and reached(
                framework, applied(values, dict(zip(movable, counts, strict=True))),
                target):
            return True
    return False


@st.composite
def one_respondent(draw: st.DrawFn) -> tuple[Framework, dict[str, str], str]:
    framework = shaped(draw(SHAPE))
    answers = {s.id: draw(ANSWER) for s in framework.statements}
    return framework, answers, draw(TARGET)


@settings(max_examples=80)
@given(one_respondent())
def test_one_respondent_applying_the_route_reaches_the_target_and_nothing_smaller_does(
        case: tuple[Framework, dict[str, str], str]) -> None:
    framework, answers, target = case
    res = result_for(answers, framework, target=target)
    moves = {step.statement: step.moves for step in res.next_steps}
    after = {sid: level if sid not in moves else LEVEL_IDS[LEVEL_VALUES[level] + moves[sid]]
             for sid, level in answers.items()}
    again = result_for(after, framework, target=target)
    assert all(LEVEL_VALUES[d.level] >= LEVEL_VALUES[target] for d in again.dimensions if d.level)
    if again.level is not None:
        assert LEVEL_VALUES[again.level] >= LEVEL_VALUES[target]
    values = {sid: LEVEL_VALUES.get(level) for sid, level in answers.items()}
    assert not smaller_set_reaches(framework, {k: None if v is None else float(v)
                                               for k, v in values.items()},
                                   target, sum(moves.values()))


COLLECTIVE_VALUE = st.one_of(st.none(), st.integers(0, 36).map(lambda twelfths: twelfths / 12))


@st.composite
def collective(draw: st.DrawFn) -> tuple[Framework, dict[str, float | None], str]:
    framework = shaped(draw(SHAPE))
    values = {s.id: draw(COLLECTIVE_VALUE) for s in framework.statements}
    return framework, values, draw(TARGET)


@settings(max_examples=80)
@given(collective())
def test_collective_values_moved_by_one_level_each_reach_the_target_minimally(
        case: tuple[Framework, dict[str, float | None], str]) -> None:
    """The rule for a move on a weighted mean: its value rises by 1.0, capped at 3."""
    framework, values, target = case
    steps = next_steps(framework, values, target)  # type: ignore[arg-type]
    route = {step.statement: step.moves for step in steps}
    assert reached(framework, applied(values, route), target)
    assert not smaller_set_reaches(framework, values, target, sum(route.values()))


def test_unsure_statements_are_never_moved_and_an_all_unsure_dimension_gets_none() -> None:
    framework = shaped([2, 2])
    values: dict[str, float | None] = {"d0-1": None, "d0-2": None, "d1-1": None, "d1-2": 0.0}
    route = planning.quickest_route(framework, values, "intermediate")
    assert route == {"d1-2": 2}


def test_the_route_lifts_the_statements_nearest_the_aim_first() -> None:
    """An area is its statements' median: the cheapest way up is the nearest statements."""
    framework = shaped([3])
    values: dict[str, float | None] = {"d0-1": 0.0, "d0-2": 1.0, "d0-3": 0.0}
    assert planning.quickest_route(framework, values, "intermediate") == {"d0-2": 1,
                                                                          "d0-1": 2}


def test_between_equal_steps_the_one_that_shares_power_comes_first() -> None:
    framework = Library.builtin().framework("nef")
    dimension = next(d for d in framework.dimensions
                     if len({planning.shares_power(s) for s in d.statements}) > 1)
    values: dict[str, Fraction | None] = {s.id: Fraction(0) for s in framework.statements}
    route = planning.dimension_moves(dimension.statements, values, 1, {})
    most = max(planning.shares_power(s) for s in dimension.statements)
    first = next(s for s in dimension.statements if s.id == next(iter(route)))
    assert planning.shares_power(first) == most

def test_a_step_says_from_where_to_where_and_what_the_new_level_looks_like() -> None:
    res = result_for({"alpha-1": "not-yet", "alpha-2": "intermediate", "beta-1": "intermediate",
                      "beta-2": "intermediate", "beta-3": "intermediate"})
    assert res.target == "intermediate"
    (step,) = res.next_steps
    assert (step.statement, step.from_level, step.to_level, step.moves) == \
        ("alpha-1", "not-yet", "intermediate", 2)
    assert step.looks_like == "what intermediate looks like"
    assert step.text == "alpha statement 1" and step.recommendations == ["practice-2"]
