"""An export's header matched to a framework: each column's meaning found once, and a header
that cannot be read refused at its cell."""

from __future__ import annotations

import pytest

from coprod_cli.errors import InvalidData, UsageProblem
from coprod_cli.reading.formheader import cell_name, complete, match_columns
from tests.builders import FW

IDS = [s.id for s in FW.statements]


def test_cells_are_named_as_a_spreadsheet_shows_them() -> None:
    assert [cell_name(3, column) for column in (1, 17, 26, 27, 52, 703)] == [
        "A3", "Q3", "Z3", "AA3", "AZ3", "AAA3"]


def test_each_column_is_a_statement_its_evidence_the_role_a_date_or_ignored() -> None:
    header = ["Timestamp", "Which role describes you?", *IDS, f"Evidence for {IDS[0]}",
              "Any other comments?"]
    framework, columns = match_columns("f.csv", header, [FW], None)
    assert framework is FW
    assert list(columns.statements.values()) == IDS
    assert columns.evidence == {2 + len(IDS): IDS[0]}
    assert columns.role == 1 and columns.dates == {"timestamp": 0}
    assert columns.ignored == [len(header) - 1]


def test_a_statement_headed_twice_is_refused_at_the_second() -> None:
    with pytest.raises(InvalidData, match=f"a second column for '{IDS[0]}' \\(the first is A1\\)"):
        match_columns("f.csv", [IDS[0], IDS[0]], [FW], None)


def test_a_role_column_that_is_not_there_is_a_usage_problem() -> None:
    with pytest.raises(UsageProblem, match="no column headed 'Who'"):
        match_columns("f.csv", ["role", *IDS], [FW], "Who")


def test_a_header_missing_statements_names_them() -> None:
    _, columns = match_columns("f.csv", IDS[:-1], [FW], None)
    with pytest.raises(InvalidData, match=f"no column for 1 of {len(IDS)} statements"):
        complete("f.csv", FW, IDS[:-1], columns)
