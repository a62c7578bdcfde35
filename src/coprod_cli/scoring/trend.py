"""Progress across any number of rounds: each round scored as answered and re-weighted to the
rounds' pooled mix of roles, each adjusted figure with its band, and each change in words."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from fractions import Fraction
from itertools import pairwise
from typing import NamedTuple

from coprod_cli import __version__, credits, voices
from coprod_cli.i18n import N_, _
from coprod_cli.models import LEVEL_VALUES, Catalogue, Framework, LevelId, Weighting
from coprod_cli.resultparts import DimensionResult, FrameworkRef
from coprod_cli.scoring import applies, bands, mix
from coprod_cli.scoring.level import area_scores, dimension_results, overall_level
from coprod_cli.tally import Tally, rounded
from coprod_cli.trends import OVERALL, Change, Figure, Round, Share, Trend, Verdict, VoiceCount


class Scored(NamedTuple):
    """One way of scoring a round: its dimensions and the overall level and score."""

    dimensions: list[DimensionResult]
    overall: DimensionResult


def trend(framework: Framework, catalogue: Catalogue, rounds: Sequence[tuple[str, Tally]],
          weighting: Weighting = "partnership", min_group: int = 3,
          targets: Mapping[str, LevelId] | None = None, fewest: int = bands.FEWEST) -> Trend:
    """Every round in the order given, adjusted to the pooled mix, and the changes between;
    with a plan's targets, whether each area reaches its own in each round. A voice under
    `fewest` people makes a round's bands the whole scale (bands.fewest_for)."""
    lived = voices.lived_roles(catalogue)
    common = mix.pooled(tally for _, tally in rounds)
    names = {role.id: role.name for role in catalogue.roles}
    built = [_round(framework, lived, label, tally, common, (weighting, min_group, fewest),
                    names) for label, tally in rounds]
    if targets:
        built = [_targeted(rnd, targets) for rnd in built]
    return Trend(
        tool_version=__version__,
        framework=FrameworkRef(id=framework.id, name=framework.name, version=framework.version),
        weighting=weighting, min_group=min_group,
        mix=[Share(role=r, name=names.get(r, r), share=rounded(s) or 0.0)
             for r, s in common.items()],
        method=bands.method(fewest), resamples=bands.RESAMPLES, seed=bands.SEED, fewest=fewest,
        rounds=built, changes=changes(built), warnings=_warnings(built, rounds, weighting),
        targets=dict(targets or {}), credit=framework.credit,
        sources=credits.sources_for(framework, catalogue))


def _round(framework: Framework, lived: Collection[str], label: str, tally: Tally,
           common: dict[str, Fraction], how: tuple[Weighting, int, int],
           names: dict[str, str]) -> Round:
    weighting, min_group, fewest = how
    groups = mix.pools(tally, lived, weighting)
    weights = mix.weights(tally, common, groups, min_group)
    per_person = mix.integral(weights.per_person)
    missing = tally.lived_experience_missing(lived)
    left_out = tally.not_applying_anywhere()
    counts = tally.counts
    answered = _scored(framework, mix.values(framework, counts, groups,
                                              dict.fromkeys(counts, 1)), missing, left_out)
    adjusted = _scored(framework, mix.values(framework, counts, groups, per_person),
                       missing, left_out)
    few = _too_few(tally, lived, weighting, fewest)
    absent = [d.id for d in answered.dimensions if d.does_not_apply]
    found = bands.whole_scale(framework) if few else bands.bands(
        framework, tally.people or [], groups, per_person, absent)
    overall = _figure(answered.overall, adjusted.overall, found.overall)
    areas = [_figure(a, b, found.areas[a.id])
             for a, b in zip(answered.dimensions, adjusted.dimensions, strict=True)]
    return Round(label=label, assessed_on=tally.assessed_on, respondents=tally.total,
                 voices=_voices(tally, lived, min_group), overall=overall, areas=areas,
                 too_few=few, notes=_notes(tally, common, weights, min_group, names)
                 + applies.area_notes(answered.dimensions))


def _targeted(rnd: Round, targets: Mapping[str, LevelId]) -> Round:
    """Each area with a target says whether its level as answered reaches it."""
    def reaches(figure: Figure, target: LevelId) -> bool:
        return figure.level is not None and LEVEL_VALUES[figure.level] >= LEVEL_VALUES[target]

    return dataclasses.replace(rnd, areas=[
        dataclasses.replace(a, target=targets[a.area], reaches_target=reaches(a, targets[a.area]))
        if a.area in targets else a for a in rnd.areas])


def _notes(tally: Tally, common: dict[str, Fraction], weights: mix.Weights, min_group: int,
           names: dict[str, str]) -> list[str]:
    """Which roles were left as answered, and which did not answer at all."""
    def listed(roles: list[str]) -> str:
        return ", ".join(names.get(r, r) for r in roles)

    notes = [_("{roles}: not re-weighted in this round, since a role with fewer than {count} "
               "people is never re-weighted on its own").format(roles=listed(roles),
                                                                count=min_group)
             for roles in weights.kept]
    absent = [r for r in common if r not in tally.respondents]
    return notes + ([_("{roles}: did not answer this round, so the other roles of the same "
                       "voice carry that share").format(roles=listed(absent))] if absent else [])


def _scored(framework: Framework, values: dict[str, Fraction | None], missing: bool,
            left_out: frozenset[str]) -> Scored:
    scores = area_scores(framework, values)
    dimensions = dimension_results(framework, values, left_out, scores)
    found = overall_level(framework, values, dimensions, scores)
    whole = DimensionResult(id=OVERALL, name="Overall", score=found.score,
                            level=None if missing else found.level, answered=0, unsure=0,
                            statements=len(framework.statements))
    return Scored(dimensions, whole)


def _figure(answered: DimensionResult, adjusted: DimensionResult,
            band: bands.Band | None) -> Figure:
    low, high = band or (None, None)
    return Figure(area=answered.id, name=answered.name, score=answered.score,
                  level=answered.level, adjusted_score=adjusted.score,
                  adjusted_level=adjusted.level, band_low=rounded(low), band_high=rounded(high))


def _too_few(tally: Tally, lived: Collection[str], weighting: Weighting, fewest: int) -> bool:
    """A voice (or, unless in partnership, the whole) with fewer than `fewest` people."""
    if weighting != "partnership":
        return tally.total < fewest
    return any(sum(tally.respondents[r] for r in roles) < fewest
               for roles in tally.voices(lived) if roles)


def _voices(tally: Tally, lived: Collection[str], min_group: int) -> list[VoiceCount]:
    """Each voice's count, or none when either voice is small (one gives the other away)."""
    sizes = [sum(tally.respondents[r] for r in roles) for roles in tally.voices(lived)]
    shown = all(size >= min_group for size in sizes if size)
    return [VoiceCount(voice=voice, name=voices.VOICE_NAMES[voice],
                       respondents=size if shown else None)
            for voice, size in zip((voices.LIVED, voices.OTHERS), sizes, strict=True)
            if size]


def changes(rounds: list[Round]) -> list[Change]:
    """Each round against the one before, then (for three or more) the first against the last."""
    pairs = [(rounds[i - 1], rounds[i]) for i in range(1, len(rounds))]
    if len(rounds) > 2:
        pairs.append((rounds[0], rounds[-1]))
    return [change(a, b, before, after) for before, after in pairs
            for a, b in zip([before.overall, *before.areas], [after.overall, *after.areas],
                            strict=True)]


def verdict(before: Figure, after: Figure) -> Verdict:
    """A real change only when each adjusted score lies outside the other round's band. The
    published figures are compared as floats: exactly as the decimals they stand for
    (exact) would compare, since each decimal rounds to its float and rounding keeps order."""
    figures = (before.adjusted_score, after.adjusted_score, before.band_low, before.band_high,
               after.band_low, after.band_high)
    if None in figures:
        return "not-known"
    was, now, was_low, was_high, now_low, now_high = (f or 0.0 for f in figures)
    if now > was_high and was < now_low:
        return "real-rise"
    if now < was_low and was > now_high:
        return "real-fall"
    return "no-clear-change"


def hundredths(figure: float) -> int:
    """A figure as published (two decimals: rounded, or banded) in whole hundredths, 1.87 as
    187: the float lies within a hair of them. Their difference over 100 is the exact
    difference of the decimals (figures.exact), rounded as every figure is."""
    return round(figure * 100)


WORDS = {"real-rise": "a real rise", "real-fall": "a real fall",
         "no-clear-change": "no clear change", "not-known": "not known"}


def change(before: Figure, after: Figure, first: Round, last: Round,
           found: Verdict | None = None) -> Change:
    """The change in words; the verdict is worked out unless given (from exact figures, when
    those shown are rounded)."""
    found = found or verdict(before, after)
    was, now = before.adjusted_score, after.adjusted_score
    delta = None if was is None or now is None else (hundredths(now) - hundredths(was)) / 100
    words = WORDS[found] + ("" if delta is None else f" ({was:.2f} to {now:.2f})")
    return Change(area=after.area, name=after.name, before=first.label, after=last.label,
                  change=delta, verdict=found, words=words)


def _warnings(built: list[Round], rounds: Sequence[tuple[str, Tally]],
              weighting: Weighting) -> list[str]:
    notes = []
    dates = [r.assessed_on for r in built]
    if any(a and b and b < a for a, b in pairwise(dates)):
        notes.append(N_("The rounds' dates are not in the order given: the trend follows "
                        "the order on the command line"))
    if len({tally.framework.version for _, tally in rounds}) > 1:
        notes.append(N_("The framework's version changed between rounds: some statements "
                        "may differ"))
    if weighting == "role":
        notes.append(N_("--weighting role already counts every role present equally, so "
                        "the adjusted figures are those as answered"))
    mixes = [{r: Fraction(n, t.total) for r, n in t.respondents.items()} for _, t in rounds]
    if any(m != mixes[0] for m in mixes):
        notes.append(MIX_CHANGED)
    return notes


# Not in a shared trend (sharetrend.protect_trend): said only when the shares moved, so left out
# it says a round's shares are another's, and a round whose voices are given gives them.
MIX_CHANGED = N_("The mix of roles changed between rounds: the adjusted figures re-weight "
                 "every round to the same mix, so a change in who answered is not shown as "
                 "progress")
