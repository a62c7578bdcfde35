"""One respondent as scoring needs them (a ballot), and who they are in a report."""

# Annotations are objects here, not text (no `from __future__ import annotations`):
# typing.NamedTuple compiles a field's annotation given as text, at every start.

import datetime
from collections.abc import Sequence
from typing import NamedTuple

from coprod_cli.answers import UNSURE, Answers
from coprod_cli.versions import Carried, Migration, carry


class Who(NamedTuple):
    """Who a respondent is in a report: their role and running number, and where they came from."""

    role: str
    number: int  # within the role, in the order read
    overall: int  # among everyone, in the order read
    source: str  # a file name or form row: shown only with --show-names


class Ballot(NamedTuple):
    """What scoring needs of one validated answers file: its role, levels and evidence."""

    role: str
    levels: dict[str, str | None]  # statement id -> level id, 'unsure', or None if unanswered
    evidence: tuple[tuple[str, str], ...] = ()
    assessed_on: datetime.date | None = None
    service: str | None = None
    stated: bool = True  # False when no role was given (counted as 'other'): it could be anyone
    carried: Carried | None = None  # written for an earlier version: what its map did
    language: str | None = None  # the language it was answered in, when the file says
    reasons: tuple[tuple[str, str], ...] = ()  # why a statement does not apply, in their words

    @classmethod
    def of(cls, answers: Answers, carried: Carried | None = None) -> "Ballot":
        """The ballot of one answers file; an empty answer is None (unanswered), except a
        statement new since the version the file was written for, which counts as unsure."""
        items = answers.answers.items()
        levels: dict[str, str | None] = {sid: a.level if a else None for sid, a in items}
        levels |= dict.fromkeys(carried.no_answer_yet if carried else (), UNSURE)
        return cls(answers.role, levels,
                   tuple((sid, a.evidence) for sid, a in items if a and a.evidence),
                   answers.assessed_on, answers.service, answers.respondent.role is not None,
                   carried, answers.language,
                   tuple((sid, a.reason) for sid, a in items if a and a.reason))


def through_map(ballot: Ballot, start: Migration, migrations: Sequence[Migration]) -> Ballot:
    """A ballot of an earlier version of the framework carried through its migration map:
    answers and evidence to the new ids, new statements unsure (as the loader's path does)."""
    if not ballot.evidence and not ballot.reasons and None not in ballot.levels.values():
        sources, carried = _sources(tuple(ballot.levels), start, migrations)
        return ballot._replace(levels={sid: UNSURE if source is None else ballot.levels[source]
                                       for sid, source in sources}, carried=carried)
    levels, carried = carry(ballot.levels, start, migrations)
    levels |= dict.fromkeys(carried.no_answer_yet, UNSURE)
    # Most files give neither: nothing to carry then (a carry of nothing gives nothing).
    evidence = carry(dict(ballot.evidence), start, migrations)[0] if ballot.evidence else {}
    reasons = carry(dict(ballot.reasons), start, migrations)[0] if ballot.reasons else {}
    return ballot._replace(levels=levels, carried=carried, evidence=tuple(
        (sid, text) for sid, text in evidence.items() if text is not None), reasons=tuple(
        (sid, text) for sid, text in reasons.items() if text is not None))


# Where each current statement's answer comes from, per earlier version and the ids a file
# answers (every answer given): worked out once for the many files laid out alike.
_SOURCES: dict[tuple[int, int, tuple[str, ...]],
               tuple[Migration, Sequence[Migration], list[tuple[str, str | None]], Carried]] = {}


def _sources(ids: tuple[str, ...], start: Migration, migrations: Sequence[Migration]
             ) -> tuple[list[tuple[str, str | None]], Carried]:
    """`carry` of answers with these ids, none of them empty, as each current id's earlier id
    (None: new since, so unsure) and what the carry did; the same for any such answers."""
    kept = _SOURCES.get((id(start), id(migrations), ids))
    if kept is None or kept[0] is not start or kept[1] is not migrations:
        carried_ids, carried = carry({sid: sid for sid in ids}, start, migrations)
        if len(_SOURCES) >= 256:  # files laid out in many ways: memory stays small
            _SOURCES.clear()
        kept = _SOURCES[id(start), id(migrations), ids] = (
            start, migrations, list(carried_ids.items()), carried)
    return kept[2], kept[3]
