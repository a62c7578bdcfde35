"""A plan checked, in words: the summary counts each status; overdue and backwards first."""

from __future__ import annotations

import datetime

from coprod_cli.report import planwords
from coprod_cli.resultparts import MoveCheck, PlanCheck, Unplanned
from tests.builders import CATALOGUE

DAY = datetime.date(2026, 6, 1)


def _move(sid: str, status: str) -> MoveCheck:
    return MoveCheck(statement=sid, text="t", from_level="descriptive", to="intermediate",
                     now="descriptive", owner="manager", co_owner="carer", due=DAY,
                     status=status)  # type: ignore[arg-type]


CHECK = PlanCheck(made_on=DAY, checked_on=DAY, moves=[_move("a-1", "done"),
                                                      _move("a-2", "overdue")],
                  unplanned=[Unplanned(statement="b-1", text="t", was="not-yet",
                                       now="descriptive")], backwards=[])


def test_the_summary_counts_each_status() -> None:
    assert planwords.summary(CHECK) == (
        "The plan made 2026-06-01, checked on 2026-06-01: 1 of 2 promised moves done, "
        "1 overdue, 0 went backwards, 0 not yet due; 1 moved up unplanned.")


def test_overdue_comes_before_done_and_unplanned_last() -> None:
    lines = planwords.lines(CHECK, CATALOGUE)
    assert [line.split(":")[0] for line in lines] == [
        "Overdue", "Done", "Moved up without being planned"]
    assert "manager with carer, due 2026-06-01" in lines[0]
