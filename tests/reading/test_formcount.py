"""A form export counted a chunk at a time: the same result, errors and warnings as one row at
a time, a cap on the rows, and the rows before a broken one kept."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_cli.errors import CoprodError, InvalidData
from coprod_cli.reading import formcount
from coprod_cli.tally import Tally
from tests.conftest import Run
from tests.reading.test_formtable import IDS, write_csv

ROLES = ["Carer", "Manager", "Person who draws on care and support", "Practitioner", ""]
CHOICES = ["0", "1", "2", "3", "unsure", "", "descriptive", " 2 "]


def export(folder: Path, rows: int, seed: int) -> Path:
    """Rows of every kind: roles (and none), blanks, words and numbers, dates with and without
    a time, repeated rows (twins), rows mostly unsure."""
    rng = random.Random(seed)
    body = []
    for number in range(rows):
        stamp = rng.choice([f"2026-11-{1 + number % 20:02d} 10:{number % 7:02d}", "24/11/2026",
                            "", "not a date"])
        answers = ["unsure"] * len(IDS) if number % 13 == 0 else \
            [rng.choice(CHOICES) for _ in IDS]
        body.append([stamp, rng.choice(ROLES), *answers])
        if number % 17 == 0:
            body.append(list(body[-1]))
    return write_csv(folder, ["Timestamp", "Role", *IDS], *body)


def both_ways(run: Run, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[object, object]:
    """The run as it is (chunks of 7 rows), and with every chunk read one row at a time."""
    monkeypatch.setattr(formcount, "SIZE", 7)
    chunked = run(*args)
    monkeypatch.setattr(Tally, "knows", lambda self, sids: False)
    alone = run(*args)
    return ((chunked.exit_code, chunked.stdout, chunked.stderr),
            (alone.exit_code, alone.stdout, alone.stderr))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_chunk_at_a_time_gives_what_one_row_at_a_time_gives(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    path = export(tmp_path, 200, seed)
    chunked, alone = both_ways(run, monkeypatch, "score", str(path), "-f", "json",
                               "--min-group", "1", "--show-names")
    assert chunked == alone
    assert chunked[0] == 0 and "the same answers as" in str(chunked[2])


def test_a_bad_row_is_the_same_located_error_either_way(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path, ["Role", *IDS], *[["Carer", *["2"] * len(IDS)]] * 9,
                     ["Carer", "7", *["2"] * (len(IDS) - 1)])
    chunked, alone = both_ways(run, monkeypatch, "score", str(path))
    assert chunked == alone and chunked[0] == 2 and f"{path}:11:2" in str(chunked[2])
    chunked, alone = both_ways(run, monkeypatch, "score", str(path), "--skip-invalid")
    assert chunked == alone and chunked[0] == 0 and "skipped:" in str(chunked[2])


def test_an_export_over_the_row_limit_is_refused_naming_the_first_row_over(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formcount, "MAX_ROWS", 5)
    monkeypatch.setattr(formcount, "SIZE", 4)
    path = write_csv(tmp_path, ["Role", *IDS], *[["Carer", *["2"] * len(IDS)]] * 6)
    result = run("score", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:7:1: more than 5 rows of responses")
    five = write_csv(tmp_path, ["Role", *IDS], *[["Carer", *["2"] * len(IDS)]] * 5,
                     name="five.csv")
    assert run("score", str(five)).exit_code == 0


def test_the_rows_read_before_an_error_in_the_file_come_first() -> None:
    def rows() -> Iterator[tuple[int, list[object]]]:
        yield from ((line, ["x"]) for line in range(2, 12))
        raise InvalidData("a row that cannot be read as CSV", "fix it")

    got: list[list[tuple[int, list[object]]]] = []
    with pytest.raises(CoprodError):
        for chunk in formcount.chunks(rows(), "f.csv"):
            got.append(chunk)
    assert [line for chunk in got for line, _ in chunk] == list(range(2, 12))
