"""A form export's rows counted a chunk at a time, so a row costs a few steps rather than a
step for each statement.

A chunk is read a column at a time (formbulk.py) when every cell, role and date in it is one
the table has read before; else each row is read as the table reads it (formtable.Table.ballot:
every error and warning the same, naming the same cell). Then the chunk's answers are counted
a role and a statement at a time (Counter over a column, in C), its people at once, who
answered added to the sketch at once, and its digests kept for the check for twins. A chunk
whose rows are not all complete is counted one row at a time, as before.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from itertools import islice, repeat
from operator import itemgetter, methodcaller
from typing import TYPE_CHECKING, cast

from coprod_cli.answers import UNSURE
from coprod_cli.classes import mutable
from coprod_cli.errors import CoprodError, FileProblem, Location
from coprod_cli.i18n import _
from coprod_cli.reading import formbulk
from coprod_cli.reading.formtable import Table
from coprod_cli.reading.twins import Twins, row_digest
from coprod_cli.tally import CODES, Ballot, Tally, coded

if TYPE_CHECKING:
    from coprod_cli.reading.inputs import Read

SIZE = 512  # rows in a chunk: their cells are all that is held at once
MAX_ROWS = 1_000_000  # responses in one export (README, Input limits)
_UNSURE = bytes(code == CODES[UNSURE] for code in range(256))  # 1 for UNSURE's code
Row = tuple[int, list[object]]  # the line a row starts on, and its cells


@mutable
class Chunk:
    """Rows of one export, in the order read."""

    name: str  # the export, as named on the command line
    table: Table
    rows: list[Row]


def chunks(rows: Iterator[Row], name: str) -> Iterator[list[Row]]:
    """The rows in lists of SIZE; the rows read before an error in the file come first. An
    export of more than MAX_ROWS rows is refused at the first row over."""
    read = 0
    while True:
        chunk: list[Row] = []
        try:
            chunk.extend(islice(rows, SIZE))
        except CoprodError:
            if chunk:
                yield chunk
            raise
        if not chunk:
            return
        read += len(chunk)
        if read > MAX_ROWS:
            raise FileProblem(
                _("more than {MAX_ROWS:,} rows of responses").format(MAX_ROWS=MAX_ROWS),
                _(
                    "split the export "
                    "(by date, say) and score each part, or check you named the "
                    "right file"
                ),
                Location(name, chunk[MAX_ROWS - read][0], 1),
            )
        yield chunk


def count(chunk: Chunk, tally: Tally, skip: Callable[[CoprodError], None],
          alone: Callable[[Read], None], twins: Twins) -> list[datetime.date | None]:
    """The chunk's rows counted in `tally` and kept in `twins` together: read a column at a
    time when every row is as plain as rows read before (formbulk.py), else each row read as
    the table reads it (one error `skip`ped); `alone` counts one read row on its own (when
    the rows are not all complete). The dates of the rows counted are returned."""
    table = chunk.table
    sids = table._sids
    if len(sids) < 2 or not tally.knows(sids):
        return _each(chunk, tally, skip, alone, twins)
    bulk = formbulk.read(table, chunk.rows)
    if bulk is None:
        return _each(chunk, tally, skip, alone, twins)
    lines = [line for line, _ in chunk.rows]
    _add(tally, table, bulk.roles, bulk.answers, bulk.stated, bulk.days, lines,
         [evidence for evidence in bulk.evidence if evidence], bulk.codes)
    twins.add_many(_digests(bulk.stamps, bulk.answers), bulk.roles, table.name, lines)
    return bulk.days


def _each(chunk: Chunk, tally: Tally, skip: Callable[[CoprodError], None],
          alone: Callable[[Read], None], twins: Twins) -> list[datetime.date | None]:
    """Each row of the chunk read as the table reads it, then counted together when all are
    complete, else one at a time."""
    table, ballots, kept = chunk.table, [], []
    for line, cells in chunk.rows:
        try:
            ballots.append(table.ballot(cells, line))
        except CoprodError as error:
            skip(error)
            continue
        kept.append((line, cells))
    sids = table._sids
    try:
        answers = list(map(itemgetter(*sids), [ballot.levels for ballot in ballots]))
    except KeyError:
        answers = []
    if len(sids) < 2 or not tally.knows(sids) or any(None in row for row in answers) \
            or len(answers) < len(ballots) \
            or any(ballot.carried is not None for ballot in ballots):
        for ballot, (line, cells) in zip(ballots, kept, strict=True):
            alone(one(table, ballot, line, cells))
        return []
    roles = [ballot.role for ballot in ballots]
    days = [ballot.assessed_on for ballot in ballots]
    lines = [line for line, _ in kept]
    _add(tally, table, roles, answers, [ballot.stated for ballot in ballots], days, lines,
         [ballot.evidence for ballot in ballots if ballot.evidence])
    tally.keep_reasons(pair for ballot in ballots for pair in ballot.reasons)
    date_at = table._date_column
    stamps = [None if date_at is None or date_at >= len(cells) else cells[date_at]
              for _, cells in kept]
    twins.add_many(_digests(stamps, answers), roles, table.name, lines)
    return days


def _add(tally: Tally, table: Table, roles: list[str], answers: list[tuple[str, ...]],
         stated: list[bool], days: list[datetime.date | None], lines: list[int],
         evidence: list[tuple[tuple[str, str], ...]], codes: bytes | None = None) -> None:
    """Complete respondents counted in order, as Tally.add_ballot counts each."""
    codes = codes if codes is not None else coded(answers)
    tally.add_people(roles, _unsure(answers, codes), stated.count(False), days, table.name,
                     lines, evidence)
    tally.add_rows(roles, table._sids, answers, codes)
    tally.keep_many(roles, table._sids, answers, codes)


def _unsure(answers: list[tuple[str, ...]], codes: bytes | None) -> list[int]:
    """How many times each row is unsure (tuple.count(UNSURE)): from the codes when there
    are, the rows' flags for UNSURE's code added a column at a time as whole numbers (a byte
    a row, so no byte carries while there are fewer than 256 columns)."""
    width = len(answers[0]) if answers else 0
    if codes is None or not 0 < width < 256 or len(codes) != width * len(answers):
        return list(map(methodcaller("count", UNSURE), answers))
    flags, total = codes.translate(_UNSURE), 0
    for at in range(width):
        total += int.from_bytes(flags[at::width], "big")
    return list(total.to_bytes(len(answers), "big"))


def one(table: Table, ballot: Ballot, line: int, cells: list[object]) -> Read:
    """A row read on its own, as reading/inputs.py reads one."""
    date = table._date_column
    digest = None if date is None or date >= len(cells) \
        else row_digest(cells[date], tuple(ballot.levels.values()))
    return f"{table.name}:{line}", ballot, digest, table.name, line


def _digests(stamps: list[object], answers: list[tuple[str, ...]]) -> list[int | None]:
    """Each row's digest (reading/twins.py), a chunk at a time."""
    kinds = set(map(type, stamps))
    if type(None) in kinds:  # a blank date cell: row_digest reads it (the same for text)
        return list(map(row_digest, stamps, answers))
    texts = list(map(str.strip, cast("list[str]", stamps) if kinds <= {str} else
                     map(str, stamps)))  # a date or a number read as its text, as row_digest
    digests: list[int | None] = list(map(hash, zip(texts, answers, strict=True)))  # row_digest
    if not all(map(str.__contains__, texts, repeat(":"))):
        digests = [d if ":" in text else None for d, text in zip(digests, texts, strict=True)]
    return digests
