"""Online-form exports as CSV text: the header, then one row per respondent, streamed."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from coprod_cli.errors import FileProblem, InvalidData, Location
from coprod_cli.models import Catalogue, Framework
from coprod_cli.reading.formtable import FormOptions, Table, table
from coprod_cli.reading.yamlio import open_regular

_DIALECTS = ",;\t"
# Larger than a YAML file's limit on purpose: an export of 200,000 responses is tens of MiB.
# The limit bounds the time a mistaken or hostile file can take; memory stays flat anyway.
MAX_BYTES = 256 * 1024 * 1024
MAX_HEADER = 1024 * 1024  # characters in the first line


def rows(path: Path, frameworks: list[Framework], catalogue: Catalogue,
         options: FormOptions) -> Iterator[Table | tuple[int, list[str]]]:
    """The table first, then each non-blank row with the line it starts on, streamed."""
    name, start = str(path), 1
    try:
        with open_regular(path, "CSV") as raw:
            _check_size(raw, name)
            head = raw.read(4096)
            if head.startswith(b"PK\x03\x04"):
                raise FileProblem("this is a spreadsheet workbook, not CSV text",
                                  "name it .xlsx and coprod reads it as one", Location(name))
            if b"\x00" in head:
                raise FileProblem("this is a binary file, not CSV text",
                                  "export the form's responses as 'CSV UTF-8'", Location(name))
            raw.seek(0)
            stream = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            reader = csv.reader(stream, _dialect(stream, name))
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
    except csv.Error:
        # Python's csv words it differently between releases; what it can be is said here.
        raise InvalidData("a row that cannot be read as CSV", "check that its quotes (\") "
                          f"pair up and no cell is longer than {csv.field_size_limit():,} "
                          "characters, or export the form's responses again as 'CSV UTF-8'",
                          Location(name, start, 1)) from None
    except OSError as error:
        raise FileProblem(f"cannot read the file ({error.strerror})", "check the path and its "
                          "permissions", Location(name)) from error


def _check_size(raw: BinaryIO, name: str) -> None:
    if os.fstat(raw.fileno()).st_size > MAX_BYTES:
        raise FileProblem(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB",
                          "split the export, or check you named the right file", Location(name))


def _dialect(stream: TextIO, name: str) -> type[csv.Dialect] | csv.Dialect:
    """Commas, or the semicolons or tabs that some spreadsheets write instead."""
    first = stream.readline(MAX_HEADER + 1)  # read with a limit: the header is one line
    if len(first) > MAX_HEADER:
        raise FileProblem(f"the first line (the header) is longer than {MAX_HEADER:,} "
                          "characters", "export the form's responses again as CSV; a header "
                          "names one column per question", Location(name, 1, 1))
    stream.seek(0)
    counts = {char: first.count(char) for char in _DIALECTS}
    best = max(counts, key=lambda char: counts[char])
    if best == "," or counts[best] == 0:
        return csv.excel
    dialect = csv.excel()
    dialect.delimiter = best
    return dialect
