"""A plan made from a result's quickest route, and a plan checked against a later result."""

from __future__ import annotations

import datetime

from coprod_cli.errors import UsageProblem
from coprod_cli.i18n import _
from coprod_cli.models import LEVEL_VALUES, LevelId
from coprod_cli.plans import Move, Plan
from coprod_cli.resultparts import MoveCheck, PlanCheck, Status, Unplanned
from coprod_cli.results import Result

OWNER = "manager"  # who leads a move unless the plan is edited
CO_OWNER = "person-drawing-on-care"  # the lived-experience role who leads it with them
DUE_IN = datetime.timedelta(days=91)  # a quarter: the next round, for most teams


def make(res: Result, today: datetime.date) -> Plan:
    """The quickest route as a plan: each move with its recommendations, default owners and a
    due date a quarter after the assessment (or today), and every statement's level now."""
    due = (res.assessed_on or today) + DUE_IN
    moves = [Move(statement=step.statement, from_level=step.from_level, to=step.to_level,
                  recommendations=list(step.recommendations), owner=OWNER, co_owner=CO_OWNER,
                  due=due) for step in res.next_steps]
    return Plan(framework=res.framework.id, made_on=today, made_from=res.assessed_on,
                target=res.target, baseline={s.id: s.level for s in res.statements},
                moves=moves)


def _value(level: LevelId | None) -> int:
    return -1 if level is None else LEVEL_VALUES[level]


def status(move: Move, now: LevelId | None, day: datetime.date) -> Status:
    if _value(now) >= LEVEL_VALUES[move.to]:
        return "done"
    if now is not None and _value(now) < LEVEL_VALUES[move.from_level]:
        return "went-backwards"
    return "overdue" if move.due < day else "not-yet-due"


def check(plan: Plan, res: Result, today: datetime.date) -> PlanCheck:
    """Which promised moves happened, which are overdue, which went backwards, and which
    statements moved that nobody planned (against the plan's baseline)."""
    if plan.framework != res.framework.id:
        raise UsageProblem(
            _("the plan is for '{framework}', the answers for '{id}'").format(
                framework=plan.framework, id=res.framework.id
            ),
            _("check a plan against answers of its framework"),
        )
    day = res.assessed_on or today
    now = {s.id: s.level for s in res.statements}
    text = {s.id: s.text for s in res.statements}
    planned = {m.statement for m in plan.moves}
    moves = [MoveCheck(statement=m.statement, text=text.get(m.statement, m.statement),
                       from_level=m.from_level, to=m.to, now=now.get(m.statement),
                       owner=m.owner, co_owner=m.co_owner, due=m.due,
                       status=status(m, now.get(m.statement), day)) for m in plan.moves]
    changed = [Unplanned(statement=sid, text=text[sid], was=was, now=now[sid])
               for sid, was in plan.baseline.items() if sid in now and now[sid] != was
               and was is not None and now[sid] is not None]
    return PlanCheck(made_on=plan.made_on, checked_on=day, moves=moves,
                     unplanned=[u for u in changed if u.statement not in planned
                                and _value(u.now) > _value(u.was)],
                     backwards=[u for u in changed if _value(u.now) < _value(u.was)])
