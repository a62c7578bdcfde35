"""A plan from the quickest route, checked against a later round: done, overdue, not yet due,
gone backwards, and moved without being planned."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from coprod_cli.errors import UsageProblem
from coprod_cli.results import Result
from coprod_cli.scoring import plancheck
from tests.builders import FW, result_for

DAY = datetime.date(2026, 3, 1)
LOW = {"alpha-1": 0, "alpha-2": 1, "beta-1": 1, "beta-2": 1, "beta-3": 0}


def _dated(values: dict[str, object], on: str = "2026-07-01") -> Result:
    return dataclasses.replace(result_for(values), assessed_on=datetime.date.fromisoformat(on))


def test_the_plan_is_the_quickest_route_with_owners_and_a_due_date() -> None:
    res = _dated(LOW, "2026-02-01")
    plan = plancheck.make(res, DAY)
    assert [m.statement for m in plan.moves] == [s.statement for s in res.next_steps]
    assert all(m.owner == "manager" and m.co_owner == "person-drawing-on-care"
               for m in plan.moves)
    assert {m.due for m in plan.moves} == {datetime.date(2026, 5, 3)}
    assert plan.baseline == {s.id: s.level for s in res.statements}
    assert plan.framework == FW.id and plan.made_from == datetime.date(2026, 2, 1)


def test_each_move_done_overdue_or_not_yet_due() -> None:
    plan = plancheck.make(result_for(LOW, target="intermediate"), DAY)
    done = {m.statement for m in plan.moves[:1]}
    later = {sid: (3 if sid in done else value) for sid, value in LOW.items()}
    early = plancheck.check(plan, _dated(later, "2026-04-01"), DAY)
    late = plancheck.check(plan, _dated(later, "2026-12-01"), DAY)
    assert {m.status for m in early.moves if m.statement in done} == {"done"}
    assert {m.status for m in early.moves if m.statement not in done} == {"not-yet-due"}
    assert {m.status for m in late.moves if m.statement not in done} == {"overdue"}


def test_a_move_below_where_it_started_went_backwards() -> None:
    plan = plancheck.make(result_for(LOW, target="intermediate"), DAY)
    moved = next(m for m in plan.moves if m.from_level != "not-yet")
    worse = {**LOW, moved.statement: 0}
    found = plancheck.check(plan, _dated(worse), DAY)
    assert next(m for m in found.moves if m.statement == moved.statement).status == \
        "went-backwards"
    assert [b.statement for b in found.backwards] == [moved.statement]


def test_a_rise_nobody_planned_is_named() -> None:
    res = result_for(LOW)
    plan = dataclasses.replace(plancheck.make(res, DAY), moves=[])
    found = plancheck.check(plan, _dated({**LOW, "beta-3": 2}), DAY)
    assert [(u.statement, u.was, u.now) for u in found.unplanned] == [
        ("beta-3", "not-yet", "intermediate")]


def test_a_plan_of_another_framework_is_refused() -> None:
    made = plancheck.make(result_for(LOW, target="intermediate"), DAY)
    plan = dataclasses.replace(made, framework="nef")
    with pytest.raises(UsageProblem, match="the plan is for 'nef'"):
        plancheck.check(plan, result_for(LOW), DAY)
