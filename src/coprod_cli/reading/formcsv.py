"""Online-form exports (CSV): one row per respondent, a column per statement id."""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from coprod_cli.answers import Answers, parse_level_word, sensible_date
from coprod_cli.errors import (
    FileProblem,
    IncompleteAnswers,
    InvalidData,
    Location,
    did_you_mean,
)
from coprod_cli.models import Catalogue, Framework

# Columns that forms add on their own (Google Forms, Microsoft Forms, SurveyMonkey...).
DATE_COLUMNS = {"timestamp", "date", "assessed-on", "submitted", "submitted-at", "start-time",
                "completion-time", "end-date", "start-date"}
IGNORED_COLUMNS = {"id", "respondent", "respondent-id", "name", "full-name", "your-name",
                   "email", "email-address", "last-modified-time", "framework", "notes",
                   "comments", "ip-address"}
_ROLE = re.compile(r"(^|-)role(-|$)")
_DIALECTS = ",;\t"


def normalise(header: str) -> str:
    """'  Assets_1 ' -> 'assets-1': case, spaces, punctuation and a BOM forgiven."""
    return re.sub(r"[^a-z0-9]+", "-", header.strip().lstrip("\ufeff").lower()).strip("-")


def _statement_for(word: str, ids: list[str]) -> str | None:
    """The statement a header names: its id, or its id followed by the question's wording."""
    if word in ids:
        return word
    return next((sid for sid in sorted(ids, key=len, reverse=True)
                 if word.startswith(sid + "-")), None)


@dataclass(frozen=True)
class Table:
    """What each column of an export holds, checked once against the framework."""

    name: str
    framework: Framework
    columns: dict[int, str]
    role_column: int | None
    date_column: int | None

    def answers(self, cells: list[str], line: int, catalogue: Catalogue) -> Answers:
        """One row as answers; a bad cell is an error at its row and column."""
        values: dict[str, str] = {}
        blank: list[tuple[int, str]] = []
        for index, sid in self.columns.items():
            cell = cells[index].strip() if index < len(cells) else ""
            if not cell:
                blank.append((index, sid))
                continue
            try:
                values[sid] = parse_level_word(cell)
            except ValueError as error:
                what, _, fix = str(error).partition("; ")
                raise InvalidData(f"'{sid}': {what}", fix,
                                  Location(self.name, line, index + 1)) from None
        if blank:
            raise IncompleteAnswers(
                f"{len(blank)} of {len(self.columns)} statements have no answer: "
                + ", ".join(sid for _, sid in blank),
                "write a level or 'unsure' in every cell (a blank cell is no answer), or "
                "leave the row out with --skip-invalid",
                Location(self.name, line, blank[0][0] + 1))
        role = self._role(cells, line, catalogue)
        return Answers.model_validate({"framework": self.framework.id, "respondent": {"role": role},
                                       "assessed_on": self._date(cells, line), "answers": values})

    def _role(self, cells: list[str], line: int, catalogue: Catalogue) -> str | None:
        if self.role_column is None or self.role_column >= len(cells):
            return None
        given = normalise(cells[self.role_column])
        if not given:
            return None
        for role in catalogue.roles:
            if given in (role.id, normalise(role.name)):
                return role.id
        ids = [role.id for role in catalogue.roles]
        raise InvalidData(f"unknown role '{cells[self.role_column].strip()}'"
                          f"{did_you_mean(given, ids)}", f"use one of {', '.join(ids)}, or "
                          "leave it blank for 'other'",
                          Location(self.name, line, self.role_column + 1))

    def _date(self, cells: list[str], line: int) -> datetime.date | None:
        if self.date_column is None or self.date_column >= len(cells):
            return None
        try:  # ISO dates only: 03/04/2026 could be March or April, so it is left out
            day = datetime.date.fromisoformat(cells[self.date_column].strip()[:10]
                                              .replace("/", "-"))
        except ValueError:
            return None
        if not sensible_date(day):
            raise InvalidData(f"{day} is not a date of an assessment", "correct the date "
                              "(from 2000 to next year) or clear the cell",
                              Location(self.name, line, self.date_column + 1))
        return day


def rows(path: Path, frameworks: list[Framework]) -> Iterator[Table | tuple[int, list[str]]]:
    """The table first, then each non-blank row with the line it starts on, streamed."""
    name = str(path)
    try:
        with path.open("rb") as raw:
            if b"\x00" in raw.read(4096):
                raise FileProblem("this is a binary file, not CSV text",
                                  "export the form's responses as 'CSV UTF-8'", Location(name))
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream, _dialect(stream))
            header = next(reader, None)
            if header is None:
                raise FileProblem("the file is empty", "export the form's responses as CSV",
                                  Location(name))
            yield table(name, header, frameworks)
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


def table(name: str, header: list[str], frameworks: list[Framework]) -> Table:
    """Match the header to the framework whose statement ids it names; anything else is located."""
    words = [normalise(cell) for cell in header]
    framework = _framework_for(name, words, frameworks)
    ids = [s.id for s in framework.statements]
    columns: dict[int, str] = {}
    role_column = date_column = None
    for index, word in enumerate(words):
        sid = _statement_for(word, ids)
        if sid is not None:
            _unique(name, columns, index, sid)
            columns[index] = sid
        elif _ROLE.search(word) and role_column is None:
            role_column = index
        elif word in DATE_COLUMNS and date_column is None:
            date_column = index
        elif word and word not in IGNORED_COLUMNS | DATE_COLUMNS:
            raise InvalidData(
                f"unknown column '{header[index].strip()}'"
                f"{did_you_mean(word, [*ids, 'role', 'timestamp'])}",
                f"name a statement of '{framework.id}' (coprod show {framework.id}), 'role', "
                "'timestamp', 'name' or 'email', or remove the column",
                Location(name, 1, index + 1))
    _complete(name, framework, set(columns.values()))
    return Table(name, framework, columns, role_column, date_column)


def _framework_for(name: str, words: list[str], frameworks: list[Framework]) -> Framework:
    def matched(framework: Framework) -> int:
        ids = [s.id for s in framework.statements]
        return sum(1 for word in words if _statement_for(word, ids))

    best = max(frameworks, key=matched)
    if not matched(best):
        raise InvalidData("no column names a statement id", "head each answer column with its "
                          "statement id, like 'assets-1' (coprod template FRAMEWORK lists them)",
                          Location(name, 1, 1))
    return best


def _unique(name: str, columns: dict[int, str], index: int, sid: str) -> None:
    first = next((i for i, other in columns.items() if other == sid), None)
    if first is not None:
        raise InvalidData(f"a second column for '{sid}' (the first is column {first + 1})",
                          "keep only one of them", Location(name, 1, index + 1))


def _complete(name: str, framework: Framework, found: set[str]) -> None:
    absent = [s.id for s in framework.statements if s.id not in found]
    if absent:
        raise InvalidData(f"no column for {len(absent)} of {len(framework.statements)} "
                          f"statements of '{framework.id}': {', '.join(absent)}",
                          f"add a column headed with each id (coprod template {framework.id} "
                          "lists them)", Location(name, 1, 1))
