"""Online-form exports as CSV text: the header, then one row per respondent, streamed."""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from coprod_cli.errors import FileProblem, InvalidData, Location
from coprod_cli.i18n import _
from coprod_cli.models import Catalogue, Framework
from coprod_cli.reading.formheader import Matcher, best_delimiter, two_rows
from coprod_cli.reading.formtable import FormOptions, Table, table
from coprod_cli.reading.paths import open_regular

_DIALECTS = ",;\t"
# Larger than a YAML file's limit on purpose: 1,000,000 responses (formcount.MAX_ROWS) of a
# form that copies the outline's full answer wording take about 3.5 GB. The limit bounds the
# time a mistaken or hostile file can take; memory stays flat anyway.
MAX_BYTES = 4 * 1024 * 1024 * 1024
MAX_HEADER = 1024 * 1024  # characters in the first line
# Characters in one row (its quoted line breaks included): a response of 30 statements with
# evidence is tens of thousands; a row of 200 MB of commas would be 200 million cells.
MAX_ROW = 1024 * 1024


def rows(path: Path, frameworks: Sequence[Framework | Matcher], catalogue: Catalogue,
         options: FormOptions) -> Iterator[Table | tuple[int, list[str]]]:
    """The table first, then each non-blank row with the line it starts on, streamed."""
    name, start = str(path), 1
    try:
        with open_regular(path, "CSV") as raw:
            stream = _text(raw, name)
            used = [0]  # characters of the row being read
            dialect, skip = _dialect(stream, name, frameworks)
            reader = csv.reader(_bounded(stream, used), dialect)
            header = next(reader, None)
            if header is None:
                raise FileProblem(_("the file is empty"), _("export the form's responses as CSV"),
                                  Location(name))
            used[0] = 0
            start = skip + reader.line_num + 1
            second = next(reader, None)
            used[0] = 0
            merged = two_rows(header, second) if second is not None else None
            yield table(name, merged or header, frameworks, catalogue, options)
            if second is not None and merged is None and any(cell.strip() for cell in second):
                yield start, second
            start = skip + reader.line_num + 1
            for cells in reader:
                used[0] = 0
                if any(map(str.strip, cells)):  # not a blank row
                    yield start, cells
                start = skip + reader.line_num + 1
    except _RowTooLong:
        raise InvalidData(
            _(
                "a row longer than {MAX_ROW:,} characters, more than one person's answers can be"
            ).format(MAX_ROW=MAX_ROW),
            _(
                'check that its quotes (") pair up, or export the '
                "form's responses again as 'CSV UTF-8'"
            ),
            Location(name, start, 1),
        ) from None
    except FileNotFoundError:
        raise FileProblem(_("file not found"), _("check the path"), Location(name)) from None
    except UnicodeDecodeError as error:
        what = "neither UTF-8 nor Windows-1252 text" if not error.encoding.startswith(
            "utf-16") else "marked as UTF-16 text, but is not"
        raise FileProblem(_("the file is {what}").format(what=what), _("export it as 'CSV UTF-8'"),
                          Location(name)) from None
    except csv.Error:
        # Python's csv words it differently between releases; what it can be is said here.
        raise InvalidData(
            _("a row that cannot be read as CSV"),
            _(
                "check that its quotes (\") pair up and no cell is longer than "
                "{field_size_limit:,} characters, or export the form's responses again as 'CSV "
                "UTF-8'"
            ).format(field_size_limit=csv.field_size_limit()),
            Location(name, start, 1),
        ) from None
    except OSError as error:
        raise FileProblem(
            _("cannot read the file ({strerror})").format(strerror=error.strerror),
            _("check the path and its permissions"),
            Location(name),
        ) from error


def _text(raw: BinaryIO, name: str) -> TextIO:
    """The file as text: UTF-8, or UTF-16 when its first two bytes mark it so (Excel's
    'Unicode Text'); a workbook or a binary file said to be one."""
    _check_size(raw, name)
    head = raw.read(4096)
    if head.startswith(b"PK\x03\x04"):
        raise FileProblem(_("this is a spreadsheet workbook, not CSV text"),
                          _("name it .xlsx and coprod reads it as one"), Location(name))
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in head and not utf16:
        raise FileProblem(_("this is a binary file, not CSV text"),
                          _("export the form's responses as 'CSV UTF-8'"), Location(name))
    raw.seek(0)
    return io.TextIOWrapper(raw, encoding="utf-16" if utf16 else _encoding(raw), newline="")


def _encoding(raw: BinaryIO) -> str:
    """UTF-8 (with or without its mark) when the whole file is UTF-8, else Windows-1252, the
    encoding Excel's plain 'CSV' is saved in on a UK or US computer. Checked chunk by chunk
    before a row is read, so memory stays flat and no row is read in the wrong encoding."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := raw.read(1024 * 1024):
            if not chunk.isascii() or decoder.getstate()[0]:  # ASCII alone is UTF-8
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1252"
    finally:
        raw.seek(0)


class _RowTooLong(Exception):
    pass


def _bounded(stream: TextIO, used: list[int]) -> Iterator[str]:
    """The stream's lines for the csv reader, each row's together at most MAX_ROW characters
    (the caller sets used[0] back to 0 at each row), so no row fills memory."""
    while line := stream.readline(MAX_ROW + 1):
        used[0] += len(line)
        if used[0] > MAX_ROW:
            raise _RowTooLong
        yield line


def _check_size(raw: BinaryIO, name: str) -> None:
    if os.fstat(raw.fileno()).st_size > MAX_BYTES:
        raise FileProblem(
            _("the file is larger than {value} MiB").format(value=MAX_BYTES // (1024 * 1024)),
            _("split the export, or check you named the right file"),
            Location(name),
        )


def _dialect(stream: TextIO, name: str,
             frameworks: Sequence[Framework | Matcher]
             ) -> tuple[type[csv.Dialect] | csv.Dialect, int]:
    """Commas, or the semicolons or tabs that some spreadsheets write instead (and Excel's
    'sep=;' line, which says so, skipped: the second element is the lines skipped): the one
    whose header names the framework's statements."""
    first = stream.readline(MAX_HEADER + 1)  # read with a limit: the header is one line
    if len(first) > MAX_HEADER:
        raise FileProblem(
            _("the first line (the header) is longer than {MAX_HEADER:,} characters").format(
                MAX_HEADER=MAX_HEADER
            ),
            _("export the form's responses again as CSV; a header names one column per question"),
            Location(name, 1, 1),
        )
    declared = re.fullmatch(r'"?sep=(.)"?\r?\n?', first)
    if declared is None:
        stream.seek(0)
    best = declared.group(1) if declared else best_delimiter(first, _DIALECTS, frameworks)
    if best == ",":
        return csv.excel, int(declared is not None)
    dialect = csv.excel()
    dialect.delimiter = best
    return dialect, int(declared is not None)
