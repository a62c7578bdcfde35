"""Progress between two results of the same framework."""

from __future__ import annotations

from fractions import Fraction

from coprod_cli import __version__
from coprod_cli.errors import UsageProblem
from coprod_cli.figures import exact
from coprod_cli.i18n import _
from coprod_cli.models import LEVEL_VALUES
from coprod_cli.resultdetails import DimensionChange, Direction
from coprod_cli.resultparts import DimensionResult
from coprod_cli.results import Comparison, Result
from coprod_cli.tally import rounded


def direction(before: float | None, after: float | None) -> Direction:
    if before is None or after is None or exact(after) == exact(before):
        return "same"
    return "up" if exact(after) > exact(before) else "down"


def _value(level: str | None) -> float | None:
    return None if level is None else float(LEVEL_VALUES[level])


def _change(before: float | None, after: float | None) -> float | None:
    """The change between two published figures, exactly as a reader would subtract them."""
    return None if before is None or after is None else rounded(exact(after) - exact(before))


def level_direction(before: str | None, after: str | None) -> Direction:
    """Of a level; losing one counts as down, since no level meets no gate."""
    if (before is None) != (after is None):
        return "up" if before is None else "down"
    return direction(_value(before), _value(after))


def dimension_change(was: DimensionResult | None, new: DimensionResult) -> DimensionChange:
    """An area before and after; one that does not apply on either side neither rose nor
    fell (it has no level there, which is not a loss)."""
    b_score, b_level = (was.score, was.level) if was else (None, None)
    absent = bool(was and was.does_not_apply), new.does_not_apply
    moved = "same" if any(absent) else level_direction(b_level, new.level)
    return DimensionChange(
        id=new.id, name=new.name, before_score=b_score, after_score=new.score,
        before_level=b_level, after_level=new.level, change=_change(b_score, new.score),
        direction=direction(b_score, new.score), level_direction=moved,
        level_dropped=moved == "down", not_applying_before=absent[0],
        not_applying_after=absent[1])


TOLERANCE = Fraction(1, 4)  # an overall fall of a quarter of a level or more is a regression


def regressed(before: Result, after: Result, changes: list[DimensionChange],
              tolerance: Fraction = TOLERANCE) -> bool:
    """The overall level or any area's level fell, or the overall score fell by the tolerance
    or more (a fall from 1.86 to 1.45 is a regression even within one level)."""
    fell = before.score is not None and after.score is not None and \
        exact(before.score) - exact(after.score) >= tolerance
    return fell or level_direction(before.level, after.level) == "down" or \
        any(change.level_dropped for change in changes)


def compare(before: Result, after: Result, tolerance: Fraction = TOLERANCE) -> Comparison:
    """Per dimension the change in score and level; a regression is a level that dropped or
    an overall fall of `tolerance` or more."""
    if before.framework.id != after.framework.id:
        raise UsageProblem(
            _("cannot compare '{id}' with '{id2}'").format(
                id=before.framework.id, id2=after.framework.id
            ),
            _("compare two assessments of one framework"),
        )
    old = {d.id: d for d in before.dimensions}
    changes = [dimension_change(old.get(new.id), new) for new in after.dimensions]
    return Comparison(
        tool_version=__version__, framework=after.framework, before=before, after=after,
        dimensions=changes, level_direction=level_direction(before.level, after.level),
        score_change=_change(before.score, after.score),
        direction=direction(before.score, after.score),
        regression=regressed(before, after, changes, tolerance), tolerance=float(tolerance),
        warnings=_warnings(before, after))


def _warnings(before: Result, after: Result) -> list[str]:
    notes = []
    if before.assessed_on and after.assessed_on and after.assessed_on < before.assessed_on:
        notes.append(_("The 'after' assessment ({after}) is dated before the 'before' one "
                       "({before}): check the order of the two").format(
            after=after.assessed_on, before=before.assessed_on))
    if before.framework.version != after.framework.version:
        notes.append(_("The framework changed between the two ({before} -> {after}): some "
                       "statements may differ").format(before=before.framework.version,
                                                       after=after.framework.version))
    if before.weighting != after.weighting:
        notes.append(_("The two sides were weighted differently"))
    return notes + _role_mix(before, after) + _not_applying(before, after)


def _not_applying(before: Result, after: Result) -> list[str]:
    """Areas that do not apply on one side: never counted as a rise or a fall."""
    was = {d.id for d in before.dimensions if d.does_not_apply}
    now = {d.id for d in after.dimensions if d.does_not_apply}
    notes = []
    for ids, when in ((was, "before"), (now, "after")):
        for area in (d for d in after.dimensions if d.id in ids):
            notes.append((_("{area} did not apply to the service before: it is left out "
                            "there, and its change counts as neither a rise nor a fall")
                          if when == "before" else
                          _("{area} does not apply to the service after: it is left out there, "
                            "and its change counts as neither a rise nor a fall")).format(
                area=area.name))
    return notes


def _roles(res: Result) -> dict[str, str]:
    """The roles that answered (shown or held back), id -> name."""
    shown = {r.role: r.name for r in res.by_role}
    held = {h.group: h.name for h in res.held_back if h.kind == "role"}
    return {**held, **shown}


def _role_mix(before: Result, after: Result) -> list[str]:
    """A warning when different roles answered the two rounds: a change may be who answered."""
    if before.respondents < 2 or after.respondents < 2:
        return []
    was, now = _roles(before), _roles(after)
    gone = [was[r] for r in was if r not in now]
    new = [now[r] for r in now if r not in was]
    if not gone and not new:
        return []
    changes = ([_("{roles} answered only after").format(roles=", ".join(new))] if new else []) \
        + ([_("{roles} answered only before").format(roles=", ".join(gone))] if gone else [])
    return [_("The mix of roles changed between the two rounds ({changes}): part of any change "
              "may be who answered, not what changed").format(changes="; ".join(changes))]
