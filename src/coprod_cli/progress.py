"""Progress between two results of the same framework."""

from __future__ import annotations

from coprod_cli import __version__
from coprod_cli.errors import UsageProblem
from coprod_cli.models import LEVEL_VALUES
from coprod_cli.results import Comparison, DimensionChange, Direction, Result


def direction(before: float | None, after: float | None) -> Direction:
    if before is None or after is None or round(after - before, 2) == 0:
        return "same"
    return "up" if after > before else "down"


def _value(level: str | None) -> float | None:
    return None if level is None else float(LEVEL_VALUES[level])


def compare(before: Result, after: Result) -> Comparison:
    """Per dimension the change in score and level; a regression is any level that dropped."""
    if before.framework.id != after.framework.id:
        raise UsageProblem(f"cannot compare '{before.framework.id}' with "
                           f"'{after.framework.id}'", "compare two assessments of one framework")
    old = {d.id: d for d in before.dimensions}
    changes = []
    for new in after.dimensions:
        was = old.get(new.id)
        b_score, b_level = (was.score, was.level) if was else (None, None)
        dropped = direction(_value(b_level), _value(new.level)) == "down"
        changes.append(DimensionChange(
            id=new.id, name=new.name, before_score=b_score, after_score=new.score,
            before_level=b_level, after_level=new.level,
            change=None if b_score is None or new.score is None else round(new.score - b_score, 2),
            direction=direction(b_score, new.score), level_dropped=dropped))
    return Comparison(
        tool_version=__version__, framework=after.framework, before=before, after=after,
        dimensions=changes, level_direction=direction(_value(before.level), _value(after.level)),
        regression=any(change.level_dropped for change in changes))
