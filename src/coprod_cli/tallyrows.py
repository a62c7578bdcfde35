"""Many respondents counted at once (a form export's rows, as Tally counts one), and who each
respondent is kept as: their answers, when a trend asks for them, and their key in the sketch.

Tally is made of this; its own module keeps the one-at-a-time counting and what scoring asks."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, compress, repeat

from coprod_cli.answers import DOES_NOT_APPLY, UNSURE
from coprod_cli.ballots import Ballot, Who
from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES
from coprod_cli.safetext import file_name
from coprod_cli.sketch import Keys, Sketch, key, keys

UNSURE_SHARE = 1 / 3  # a respondent unsure about more than this share is worth a warning
MAX_NAMED = 5  # respondents named in a warning; the rest are counted
UNKNOWN = len(LEVEL_IDS)  # a kept answer that is unsure: left out of the arithmetic
NOT_APPLYING = UNKNOWN + 1  # a kept answer of 'does not apply': left out too
# Each answer a row can hold, as one byte below 8 (Tally.add_rows counts them in C).
CODES: dict[str | None, int] = {
    level: code for code, level in enumerate((*LEVEL_IDS, UNSURE, DOES_NOT_APPLY))}
CODED = tuple(level for level in CODES if level is not None)  # CODED[code] is its level


def coded(answers: Iterable[Iterable[str | None]]) -> bytes | None:
    """The rows' answers as CODES, a byte each, row after row; None for any other value."""
    try:
        return bytes(map(CODES.__getitem__, chain.from_iterable(answers)))
    except KeyError:
        return None


def _kept(level: str | None) -> int:
    """An answer as `people` keeps it: its level value, UNKNOWN or NOT_APPLYING."""
    return NOT_APPLYING if level == DOES_NOT_APPLY else \
        LEVEL_VALUES.get(level or UNSURE, UNKNOWN)


# _kept as a table (UNKNOWN when not in it)
_KEPT: dict[str | None, int] = {level: value for level, value in
                                [*LEVEL_VALUES.items(), (DOES_NOT_APPLY, NOT_APPLYING)]}


class Rows:
    """What Tally counts many at a time, and who it keeps (its fields are Tally's)."""

    respondents: Counter[str]
    mostly_unsure: list[Who]
    mostly_unsure_count: int
    assessed_on: datetime.date | None
    unstated: int
    unsure_answers: int
    people: list[tuple[str, bytes]] | None
    salt: bytes
    sketch: Sketch
    former: int
    total: int
    _keys: Keys
    _ids: list[str]
    _answers: dict[str, Counter[tuple[str, str | None]]]
    _keep_evidence: Callable[[str, str], None]

    def add_answers(self, roles: list[str], sids: Sequence[str],
                    columns: Sequence[Sequence[str | None]]) -> None:
        """Many respondents' answers at once, a statement at a time: `roles[i]` gave
        `columns[j][i]` to statement `sids[j]` (each also counted with add_person)."""
        for sid, column in zip(sids, columns, strict=True):
            for (role, level), people in Counter(zip(roles, column, strict=True)).items():
                answers = self._answers.get(role)
                if answers is None:
                    answers = self._answers[role] = Counter()
                answers[sid, level] += people

    def add_rows(self, roles: list[str], sids: Sequence[str],
                 answers: Sequence[Sequence[str | None]], codes: bytes | None = None) -> None:
        """The same as add_answers, given each respondent's row (`roles[i]` gave
        `answers[i][j]` to `sids[j]`), counted a statement at a time in C: each answer as a
        byte (its level's code), each row's role added to it as a higher byte value (whole
        numbers add the column's bytes at once; no byte carries), then bytes.count per role
        and level. Rows of other values, or of more roles than a byte holds, are counted a
        role and a statement at a time. `codes`, when given, are the rows' CODES already."""
        width, size = len(sids), len(roles)
        names = sorted(set(roles))
        levels = (codes if codes is not None else coded(answers)) or b""
        if len(names) > 256 // 8 or len(levels) != width * size \
                or not set(map(len, answers)) <= {width}:
            self._add_columns(roles, sids, answers)
            return
        tag = dict(zip(names, range(0, 256, 8), strict=False))  # a role's byte value
        tags = int.from_bytes(bytes(map(tag.__getitem__, roles)), "big")
        wanted = [(self._answers.setdefault(role, Counter()), 8 * index + code, level)
                  for index, role in enumerate(names) for level, code in CODES.items()]
        for at, sid in enumerate(sids):
            column = (int.from_bytes(levels[at::width], "big") + tags).to_bytes(size, "big")
            for counted, code, level in wanted:
                people = column.count(code)
                if people:
                    counted[sid, level] += people

    def _add_columns(self, roles: list[str], sids: Sequence[str],
                     answers: Sequence[Sequence[str | None]]) -> None:
        """add_rows for any values: a role and a statement at a time."""
        for role in set(roles):
            mine = compress(answers, map(role.__eq__, roles)) if len(roles) > 1 else answers
            counted = self._answers.get(role)
            if counted is None:
                counted = self._answers[role] = Counter()
            for sid, column in zip(sids, zip(*mine, strict=True), strict=True):
                for level, people in Counter(column).items():
                    counted[sid, level] += people

    def add_people(self, roles: list[str], unsure: list[int], unstated: int,
                   days: list[datetime.date | None], source: str, lines: list[int],
                   evidence: Iterable[tuple[tuple[str, str], ...]] = ()) -> None:
        """Many respondents counted at once, in order, as add_person counts one (their answers
        by add_answers): `roles[i]` read at `source`:`lines[i]` was unsure `unsure[i]` times;
        `evidence` is theirs, in order."""
        for pieces in evidence:
            for sid, text in pieces:
                self._keep_evidence(sid, text)
        start = Counter(self.respondents)
        self.respondents.update(roles)
        self.total += len(roles)
        self.unstated += unstated
        self.unsure_answers += sum(unsure)
        size = len(self._ids)
        if max(unsure, default=0) / size <= UNSURE_SHARE:  # nobody mostly unsure (most often)
            unsure = []
        for i in (i for i, count in enumerate(unsure) if count / size > UNSURE_SHARE):
            self.mostly_unsure_count += 1
            if len(self.mostly_unsure) < MAX_NAMED:
                role = roles[i]
                self.mostly_unsure.append(Who(
                    role, start[role] + roles[:i + 1].count(role),
                    self.total - len(roles) + i + 1, file_name(f"{source}:{lines[i]}")))
        latest = max(filter(None, days), default=None)
        if latest and (self.assessed_on is None or latest > self.assessed_on):
            self.assessed_on = latest

    def _keep_who(self, ballot: Ballot) -> None:
        """Each person's answers, when `people` asks for them; who answered, as a salted hash
        in the sketch, when there is a salt."""
        levels = ballot.levels
        given = list(map(levels.get, self._ids))
        if self.people is not None:
            self.people.append((ballot.role, bytes(map(_KEPT.get, given, repeat(UNKNOWN)))))
        if self.salt:
            self.sketch.add(self._keys.key(ballot.role, zip(self._ids, given, strict=True)))
            former = self._former()
            if former is not None:
                former.add(key(self.salt, "\n".join(
                    [ballot.role, *(f"{sid}={levels.get(sid) or ''}" for sid in self._ids)]
                ).encode("utf-8")))

    def _former(self) -> Sketch | None:
        """The sketch of keys of the first kind, while it may still be needed: once more
        people are kept than `former`, no entry of that kind can be within --min-group."""
        if self.sketch.former is not None and self.sketch.size > self.former:
            self.sketch.former = None
        return self.sketch.former

    def keep_many(self, roles: list[str], sids: Sequence[str],
                  answers: list[tuple[str, ...]], codes: bytes | None = None) -> None:
        """Many respondents kept at once as `_keep_who` keeps each: `roles[i]` answered
        `answers[i][j]` (never None) to statement `sids[j]` (the framework's statements);
        `codes`, when given, are the answers as CODES (`coded`)."""
        if self.people is None and not self.salt:
            return
        order = [list(sids).index(sid) for sid in self._ids]
        ordered = answers if order == sorted(order) else \
            [tuple(row[i] for i in order) for row in answers]
        if self.people is not None:
            values = {level: _kept(level) for level in set().union(*ordered)}
            self.people.extend(zip(roles, [bytes(map(values.__getitem__, row))
                                           for row in ordered], strict=True))
        if self.salt:
            made = self._keys.many(roles, sids, codes, CODED) \
                if codes is not None and len(codes) == len(sids) * len(roles) else None
            self.sketch.add_many(made if made is not None else [
                self._keys.key(role, zip(sids, row, strict=True))
                for role, row in zip(roles, answers, strict=True)])
            former = self._former()
            if former is not None:
                form = "%s\n" + "\n".join(f"{sid.replace('%', '%%')}=%s" for sid in self._ids)
                rows = map(tuple.__add__, zip(roles), ordered)
                former.add_many(keys(self.salt, map(str.encode, map(form.__mod__, rows))))
