"""What if: statements set to chosen levels, and what that changes in the result."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from coprod_cli.answers import UNSURE, parse_level_word
from coprod_cli.errors import UsageProblem, did_you_mean
from coprod_cli.i18n import _
from coprod_cli.models import LEVEL_VALUES, Framework, LevelId
from coprod_cli.resultdetails import WhatIf, WhatIfStatement
from coprod_cli.resultparts import DimensionResult
from coprod_cli.scoring.comparison import dimension_change, level_direction
from coprod_cli.tally import rounded

HOW = "write --what-if ID=LEVEL, e.g. --what-if networks-2=intermediate"


def parse(framework: Framework, items: list[str]) -> dict[str, LevelId]:
    """'ID=LEVEL' texts as statement id -> level; a bad id or level is a usage error."""
    ids = [s.id for s in framework.statements]
    chosen: dict[str, LevelId] = {}
    for item in items:
        sid, sep, word = item.partition("=")
        sid = sid.strip()
        if not sep or not sid or not word.strip():
            raise UsageProblem(_("--what-if '{item}' is not ID=LEVEL").format(item=item), HOW)
        if sid not in ids:
            raise UsageProblem(
                _("--what-if: '{sid}' is not a statement of '{id}'{did_you_mean}").format(
                    sid=sid, id=framework.id, did_you_mean=did_you_mean(sid, ids)
                ),
                _("use an id listed by 'coprod show {id}'").format(id=framework.id),
            )
        level = _level(sid, word)
        if chosen.get(sid, level) != level:
            raise UsageProblem(
                _("--what-if {sid} is given twice, at {chosen} and {level}").format(
                    sid=sid, chosen=chosen[sid], level=level
                ),
                _("give each statement once, e.g. --what-if {sid}={level}").format(
                    sid=sid, level=level
                ),
            )
        chosen[sid] = level
    return chosen


def _level(sid: str, word: str) -> LevelId:
    try:
        level = parse_level_word(word)
    except ValueError:
        level = UNSURE
    if level == UNSURE:
        raise UsageProblem(
            _("--what-if {sid}: '{strip}' is not a level").format(sid=sid, strip=word.strip()),
            _("use not-yet, descriptive, intermediate or transformative (or 0-3)"),
        )
    return level  # type: ignore[return-value]


def apply(values: Mapping[str, Fraction | None],
          chosen: Mapping[str, LevelId]) -> dict[str, Fraction | None]:
    """The values with the chosen statements at their chosen levels."""
    return {sid: Fraction(LEVEL_VALUES[chosen[sid]]) if sid in chosen else value
            for sid, value in values.items()}


def describe(chosen: Mapping[str, LevelId], values: Mapping[str, Fraction | None],
             before: tuple[LevelId | None, float | None, list[DimensionResult]],
             after: list[DimensionResult], level: LevelId | None) -> WhatIf:
    """What changed: the overall level before, and every dimension whose score moved."""
    was_level, was_score, was_dims = before
    old = {d.id: d for d in was_dims}
    changes = [dimension_change(old[d.id], d) for d in after]
    return WhatIf(
        statements=[WhatIfStatement(statement=sid, from_score=rounded(values[sid]), to_level=lvl)
                    for sid, lvl in chosen.items()],
        before_level=was_level, before_score=was_score,
        level_direction=level_direction(was_level, level),
        dimensions=[c for c in changes if c.change or c.level_direction != "same"])

