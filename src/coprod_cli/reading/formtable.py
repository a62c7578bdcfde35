"""An export read row by row, once its header is matched to a framework (formheader.py): each
row one respondent."""

from __future__ import annotations

import datetime
import operator
from collections.abc import Sequence
from dataclasses import field
from typing import TYPE_CHECKING

from coprod_cli.answers import DOES_NOT_APPLY, UNSURE, sensible_date
from coprod_cli.classes import frozen, mutable
from coprod_cli.errors import InvalidData, Location, UsageProblem, did_you_mean
from coprod_cli.i18n import _
from coprod_cli.models import Catalogue, Framework
from coprod_cli.reading import formwarnings
from coprod_cli.reading.formheader import DATE_COLUMNS, Columns, cell_name, complete, match_columns
from coprod_cli.reading.formroles import Roles
from coprod_cli.reading.formwords import (
    EITHER,
    MONTH_FIRST,
    normalise,
    parse_choice,
    read_date,
)
from coprod_cli.tally import Ballot, through_map
from coprod_cli.versions import Migration, written_for

if TYPE_CHECKING:
    from coprod_cli.reading.formheader import Matcher

@frozen
class FormOptions:
    """How a user told coprod to read an export: the role column, role answers, strictness."""

    role_column: str | None = None
    role_map: dict[str, str] = field(default_factory=dict)
    strict: bool = False
    date_order: str | None = None  # 'dmy' or 'mdy': how the export writes slashed dates
    # Each role answer met in any export read with these options, normalised -> as written:
    # a --role-map entry that meets none is a mistake (see unmatched_role_map).
    answered: dict[str, str] = field(default_factory=dict, compare=False)

    def unmatched_role_map(self) -> list[str]:
        """The --role-map answers no export's role column held, as the user wrote them."""
        return [given for given in self.role_map if normalise(given) not in self.answered]


class DateOrderUnknown(UsageProblem):
    """An export's dates could be day or month first: refused, never skipped as one row."""


@mutable
class Table:
    """An export's columns checked against one framework; counts what each row leaves out."""

    name: str
    framework: Framework
    header: list[str]
    columns: Columns
    roles: Roles
    order: str | None = None
    refuse_blank: bool = False  # --strict: a blank answer is an error, not unsure
    blank_cells: int = 0
    blank_rows: int = 0
    first_blank: str = ""
    bad_dates: int = 0
    first_bad_date: str = ""
    _levels: dict[object, str] = field(default_factory=dict)  # cell as read -> level, cached
    _sensible_dates: set[datetime.date] = field(default_factory=set)
    _date_column: int | None = None
    start: Migration | None = None  # the migration an earlier version's export is read through
    _shown_order: tuple[str, str] | None = None  # the order a date showed, and where
    _either: int = 0  # dates that could be either, read day first for now
    _first_either: str = ""

    def __post_init__(self) -> None:
        dates = self.columns.dates
        self._date_column = next((dates[w] for w in DATE_COLUMNS if w in dates), None)
        self._indexes = tuple(self.columns.statements)
        self._sids = tuple(self.columns.statements.values())
        # The statement cells of a row, as a tuple (itemgetter gives a bare value for one).
        pick = operator.itemgetter(*self._indexes)
        self._pick = pick if len(self._indexes) > 1 else lambda cells: (pick(cells),)
        used = [*self._indexes, *self.columns.evidence, *self.columns.reasons,
                *self.columns.dates.values(),
                *(i for i in (self.columns.role, self.columns.respondent) if i is not None)]
        self._role_indexes = tuple(i for i in (self.columns.role, *self.columns.role_more)
                                   if i is not None)
        self._width = max([*used, *self._role_indexes]) + 1

    def ballot(self, cells: list[object], row: int) -> Ballot:
        """One row as one respondent; a cell that cannot be read is an error naming it.

        Each distinct cell is read once and remembered, so a row costs a lookup per statement.
        """
        if len(cells) < self._width:
            cells = [*cells, *[None] * (self._width - len(cells))]
        found = list(map(self._levels.get, self._pick(cells)))
        if None in found:
            found = self._unknown(cells, row, found)
        levels = dict(zip(self._sids, found, strict=False))
        ballot = Ballot(self._role(cells, row), levels,
                        self._evidence(cells) if self.columns.evidence else (),
                        self._date(cells, row), stated=self._role_stated(cells),
                        reasons=self._reasons(cells, levels) if self.columns.reasons else ())
        return ballot if self.start is None else \
            through_map(ballot, self.start, self.framework.migrations)

    def _unknown(self, cells: list[object], row: int, found: list[str | None]) -> list[str | None]:
        """Cells not seen before read as choices; blank ones as unsure, and counted."""
        blank = []
        for position, (index, sid) in enumerate(zip(self._indexes, self._sids, strict=True)):
            if found[position] is not None:
                continue
            cell = cells[index]
            text = _text(cell)
            if not text and self.refuse_blank:
                raise self.error(f"'{sid}': no answer (a blank cell)", "answer it, or leave out "
                                 "--strict to count blank answers as unsure", cells, row, index)
            if not text:
                blank.append(index)
                found[position] = UNSURE
            else:
                found[position] = self._levels[cell] = self._choice(text, cells, row, index, sid)
        if blank:
            self._note_blank(len(blank), row, blank[0])
        return found

    def _choice(self, text: str, cells: list[object], row: int, index: int, sid: str) -> str:
        try:
            return parse_choice(text)
        except ValueError as error:
            what, _sep, fix = str(error).partition("; ")
            raise self.error(f"'{sid}': {what}", fix, cells, row, index) from None

    def _note_blank(self, blank: int, row: int, index: int) -> None:
        if not self.first_blank:
            self.first_blank = f"{self.name}:{row}:{index + 1} ({cell_name(row, index + 1)})"
        self.blank_cells += blank
        self.blank_rows += 1

    def error(self, what: str, fix: str, cells: list[object], row: int,
              index: int) -> InvalidData:
        """An error at a cell, named as a spreadsheet shows it, with whose response it is."""
        return InvalidData(
            _("cell {cell_name}{whose}: {what}").format(
                cell_name=cell_name(row, index + 1), whose=self._whose(cells), what=what
            ),
            fix,
            Location(self.name, row, index + 1),
        )

    def _whose(self, cells: list[object]) -> str:
        for index, what in ((self.columns.respondent, "respondent"),
                            (self._date_column, "the response of")):
            if index is not None and index < len(cells) and str(cells[index] or "").strip():
                return f" ({what} {str(cells[index]).strip()})"
        return ""

    def _role_stated(self, cells: list[object]) -> bool:
        """Whether the row says who answered (a role column with something in it)."""
        return any(str(cells[index] or "").strip() != "" for index in self._role_indexes)

    def _role(self, cells: list[object], row: int) -> str:
        if self.columns.role is None:
            return "other"
        return self.roles.read([(i, cells[i]) for i in self._role_indexes], cells, row, self)

    def _evidence(self, cells: list[object]) -> tuple[tuple[str, str], ...]:
        found = []
        for index, sid in self.columns.evidence.items():
            text = str(cells[index] or "").strip() if index < len(cells) else ""
            if text:
                found.append((sid, text))
        return tuple(found)

    def _reasons(self, cells: list[object],
                 levels: dict[str, str | None]) -> tuple[tuple[str, str], ...]:
        """Why statements do not apply, kept only beside an answer that says so."""
        found = []
        for index, sid in self.columns.reasons.items():
            text = str(cells[index] or "").strip() if index < len(cells) else ""
            if text and levels.get(sid) == DOES_NOT_APPLY:
                found.append((sid, text))
        return tuple(found)

    def _date(self, cells: list[object], row: int) -> datetime.date | None:
        index = self._date_column
        if index is None or index >= len(cells) or not str(cells[index] or "").strip():
            return None
        date, shows = read_date(cells[index], self.order)
        if date is not None and date not in self._sensible_dates and not sensible_date(date):
            raise self.error(f"{date} is not a date of an assessment", "correct the date (from "
                             "2000 to next year) or clear the cell", cells, row, index)
        if date is not None:
            self._sensible_dates.add(date)
            if shows is not None:
                self._order_shown(shows, cells, row, index)
        else:
            self.bad_dates += 1
            if not self.first_bad_date:
                self.first_bad_date = (f"{self.name}:{row}:{index + 1} "
                                       f"({cell_name(row, index + 1)}) '{cells[index]}'")
        return date

    def _order_shown(self, shows: str, cells: list[object], row: int, index: int) -> None:
        """Remember what a date tells of the order; dates in both orders are an error."""
        where = f"{cell_name(row, index + 1)} '{str(cells[index]).strip()}'"
        if shows == EITHER:
            self._either += 1
            self._first_either = self._first_either or where
            return
        if self._shown_order is None:
            self._shown_order = (shows, where)
        elif self._shown_order[0] != shows:
            raise self.error(f"dates written both day first and month first (this one, and "
                             f"{self._shown_order[1]})", "correct the dates, or say how the "
                             "export writes them: --date-order dmy or mdy", cells, row, index)

    def either_more(self, count: int) -> None:
        """`count` more dates that could be day or month first, once the first is named (as
        _order_shown notes each; formbulk.py counts a chunk's at once)."""
        self._either += count

    def finish(self) -> None:
        """Once every row is read: refuse dates that could be day or month first when nothing
        said which (a date like 24/11 would have), or that a later date showed to be month
        first after they were read day first."""
        if not self._either:
            return
        where, count = self._first_either, self._either
        shown = self._shown_order
        if shown is not None and shown[0] != MONTH_FIRST:
            return
        what = (_("the dates are month first ({date}), but {count} before it could be either "
                  "and were read day first") if shown else
                _("{count} date(s) could be day first or month first, and no date in the "
                  "export shows which (the first is {where})")).format(
            date=shown[1] if shown else "", count=count, where=where)
        raise DateOrderUnknown(what, _("say how this export writes dates: --date-order dmy "
                                       "(day first, as in the UK: 05/11 is 5 November) or "
                                       "--date-order mdy (month first, as in the US: 05/11 is "
                                       "11 May)"),
                               Location(self.name, 1, 1 + (self._date_column or 0)))

    def warnings(self) -> list[str]:
        """What was left out or guessed, once per export (formwarnings.py)."""
        return formwarnings.warnings(self)


def _text(cell: object) -> str:
    """A cell as text: a whole number a spreadsheet stored as 2.0 is '2'."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell).strip()


def table(name: str, header: list[str], frameworks: Sequence[Framework | Matcher],
          catalogue: Catalogue, options: FormOptions) -> Table:
    """The header matched once: unknown columns refused when strict, missing statements refused."""
    framework, columns = match_columns(name, header, frameworks, options.role_column)
    if options.strict and columns.ignored:
        index = columns.ignored[0]
        close = did_you_mean(normalise(header[index]), [s.id for s in framework.statements])
        raise InvalidData(
            _("column {cell_name} '{strip}' is not a statement, the role or a date{close}").format(
                cell_name=cell_name(1, index + 1), strip=header[index].strip(), close=close
            ),
            _("remove the column, or leave out --strict to ignore such columns"),
            Location(name, 1, index + 1),
        )
    current = [s.id for s in framework.statements]
    start = written_for(list(columns.statements.values()), None, framework.version, current,
                        framework.migrations)
    complete(name, framework, header, columns, start.statements if start else current)
    roles = Roles(catalogue, options.role_map, options.strict, header, options.answered)
    return Table(name, framework, header, columns, roles,
                 options.date_order or columns.date_order, start=start,
                 refuse_blank=options.strict)
