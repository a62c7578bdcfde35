"""An export's header matched to a framework: each column's meaning found once, and a header
that cannot be read refused at its cell."""

from __future__ import annotations

import pytest

from coprod_cli.errors import InvalidData, UsageProblem
from coprod_cli.reading.formheader import (
    best_delimiter,
    cell_name,
    complete,
    match_columns,
    two_rows,
)
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


def test_surveymonkeys_two_header_rows_read_as_one() -> None:
    first = ["Respondent ID", "Start Date", "Your role", "", "Assets", "", "Comments"]
    second = ["", "", "Carer", "Other (please specify)", "assets-1", "assets-2",
              "Open-Ended Response"]
    assert two_rows(first, second) == [
        "Respondent ID", "Start Date", "Your role - Carer", "Your role - Other (please specify)",
        "Assets - assets-1", "Assets - assets-2", "Comments"]
    assert two_rows(first, ["1147", "", "Carer"]) is None  # a response: its ID comes first
    assert two_rows(["Timestamp", "Role"], ["", "Carer"]) is None  # a row with a blank first cell


def test_tool_columns_are_left_out_without_a_warning_and_a_checkbox_role_read_whole() -> None:
    header = ["start", "end", "role", "role/carer", "role/practitioner", *IDS, "_id", "_uuid",
              "__version__", "_index", "meta/instanceID", "Email"]
    _, columns = match_columns("k.csv", header, [FW], None)
    assert columns.role == 2 and columns.role_more == [3, 4]
    assert [header[i] for i in columns.ignored] == ["Email"]
    assert set(columns.dates) == {"start", "end"}


def test_a_group_path_before_a_statement_and_its_evidence() -> None:
    header = [f"part/{sid}" for sid in IDS] + [f"part/{IDS[0]}_evidence"]
    _, columns = match_columns("k.csv", header, [FW], None)
    assert list(columns.statements.values()) == IDS and list(columns.evidence.values()) == IDS[:1]


def test_the_delimiter_that_names_the_statements_wins_over_commas_inside_them() -> None:
    line = ";".join(f"{s.id}. {s.text}, and more, and more" for s in FW.statements) + "\r\n"
    assert best_delimiter(line, ",;\t", [FW]) == ";"
    assert best_delimiter(",".join(IDS), ",;\t", [FW]) == ","
    assert best_delimiter("a;b,c", ",;", [FW]) == ","  # no statement either way: commas


def test_coprods_credit_note_is_known_by_its_name_or_the_sources_link_in_any_language() -> None:
    """The XLSForm's credit note (an empty column in some exports) is headed by its name or
    its label as coprod writes it in the form's language, which ends with the source cited
    and its link, the same in every language. Anything else is named: a heading that holds
    the link among other words is someone's question, not coprod's note."""
    from coprod_cli import credits, i18n
    from coprod_cli.reading.loader import Library

    nef = Library.builtin().framework("nef")
    link = nef.source.url
    assert link
    ids = [s.id for s in nef.statements]
    i18n.use("cy")
    try:
        welsh = " ".join(credits.form_lines(Library.builtin(language="cy").framework("nef")))
    finally:
        i18n.use("en")
    english = " ".join(credits.form_lines(nef))
    assert welsh.startswith("Cydnabyddiaeth: ") and english.startswith("Credit: ")
    for note in ("credit", welsh, english, " \n".join(english.rsplit(" ", 3))):
        _, columns = match_columns("k.csv", [note, *ids], [nef], None)
        assert columns.ignored == [], note
    for question in ("Cydnabyddiaeth: dim dolen", f"Have you read {link} before?",
                     f"Credit: what did you think of {link}", f"{english} Anything else?"):
        _, columns = match_columns("k.csv", [question, *ids], [nef], None)
        assert columns.ignored == [0], question


def test_a_sources_link_that_is_no_web_address_never_hides_a_column() -> None:
    """A framework file's source link is its own text: one that is no web address ('e') is not
    looked for in headings, or every column with an 'e' in its heading would go unnamed."""
    import dataclasses

    from coprod_cli.reading.loader import Library

    nef = Library.builtin().framework("nef")
    odd = dataclasses.replace(nef, source=dataclasses.replace(nef.source, url="e"))
    ids = [s.id for s in odd.statements]
    _, columns = match_columns("k.csv", ["Anything else we should know", *ids], [odd], None)
    assert columns.ignored == [0]
