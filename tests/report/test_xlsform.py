"""coprod form --format xlsform: an XLSForm that pyxform converts without an error or a
warning, and whose KoboToolbox exports (names or labels as headers) score as they come."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from coprod_cli.reading.loader import Library
from tests.conftest import Run
from tests.data.exports.make_exports import RESPONDENTS
from tests.reading.test_exports import same, scored, truth, warnings

LIB = Library.builtin()
KOBO_FIRST = ["start", "end"]
KOBO_LAST = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "_submitted_by", "__version__", "_tags", "_index"]


def made(run: Run, tmp_path: Path, *args: str) -> Path:
    path = tmp_path / "form.xlsx"
    result = run("form", *args, "--format", "xlsform", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def sheet(path: Path, name: str) -> list[dict[str, Any]]:
    rows = list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


@pytest.mark.parametrize("args", [("nef",), ("scie",), ("nef", "--plain"),
                                  ("wales", "--lang", "cy"), ("wales", "--lang", "cy", "--plain")])
def test_pyxform_converts_it_without_an_error_or_a_warning(run: Run, tmp_path: Path,
                                                           args: tuple[str, ...]) -> None:
    from pyxform.xls2xform import convert

    path = made(run, tmp_path, *args)
    result = convert(xlsform=str(path))
    assert result.warnings == []
    framework = LIB.framework(args[0])
    assert f'id="coprod_{framework.id}"' in result.xform
    for dimension in framework.dimensions:
        for statement in dimension.statements:  # each part a group named by its id
            assert f'nodeset="/data/{dimension.id}/{statement.id}"' in result.xform
            assert f'nodeset="/data/{dimension.id}/{statement.id}_evidence"' in result.xform
    default = sheet(path, "settings")[0]["default_language"]
    if "cy" in args:  # a Welsh form's own words are Welsh: its languages, its title
        assert default == ("Geiriau plaen (cy)" if "--plain" in args else "Cymraeg (cy)")
        assert sheet(path, "settings")[0]["form_title"].startswith("Hunanasesiad cydgynhyrchu")
        assert any(str(row["label::Cymraeg (cy)"]).startswith("Tystiolaeth ar gyfer")
                   for row in sheet(path, "survey"))
        return
    assert default == ("Plain words (en)" if "--plain" in args else "English (en)")


def test_both_wordings_are_in_the_form_the_plain_one_a_language_to_switch_to(
        run: Run, tmp_path: Path) -> None:
    survey = sheet(made(run, tmp_path, "nef"), "survey")
    rows = {row["name"]: row for row in survey}
    for statement in LIB.framework("nef").statements:
        assert rows[statement.id]["label::English (en)"] == f"{statement.id}. {statement.text}"
        assert rows[statement.id]["label::Plain words (en)"] == \
            f"{statement.id}. {statement.plain}"
        assert rows[statement.id]["required"] == "yes"


def kobo_rows(path: Path, labels: bool, groups: bool) -> list[list[str]]:
    """A KoboToolbox export of RESPONDENTS: XML names or labels (in the form's default
    language) as headers and values, group names first in the headers or not."""
    survey, choices = sheet(path, "survey"), sheet(path, "choices")
    language = sheet(path, "settings")[0]["default_language"]
    label = {(c["list_name"], c["name"]): c[f"label::{language}"] for c in choices}
    header, columns, group = [*KOBO_FIRST], [], ""
    for row in survey:
        kind, name = row["type"], row["name"]
        if kind in ("begin_group", "end_group"):
            group = row[next(key for key in row if key.startswith("label::"))] if labels \
                else name
            group = group if kind == "begin_group" else ""
            continue
        if kind in ("start", "end"):
            continue
        heading = row[f"label::{language}"] if labels else name
        header.append(f"{group}/{heading}" if groups and group else heading)
        columns.append((kind, name))
    rows = [header + KOBO_LAST]
    for number, person in enumerate(RESPONDENTS):
        when = person.when.strftime("%Y-%m-%dT%H:%M:%S.000+00:00")
        cells = [when, when]
        for kind, name in columns:
            if kind == "note":  # the credit: a column with nothing in it, as some tools write
                value = ""
            elif name == "role":
                value = person.role
            elif kind == "text":
                value = person.evidence.get(name.removesuffix("_evidence"), "")
            else:
                value = person.answers[name]
            list_name = kind.split(" ")[-1]
            cells.append(label.get((list_name, value), value) if labels and value else value)
        rows.append([*cells, str(1000 + number), f"uuid-{number}", when, "", "[]",
                     "submitted_via_web", "", "vQ2026", "[]", str(number + 1)])
    return rows


def test_a_kobotoolbox_export_with_names_and_groups_scores_as_it_comes(
        run: Run, tmp_path: Path) -> None:
    """KoboToolbox's default CSV: semicolons, XML names, 'group/name' headers, its own
    columns (_id, _uuid, __version__...), ISO times."""
    rows = kobo_rows(made(run, tmp_path, "nef"), labels=False, groups=True)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    export = tmp_path / "kobo.csv"
    export.write_text(buffer.getvalue(), encoding="utf-8")
    (tmp_path / "truth").mkdir()
    data = scored(run, str(export))
    same(data, truth(run, tmp_path / "truth", RESPONDENTS, evidence=True))
    assert warnings(data) == []


@pytest.mark.parametrize(("plain", "lang"), [(False, "en"), (True, "en"), (False, "cy"),
                                             (True, "cy")])
def test_a_kobotoolbox_export_with_labels_scores_as_it_comes(run: Run, tmp_path: Path,
                                                             plain: bool, lang: str) -> None:
    """An .xlsx export with labels as headers and values, in the form's default language:
    a Welsh form's (Welsh titles, evidence titles, roles and 'Ddim yn gwybod') too."""
    form = made(run, tmp_path, "nef", "--lang", lang, *(["--plain"] if plain else []))
    book = openpyxl.Workbook()
    target = book.active
    assert target is not None
    for row in kobo_rows(form, labels=True, groups=False):
        target.append(row)
    export = tmp_path / "kobo.xlsx"
    book.save(export)
    (tmp_path / "truth").mkdir()
    data = scored(run, str(export))
    same(data, truth(run, tmp_path / "truth", RESPONDENTS, evidence=True))
    assert warnings(data) == []


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    from coprod_cli.questionnaire.formoutline import outline
    from coprod_cli.report.xlsform import workbook
    from tests.builders import FW

    hostile = FW.__class__(**{**vars(FW), "name": "=HYPERLINK(\"http://evil\")\x1b[2J"})
    data = workbook(outline(hostile, LIB.catalogue), outline(hostile, LIB.catalogue, plain=True),
                    LIB.catalogue, plain_first=False)
    path = tmp_path / "form.xlsx"
    path.write_bytes(data)
    cell = openpyxl.load_workbook(path)["settings"]["A2"]
    assert cell.data_type == "s" and cell.value == \
        "Co-production self-assessment: =HYPERLINK(\"http://evil\")\\x1b[2J"


def test_at_a_terminal_it_is_written_to_a_file_not_shown(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("coprod_cli.cli.form.at_terminal", lambda: True)
    result = run("form", "nef", "--format", "xlsform")
    assert result.exit_code == 0 and "writing coprod-nef-form.xlsx" in result.stderr
    assert (tmp_path / "coprod-nef-form.xlsx").read_bytes()[:2] == b"PK"
    monkeypatch.setattr("coprod_cli.cli.form.at_terminal", lambda: False)
    piped = run("form", "nef", "--format", "xlsform")
    assert piped.stdout_bytes[:2] == b"PK"


def test_the_form_credits_its_sources_in_a_note(run: Run, tmp_path: Path) -> None:
    """A note before the first question credits the framework's source, as the outlines do."""
    rows = sheet(made(run, tmp_path, "nef"), "survey")
    notes = [row for row in rows if row["type"] == "note"]
    assert [row["name"] for row in notes] == ["credit"]
    assert rows.index(notes[0]) < next(i for i, r in enumerate(rows) if r["name"] == "role")
    assert "New Economics Foundation" in notes[0]["label::English (en)"]
    assert notes[0]["label::Plain words (en)"] == notes[0]["label::English (en)"]


def test_a_welsh_forms_credit_note_is_in_welsh_and_keeps_the_sources_link(
        run: Run, tmp_path: Path) -> None:
    """In Welsh the note says 'Cydnabyddiaeth:', not the English 'Credit:'; the source's
    link, the same in every language, is how an export's column is known (English forms are
    as before)."""
    notes = {lang: next(row for row in sheet(made(run, tmp_path, "nef", "--lang", lang),
                                             "survey") if row["type"] == "note")
             for lang in ("cy", "en")}
    welsh = next(value for key, value in notes["cy"].items() if key.startswith("label::"))
    assert welsh.startswith("Cydnabyddiaeth: ") and "Credit:" not in welsh
    link = LIB.framework("nef").source.url
    assert link and link in welsh and notes["en"]["label::English (en)"].startswith("Credit: ")


def test_the_workbook_is_written_without_openpyxl(tmp_path: Path) -> None:
    """Start-up: the XLSForm is written by XlsxWriter; openpyxl, which reads workbooks, is
    not imported for it."""
    from tests.conftest import modules_of_a_warm_run

    modules = modules_of_a_warm_run(
        ["form", "nef", "--format", "xlsform", "-o", str(tmp_path / "form.xlsx"), "--force"],
        tmp_path)
    assert "xlsxwriter" in modules and "openpyxl" not in modules


def test_every_cell_is_text_and_an_empty_one_is_left_out(run: Run, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(made(run, tmp_path, "nef"))
    for sheet_name in ("survey", "choices", "settings"):
        cells = [cell for row in book[sheet_name].iter_rows() for cell in row]
        assert all(cell.data_type == "s" for cell in cells if cell.value is not None)
        assert all(cell.value != "" for cell in cells)
    assert book["settings"]["C2"].value == LIB.framework("nef").version  # "3.0.0", not a number
