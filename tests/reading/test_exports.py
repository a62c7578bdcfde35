"""Realistic exports, each as its tool writes it (tests/data/exports, made by make_exports.py
from one round of 15 partners), scored as they come: the same result as the same people's
answers files, roles, dates and evidence included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import Run
from tests.data.exports.make_exports import EARLIER_RESPONDENTS as RESPONDENTS
from tests.data.exports.make_exports import MULTI, OWN, OWN_WORDS, Respondent

EXPORTS = Path(__file__).parent.parent / "data" / "exports"
SAME = ("level", "score", "dimensions", "by_role", "by_voice", "gaps", "assessed_on",
        "respondents", "unsure_answers")


def truth(run: Run, folder: Path, people: list[Respondent], evidence: bool) -> dict[str, Any]:
    """The result of the same people's answers files."""
    for number, person in enumerate(people):
        answers: dict[str, object] = dict(person.answers)
        for sid, text in person.evidence.items():
            if evidence:
                answers[sid] = {"level": person.answers[sid], "evidence": text}
        document = {"framework": "nef", "respondent": {"role": person.role},
                    "assessed_on": person.when.date().isoformat(), "answers": answers}
        (folder / f"{number:02d}.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    return scored(run, str(folder))


def scored(run: Run, *args: str) -> dict[str, Any]:
    result = run("score", *args, "-f", "json", "--min-group", "1")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    data["stderr"] = result.stderr
    return data


def same(export: dict[str, Any], expected: dict[str, Any]) -> None:
    for key in SAME:
        assert export[key] == expected[key], key
    assert [(s["id"], s["evidence"]) for s in export["statements"]] == \
        [(s["id"], s["evidence"]) for s in expected["statements"]]


def warnings(data: dict[str, Any]) -> list[str]:
    return [line for line in data["stderr"].splitlines() if line.startswith("warning:")]


def test_surveymonkey_two_header_rows_grids_checkbox_roles_and_us_dates(
        run: Run, tmp_path: Path) -> None:
    """SurveyMonkey's own columns are known, the two header rows read as one, a grid's rows
    found by the statements' wording, dates month first (6 to 20 November, never June to
    December), a carer who also ticked Practitioner counted as a carer."""
    path = EXPORTS / "surveymonkey.csv"
    data = scored(run, str(path))
    same(data, truth(run, tmp_path, RESPONDENTS, evidence=True))
    assert data["assessed_on"] == "2026-11-20"
    assert data["intake"]["earliest"] == "2026-11-06"
    assert warnings(data) == [
        f"warning: {path}: 1 respondent(s) gave a role in their own words, counted as 'other': "
        f"'{OWN_WORDS}' (1); to count one in a role, map it: --role-map \"{OWN_WORDS}=ROLE\"",
        f"warning: {path}: 1 respondent(s) chose more than one role; each is counted once, in a "
        "lived-experience role when one was chosen (else the first in coprod's list of roles)"]
    assert RESPONDENTS[MULTI].role == "carer" and RESPONDENTS[OWN].role == "other"


def test_surveymonkey_with_its_second_row_deleted_still_reads_dates_month_first(
        run: Run, tmp_path: Path) -> None:
    """Its own columns still say it is SurveyMonkey's: 6 to 20 November, not June to
    December (the statements named by id here, as the grid's rows went with the row)."""
    lines = (EXPORTS / "surveymonkey.csv").read_text(encoding="utf-8").splitlines(True)
    top = lines[0].split(",")
    first = len(top) - len(RESPONDENTS[0].answers) - 2
    header = [*top[:first], *RESPONDENTS[0].answers, *top[-2:]]
    path = tmp_path / "one-row.csv"
    path.write_text(",".join(header) + "".join(lines[2:]), encoding="utf-8")
    data = scored(run, str(path))
    assert (data["intake"]["earliest"], data["assessed_on"]) == ("2026-11-06", "2026-11-20")
    assert "two rounds" not in data["stderr"]


def test_a_role_written_in_is_mapped_by_role_map_never_by_a_guess(run: Run) -> None:
    path = EXPORTS / "surveymonkey.csv"
    data = scored(run, str(path), "--role-map", f"{OWN_WORDS}=carer")
    assert {r["role"]: r["respondents"] for r in data["by_role"]}["carer"] == 4
    assert "own words" not in data["stderr"]


def test_excel_csv_in_windows_1252_with_semicolons(run: Run, tmp_path: Path) -> None:
    """Excel's plain 'CSV' where the list separator is ';': cp1252 (curly apostrophes, a pound
    sign), statements' wordings with commas inside unquoted cells, UK dates."""
    path = EXPORTS / "excel-semicolons-cp1252.csv"
    assert b"\x92" in path.read_bytes() and b";" in path.read_bytes()
    data = scored(run, str(path))
    same(data, truth(run, tmp_path, RESPONDENTS, evidence=True))
    assert warnings(data) == []
    evidence = {s["id"]: s["evidence"] for s in data["statements"]}
    assert "The peer group\u2019s own budget: \u00a3400 a year" in evidence["networks-2"]


def test_google_checkbox_roles_one_warning_and_no_guess(run: Run, tmp_path: Path) -> None:
    """'Carer, Practitioner' is a carer (a lived-experience role when any is chosen), never
    'practitioner'; a role in the person's own words counts as 'other', in one warning."""
    path = EXPORTS / "google-checkbox-roles.csv"
    assert "Carer, Practitioner" in path.read_text(encoding="utf-8")
    data = scored(run, str(path))
    same(data, truth(run, tmp_path, RESPONDENTS, evidence=False))
    assert len(warnings(data)) == 2 and "own words" in warnings(data)[0]


def test_dates_that_could_be_either_order_are_refused_naming_date_order(
        run: Run, tmp_path: Path) -> None:
    path = EXPORTS / "google-sheet-ambiguous-dates.csv"
    refused = run("score", str(path))
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"error: {path}:1:1: 6 date(s) could be day first or month "
                                     "first") and "--date-order dmy" in refused.stderr
    assert "--date-order mdy" in refused.stderr and refused.stderr.count("\n") == 1
    skipping = run("score", str(path), "--skip-invalid")
    assert skipping.exit_code == 2  # about the whole export: never a skip of some rows
    assert scored(run, str(path), "--date-order", "dmy")["assessed_on"] == "2026-11-08"
    assert scored(run, str(path), "--date-order", "mdy")["assessed_on"] == "2026-08-11"


def test_a_later_date_showing_month_first_refuses_what_was_read_day_first(
        run: Run, tmp_path: Path) -> None:
    lines = (EXPORTS / "google-sheet-ambiguous-dates.csv").read_text(encoding="utf-8") \
        .splitlines(True)
    last = lines[-1].split(",", 1)
    path = tmp_path / "later.csv"
    path.write_text("".join(lines[:-1]) + "11/24/2026 10:00:00," + last[1], encoding="utf-8")
    refused = run("score", str(path))
    assert refused.exit_code == 2
    assert "the dates are month first (A7 '11/24/2026 10:00:00'), but 5 before it could be " \
        "either and were read day first" in refused.stderr
    assert scored(run, str(path), "--date-order", "mdy")["assessed_on"] == "2026-11-24"


def test_dates_in_both_orders_are_an_error_at_the_second(run: Run, tmp_path: Path) -> None:
    lines = (EXPORTS / "google-sheet-ambiguous-dates.csv").read_text(encoding="utf-8") \
        .splitlines(True)
    rows = [line.split(",", 1)[1] for line in lines[1:3]]
    path = tmp_path / "both.csv"
    path.write_text(lines[0] + "24/11/2026," + rows[0] + "11/25/2026," + rows[1],
                    encoding="utf-8")
    refused = run("score", str(path))
    assert refused.exit_code == 2
    assert f"{path}:3:1: cell A3 (the response of 11/25/2026): dates written both day first " \
        "and month first (this one, and A2 '24/11/2026')" in refused.stderr


def test_evidence_columns_reach_the_text_and_markdown_results(run: Run, tmp_path: Path) -> None:
    """As they reach HTML (--details, under each statement): on one line, escaped, shortened
    where long, and never naming who gave it."""
    source = (EXPORTS / "excel-semicolons-cp1252.csv").read_bytes().decode("cp1252")
    hostile = "# Heading <img src=x> [link](http://x) `code` \x1b[31m\n" + "long " * 200
    source = source.replace("Minutes of the March partnership board, where two carers voted",
                            '"' + hostile + '"', 1)
    path = tmp_path / "responses.csv"
    path.write_text(source, encoding="utf-8")
    for fmt in ("text", "markdown"):
        result = run("score", str(path), "--details", "-f", fmt)
        assert result.exit_code == 0, result.stderr
        out = result.stdout
        assert "Evidence given with the answers" in out
        assert "The peer group\u2019s own budget: \u00a3400 a year" in out
        assert "\x1b" not in out and "responses.csv" not in out
        flat = " ".join(out.split())  # the terminal's lines wrapped as its width needs
        assert 40 < flat.count("long") < 80  # shortened to 300 characters, then "..."
        if fmt == "markdown":  # one line, inert: no heading, tag, link or code opens
            line = next(line for line in out.splitlines() if "Heading" in line)
            assert line.startswith("  - \\# Heading \\<img src=x\\> \\[link\\](http://x) \\`code")
            assert line.endswith("...")
    short = run("score", str(path), "-f", "text").stdout
    assert "Evidence given" not in short  # one screen first, as HTML's summary
