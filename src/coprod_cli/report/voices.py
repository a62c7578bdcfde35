"""Phrases about who answered, shared by every format: each voice and role, how they were
weighted, and where they see an area a whole level apart."""

from __future__ import annotations

from coprod_cli.i18n import N_, _
from coprod_cli.resultdetails import Gap, RoleResult, VoiceResult
from coprod_cli.results import Result

WEIGHTINGS = {
    "partnership": N_("people with lived experience and everyone else each carry half"),
    "role": N_("each role has an equal voice"),
    "person": N_("every person counted once"),
}


def weighting_phrase(res: Result) -> str:
    """How the respondents were combined, in words."""
    return _(WEIGHTINGS[res.weighting])


def group_names(res: Result) -> dict[str, str]:
    """Role and voice ids to their names, for gaps and tables."""
    return {**{v.voice: v.name for v in res.by_voice}, **{r.role: r.name for r in res.by_role}}


def groups(res: Result) -> list[RoleResult | VoiceResult]:
    """The voices, then the roles, shown on their own."""
    return [*res.by_voice, *res.by_role]


def lone_voice(res: Result, gap: Gap) -> str | None:
    """The name of a group of one person at either end of a gap, whose one view drives it."""
    people = {g.voice if isinstance(g, VoiceResult) else g.role: g for g in groups(res)}
    for end in (gap.highest, gap.lowest):
        group = people.get(end)
        if group is not None and group.respondents == 1:
            return group.name
    return None


def findings(res: Result) -> tuple[list[Gap], list[Gap]]:
    """Perception-gap findings, and those driven by one person's view (a note, not a finding)."""
    found = [g for g in res.gaps if g.finding]
    return [g for g in found if not lone_voice(res, g)], [g for g in found if lone_voice(res, g)]


def gap_line(res: Result, gap: Gap) -> str:
    """'Assets: Commissioner 3.00, Carer 1.88 (a gap of 1.12)'."""
    names = {d.id: d.name for d in res.dimensions}
    who = group_names(res)
    return _("{area}: {high} {high_score}, {low} {low_score} (a gap of {gap})").format(
        area=names[gap.dimension], high=who.get(gap.highest, gap.highest),
        high_score=f"{gap.highest_score or 0:.2f}", low=who.get(gap.lowest, gap.lowest),
        low_score=f"{gap.lowest_score or 0:.2f}", gap=f"{gap.gap:.2f}")


def lone_note(res: Result, gap: Gap) -> str:
    """A gap that rests on one person's view, said as a note with that caveat."""
    return _("Note: {gap}. This gap rests on one person's view ({group} is one person), so "
             "treat it with care.").format(gap=gap_line(res, gap), group=lone_voice(res, gap))
