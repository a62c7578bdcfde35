"""Online-form exports as CSV text: the header, then one row per respondent, streamed."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from coprod_cli.errors import FileProblem, InvalidData, Location
from coprod_cli.models import Catalogue, Framework
from coprod_cli.reading.formtable import FormOptions, Table, table

_DIALECTS = ",;\t"


def rows(path: Path, frameworks: list[Framework], catalogue: Catalogue,
         options: FormOptions) -> Iterator[Table | tuple[int, list[str]]]:
    """The table first, then each non-blank row with the line it starts on, streamed."""
    name = str(path)
    try:
        with path.open("rb") as raw:
            head = raw.read(4096)
            if head.startswith(b"PK\x03\x04"):
                raise FileProblem("this is a spreadsheet workbook, not CSV text",
                                  "name it .xlsx and coprod reads it as one", Location(name))
            if b"\x00" in head:
                raise FileProblem("this is a binary file, not CSV text",
                                  "export the form's responses as 'CSV UTF-8'", Location(name))
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream, _dialect(stream))
            header = next(reader, None)
            if header is None:
                raise FileProblem("the file is empty", "export the form's responses as CSV",
                                  Location(name))
            yield table(name, header, frameworks, catalogue, options)
            start = reader.line_num + 1
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield start, cells
                start = reader.line_num + 1
    except FileNotFoundError:
        raise FileProblem("file not found", "check the path", Location(name)) from None
    except UnicodeDecodeError:
        raise FileProblem("the file is not UTF-8 text", "export it as 'CSV UTF-8'",
                          Location(name)) from None
    except csv.Error as error:
        raise InvalidData(f"not valid CSV: {error}", "export the form's responses again as "
                          "CSV", Location(name)) from None
    except OSError as error:
        raise FileProblem(f"cannot read the file ({error.strerror})", "check the path and its "
                          "permissions", Location(name)) from error


def _dialect(stream: TextIO) -> type[csv.Dialect] | csv.Dialect:
    """Commas, or the semicolons or tabs that some spreadsheets write instead."""
    first = stream.readline()
    stream.seek(0)
    counts = {char: first.count(char) for char in _DIALECTS}
    best = max(counts, key=lambda char: counts[char])
    if best == "," or counts[best] == 0:
        return csv.excel
    dialect = csv.excel()
    dialect.delimiter = best
    return dialect
