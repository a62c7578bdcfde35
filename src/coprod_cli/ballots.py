"""One respondent as scoring needs them (a ballot), and who they are in a report."""

from __future__ import annotations

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
    def of(cls, answers: Answers, carried: Carried | None = None) -> Ballot:
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
    levels, carried = carry(ballot.levels, start, migrations)
    levels |= dict.fromkeys(carried.no_answer_yet, UNSURE)
    # Most files give neither: nothing to carry then (a carry of nothing gives nothing).
    evidence = carry(dict(ballot.evidence), start, migrations)[0] if ballot.evidence else {}
    reasons = carry(dict(ballot.reasons), start, migrations)[0] if ballot.reasons else {}
    return ballot._replace(levels=levels, carried=carried, evidence=tuple(
        (sid, text) for sid, text in evidence.items() if text is not None), reasons=tuple(
        (sid, text) for sid, text in reasons.items() if text is not None))
