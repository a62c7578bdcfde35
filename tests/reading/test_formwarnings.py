"""What reading an export left out or guessed, said once per export, never lost in silence."""

from __future__ import annotations

import json
from pathlib import Path

from coprod_cli.reading.formheader import cell_name
from coprod_cli.reading.formwarnings import MAX_NAMED
from tests.conftest import Run
from tests.reading.test_formtable import IDS, write_csv


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


def test_an_unreadable_date_is_a_warning_never_silently_lost(run: Run, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ["Timestamp", *IDS], ["yesterday", *["2"] * len(IDS)],
                     ["24/11/2026 09:00:00", *["2"] * len(IDS)])
    result = run("score", str(path), "-f", "json")
    assert json.loads(result.stdout)["assessed_on"] == "2026-11-24"
    assert f"1 date(s) coprod cannot read, left out (the first at {path}:2:1 (A2) " \
        "'yesterday')" in result.stderr


def test_many_other_columns_are_named_up_to_a_limit_then_counted(run: Run,
                                                                  tmp_path: Path) -> None:
    """Eight named, the rest counted: every ignored column is said, the line stays short."""
    extra = [f"Question {n}" for n in range(MAX_NAMED + 3)]
    path = write_csv(tmp_path, ["Role", *IDS, *extra], ["Carer", *["1"] * len(IDS),
                                                         *["x"] * len(extra)])
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0
    line = next(line for line in result.stderr.splitlines() if "ignored" in line)
    assert f"ignored {MAX_NAMED + 3} column(s)" in line and line.endswith(" and 3 more")
    assert all(f"'Question {n}'" in line for n in range(MAX_NAMED))
    assert f"'Question {MAX_NAMED}'" not in line


def test_an_export_with_no_role_column_says_everyone_counts_as_other(run: Run,
                                                                     tmp_path: Path) -> None:
    path = write_csv(tmp_path, IDS, ["2"] * len(IDS))
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["respondents"] == 1
    assert f"warning: {path}: no column holds the role, so everyone counts as 'other'" \
        in result.stderr
