"""Form exports read as they come: choices, headings, roles, blanks, evidence, dates, .xlsx."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from coprod_cli.reading.formheader import cell_name
from coprod_cli.reading.formwords import parse_choice, parse_date
from coprod_cli.reading.loader import Library
from tests.conftest import EXAMPLES, Run

LIB = Library.builtin()
NEF = LIB.framework("nef")
IDS = [s.id for s in NEF.statements]


def write_csv(folder: Path, header: list[str], *rows: list[str], name: str = "form.csv") -> Path:
    import csv

    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, *rows])
    return path


def write_xlsx(folder: Path, header: list[str], *rows: list[object],
               name: str = "form.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (header, *rows):
        sheet.append(row)
    path = folder / name
    book.save(path)
    return path


def scored(run: Run, *args: str) -> dict[str, object]:
    result = run("score", *args, "-f", "json", "--min-group", "1")  # every role shown
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize(("cell", "level"), [
    ("intermediate", "intermediate"), ("Intermediate", "intermediate"), ("2", "intermediate"),
    ("2 - Intermediate: your ideas are listened to", "intermediate"),
    ("Level 3: Transformative", "transformative"), ("0 - Not yet co-production", "not-yet"),
    ("Not yet co-production: staff make the plans", "not-yet"),
    ("Descriptive \u2013 you can go to meetings", "descriptive"),
    ("Don't know", "unsure"), ("Not sure", "unsure"), ("Unsure", "unsure"),
    ("I don't know", "unsure"), ("Don\u2019t know", "unsure"),
])
def test_choices_as_forms_write_them(cell: str, level: str) -> None:
    assert parse_choice(cell) == level


@pytest.mark.parametrize("cell", ["transformitive", "4", "9 - Very good", "yes", "-"])
def test_choices_that_are_no_level_are_refused(cell: str) -> None:
    with pytest.raises(ValueError):
        parse_choice(cell)


@pytest.mark.parametrize(("cell", "date"), [
    ("2026-11-24", (2026, 11, 24)), ("2026-11-24T14:03:22Z", (2026, 11, 24)),
    ("24/11/2026", (2026, 11, 24)), ("24/11/2026 14:03:22", (2026, 11, 24)),
    ("03/04/2026", (2026, 4, 3)),  # day first, as the UK writes it
    ("11/24/2026 2:03:22 PM", (2026, 11, 24)),  # month first only when day first cannot be
    ("2026/11/20 10:00:00 am GMT", (2026, 11, 20)), ("24/11/26 14:03", (2026, 11, 24)),
    ("24 November 2026", (2026, 11, 24)), ("Tuesday, 24 Nov 2026", (2026, 11, 24)),
    (datetime.datetime(2026, 11, 24, 14, 3), (2026, 11, 24)),
])
def test_dates_iso_uk_and_the_form_tools_own(cell: object, date: tuple[int, int, int]) -> None:
    assert parse_date(cell) == datetime.date(*date)


@pytest.mark.parametrize("cell", ["yesterday", "31/02/2026", "24/13/2026", "2026"])
def test_dates_that_cannot_be_read_are_none(cell: str) -> None:
    assert parse_date(cell) is None


def grid_heading(sid: str) -> str:
    statement = next(s for s in NEF.statements if s.id == sid)
    dimension = next(d for d in NEF.dimensions if statement in d.statements)
    return f"{dimension.name} [{sid}. {statement.text}]"


def test_headings_name_the_statement_anywhere_or_by_its_exact_wording(
        run: Run, tmp_path: Path) -> None:
    styles = [grid_heading, lambda sid: f"{sid}. what it says",
              lambda sid: f"1. What it says ({sid})",
              lambda sid: "  " + next(s.text for s in NEF.statements if s.id == sid).upper()
              .replace(",", " ,") + "?  ",
              lambda sid: "Area [" + next(s.text for s in NEF.statements if s.id == sid) + "]"]
    header = [styles[i % len(styles)](sid) for i, sid in enumerate(IDS)]
    path = write_csv(tmp_path, ["Timestamp", "Your role", *header],
                     ["24/11/2026 14:03:22", "Carer", *["2 - Intermediate: x"] * len(IDS)])
    data = scored(run, str(path))
    assert data["level"] == "intermediate" and data["assessed_on"] == "2026-11-24"


def test_other_columns_are_listed_once_in_a_warning(run: Run, tmp_path: Path) -> None:
    header = ["Timestamp", "Email address", "I agree to take part", "Role", *IDS,
              "Any other comments?"]
    rows = [["24/11/2026", f"p{n}@example.org", "Yes", "Carer", *["1"] * len(IDS), "Thanks"]
            for n in range(3)]
    path = write_csv(tmp_path, header, *rows)
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {path}: ignored 3 column(s) that are not a statement, the "
                        "role or a date: 'Email address' (B1), 'I agree to take part' (C1), "
                        f"'Any other comments?' ({cell_name(1, len(header))})"]


def test_role_answers_through_names_synonyms_and_the_users_map(
        run: Run, tmp_path: Path) -> None:
    roles = ["Service user", "Person who uses services", "Family carer", "Unpaid carer",
             "Social worker", "Support worker", "Team manager", "Peer mentor"]
    path = write_csv(tmp_path, ["Which of these best describes you?", *IDS],
                     *[[role, *["2"] * len(IDS)] for role in roles])
    refused = run("score", str(path))
    assert refused.exit_code == 2
    assert "cell A9: unknown role 'Peer mentor'" in refused.stderr
    assert "--role-map \"Peer mentor=ROLE\"" in refused.stderr
    data = scored(run, str(path), "--role-map", "Peer mentor=Volunteer")
    assert {r["role"]: r["respondents"] for r in data["by_role"]} == {  # type: ignore[attr-defined]
        "person-drawing-on-care": 2, "carer": 2, "practitioner": 2, "manager": 1,
        "volunteer": 1}


def test_the_role_column_named_by_the_user(run: Run, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ["Q1", "Connection to the service", *IDS],
                     ["x", "Service user", *["2"] * len(IDS)], ["y", "Carer", *["2"] * len(IDS)])
    plain = run("score", str(path), "-f", "json")
    assert "'Connection to the service' (B1)" in plain.stderr
    assert "no column holds the role, so everyone counts as 'other'" in plain.stderr
    data = scored(run, str(path), "--role-column", "connection to the SERVICE")
    assert len(data["by_role"]) == 2  # type: ignore[arg-type]
    missing = run("score", str(path), "--role-column", "Your role")
    assert missing.exit_code == 2 and "no column headed 'Your role'" in missing.stderr
    assert missing.stderr.count(str(path)) == 1  # the file named once, not twice
    bad = run("score", str(path), "--role-map", "Service user")
    assert bad.exit_code == 2 and "is not ANSWER=ROLE" in bad.stderr


def test_evidence_columns_become_evidence(run: Run, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ["role", *IDS, "assets-1 evidence", "Notes on assets-2"],
                     ["carer", *["2"] * len(IDS), "Minutes of the March board", ""])
    evidence = {s["id"]: s["evidence"] for s in scored(run, str(path))["statements"]}  # type: ignore
    assert evidence["assets-1"] == ["Minutes of the March board"]
    assert evidence["assets-2"] == []


def test_an_unreadable_date_is_a_warning_never_silently_lost(run: Run, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ["Timestamp", *IDS], ["yesterday", *["2"] * len(IDS)],
                     ["24/11/2026 09:00:00", *["2"] * len(IDS)])
    result = run("score", str(path), "-f", "json")
    assert json.loads(result.stdout)["assessed_on"] == "2026-11-24"
    assert f"1 date(s) coprod cannot read, left out (the first at {path}:2:1 (A2) " \
        "'yesterday')" in result.stderr


def test_an_xlsx_export_is_read_directly(run: Run, tmp_path: Path) -> None:
    stamp = datetime.datetime(2026, 11, 24, 14, 3, 22)
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Your role",
              *[grid_heading(sid) for sid in IDS]]
    path = write_xlsx(tmp_path, header,
                      [1, stamp, stamp, "anonymous", None, "Service user", *[2] * len(IDS)],
                      [2, stamp, stamp, "anonymous", None, "Family carer",
                       *["3 - Transformative"] * (len(IDS) - 1), None])
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 2 and data["assessed_on"] == "2026-11-24"
    last = len(header)
    assert f"(the first at {path}:3:{last} ({cell_name(3, last)}))" in result.stderr


def test_an_xlsx_error_names_the_cell_and_whose_response_it_is(
        run: Run, tmp_path: Path) -> None:
    cells: list[object] = [2] * len(IDS)
    cells[10] = "Quite good"
    path = write_xlsx(tmp_path, ["ID", "Completion time", "Role", *IDS],
                      [1, "24/11/2026 14:03", "Carer", *[2] * len(IDS)],
                      [17, "24/11/2026 14:09", "Carer", *cells])
    result = run("score", str(path))
    assert result.exit_code == 2
    assert f"error: {path}:3:14: cell N3 (respondent 17): '{IDS[10]}': unknown level " \
        "'Quite good'" in result.stderr


@pytest.mark.parametrize("content", [b"PK\x03\x04 not really a zip", b"", b"id: x\n"])
def test_a_broken_xlsx_is_one_clear_error(run: Run, tmp_path: Path, content: bytes) -> None:
    """One line in coprod's words, not the name of the exception openpyxl raised."""
    path = tmp_path / "form.xlsx"
    path.write_bytes(content)
    result = run("score", str(path))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {path}: not a readable .xlsx workbook (damaged, or "
                             "another format under an .xlsx name); export the form's responses "
                             "again, or save the sheet as 'CSV UTF-8'\n")


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


def test_a_workbook_named_csv_says_so(run: Run, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, ["role", *IDS], name="form.csv")
    assert "this is a spreadsheet workbook" in run("score", str(path)).stderr


def test_openpyxl_is_imported_only_for_an_xlsx(tmp_path: Path) -> None:
    path = write_csv(tmp_path, ["role", *IDS], ["carer", *["2"] * len(IDS)])
    code = ("import sys\nfrom coprod_cli.cli import main\nsys.argv = ['coprod', 'score', "
            f"{str(path)!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('openpyxl' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stderr.strip().endswith("False")


def test_a_date_no_assessment_could_have_is_an_error_at_its_cell(
        run: Run, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ["Timestamp", *IDS], ["24/11/1926", *["2"] * len(IDS)])
    result = run("score", str(path))
    assert result.exit_code == 2
    assert f"{path}:2:1: cell A2 (the response of 24/11/1926): 1926-11-24 is not a date of an " \
        "assessment" in result.stderr


# --- the examples: exports as Google Forms and Microsoft Forms write them -------------------

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


def test_the_microsoft_forms_example_scores_without_editing_a_cell(run: Run) -> None:
    path = EXAMPLES / "microsoft-forms-export.xlsx"
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 16 and data["assessed_on"] == "2026-11-23"
    evidence = {s["id"]: s["evidence"] for s in data["statements"]}
    assert evidence["shared-roles-1"] == [
        "Two people who use the service co-chair the design group"] * 3
    assert "'ID' (A1), 'Email' (D1), 'Name' (E1)" in result.stderr


def test_validate_points_a_form_export_at_score_as_it_does_a_csv(run: Run) -> None:
    for name in ("google-forms-export.csv", "microsoft-forms-export.xlsx"):
        result = run("validate", str(EXAMPLES / name))
        assert result.exit_code == 2 and "coprod score" in result.stderr
    folder = run("validate", str(EXAMPLES))
    assert folder.exit_code == 0 and ".xlsx" not in folder.stdout + folder.stderr


def test_numbers_a_spreadsheet_stored_as_decimals_and_blank_headings(
        run: Run, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, ["Role", None, *IDS], ["Carer", "x", *[2.0] * len(IDS)],
                      ["Carer", None, *[3] * len(IDS)])
    data = scored(run, str(path))
    assert data["respondents"] == 2 and data["score"] == 2.5
