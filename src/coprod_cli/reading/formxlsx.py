"""Online-form exports as spreadsheets (.xlsx): the first sheet read like a CSV export, the
archive checked before any of it is parsed (reading/xlsxcheck.py), and any damage in it one
located line."""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

from coprod_cli.errors import FileProblem, Location
from coprod_cli.i18n import _
from coprod_cli.models import Catalogue, Framework
from coprod_cli.reading import xlsxcheck
from coprod_cli.reading.formheader import Matcher, two_rows
from coprod_cli.reading.formtable import FormOptions, Table, table
from coprod_cli.reading.paths import XLSX_SUFFIXES, open_regular

FAST_UNPACKED = 128 * 1024 * 1024  # read by python-calamine up to this (about 100,000 rows)
BATCH = 512  # rows read and checked at once
SAFE_CALAMINE = (0, 8, 3)  # the lowest release measured here (pyproject.toml)
# What a cell holds besides text and blanks; never blank when written out (str(cell))
_NEVER_BLANK = frozenset({int, float, bool, datetime.datetime, datetime.date, datetime.time,
                          datetime.timedelta})


def is_xlsx(name: str) -> bool:
    return name.lower().endswith(XLSX_SUFFIXES)


def rows(path: Path, frameworks: Sequence[Framework | Matcher], catalogue: Catalogue,
         options: FormOptions) -> Iterator[Table | tuple[int, list[object]]]:
    """The table first, then each non-blank row with its number: read by python-calamine
    (a sixteenth of openpyxl's time) when the workbook unpacks to at most FAST_UNPACKED, else
    streamed by openpyxl in read-only mode, in memory that does not grow with the rows."""
    name = str(path)
    book = _open(path)
    try:
        batches = _fast_rows(name) if book is None else _batches(_sheet_rows(book, name))
        head: list[list[Any]] = []  # the first batches, until the two rows a header may span
        for batch in batches:
            head += batch
            if len(head) >= 2:
                break
        header, second = [*head, None, None][:2]
        if header is None or not any(_text(cell) for cell in header):
            raise FileProblem(_("the first sheet is empty"), _("export the form's responses again; "
                              "coprod reads the first sheet"), Location(name))
        texts = [_text(cell) for cell in header]
        merged = two_rows(texts, [_text(cell) for cell in second]) if second else None
        yield table(name, merged or texts, frameworks, catalogue, options)
        if second is not None and merged is None and any(_text(cell) for cell in second):
            yield 2, second
        number = 3
        for batch in chain([head[2:]], batches):
            yield from _filled(batch, number)
            number += len(batch)
    finally:
        if book is not None:
            book.close()


def _filled(batch: list[list[Any]], number: int) -> Iterator[tuple[int, list[Any]]]:
    """The batch's rows that are not blank, with their numbers (the first is `number`). Most
    often every row's first cell has text in it, or a number or a date (as Microsoft Forms'
    ID), which is checked for the batch at once."""
    firsts: list[Any] = [row[0] if row else None for row in batch]
    kinds = set(map(type, firsts))
    if kinds <= _NEVER_BLANK or (kinds == {str} and all(map(str.strip, firsts))):
        return enumerate(batch, start=number)
    return ((at, row) for at, row in enumerate(batch, start=number)
            if any(_text(cell) for cell in row))


def _batches(rows: Iterator[list[Any]]) -> Iterator[list[list[Any]]]:
    """The rows BATCH at a time; the rows read before a damaged one come first."""
    while True:
        batch: list[list[Any]] = []
        try:
            batch.extend(islice(rows, BATCH))
        except FileProblem:
            if batch:
                yield batch
            raise
        if not batch:
            return
        yield batch


def _sheet_rows(book: Any, name: str) -> Iterator[list[object]]:
    """The first sheet's rows as openpyxl parses them, one at a time. Whatever it raises on a
    damaged part (a missing sheet, a bad cell reference, XML declaring entities, which the
    parser refuses to expand or fetch) is one line naming the row, not a crash: which
    exceptions it raises differs between its releases and parts."""
    if not book.worksheets:
        raise FileProblem(_("the workbook has no sheet"), _("export the form's responses again"),
                          Location(name))
    number = 1
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # rows as long as their cells, not as the sheet claims
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
            number += 1
    except Exception as error:
        raise FileProblem(
            _("a damaged workbook ({reason})").format(reason=_reason(error)),
            _("export the form's responses again, or save the sheet as 'CSV UTF-8'"),
            Location(name, number),
        ) from None


def _fast(unpacked: int) -> bool:
    """Whether python-calamine reads a workbook that unpacks to `unpacked` bytes: it holds the
    whole sheet in memory (about 3 times its unpacked size), so only workbooks that unpack to
    FAST_UNPACKED or less, and only with a release measured here (0.8.3 or later)."""
    return unpacked <= FAST_UNPACKED and _calamine_release() >= SAFE_CALAMINE


def _calamine_release() -> tuple[int, ...]:
    """The installed release, from the name of the record an installer writes beside the
    package (python_calamine-0.9.1.dist-info), listed as the folder's names (a pattern
    matched by pathlib's glob took 0.3 ms): importlib.metadata, which costs more than that to
    import, only where there is not exactly one."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("python_calamine")
    if spec is None or not spec.submodule_search_locations:
        return ()
    folder = Path(next(iter(spec.submodule_search_locations))).parent
    records = [name for name in os.listdir(folder)
               if name.startswith("python_calamine-") and name.endswith(".dist-info")]
    if len(records) == 1:
        version = records[0][len("python_calamine-"):-len(".dist-info")]
    else:
        import importlib.metadata

        try:
            version = importlib.metadata.version("python-calamine")
        except importlib.metadata.PackageNotFoundError:
            return ()
    words = version.split(".")[:3]
    return tuple(int(word) for word in words if word.isdigit())


def _fast_rows(name: str) -> Iterator[list[list[Any]]]:
    """The first sheet's rows as python-calamine reads them (imported only here), BATCH at a
    time, padded to start at A1 as the sheet does, each cell as openpyxl gives it. It neither
    expands nor fetches XML entities; whatever it finds wrong is one line naming the sheet.
    (Loading a sheet, it also reads the whole sheet a second time for its merged cells, about
    a third of its time, which its API gives no way to leave out: README, Start-up.)"""
    from python_calamine import CalamineError, CalamineWorkbook, WorksheetNotFound

    fix = "export the form's responses again, or save the sheet as 'CSV UTF-8'"
    sheet_name = "?"
    try:
        book = CalamineWorkbook.from_path(name)
        if not book.sheet_names:
            raise FileProblem(
                _("the workbook has no sheet"),
                _("export the form's responses again"),
                Location(name),
            )
        sheet_name = book.sheet_names[0]
        sheet = book.get_sheet_by_index(0)
    except WorksheetNotFound:
        raise FileProblem(
            _("the workbook has no sheet '{sheet_name}' (its part is missing)").format(
                sheet_name=sheet_name
            ),
            fix,
            Location(name),
        ) from None
    except CalamineError as error:
        raise FileProblem(
            _("a damaged workbook (sheet '{sheet_name}': {reason})").format(
                sheet_name=sheet_name, reason=_reason(error)
            ),
            fix,
            Location(name),
        ) from None
    top, left = (sheet.start or (0, 0)) if sheet.height else (0, 0)
    for start in range(0, top, BATCH):  # the blank rows above the first one with a cell
        yield [[] for _ in range(min(BATCH, top - start))]
    pad = [None] * left
    for batch in _batches(sheet.iter_rows()):
        batch = _as_openpyxl(batch)
        yield [[*pad, *row] for row in batch] if left else batch
    book.close()


def _as_openpyxl(batch: list[list[Any]]) -> list[list[Any]]:
    """Each cell as openpyxl gives it: None when blank, a whole number as an int (17, not
    17.0). Most often every cell is text, none blank, which is checked for the batch at once
    (joining texts fails on anything else; a blank text, '', is the one that is false). Else
    the batch is looked at a column at a time (calamine's rows are all as wide as the sheet;
    each column a slice of the batch's cells, which makes no object per row for the garbage
    collector to count: zip(*batch) made one, and a collection a batch): a column of texts,
    none blank, is passed over as the batch would be (_all_text), and only a column holding
    a blank or a decimal is changed, in the rows themselves (calamine's, made for this
    read)."""
    try:
        "".join(map("".join, batch))
        if all(chain.from_iterable(batch)):
            return batch
    except TypeError:
        pass
    if len(set(map(len, batch))) > 1:
        return [list(map(_as_cell, row)) for row in batch]
    width = len(batch[0]) if batch else 0
    cells = list(chain.from_iterable(batch))
    for at in range(width):
        column = cells[at::width]
        if _all_text(column):
            continue
        kinds = set(map(type, column))
        if float in kinds or (str in kinds and "" in column):
            for row, cell in zip(batch, map(_as_cell, column), strict=True):
                row[at] = cell
    return batch


def _all_text(cells: list[Any]) -> bool:
    """Whether every cell is text and none blank, as for a batch (in C: a set of the cells'
    types took a third longer for a workbook with a number and a date in each row)."""
    try:
        "".join(cells)
    except TypeError:
        return False
    return all(cells)


def _as_cell(cell: Any) -> Any:
    return None if cell == "" else int(cell) if cell.__class__ is float and cell.is_integer() \
        else cell


def _reason(error: Exception) -> str:
    """openpyxl's or the XML parser's words, short: they name the part that is wrong."""
    words = " ".join(str(error).split()) or type(error).__name__
    return words if len(words) <= 120 else words[:117] + "..."


def _open(path: Path) -> Any:
    """The workbook, read-only so memory stays flat (openpyxl is imported only here), or None
    when python-calamine is to read it (_fast)."""
    name = str(path)
    open_regular(path, "spreadsheet").close()  # a pipe or device is refused, never waited on
    try:
        # before the parser sees a byte, whichever parser it is
        if _fast(xlsxcheck.check(path)):
            return None
    except FileNotFoundError:
        raise FileProblem(_("file not found"), _("check the path"), Location(name)) from None
    except (zipfile.BadZipFile, OSError):
        raise FileProblem(_("not a readable .xlsx workbook (damaged, or another format under "
                          "an .xlsx name)"), _("export the form's responses again, or save the "
                          "sheet as 'CSV UTF-8'"), Location(name)) from None
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency, missing only in a broken install
        raise FileProblem(_("reading .xlsx needs the openpyxl package"), _("pip install openpyxl, "
                          "or save the sheet as 'CSV UTF-8'"), Location(name)) from None
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise FileProblem(_("file not found"), _("check the path"), Location(name)) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        # Not the exception's name: which one openpyxl raises changes with its release.
        raise FileProblem(_("not a readable .xlsx workbook (damaged, or another format under "
                          "an .xlsx name)"), _("export the form's responses again, or save the "
                          "sheet as 'CSV UTF-8'"), Location(name)) from None
    except FileProblem:
        raise
    except Exception as error:  # a damaged part: whatever the parser raises for it
        raise FileProblem(
            _("a damaged workbook ({reason})").format(reason=_reason(error)),
            _("export the form's responses again, or save the sheet as 'CSV UTF-8'"),
            Location(name),
        ) from None


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()
