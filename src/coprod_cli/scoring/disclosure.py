"""Which groups a shareable result may show: none too small, none recoverable by subtraction."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from typing import Literal

from coprod_cli.classes import frozen
from coprod_cli.models import Framework, Weighting
from coprod_cli.scoring.span import Row, Span, lowest
from coprod_cli.tally import Tally

Reason = Literal["fewer-than-min-group", "complementary"]


@frozen
class Group:
    """A role, or a voice (the roles of people with lived experience, or everyone else's)."""

    id: str
    kind: Literal["role", "voice"]
    roles: tuple[str, ...]
    size: int


def groups(tally: Tally, lived: Collection[str]) -> list[Group]:
    """Every role present (by id, so the order files came in never matters), then each voice."""
    found = [Group(role, "role", (role,), tally.respondents[role]) for role in sorted(tally.counts)]
    for voice, roles in zip(("lived-experience", "everyone-else"), tally.voices(lived),
                            strict=True):
        if roles:
            found.append(Group(voice, "voice", tuple(roles),
                               sum(tally.respondents[r] for r in roles)))
    return found


class Relations:
    """The linear relations the weighting sets up between groups, per statement.

    A published figure is a centre (a median of people, a mean of voices or roles); each is
    read here as the linear mean of the same people. That keeps the relations that are exact
    (a statement's overall value is the mean of the two voices' centres, so one voice and the
    overall give the other; under role weighting, the mean of the roles' centres) and treats a
    median as if a reader could undo it as they could a mean. It is not a bound on everything a
    median gives away: a median moves with which side of the middle one person answered, which
    no linear relation captures, and this audit looks at one report only. Both are why a
    shared result is also rounded down to half a level (sharing.py).

    Exact relations count who answered each statement; nominal ones count everyone in a role,
    as if nobody were unsure. A reader who knows only how many answered can use the nominal
    ones to come close to a hidden value, so both must leave it out of reach."""

    def __init__(self, tally: Tally, lived: Collection[str], weighting: Weighting,
                 nominal: bool = False) -> None:
        self.tally, self.weighting, self.nominal = tally, weighting, nominal
        self.voices = tally.voices(lived)
        # role -> statement id -> how many of the role answered it (Tally.answered), read once
        self.answered = {role: {sid: sum(levels) for sid, levels in statements.items()}
                         for role, statements in tally.counts.items()}

    def value(self, sid: str, roles: Iterable[str], weighting: Weighting) -> Scaled:
        """Some roles' value for one statement, in the unknowns (role, statement)."""
        answered = self.answered
        if self.nominal:  # everyone in a role present, answered or not
            counts = {r: self.tally.respondents[r] for r in roles if r in answered}
        else:
            counts = {r: n for r in roles if r in answered and (n := answered[r][sid])}
        if weighting == "person":
            return {(r, sid): n for r, n in counts.items()}, sum(counts.values()) or 1
        return dict.fromkeys(((r, sid) for r in counts), 1), len(counts) or 1

    def complete(self, sid: str) -> bool:
        """Whether everyone in every role present answered the statement (nobody unsure), so
        that its nominal values are its exact ones."""
        respondents = self.tally.respondents
        return all(0 < statements[sid] == respondents[role]
                   for role, statements in self.answered.items())

    def group(self, group: Group, sid: str) -> Scaled:
        within: Weighting = "role" if self.weighting == "role" else "person"
        return self.value(sid, group.roles, within)

    def overall(self, sid: str) -> Scaled:
        if self.weighting != "partnership":
            return self.value(sid, self.tally.counts, self.weighting)
        return mean([self.value(sid, roles, "person") for roles in self.voices])


# A vector as whole numbers over one positive denominator: (row, denominator). The values are
# exact fractions, as Fraction would give them, without making a Fraction of each (that was
# most of the time the audit took).
Scaled = tuple[Row, int]


def mean(vectors: list[Scaled]) -> Scaled:
    """The mean of the non-empty vectors (an empty one is a group that was unsure throughout)."""
    present = [(row, denominator) for row, denominator in vectors if row]
    if not present:
        return {}, 1
    common = math.lcm(*(denominator for _, denominator in present))
    total: Row = {}
    for row, denominator in present:
        times = common // denominator
        for key, value in row.items():
            total[key] = total.get(key, 0) + value * times
    return {key: value for key, value in total.items() if value}, common * len(present)


def _row(vector: Scaled) -> Row:
    """The vector as a row of Span: its direction in whole numbers, in lowest terms."""
    return lowest({key: value for key, value in vector[0].items() if value})


Secret = tuple[str, str, str]  # (group id, dimension id, statement id or '' for the dimension)


class Auditor:
    """Finds every hidden value a reader could compute (or nearly) from what is shown."""

    def __init__(self, framework: Framework, tally: Tally, lived: Collection[str],
                 weighting: Weighting) -> None:
        self.groups = groups(tally, lived)
        # Per dimension, exactly and nominally: the overall value of each statement (always
        # shown), and each group's value for the dimension and for each statement in it, keyed
        # by statement id ('' for the dimension).
        self.areas = []
        # Per area, what is left of each group's values once the overall values are taken out
        # (Span.reduce): a value is in reach of the overall and some groups' values exactly
        # when what is left of it is in reach of what is left of theirs, so each value is
        # reduced against the overall values once, not again for every set of groups shown.
        self._left: list[dict[str, dict[str, Row]]] = []
        # Exactly, per dimension: each statement's overall row, and each group's values, rows
        # and what is left of them. A statement every person present answered (nobody unsure)
        # has the same values nominally, and the same overall row, which alone reduces them:
        # the nominal area takes those as they are, and is left out when it is the exact one.
        exact: dict[str, tuple[dict[str, Row], dict[str, dict[str, Scaled]],
                               dict[str, dict[str, Row]], dict[str, dict[str, Row]]]] = {}
        for nominal in (False, True):
            relations = Relations(tally, lived, weighting, nominal)
            for dimension in framework.dimensions:
                sids = [s.id for s in dimension.statements]
                same = {sid for sid in sids if relations.complete(sid)} if nominal else set()
                if nominal and len(same) == len(sids):
                    continue
                was_overall, was_values, was_rows, was_left = exact.get(dimension.id,
                                                                        ({}, {}, {}, {}))
                values = {g.id: {sid: was_values[g.id][sid] if sid in same
                                 else relations.group(g, sid) for sid in sids}
                          for g in self.groups}
                for vectors in values.values():
                    vectors[""] = mean(list(vectors.values()))
                rows = {group: {sid: was_rows[group][sid] if sid in same else _row(vector)
                                for sid, vector in vectors.items()}
                        for group, vectors in values.items()}
                overall_rows = {sid: was_overall[sid] if sid in same
                                else _row(relations.overall(sid)) for sid in sids}
                overall = Span()
                for row in overall_rows.values():
                    overall.add_row(row)
                left = {group: {sid: was_left[group][sid] if sid in same
                                else overall.reduce_row(row) for sid, row in vectors.items()}
                        for group, vectors in rows.items()}
                if not nominal:
                    exact[dimension.id] = overall_rows, values, rows, left
                self.areas.append((dimension.id, overall, rows))
                self._left.append(left)
        # What the overall values alone give: the values nothing is left of.
        self.unavoidable: set[Secret] = {
            (group, dimension, sid)
            for (dimension, _, rows), left in zip(self.areas, self._left, strict=True)
            for group, vectors in rows.items() for sid, vector in vectors.items()
            if vector and not left[group][sid]}
        self._found: dict[frozenset[str], set[Secret]] = {
            frozenset(g.id for g in self.groups): self.unavoidable}
        self._alone = self.unavoidable

    def leaks(self, hidden: Collection[str]) -> set[Secret]:
        """Hidden values a reader could compute, beyond those the overall result alone gives."""
        return self._determined(hidden) - self.unavoidable

    def _determined(self, hidden: Collection[str]) -> set[Secret]:
        """Hidden values a reader could compute from the overall values (each area's span of
        them made once) and the shown groups' values; worked out once per set of hidden groups.

        Fewer groups shown span less: a value out of reach with more groups shown is out of
        reach with fewer, so of the groups already hidden in a set worked out before (the
        largest within this one), only the values found there are looked at again; and what
        the overall values alone give (`unavoidable`) is found whatever is shown."""
        key = frozenset(hidden)
        if key not in self._found:
            before = max((done for done in self._found if done < key), key=len, default=None)
            # of the groups hidden before, only the values found then (what the overall
            # alone gives among them) are looked at again
            again: dict[tuple[str, str], list[str]] = {}
            for group, dimension, sid in self._found[before] if before is not None else ():
                again.setdefault((group, dimension), []).append(sid)
            alone, found = self._alone, set()
            for (dimension, _, values), left in zip(self.areas, self._left, strict=True):
                span = Span()  # of what the overall values leave of the shown groups' values
                for shown in self.groups:
                    if shown.id not in hidden:
                        span.add_row(left[shown.id][""])
                for group in key:
                    rests = left[group]
                    vectors = values[group]  # an empty one (nobody to answer) gives nothing
                    if before is not None and group in before:
                        sids = [sid for sid in again.get((group, dimension), ()) if vectors[sid]]
                    else:
                        sids = [sid for sid, vector in vectors.items() if vector]
                    for sid in sids:
                        secret = (group, dimension, sid)
                        if secret in alone or span.holds_row(rests[sid]):
                            found.add(secret)
            self._found[key] = found
        return set(self._found[key])


def _voice(group: Group, lived: Collection[str]) -> str:
    return group.id if group.kind == "voice" else \
        "lived-experience" if group.id in lived else "everyone-else"


def held_back(framework: Framework, tally: Tally, lived: Collection[str],
              weighting: Weighting, min_group: int,
              also: Collection[str] = ()) -> dict[str, Reason]:
    """The groups not shown on their own: too small, or complementary to one that is.

    Complementary groups are chosen one at a time until nothing hidden can be computed: for
    the first group still exposed, the first of the shown groups that closes a gap, trying
    those in its own voice first, roles before voices, the smallest first. Groups in `also`
    (held back in another result of the same people) are held back too, as complementary."""
    every = groups(tally, lived)
    hidden: dict[str, Reason] = {g.id: "fewer-than-min-group" for g in every
                                 if g.size < min_group}
    hidden |= {g.id: "complementary" for g in every if g.id in also and g.id not in hidden}
    if not hidden or len(hidden) == len(every):  # nothing hidden, or nothing left to show
        return hidden
    auditor = Auditor(framework, tally, lived, weighting)
    leaks = auditor.leaks(hidden)
    while leaks and len(hidden) < len(every):
        exposed = next(g for g in every if g.id == min(leaks)[0])
        shown = sorted((g for g in every if g.id not in hidden), key=lambda g: (
            _voice(g, lived) != _voice(exposed, lived), g.kind == "voice", g.size))
        for candidate in shown:
            fewer = auditor.leaks({*hidden, candidate.id})
            if len(fewer) < len(leaks):
                break
        else:
            candidate, fewer = shown[0], auditor.leaks({*hidden, shown[0].id})
        hidden[candidate.id] = "complementary"
        leaks = fewer
    return hidden
