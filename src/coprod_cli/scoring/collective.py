"""Many respondents: each role's and each voice's view, the gaps, and what to be warned of."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import field
from fractions import Fraction

from coprod_cli.classes import mutable
from coprod_cli.i18n import N_, _, ngettext
from coprod_cli.models import Catalogue, Framework, Weighting
from coprod_cli.resultdetails import Gap, HeldBack, RoleResult, VoiceResult
from coprod_cli.tally import Tally, Who, area_score, rounded
from coprod_cli.voices import LIVED, OTHERS, VOICE_NAMES, Voice, lived_roles

Exact = dict[str, Fraction | None]  # dimension id -> its exact score as a group sees it


def group_dimensions(framework: Framework, tally: Tally, roles: list[str],
                     weighting: Weighting) -> Exact:
    """Each dimension's exact score as some roles together see it."""
    return {d.id: area_score([v for s in d.statements
                        if (v := tally.group_value(s.id, roles, weighting)) is not None])
            for d in framework.dimensions}


def published(exact: Exact) -> dict[str, float | None]:
    """Exact dimension scores as a result shows them."""
    return {dimension: rounded(value) for dimension, value in exact.items()}


def _within(weighting: Weighting) -> Weighting:
    """How a voice's own people are combined: each person once (the median of them all),
    unless --weighting role asks for every role to count the same."""
    return "role" if weighting == "role" else "person"


def by_voice(framework: Framework, catalogue: Catalogue, tally: Tally,
             weighting: Weighting, exact: dict[Voice, Exact] | None = None) -> list[VoiceResult]:
    """People with lived experience, and everyone else: each voice present, as it sees things
    (and in `exact`, when given, each one's exact scores by voice)."""
    within = _within(weighting)
    results = []
    for voice, roles in zip((LIVED, OTHERS), tally.voices(lived_roles(catalogue)), strict=True):
        roles = in_catalogue_order(catalogue, roles)
        if roles:
            scores = group_dimensions(framework, tally, roles, within)
            if exact is not None:
                exact[voice] = scores
            results.append(VoiceResult(
                voice=voice, name=_(VOICE_NAMES[voice]), roles=roles,
                respondents=sum(tally.respondents[r] for r in roles),
                dimensions=published(scores)))
    return results


def in_catalogue_order(catalogue: Catalogue, roles: list[str]) -> list[str]:
    """Roles in core.yaml's order (any other after them, by id), whatever order they came in."""
    known = [role.id for role in catalogue.roles]
    return sorted(roles, key=lambda r: (known.index(r) if r in known else len(known), r))


def by_role(framework: Framework, catalogue: Catalogue, tally: Tally,
            exact: dict[str, Exact] | None = None) -> list[RoleResult]:
    """Each role present, as it sees things (and in `exact`, when given, its exact scores by
    role)."""
    known = [role.id for role in catalogue.roles]
    results = []
    for role_id in in_catalogue_order(catalogue, list(tally.counts)):
        role = catalogue.role(role_id) if role_id in known else None
        scores = group_dimensions(framework, tally, [role_id], "role")
        if exact is not None:
            exact[role_id] = scores
        results.append(RoleResult(
            role=role_id, name=role.name if role else role_id,
            lived_experience=bool(role and role.lived_experience),
            respondents=tally.respondents[role_id], dimensions=published(scores)))
    return results


def gaps(framework: Framework, per_group: dict[str, Exact]) -> list[Gap]:
    """Per dimension, the spread between the highest and lowest scoring roles (or voices),
    worked out on the exact scores and rounded once: two different groups, even when all of
    them gave the same score."""
    gaps = []
    for dimension in framework.dimensions:
        scored = {g: v for g, s in per_group.items() if (v := s[dimension.id]) is not None}
        if len(scored) < 2:
            continue
        high = max(scored, key=lambda g: scored[g])
        low = min((g for g in scored if g != high), key=lambda g: scored[g])  # never itself
        spread = scored[high] - scored[low]
        gaps.append(Gap(dimension=dimension.id, gap=rounded(spread) or 0.0, highest=high,
                        lowest=low, finding=spread >= 1, highest_score=rounded(scored[high]),
                        lowest_score=rounded(scored[low])))
    return sorted(gaps, key=lambda g: (not g.finding, -g.gap))


def _exact(groups: list[RoleResult] | list[VoiceResult], roles: dict[str, Exact],
           voices: dict[Voice, Exact]) -> dict[str, Exact]:
    """The exact dimension scores of the groups shown, for the gaps between them (as by_role
    and by_voice worked them out)."""
    return {_id(g): voices[g.voice] if isinstance(g, VoiceResult) else roles[g.role]
            for g in groups}


def _id(group: RoleResult | VoiceResult) -> str:
    return group.role if isinstance(group, RoleResult) else group.voice


@mutable
class Breakdown:
    """What a collective result shows beside the overall: the groups big enough to show."""

    roles: list[RoleResult] = field(default_factory=list)
    voices: list[VoiceResult] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    held_back: list[HeldBack] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # every group id -> its name
    min_group: int = 1
    # each voice present (shown or not) -> its exact scores by dimension, as findings need them
    voice_scores: dict[Voice, Exact] = field(default_factory=dict)

    def label(self, who: Who, show_names: bool) -> str:
        """'Carer 2' when carers are shown on their own, else 'respondent 7'."""
        shown = {role.role for role in self.roles}
        label = f"{self.names[who.role]} {who.number}" if who.role in shown \
            else f"respondent {who.overall}"
        return f"{label} ({who.source})" if show_names else label


def breakdown(framework: Framework, catalogue: Catalogue, tally: Tally, weighting: Weighting,
              min_group: int, also: Collection[str] = ()) -> Breakdown:
    """Roles and voices, each shown only when it is big enough and cannot be worked out (nor
    held back in another result of the same people: `also`)."""
    role_scores: dict[str, Exact] = {}
    voice_scores: dict[Voice, Exact] = {}
    roles = by_role(framework, catalogue, tally, role_scores)
    voices = by_voice(framework, catalogue, tally, weighting, voice_scores)
    names = {r.role: r.name for r in roles} | {v.voice: v.name for v in voices}
    if tally.total < 2:
        return Breakdown(names=names, min_group=min_group, voice_scores=voice_scores)
    from coprod_cli.scoring import disclosure  # its exact arithmetic (fractions) only for a group

    hidden = disclosure.held_back(framework, tally, lived_roles(catalogue), weighting,
                                  min_group, also)
    roles = [r for r in roles if r.role not in hidden]
    voices = [v for v in voices if v.voice not in hidden]
    held = [HeldBack(group=g, kind="voice" if g in VOICE_NAMES else "role", name=names[g],
                     reason=reason) for g, reason in hidden.items()]
    order = [*VOICE_NAMES, *in_catalogue_order(catalogue, list(tally.counts))]
    compared = roles if len(roles) > 1 else voices
    return Breakdown(roles, voices, gaps(framework, _exact(compared, role_scores, voice_scores)),
                     sorted(held, key=lambda h: (h.reason != "fewer-than-min-group", h.kind,
                                                 order.index(h.group))),
                     names, min_group, voice_scores)


def held_back_note(held: list[HeldBack], min_group: int) -> str | None:
    """'2 groups with fewer than 3 people are not shown on their own (...)', said plainly."""
    if not held:
        return None
    small = [h.name for h in held if h.reason == "fewer-than-min-group"]
    more = [h.name for h in held if h.reason == "complementary"]
    note = ngettext("{count} group with fewer than {least} people is not shown on its own "
                    "({groups})", "{count} groups with fewer than {least} people are not shown "
                    "on their own ({groups})", len(small)).format(
        count=len(small), least=min_group, groups=", ".join(small))
    if more:
        also = _(MORE_HELD[(len(more) == 1, len(small) == 1)])
        note += also.format(count=len(more), groups=", ".join(more))
    return note + _(". Everyone's answers still count in the overall result")


# '; 2 more are held back ...': (one held back more, one small group) -> the words that agree
MORE_HELD = {
    (True, True): N_("; {count} more is held back so that it cannot be worked out from the "
                     "rest ({groups})"),
    (True, False): N_("; {count} more is held back so that they cannot be worked out from the "
                      "rest ({groups})"),
    (False, True): N_("; {count} more are held back so that it cannot be worked out from the "
                      "rest ({groups})"),
    (False, False): N_("; {count} more are held back so that they cannot be worked out from "
                       "the rest ({groups})"),
}


def warnings(catalogue: Catalogue, tally: Tally, shown: Breakdown) -> list[str]:
    lived, others = tally.voices(lived_roles(catalogue))
    notes = []
    if not lived and tally.unstated:
        notes.append(_("Nobody said they have lived experience, and {count} respondent(s) "
                       "gave no role: if nobody who draws on care and support, and no carer, "
                       "took part, this assessment was not co-produced").format(
            count=tally.unstated))
    elif not others and lived:
        notes.append(_("Only people with lived experience answered: their answers carry the "
                       "whole result"))
    notes += [_("Only one person answered as {name} ('{role}'): that one view stands for the "
                "whole role").format(name=role.name, role=role.role)
              for role in shown.roles if role.respondents == 1]
    return notes
