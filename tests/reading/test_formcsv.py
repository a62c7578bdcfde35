"""Online-form exports as CSV text: streamed, bounded, each problem located in coprod's words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_cli.reading import formcsv
from tests.conftest import EXAMPLES, Run
from tests.reading.test_formtable import IDS, write_csv


def test_a_row_csv_cannot_read_is_located_in_coprods_words(run: Run, tmp_path: Path) -> None:
    """Python's csv words its errors differently between releases; coprod says what it can be."""
    path = write_csv(tmp_path, ["role", *IDS], ["carer", *["2"] * len(IDS)])
    with path.open("a", encoding="utf-8") as stream:
        stream.write('staff,"' + "x" * 200_000 + "\n")
    result = run("score", str(path))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {path}:3:1: a row that cannot be read as CSV; check that "
                             "its quotes (\") pair up and no cell is longer than 131,072 "
                             "characters, or export the form's responses again as 'CSV "
                             "UTF-8'\n")


def test_the_google_forms_example_scores_without_editing_a_cell(run: Run) -> None:
    path = EXAMPLES / "google-forms-export.csv"
    result = run("score", str(path), "-f", "json", "--min-group", "1")  # every role shown
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 16 and data["assessed_on"] == "2026-11-21"
    assert {r["role"]: r["respondents"] for r in data["by_role"]} == {
        "person-drawing-on-care": 4, "carer": 3, "practitioner": 6, "manager": 2,
        "commissioner": 1}
    assert "ignored 2 column(s)" in result.stderr and "counted as unsure" in result.stderr


def test_validate_points_a_form_export_at_score_as_it_does_a_csv(run: Run) -> None:
    for name in ("google-forms-export.csv", "microsoft-forms-export.xlsx"):
        result = run("validate", str(EXAMPLES / name))
        assert result.exit_code == 2 and "coprod score" in result.stderr
    folder = run("validate", str(EXAMPLES))
    assert folder.exit_code == 0 and ".xlsx" not in folder.stdout + folder.stderr


def test_a_csv_over_the_size_limit_is_refused(run: Run, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formcsv, "MAX_BYTES", 100)
    path = tmp_path / "export.csv"
    path.write_text("assets-1\n" + "2\n" * 100, encoding="utf-8")
    result = run("score", str(path))
    assert result.exit_code == 2
    assert "the file is larger than" in result.stderr


def test_the_header_is_read_with_a_limit(run: Run, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formcsv, "MAX_HEADER", 1000)
    path = tmp_path / "export.csv"
    path.write_text("," * 5000 + "\n", encoding="utf-8")
    result = run("score", str(path))
    assert result.exit_code == 2
    assert f"{path}:1:1: the first line (the header) is longer than 1,000" in result.stderr


def test_a_megabyte_header_of_commas_is_an_ordinary_error(run: Run, tmp_path: Path) -> None:
    """It once took 12 s or more; benchmarks/hostile_header.py measures it (not a timed test)."""
    path = tmp_path / "commas.csv"
    path.write_text("," * 1_000_000 + "\n", encoding="utf-8")
    result = run("score", str(path))
    assert result.exit_code == 2
    assert "no column names a statement" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_export_is_read_as_text_not_called_binary(run: Run, tmp_path: Path,
                                                           encoding: str) -> None:
    """Excel's 'Unicode Text' (UTF-16, tabs between cells) scores as its UTF-8 export does."""
    text = (EXAMPLES / "online-form.csv").read_text(encoding="utf-8")
    mark = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path = tmp_path / "form.csv"
    path.write_bytes(mark + text.replace(",", "\t").encode(encoding))
    assert run("score", str(path)).stdout == run("score", str(EXAMPLES / "online-form.csv")).stdout
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le")[:-2] + b"\x00\xdc")
    result = run("score", str(path))
    assert result.exit_code == 2 and result.stderr == (
        f"error: {path}: the file is marked as UTF-16 text, but is not; export it as 'CSV "
        "UTF-8'\n")


def test_a_header_only_export_says_it_has_no_responses(run: Run, tmp_path: Path) -> None:
    """Not 'fix the files reported above' with nothing above."""
    path = write_csv(tmp_path, ["role", *IDS])
    result = run("score", str(path))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {path}: no responses to score, only a header row; export "
                             "the form again once people have answered, or name the answers "
                             "files\n")


def test_a_row_is_bounded_and_the_message_names_the_limit(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One row of commas (200 MB of them once took 1.86 GB) stops at the limit."""
    monkeypatch.setattr(formcsv, "MAX_ROW", 4000)
    path = write_csv(tmp_path, ["role", *IDS], ["carer", *["2"] * len(IDS)])
    with path.open("a", encoding="utf-8") as stream:
        stream.write("," * 5000 + "\n")
    result = run("score", str(path))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: {path}:3:1: a row longer than 4,000 characters")
    with path.open("a", encoding="utf-8") as stream:  # a row of lines in quotes, the same
        stream.write('carer,"' + "x\n" * 2500 + '"\n')
    path.write_text(path.read_text().replace("," * 5000 + "\n", ""))
    result = run("score", str(path))
    assert result.exit_code == 2 and f"{path}:3:1: a row longer than 4,000" in result.stderr


def test_rows_just_under_the_limit_are_read(run: Run, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formcsv, "MAX_ROW", 4000)
    row = ["carer", *["2"] * len(IDS)]
    path = write_csv(tmp_path, ["role", *IDS], row, [*row[:-1], "2" + " " * (3990 - 2 * len(IDS))])
    result = run("score", str(path), "--min-group", "1")
    assert result.exit_code == 0, result.stderr


def test_the_encoding_is_told_from_every_byte_whatever_the_chunks() -> None:
    """UTF-8 is checked a chunk (1 MiB) at a time, ASCII chunks at once: a character split
    between two chunks is still UTF-8, and a cut one before an ASCII chunk is not."""
    import io

    from coprod_cli.reading.formcsv import _encoding

    size = 1024 * 1024
    split = "é".encode()
    assert _encoding(io.BytesIO(b"a" * (size - 1) + split + b"b" * size)) == "utf-8-sig"
    assert _encoding(io.BytesIO(b"a" * (size - 1) + split[:1] + b"b" * size + split[1:])) \
        == "cp1252"
    assert _encoding(io.BytesIO(b"a" * (2 * size) + "Carer é".encode("cp1252"))) == "cp1252"
    assert _encoding(io.BytesIO(b"a,b\r\n" * 1000)) == "utf-8-sig"
