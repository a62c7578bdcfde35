"""An export's header matched to a framework once, then each row read as one respondent."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from coprod_cli.reading.loader import Library
from tests.conftest import Run

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


def test_a_date_no_assessment_could_have_is_an_error_at_its_cell(
        run: Run, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ["Timestamp", *IDS], ["24/11/1926", *["2"] * len(IDS)])
    result = run("score", str(path))
    assert result.exit_code == 2
    assert f"{path}:2:1: cell A2 (the response of 24/11/1926): 1926-11-24 is not a date of an " \
        "assessment" in result.stderr


# --- the examples: exports as Google Forms and Microsoft Forms write them -------------------


def test_strict_refuses_a_blank_answer_at_its_cell_as_it_does_a_part_answered_file(
        run: Run, tmp_path: Path) -> None:
    row = ["carer", *["intermediate"] * len(IDS)]
    row[3] = ""  # assets-3
    path = write_csv(tmp_path, ["Role", *IDS], ["carer", *["descriptive"] * len(IDS)], row)
    counted = scored(run, str(path))
    assert counted["respondents"] == 2 and counted["unsure_answers"] == 1
    refused = run("score", str(path), "--strict")
    assert refused.exit_code == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith(f"error: {path}:3:4: cell D3")
    assert "'assets-3': no answer (a blank cell)" in refused.stderr
