"""Online-form exports as spreadsheets (.xlsx): the first sheet read like a CSV export."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from coprod_cli.errors import FileProblem, Location
from coprod_cli.models import Catalogue, Framework
from coprod_cli.reading.formtable import FormOptions, Table, table
from coprod_cli.reading.paths import XLSX_SUFFIXES
from coprod_cli.reading.yamlio import open_regular


def is_xlsx(name: str) -> bool:
    return name.lower().endswith(XLSX_SUFFIXES)


def rows(path: Path, frameworks: list[Framework], catalogue: Catalogue,
         options: FormOptions) -> Iterator[Table | tuple[int, list[object]]]:
    """The table first, then each non-blank row with its number, streamed in read-only mode."""
    name = str(path)
    book = _open(path)
    try:
        cells = book.worksheets[0].iter_rows(values_only=True)
        header = next(cells, None)
        if header is None or not any(_text(cell) for cell in header):
            raise FileProblem("the first sheet is empty", "export the form's responses again; "
                              "coprod reads the first sheet", Location(name))
        yield table(name, [_text(cell) for cell in header], frameworks, catalogue, options)
        for number, row in enumerate(cells, start=2):
            if any(_text(cell) for cell in row):
                yield number, list(row)
    finally:
        book.close()


def _open(path: Path) -> Any:
    """The workbook, read-only so memory stays flat; openpyxl is imported only here."""
    name = str(path)
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency, missing only in a broken install
        raise FileProblem("reading .xlsx needs the openpyxl package", "pip install openpyxl, "
                          "or save the sheet as 'CSV UTF-8'", Location(name)) from None
    from openpyxl.utils.exceptions import InvalidFileException

    open_regular(path, "spreadsheet").close()  # a pipe or device is refused, never waited on
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise FileProblem("file not found", "check the path", Location(name)) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        # Not the exception's name: which one openpyxl raises changes with its release.
        raise FileProblem("not a readable .xlsx workbook (damaged, or another format under "
                          "an .xlsx name)", "export the form's responses again, or save the "
                          "sheet as 'CSV UTF-8'", Location(name)) from None


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()
