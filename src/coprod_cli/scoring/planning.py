"""The quickest route to a target level: the fewest one-level moves that lift every dimension."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES, Framework, LevelId, Statement
from coprod_cli.resultdetails import NextStep
from coprod_cli.tally import area_score, level_for, rounded

# The rule for a move, the same for one respondent and for many: a move raises one
# statement's value by one level (1.0), capped at transformative (3). For one respondent that
# is the next level up; for a collective value (a weighted mean) it is everyone seeing it one
# level higher. A statement may take more than one move. 'unsure' statements (value None) are
# never moved: they are out of the centre, and nobody knows where they stand, so a dimension
# whose answers are all unsure gets no moves (find out first). Values are exact fractions, so
# a tie is a tie on every Python.
TOP = Fraction(LEVEL_VALUES[LEVEL_IDS[-1]])
Values = Mapping[str, Fraction | None]


def reaches(values: list[Fraction | None], aim: int) -> bool:
    """True when the dimension's exact score, as scoring decides its level, is at the aim."""
    score = area_score([v for v in values if v is not None])
    return score is not None and LEVEL_VALUES[level_for(score)] >= aim


def moved(value: Fraction, moves: int) -> Fraction:
    """A value after some moves: each adds one level, never above the top."""
    return min(TOP, value + moves)


def dimension_moves(statements: tuple[Statement, ...], values: Values, aim: int,
                    serves: Mapping[str, int]) -> dict[str, int]:
    """The fewest moves (statement id -> moves) that lift one dimension to the aim.

    The score is the median of the known values, so the fewest moves lift the statements
    nearest the aim from below, one level at a time, until enough of them reach it. Among
    statements as near, those that share power come first (tagged with equality and with
    co-decision-making or co-commissioning), then the one whose recommendations serve most
    other weak statements, then the framework's order.
    """
    known = [s for s in statements if values.get(s.id) is not None]
    now = {s.id: values[s.id] or Fraction(0) for s in known}
    plan: dict[str, int] = {}
    order = {s.id: index for index, s in enumerate(known)}
    power = {s.id: shares_power(s) for s in known}
    while known and not reaches(list(now.values()), aim):
        movable = [sid for sid in now if now[sid] < TOP]
        best = max(movable, key=lambda sid: (now[sid] < aim, now[sid], power[sid],
                                             serves.get(sid, 0), -order[sid]))
        now[best] = moved(now[best], 1)
        plan[best] = plan.get(best, 0) + 1
    return plan


POWER_ACTIVITIES = frozenset({"co-commissioning", "co-decision-making"})


def shares_power(statement: Statement) -> int:
    """How much a statement is about sharing power: equality, and a say over decisions or
    money (a tie between two steps goes to the one that shares more)."""
    return ("equality" in statement.principles) + bool(POWER_ACTIVITIES & set(statement.activities))


def quickest_route(framework: Framework, values: Values, target: LevelId,
                   targets: Mapping[str, LevelId] | None = None) -> dict[str, int]:
    """Per statement, the moves in the smallest set that lifts every dimension to the target,
    or to its own target where a plan sets one."""
    aim = LEVEL_VALUES[target]
    serves = weak_neighbours(framework, values, aim)
    route: dict[str, int] = {}
    for dimension in framework.dimensions:
        own = LEVEL_VALUES[(targets or {}).get(dimension.id, target)]
        route.update(dimension_moves(dimension.statements, values, own, serves))
    return route


def weak_neighbours(framework: Framework, values: Values, aim: int) -> dict[str, int]:
    """Per statement, how many other statements below the aim share a recommendation with it."""
    weak = [s for s in framework.statements
            if (v := values.get(s.id)) is not None and v < aim]
    return {s.id: sum(1 for other in weak if other.id != s.id
                      and set(other.recommendations) & set(s.recommendations))
            for s in framework.statements}


def next_steps(framework: Framework, values: dict[str, Fraction | None],
               target: LevelId, targets: Mapping[str, LevelId] | None = None) -> list[NextStep]:
    """The quickest route to the target (each area to its own, where a plan sets one), the
    statements furthest behind first."""
    route = quickest_route(framework, values, target, targets)
    steps = [(values[s.id] or Fraction(0), _step(d.id, s, values[s.id] or Fraction(0),
                                                  route[s.id]))
             for d in framework.dimensions for s in d.statements if s.id in route]
    return [step for _, step in sorted(steps, key=lambda pair: pair[0])]


def _step(dimension_id: str, statement: Statement, value: Fraction, moves: int) -> NextStep:
    after = moved(value, moves)
    to_level = level_for(after)
    return NextStep(statement=statement.id, text=statement.text, plain=statement.plain,
                    dimension=dimension_id, from_level=level_for(value), to_level=to_level,
                    from_score=rounded(value) or 0.0, to_score=rounded(after) or 0.0, moves=moves,
                    looks_like=statement.row(to_level),
                    looks_like_plain=statement.row(to_level, plain=True),
                    recommendations=list(statement.recommendations))
