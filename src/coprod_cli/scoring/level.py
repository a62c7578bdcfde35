"""How statements' values become each area's level and the overall level (the README's
"How the level is decided"): areas by their centre, the weakest area sets the level, and
co-production in people's own support is descriptive even where the collective areas are not."""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES, Framework, LevelId
from coprod_cli.resultparts import DimensionResult
from coprod_cli.tally import area_score, level_for, mean, rounded

Values = dict[str, Fraction | None]
DESCRIPTIVE = LEVEL_VALUES["descriptive"]


class Overall(NamedTuple):
    """The overall level, its score, the areas that set it, and whether it is descriptive only
    because of co-production in people's own support."""

    level: LevelId | None
    score: float | None
    limited_by: list[str]
    own_support: bool = False


def area_scores(framework: Framework, values: Values) -> Values:
    """Each dimension's exact score: the median of its answered statements."""
    return {d.id: area_score([v for s in d.statements if (v := values[s.id]) is not None])
            for d in framework.dimensions}


def dimension_results(framework: Framework, values: Values,
                      left_out: frozenset[str] = frozenset(),
                      exact: Values | None = None) -> list[DimensionResult]:
    """Each dimension's score and level from its statements' values; `left_out` holds the
    statements that do not apply (an area of nothing else does not apply either); `exact`,
    the area scores when they were already worked out."""
    exact = area_scores(framework, values) if exact is None else exact
    results = []
    for d in framework.dimensions:
        unknown = [s.id for s in d.statements if values[s.id] is None]
        absent = sum(sid in left_out for sid in unknown)
        score = exact[d.id]
        results.append(DimensionResult(
            id=d.id, name=d.name, score=rounded(score),
            level=None if score is None else level_for(score),
            answered=len(d.statements) - len(unknown), unsure=len(unknown) - absent,
            statements=len(d.statements), not_applying=absent,
            does_not_apply=absent == len(d.statements)))
    return results


def own_support(framework: Framework, values: Values) -> Fraction | None:
    """The centre of the statements about people's own support (scope: individual)."""
    return area_score([v for s in framework.statements
                       if s.scope == "individual" and (v := values[s.id]) is not None])


def overall_level(framework: Framework, values: Values,
            dimensions: list[DimensionResult], exact: Values | None = None) -> Overall:
    """The weakest area sets the level, since co-production runs through every part of a
    service; but where people's own support reaches descriptive, the level is at least
    descriptive (SCIE's descriptive level: co-production in people's own support that cannot
    yet change how the service is run). The score is the mean of the areas' scores. An area
    that does not apply to the service is left out; an area all unsure leaves no level.
    `exact`: the area scores, when they were already worked out."""
    unknown = [d.id for d in dimensions if d.level is None and not d.does_not_apply]
    if unknown:
        return Overall(None, None, unknown)
    if all(d.does_not_apply for d in dimensions):
        return Overall(None, None, [])  # nothing applies: no level, nor anything holding it
    exact = area_scores(framework, values) if exact is None else exact
    lowest = min(LEVEL_VALUES[d.level] for d in dimensions if d.level)
    holding = sorted((d for d in dimensions if d.level and LEVEL_VALUES[d.level] == lowest),
                     key=lambda d: exact[d.id] or 0)
    score = rounded(mean([v for v in exact.values() if v is not None]))
    individual = own_support(framework, values)
    lifted = lowest < DESCRIPTIVE and individual is not None and individual >= DESCRIPTIVE
    level = LEVEL_IDS[DESCRIPTIVE if lifted else lowest]
    return Overall(level, score, [d.id for d in holding], lifted)
