"""A round's figures re-weighted to a common mix of roles, so that a change in who answered is
not read as progress: each person weighs their role's share of the common mix, shared out
among the people of that role who answered the round."""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import field
from fractions import Fraction

from coprod_cli.classes import frozen
from coprod_cli.models import Framework, Weighting
from coprod_cli.tally import Tally

Counts = Mapping[str, Mapping[str, list[int]]]  # role -> statement id -> people per level value
Values = dict[str, Fraction | None]


def pooled(tallies: Iterable[Tally]) -> dict[str, Fraction]:
    """The common mix: each role's share of everyone who answered any round."""
    people: Counter[str] = Counter()
    for tally in tallies:
        people.update(tally.respondents)
    total = sum(people.values())
    return {role: Fraction(count, total) for role, count in sorted(people.items())}


@frozen
class Weights:
    """What one person of each role weighs in a round, and what the reader should be told."""

    per_person: dict[str, Fraction]
    kept: list[list[str]] = field(default_factory=list)  # pools left as answered


def weights(tally: Tally, mix: Mapping[str, Fraction], pools: list[list[str]],
            min_group: int) -> Weights:
    """Per pool of roles that are combined (a voice, or everyone): each role's weight per
    person. A role with fewer than `min_group` people is never re-weighted against the rest on
    its own: the small roles of a pool are one stratum, and when that stratum is itself smaller
    than `min_group` the pool is not re-weighted at all, since the figure as answered and the
    figure re-weighted together would give away the small group's answers."""
    per_person: dict[str, Fraction] = {}
    kept = []
    for roles in pools:
        size = {r: tally.respondents[r] for r in roles if tally.respondents[r]}
        small = [r for r in size if size[r] < min_group]
        strata = [[r] for r in size if r not in small] + ([small] if small else [])
        if small and len(strata) > 1 and sum(size[r] for r in small) < min_group:
            per_person.update(dict.fromkeys(size, Fraction(1)))
            kept.append(roles)
            continue
        for stratum in strata:
            people = sum(size[r] for r in stratum)
            share = sum((mix[r] for r in stratum), Fraction(0))
            per_person.update(dict.fromkeys(stratum, share / people))
    return Weights(per_person, kept)


def pools(tally: Tally, lived: Collection[str], weighting: Weighting) -> list[list[str]]:
    """The groups of roles whose people are combined into one centre: each voice (partnership),
    everyone (person), or each role alone (role: the mix cannot change such a figure)."""
    if weighting == "partnership":
        return [roles for roles in tally.voices(lived) if roles]
    if weighting == "person":
        return [sorted(tally.counts)]
    return [[role] for role in sorted(tally.counts)]


def integral(per_person: Mapping[str, Fraction]) -> dict[str, int]:
    """The same weights as whole numbers (all scaled alike, so every centre is unchanged)."""
    scale = math.lcm(*(w.denominator for w in per_person.values()))
    return {role: int(w * scale) for role, w in per_person.items()}


def weighted_median(weight: list[int]) -> Fraction | None:
    """The centre of answers weighted per level value (weight[v] for value v): the value where
    half the weight is reached, or halfway between two values when exactly half lies below;
    with equal weights, the ordinary median."""
    twice = _twice_median(weight)
    return None if twice is None else Fraction(twice, 2)


def _twice_median(weight: list[int]) -> int | None:
    """Twice the weighted median, a whole number (so the hot loop makes no fractions)."""
    total = sum(weight)
    if not total:
        return None
    below, previous = 0, -1
    for value, amount in enumerate(weight):
        if not amount:
            continue
        if below * 2 == total:
            return previous + value
        below += amount
        if below * 2 > total:
            return 2 * value
        previous = value
    raise AssertionError("the weights never reached half their total")


def _twice_pool(counts: Counts, sid: str, roles: Iterable[str],
                per_person: Mapping[str, int]) -> int | None:
    """Twice the pool's weighted median: its roles' people at each of the four level values,
    each weighing what one person of the role weighs."""
    not_yet = descriptive = intermediate = transformative = 0
    for role in roles:
        each = per_person[role]
        people = counts[role][sid]
        not_yet += people[0] * each
        descriptive += people[1] * each
        intermediate += people[2] * each
        transformative += people[3] * each
    return _twice_median([not_yet, descriptive, intermediate, transformative])


def values(framework: Framework, counts: Counts, groups: list[list[str]],
           per_person: Mapping[str, int]) -> Values:
    """Every statement's value: the mean of its pools' weighted centres (weights from
    `integral`; with every person's weight 1, the value as answered, as
    `Tally.statement_value` gives it)."""
    found: Values = {}
    for statement in framework.statements:
        centres = [v for roles in groups
                   if (v := _twice_pool(counts, statement.id, roles, per_person)) is not None]
        found[statement.id] = Fraction(sum(centres), 2 * len(centres)) if centres else None
    return found
