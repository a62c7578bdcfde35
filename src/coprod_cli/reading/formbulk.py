"""A chunk of an export's rows read a column at a time, when every row is as plain as rows the
table has already read one at a time: each answer cell, role cell and date already met.

`read` gives the chunk's roles, answers and dates exactly as `Table.ballot` would give them
row by row, with the same counts noted on the table (blank answers, dates that could be day
or month first), or None when any row could need more: a cell not met before, a blank answer
before the first is named, a date that says something new about the export's order, a role
in the person's own words, a migration, a column of reasons a statement does not apply. Then
the table reads each row of that chunk on its
own, so every error, warning and count stays the table's (formtable.py).
"""

from __future__ import annotations

import datetime
from collections import Counter
from itertools import chain, repeat
from operator import itemgetter
from typing import cast

from coprod_cli.answers import UNSURE, sensible_date
from coprod_cli.classes import mutable
from coprod_cli.reading.formtable import Table
from coprod_cli.reading.formwords import _DATE, EITHER, _numbers
from coprod_cli.tally import CODES

Row = tuple[int, list[object]]  # the line a row starts on, and its cells


@mutable
class Bulk:
    """A chunk's respondents, in the order read (as Table.ballot gives each)."""

    roles: list[str]
    stated: list[bool]  # whether each row says who answered
    answers: list[tuple[str, ...]]  # each row's levels, in the table's statement order
    codes: bytes | None  # the levels as tally.CODES, a byte each, when every cell was read before
    days: list[datetime.date | None]
    stamps: list[object]  # each row's date cell, for the check for twins (None: no such cell)
    evidence: list[tuple[tuple[str, str], ...]]


def read(table: Table, rows: list[Row]) -> Bulk | None:
    """The chunk read a column at a time, or None when the table must read each row."""
    if table.start is not None or table.columns.role_more or table.columns.reasons or not rows \
            or min(map(len, map(itemgetter(1), rows))) < table._width:
        return None
    cells = list(map(itemgetter(1), rows))
    levels = _levels(table, cells)
    if levels is None:
        return None
    answers, blanks, codes = levels
    role = _roles(table, cells)
    if role is None:
        return None
    stamps = [None] * len(cells) if table._date_column is None else \
        list(map(itemgetter(table._date_column), cells))
    days = _days(table, stamps)  # last: it notes what the dates show on the table
    if days is None:
        return None
    table.roles.own.update(role[2])  # roles in people's own words, counted as the table does
    table.roles.own_people += role[2].total()
    if blanks:  # blank answers, counted as the table counts them
        per_row = [n for n in (row.count("") + row.count(None) for row in map(table._pick, cells))
                   if n]
        table.blank_cells += sum(per_row)
        table.blank_rows += len(per_row)
    return Bulk(role[0], role[1], answers, codes, days, stamps,
                [table._evidence(row) for row in cells] if table.columns.evidence else [])


def _levels(table: Table, cells: list[list[object]]
            ) -> tuple[list[tuple[str, ...]], bool, bytes | None] | None:
    """Each row's levels, every cell one the table has read before (a blank counted as
    unsure once the table has named the first), whether any was blank, and the levels as
    tally.CODES when every cell is a level id the table has read; None when a cell is new,
    or a blank must be refused (--strict) or named as the first. (The table reads a cell the
    same in any column, so the chunk's cells are checked all together.)"""
    known = table._levels
    picked = list(map(table._pick, cells))
    ids = {cell: CODES[level] for cell, level in known.items()
           if cell == level and type(cell) is str and level in CODES}
    try:  # an export of level ids: every cell is the level it names, read before
        return picked, False, bytes(map(ids.__getitem__, chain.from_iterable(picked)))
    except KeyError:
        pass
    codes = {cell: CODES[level] for cell, level in known.items() if level in CODES}
    try:  # an export of choice labels (or numbers): every cell one read before
        coded = bytes(map(codes.__getitem__, chain.from_iterable(picked)))
        return [tuple(map(known.__getitem__, row)) for row in picked], False, coded
    except KeyError:
        pass
    distinct = set(chain.from_iterable(picked))
    blanks = not known.keys() >= distinct
    if blanks and (not table.first_blank or table.refuse_blank
                   or not known.keys() >= distinct.difference(("", None))):
        return None
    if not blanks and all(known[cell] == cell and type(cell) is str for cell in distinct):
        return picked, False, None  # every cell is the level it names (an export of level ids)
    looked = {cell: known.get(cell, UNSURE) for cell in distinct}
    return [tuple(map(looked.__getitem__, row)) for row in picked], blanks, None


def _roles(table: Table, cells: list[list[object]]
           ) -> tuple[list[str], list[bool], Counter[str]] | None:
    """Each row's role and whether it said one, and the roles in people's own words to count
    for the warning (each 'other'); None unless every role cell was read before, as a role or
    as a role in the person's own words the warning already names."""
    index = table.columns.role
    if index is None:
        return ["other"] * len(cells), [False] * len(cells), Counter()
    column = list(map(itemgetter(index), cells))
    roles, read, stated, own = table.roles, {}, {}, {}
    for cell in set(column):
        role = roles._one.get(cell, "")
        if role is None and not roles.strict and str(cell).strip() in roles.own:
            role = own[cell] = "other"  # in the person's own words, and named already
        if not role:  # not read before, or refused (--strict), or to be noted first
            return None
        read[cell], stated[cell] = role, str(cell or "").strip() != ""
    written = Counter(str(cell).strip() for cell in column if cell in own) if own else Counter()
    return list(map(read.__getitem__, column)), list(map(stated.__getitem__, column)), written


def _days(table: Table, stamps: list[object]) -> list[datetime.date | None] | None:
    """Each row's date as Table._date reads it (None for a blank cell); None when a date is
    unreadable, not a sensible date, or shows an order the export has not shown before."""
    if table._date_column is None:
        return stamps  # type: ignore[return-value]  # all None
    kinds = set(map(type, stamps))
    texts = list(map(str.strip, cast("list[str]", stamps))) if kinds == {str} else \
        [stamp.strip() if type(stamp) is str else stamp for stamp in stamps]
    given = texts if "" not in texts and None not in texts else \
        [text for text in texts if text is not None and text != ""]
    kinds = set(map(type, given))
    if kinds <= {datetime.datetime}:
        days, either = [stamp.date() for stamp in given], 0  # type: ignore[attr-defined]
    elif kinds == {str}:
        read = _written(table, cast("list[str]", given))
        if read is None:
            return None
        days, either = read
    else:
        return None
    for day in set(days) - table._sensible_dates:
        if not sensible_date(day):
            return None
        table._sensible_dates.add(day)
    table.either_more(either)
    if len(given) == len(texts):
        return days
    each = iter(days)
    return [None if text is None or text == "" else next(each) for text in texts]


def _written(table: Table, texts: list[str]) -> tuple[list[datetime.date], int] | None:
    """Dates written as text, each distinct date part read once (formwords.read_date), and
    how many could be day or month first; None as for _days. The date part is what comes
    before the first space: _DATE never takes a space, so it reads that part as it reads the
    whole text (unless a line break ends it, where `$` would match: then the whole texts)."""
    heads = list(map(itemgetter(0), map(str.partition, texts, repeat(" "))))
    distinct = set(heads)
    if any("\n" in head for head in distinct):
        heads, distinct = texts, set(texts)
    matched = {head: _DATE.match(head) for head in distinct}
    if None in matched.values():
        return None
    read = {head: _numbers(*match.group(1, 2, 3), table.order)  # type: ignore[union-attr]
            for head, match in matched.items()}
    shown = table._shown_order[0] if table._shown_order else None
    if any(day is None or shows not in (None, EITHER, shown) for day, shows in read.values()):
        return None
    found = list(map(read.__getitem__, heads))
    either = 0
    if any(shows == EITHER for _, shows in read.values()):
        either = [shows for _, shows in found].count(EITHER)
        if not table._first_either:
            return None
    return list(map(itemgetter(0), found)), either
