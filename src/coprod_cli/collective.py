"""Many respondents: each role's and each voice's view, the gaps, and what to be warned of."""

from __future__ import annotations

from coprod_cli.models import Catalogue, Framework
from coprod_cli.results import Gap, RoleResult, VoiceResult
from coprod_cli.tally import Tally, Weighting, mean, rounded

LIVED, OTHERS = "lived-experience", "everyone-else"
VOICE_NAMES = {LIVED: "People with lived experience", OTHERS: "Everyone else"}


def lived_roles(catalogue: Catalogue) -> frozenset[str]:
    """The roles marked lived_experience in core.yaml: people who draw on care, carers."""
    return frozenset(role.id for role in catalogue.roles if role.lived_experience)


def group_dimensions(framework: Framework, tally: Tally, roles: list[str],
                     weighting: Weighting) -> dict[str, float | None]:
    """Each dimension's score as some roles together see it."""
    return {d.id: rounded(mean([v for s in d.statements
                                if (v := tally.group_value(s.id, roles, weighting)) is not None]))
            for d in framework.dimensions}


def role_dimensions(framework: Framework, tally: Tally, role: str) -> dict[str, float | None]:
    return group_dimensions(framework, tally, [role], "role")


def by_voice(framework: Framework, catalogue: Catalogue, tally: Tally,
             weighting: Weighting) -> list[VoiceResult]:
    """People with lived experience, and everyone else: each voice present, as it sees things."""
    within: Weighting = "person" if weighting == "person" else "role"
    results = []
    for voice, roles in zip((LIVED, OTHERS), tally.voices(lived_roles(catalogue)), strict=True):
        if roles:
            results.append(VoiceResult(
                voice=voice, name=VOICE_NAMES[voice], roles=roles,
                respondents=sum(tally.respondents[r] for r in roles),
                dimensions=group_dimensions(framework, tally, roles, within)))
    return results


def by_role(framework: Framework, catalogue: Catalogue, tally: Tally) -> list[RoleResult]:
    known = [role.id for role in catalogue.roles]
    ordered = sorted(tally.sums, key=lambda r: known.index(r) if r in known else len(known))
    results = []
    for role_id in ordered:
        role = catalogue.role(role_id) if role_id in known else None
        results.append(RoleResult(
            role=role_id, name=role.name if role else role_id,
            lived_experience=bool(role and role.lived_experience),
            respondents=tally.respondents[role_id],
            dimensions=role_dimensions(framework, tally, role_id)))
    return results


def gaps(framework: Framework, roles: list[RoleResult]) -> list[Gap]:
    """Per dimension, the spread between the highest and lowest scoring roles."""
    per_role = {role.role: role.dimensions for role in roles}
    gaps = []
    for dimension in framework.dimensions:
        scored = {r: s[dimension.id] for r, s in per_role.items() if s[dimension.id] is not None}
        if len(scored) < 2:
            continue
        high = max(scored, key=lambda r: scored[r] or 0.0)
        low = min(scored, key=lambda r: scored[r] or 0.0)
        spread = round((scored[high] or 0.0) - (scored[low] or 0.0), 2)
        gaps.append(Gap(dimension=dimension.id, gap=spread, highest=high, lowest=low,
                        finding=spread >= 1.0, highest_score=scored[high],
                        lowest_score=scored[low]))
    return sorted(gaps, key=lambda g: (not g.finding, -g.gap))


def warnings(catalogue: Catalogue, tally: Tally) -> list[str]:
    lived, others = tally.voices(lived_roles(catalogue))
    notes = []
    if not lived:
        notes.append("Nobody with lived experience answered (people who draw on care and "
                     "support, or carers): this assessment was not co-produced, and everyone "
                     "else's answers carry the whole result")
    elif not others:
        notes.append("Only people with lived experience answered: their answers carry the "
                     "whole result")
    notes += [f"Only one person answered as {role.name} ('{role.id}'): that one view stands "
              "for the whole role" for role in catalogue.roles if tally.respondents[role.id] == 1]
    return notes
