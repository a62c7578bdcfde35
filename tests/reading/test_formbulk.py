"""A chunk of rows read a column at a time gives exactly what the table gives row by row:
the same report, warnings, errors and counts, the same people kept for trend and the same
sketch of who answered; and it is really used, or these tests would prove nothing."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import pytest

from coprod_cli.reading import formbulk, formcount
from coprod_cli.reading.inputs import Respondents
from coprod_cli.reading.paths import expand
from coprod_cli.tally import Tally
from tests.conftest import Run
from tests.reading.test_formtable import IDS, LIB, grid_heading, write_csv, write_xlsx

LABELS = ["0 - Not yet co-production", "1 - Descriptive", "2 - Intermediate",
          "3 - Transformative", "Don't know"]


def rows(seed: int, count: int, choices: list[str], stamp: object) -> list[list[object]]:
    """Rows of a plain export, with now and then a blank answer, a role in the person's own
    words, a new spelling of a choice and a twin, as real exports have."""
    rng = random.Random(seed)
    body: list[list[object]] = []
    for number in range(count):
        answers: list[object] = [rng.choice(choices) for _ in IDS]
        if number % 11 == 5:
            answers[number % len(IDS)] = ""
        if number == 40:
            answers[3] = " 2 "
        role = "My own words" if number % 37 == 20 else rng.choice(
            ["Carer", "Practitioner", "Person who draws on care and support", "Manager"])
        body.append([stamp(number) if callable(stamp) else stamp, role, *answers])
        if number % 23 == 9:
            body.append(list(body[-1]))
    return body


USED: list[bool] = []  # whether each chunk of the last run was read a column at a time


def both_ways(run: Run, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[object, object]:
    """The run in chunks of 7 rows, with the chunks read a column at a time wherever they can
    be (at least one must be), and the run with every row read by the table alone."""
    monkeypatch.setattr(formcount, "SIZE", 7)
    original, used = formbulk.read, USED
    used.clear()

    def read(*given: object) -> object:
        found = original(*given)  # type: ignore[arg-type]
        used.append(found is not None)
        return found

    monkeypatch.setattr(formbulk, "read", read)
    bulk = run(*args)
    assert any(used), "no chunk was read a column at a time"
    monkeypatch.setattr(formbulk, "read", lambda *given: None)
    alone = run(*args)
    return (bulk.exit_code, bulk.stdout, bulk.stderr), (alone.exit_code, alone.stdout,
                                                         alone.stderr)


SHOWN = ("-f", "json", "--min-group", "1", "--show-names")
DAY = [f"2026-11-{1 + n % 20:02d} 10:{n % 60:02d}" for n in range(60)]


@pytest.mark.parametrize(("choices", "stamp", "more"), [
    (["0", "1", "2", "3", "unsure"], lambda n: DAY[n % 60], ()),
    (LABELS, lambda n: f"{1 + n % 12:02d}/11/2026 10:{n % 60:02d}:00", ("--date-order", "dmy")),
    (LABELS, lambda n: f"11/{13 + n % 16}/2026 09:{n % 60:02d}", ()),  # month first
    (["not-yet", "descriptive", "intermediate", "transformative", "unsure"], "", ()),
])
def test_a_csv_export_reads_the_same_a_column_at_a_time(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, choices: list[str],
        stamp: object, more: tuple[str, ...]) -> None:
    path = write_csv(tmp_path, ["Timestamp", "Role", *[grid_heading(s) for s in IDS]],
                     *rows(3, 150, choices, stamp))  # type: ignore[arg-type]
    bulk, alone = both_ways(run, monkeypatch, "score", str(path), *SHOWN, *more)
    assert bulk == alone
    assert bulk[0] == 0 and "blank answer(s)" in str(bulk[2]) and "own words" in str(bulk[2])
    assert USED.count(True) > 3 * USED.count(False)  # blanks and own words too, once named


def test_dates_that_could_be_either_are_counted_and_refused_alike(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path, ["Timestamp", "Role", *IDS],
                     *rows(5, 120, ["0", "1", "2", "3"], lambda n: f"0{1 + n % 9}/11/2026"))
    bulk, alone = both_ways(run, monkeypatch, "score", str(path), *SHOWN)
    assert bulk == alone and bulk[0] == 2 and "could be day first or month first" in str(bulk[2])


@pytest.mark.parametrize("stamp", [
    lambda n: f"2026-11-{1 + n % 20:02d}T10:{n % 60:02d}:00",  # no space: the whole text
    lambda n: f"2026/11/{1 + n % 20:02d},10:{n % 60:02d}",
    lambda n: f"12-Nov-2026 10:{n % 60:02d}" if n % 3 else f"2026/11/0{1 + n % 9} 9:00",
    # a line break in the cell: the date part read with its break, as the table reads it
    lambda n: f"2026/11/{1 + n % 20:02d}\n 10:{n % 60:02d}" if n == 60 else DAY[n % 60],
    lambda n: f"2026/11/{1 + n % 20:02d}\n10:{n % 60:02d}" if n > 30 else DAY[n % 60],
])
def test_timestamps_written_any_way_are_read_alike(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stamp: object) -> None:
    """The chunk reads a timestamp's date from the text before its first space; it reads
    what the table reads from the whole text, or leaves the chunk to the table."""
    path = write_csv(tmp_path, ["Timestamp", "Role", *IDS],
                     *rows(13, 90, ["0", "1", "2", "3"], stamp))
    bulk, alone = both_ways(run, monkeypatch, "score", str(path), *SHOWN)
    assert bulk == alone


def test_a_workbook_with_real_dates_reads_the_same_a_column_at_a_time(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    start = datetime.datetime(2026, 11, 2, 9)
    body = rows(7, 100, ["0", "1", "2", "3", "unsure"],
                lambda n: start + datetime.timedelta(minutes=37 * n))
    path = write_xlsx(tmp_path, ["Timestamp", "Role", *IDS], *body)
    bulk, alone = both_ways(run, monkeypatch, "score", str(path), *SHOWN)
    assert bulk == alone and bulk[0] == 0 and "the same answers as" in str(bulk[2])


def test_strict_refuses_the_same_blank_cell(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = rows(9, 60, ["0", "1", "2", "3"], lambda n: DAY[n % 60])
    body = [row for row in body if "" not in row[2:] and row[1] != "My own words"]
    body[50][9] = ""
    path = write_csv(tmp_path, ["Timestamp", "Role", *IDS], *body)
    bulk, alone = both_ways(run, monkeypatch, "score", str(path), "--strict")
    assert bulk == alone and bulk[0] == 2 and "no answer (a blank cell)" in str(bulk[2])


def test_the_people_kept_and_the_sketch_of_who_answered_are_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    order = IDS[::-1]  # columns in another order than the framework's
    path = write_csv(tmp_path, ["Timestamp", "Role", *order],
                     *rows(11, 90, LABELS, lambda n: DAY[n % 60]))  # type: ignore[arg-type]
    monkeypatch.setattr(formcount, "SIZE", 7)

    def tally() -> Tally:
        return Respondents(LIB, expand([str(path)]), keep_people=True,
                           salt=b"sixteen bytes!!!").tally()

    bulk = tally()
    monkeypatch.setattr(formbulk, "read", lambda *given: None)
    alone = tally()
    assert bulk.people == alone.people and len(bulk.people or []) == bulk.total
    assert bulk.sketch.data() == alone.sketch.data() and bulk.sketch.size == bulk.total
    assert bulk.counts == alone.counts
