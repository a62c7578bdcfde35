"""Many respondents: each role's and each voice's view, the gaps, and what to be warned of."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from coprod_cli.models import Catalogue, Framework
from coprod_cli.results import Gap, HeldBack, RoleResult, VoiceResult
from coprod_cli.tally import Respondent, Tally, Weighting, mean, rounded

Voice = Literal["lived-experience", "everyone-else"]
LIVED: Voice = "lived-experience"
OTHERS: Voice = "everyone-else"
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


def gaps(framework: Framework, groups: list[RoleResult] | list[VoiceResult]) -> list[Gap]:
    """Per dimension, the spread between the highest and lowest scoring roles (or voices)."""
    per_group = {_id(g): g.dimensions for g in groups}
    gaps = []
    for dimension in framework.dimensions:
        scored = {r: s[dimension.id] for r, s in per_group.items()
                  if s[dimension.id] is not None}
        if len(scored) < 2:
            continue
        high = max(scored, key=lambda r: scored[r] or 0.0)
        low = min(scored, key=lambda r: scored[r] or 0.0)
        spread = round((scored[high] or 0.0) - (scored[low] or 0.0), 2)
        gaps.append(Gap(dimension=dimension.id, gap=spread, highest=high, lowest=low,
                        finding=spread >= 1.0, highest_score=scored[high],
                        lowest_score=scored[low]))
    return sorted(gaps, key=lambda g: (not g.finding, -g.gap))


def _id(group: RoleResult | VoiceResult) -> str:
    return group.role if isinstance(group, RoleResult) else group.voice


@dataclass
class Breakdown:
    """What a collective result shows beside the overall: the groups big enough to show."""

    roles: list[RoleResult] = field(default_factory=list)
    voices: list[VoiceResult] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    held_back: list[HeldBack] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # every group id -> its name
    min_group: int = 1

    def label(self, who: Respondent, show_names: bool) -> str:
        """'Carer 2' when carers are shown on their own, else 'respondent 7'."""
        shown = {role.role for role in self.roles}
        label = f"{self.names[who.role]} {who.number}" if who.role in shown \
            else f"respondent {who.overall}"
        return f"{label} ({who.source})" if show_names else label


def breakdown(framework: Framework, catalogue: Catalogue, tally: Tally, weighting: Weighting,
              min_group: int) -> Breakdown:
    """Roles and voices, each shown only when it is big enough and cannot be worked out."""
    roles = by_role(framework, catalogue, tally)
    voices = by_voice(framework, catalogue, tally, weighting)
    names = {r.role: r.name for r in roles} | {v.voice: v.name for v in voices}
    if tally.total < 2:
        return Breakdown(names=names, min_group=min_group)
    from coprod_cli import disclosure  # its exact arithmetic (fractions) only for a group

    hidden = disclosure.held_back(framework, tally, lived_roles(catalogue), weighting,
                                  min_group)
    roles = [r for r in roles if r.role not in hidden]
    voices = [v for v in voices if v.voice not in hidden]
    held = [HeldBack(group=g, kind="voice" if g in VOICE_NAMES else "role", name=names[g],
                     reason=reason) for g, reason in hidden.items()]
    return Breakdown(roles, voices, gaps(framework, roles if len(roles) > 1 else voices),
                     sorted(held, key=lambda h: (h.reason != "fewer-than-min-group", h.kind)),
                     names, min_group)


def held_back_note(held: list[HeldBack], min_group: int) -> str | None:
    """'2 groups with fewer than 3 people are not shown on their own (...)', said plainly."""
    if not held:
        return None
    small = [h.name for h in held if h.reason == "fewer-than-min-group"]
    more = [h.name for h in held if h.reason == "complementary"]
    one = len(small) == 1
    note = (f"{len(small)} group{'' if one else 's'} with fewer than {min_group} people "
            f"{'is' if one else 'are'} not shown on {'its' if one else 'their'} own "
            f"({', '.join(small)})")
    if more:
        note += (f"; {len(more)} more {'is' if len(more) == 1 else 'are'} held back so that "
                 f"{'it' if one else 'they'} cannot be worked out from the rest "
                 f"({', '.join(more)})")
    return note + ". Everyone's answers still count in the overall result"


def warnings(catalogue: Catalogue, tally: Tally, shown: Breakdown) -> list[str]:
    lived, others = tally.voices(lived_roles(catalogue))
    notes = []
    if not lived:
        notes.append("Nobody with lived experience answered (people who draw on care and "
                     "support, or carers): this assessment was not co-produced, and everyone "
                     "else's answers carry the whole result")
    elif not others:
        notes.append("Only people with lived experience answered: their answers carry the "
                     "whole result")
    notes += [f"Only one person answered as {role.name} ('{role.role}'): that one view stands "
              "for the whole role" for role in shown.roles if role.respondents == 1]
    return notes
