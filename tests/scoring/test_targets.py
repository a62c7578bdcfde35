"""Targets per area: the gate holds each area to its own, the quickest route aims each area
at its own, and an area without a level never meets its target."""

from __future__ import annotations

from typing import Any

from coprod_cli.results import Result
from coprod_cli.scoring import targets
from coprod_cli.scoring.engine import score
from coprod_cli.tally import Tally
from tests.builders import CATALOGUE, FW, answers

# alpha at descriptive (1), beta at intermediate (2)
VALUES = {"alpha-1": 1, "alpha-2": 1, "beta-1": 2, "beta-2": 2, "beta-3": 2}


def _scored(**options: Any) -> Result:
    tally = Tally(FW)
    tally.add(answers(VALUES, role="person-drawing-on-care"))
    tally.add(answers(VALUES, role="practitioner"))
    return score(FW, CATALOGUE, tally, **options)


def test_an_area_below_its_target_fails_the_gate_and_is_named() -> None:
    res = _scored(fail_under="descriptive", area_targets={"beta": "transformative"})
    assert res.gate is not None and not res.gate.met
    assert res.gate.below_target == ["beta"]
    assert "Beta (target Transformative)" in (res.gate.reason or "")


def test_targets_that_are_met_leave_the_gate_met() -> None:
    res = _scored(fail_under="descriptive", area_targets={"beta": "intermediate",
                                                          "alpha": "descriptive"})
    assert res.gate is not None and res.gate.met and res.gate.below_target == []
    assert res.gate.targets == {"beta": "intermediate", "alpha": "descriptive"}


def test_the_route_aims_each_area_at_its_own_target() -> None:
    plain = _scored(target="intermediate")
    aimed = _scored(target="intermediate", area_targets={"alpha": "descriptive",
                                                        "beta": "transformative"})
    assert {s.dimension for s in plain.next_steps} == {"alpha"}
    assert {s.dimension for s in aimed.next_steps} == {"beta"}


def test_an_area_without_a_level_is_below_any_target() -> None:
    from coprod_cli.resultparts import DimensionResult

    unknown = DimensionResult(id="alpha", name="Alpha", score=None, level=None, answered=0,
                              unsure=2, statements=2)
    assert targets.below([unknown], {"alpha": "not-yet"}) == ["alpha"]
