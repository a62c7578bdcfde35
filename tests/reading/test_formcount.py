"""A form export counted a chunk at a time: the same result, errors and warnings as one row at
a time, a cap on the rows, and the rows before a broken one kept."""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_cli.answers import UNSURE
from coprod_cli.errors import CoprodError, InvalidData
from coprod_cli.reading import formcount
from coprod_cli.reading.twins import row_digest
from coprod_cli.tally import CODES, Tally, coded
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


def test_a_chunks_digests_are_each_rows_digest_whatever_its_date_cell_holds() -> None:
    """Text, real dates (a workbook's), numbers and blanks: each row's digest is row_digest's,
    so twins are found the same whichever way the chunk's dates were read."""
    rng = random.Random(29)
    kinds = [lambda n: f" 2026-11-{1 + n % 9:02d} 10:0{n % 3} ",
             lambda n: datetime.datetime(2026, 11, 1 + n % 9, 10, n % 3),
             lambda n: datetime.date(2026, 11, 1 + n % 9), lambda n: float(n), lambda n: n,
             lambda n: "", lambda n: "no time", lambda n: None]
    for size in (1, 3, 40):
        for mix in ([0], [1], [2], [1, 3], [0, 5, 6], [1, 7], list(range(len(kinds)))):
            stamps = [kinds[rng.choice(mix)](n) for n in range(size)]
            answers = [tuple(rng.choice(["descriptive", "unsure"]) for _ in range(3))
                       for _ in range(size)]
            assert formcount._digests(stamps, answers) == \
                list(map(row_digest, stamps, answers)), (size, mix)


def test_each_rows_unsure_answers_from_the_codes_are_counted_as_in_the_row() -> None:
    """_unsure counts UNSURE a column at a time from the rows' codes: the same counts as
    tuple.count, for rows all unsure, none, and random ones; without codes, row by row."""
    rng = random.Random(29)
    levels = [level for level in CODES if level is not None]
    for width, size in ((2, 1), (27, 512), (255, 3), (40, 100)):
        answers = [tuple(rng.choice(levels) for _ in range(width)) for _ in range(size)]
        answers[0] = (UNSURE,) * width
        answers[-1] = tuple(rng.choice([level for level in levels if level != UNSURE])
                            for _ in range(width))
        expected = [row.count(UNSURE) for row in answers]
        assert formcount._unsure(answers, coded(answers)) == expected
        assert formcount._unsure(answers, None) == expected
