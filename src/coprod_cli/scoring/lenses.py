"""Scores by SCIE principle, by scope and by co- activity: the dimensions' arithmetic, across
the dimensions."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from coprod_cli.models import Catalogue, Framework, Statement, Tag
from coprod_cli.resultdetails import TagResult
from coprod_cli.tally import area_score, level_for, rounded

Tagged = Callable[[Statement, str], bool]


def by_principle(framework: Framework, catalogue: Catalogue,
                 values: dict[str, Fraction | None],
                 left_out: frozenset[str] = frozenset()) -> list[TagResult]:
    """Each principle with statements tagged for it (equality, diversity...), in core.yaml's
    order; none when the framework's statements carry no principles."""
    return _tagged(catalogue.principles, lambda s, tag: tag in s.principles, framework,
                   values, left_out)


def by_scope(framework: Framework, catalogue: Catalogue,
             values: dict[str, Fraction | None],
             left_out: frozenset[str] = frozenset()) -> list[TagResult]:
    """Each scope with statements in it (individual, service, organisation)."""
    return _tagged(catalogue.scopes, lambda s, tag: s.scope == tag, framework,
                   values, left_out)


def by_activity(framework: Framework, catalogue: Catalogue,
                values: dict[str, Fraction | None],
                left_out: frozenset[str] = frozenset()) -> list[TagResult]:
    """Each activity with statements tagged for it: SCIE's four (co-design, co-decision-making
    on resources, co-delivery, co-evaluation), then co-creation and co-commissioning."""
    return _tagged(catalogue.activities, lambda s, tag: tag in s.activities, framework,
                   values, left_out)


def _tagged(tags: tuple[Tag, ...], has: Tagged, framework: Framework,
            values: dict[str, Fraction | None], left_out: frozenset[str]) -> list[TagResult]:
    results = []
    for tag in tags:
        tagged = [s.id for s in framework.statements if has(s, tag.id)]
        if tagged:
            results.append(_result(tag, tagged, values, left_out))
    return results


def _result(tag: Tag, sids: list[str], values: dict[str, Fraction | None],
            left_out: frozenset[str]) -> TagResult:
    """Median of the tagged statements' values; the level is the highest at or below it."""
    known = [v for sid in sids if (v := values[sid]) is not None]
    absent = sum(values[sid] is None and sid in left_out for sid in sids)
    exact = area_score(known)
    return TagResult(id=tag.id, name=tag.name, score=rounded(exact),
                     level=None if exact is None else level_for(exact),
                     answered=len(known), unsure=len(sids) - len(known) - absent,
                     statements=len(sids), not_applying=absent,
                     does_not_apply=absent == len(sids))
