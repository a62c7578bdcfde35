"""Online-form exports as .xlsx workbooks: read directly, each problem named by its cell; a
hostile one is one located line (exit 2): the archive is checked before anything in it is
unpacked, and a damaged part, entities in its XML or a missing sheet never crash."""

from __future__ import annotations

import datetime
import json
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_cli.reading import formxlsx
from coprod_cli.reading.formheader import cell_name
from tests.conftest import EXAMPLES, Run
from tests.reading.test_formtable import IDS, grid_heading, scored, write_csv, write_xlsx


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


def test_a_workbook_named_csv_says_so(run: Run, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, ["role", *IDS], name="form.csv")
    assert "this is a spreadsheet workbook" in run("score", str(path)).stderr


def test_openpyxl_is_imported_only_for_an_xlsx(tmp_path: Path) -> None:
    path = write_csv(tmp_path, ["role", *IDS], ["carer", *["2"] * len(IDS)])
    code = ("import sys\nfrom coprod_cli.cli import main\nsys.argv = ['coprod', 'score', "
            f"{str(path)!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('openpyxl' in sys.modules or 'python_calamine' in sys.modules, "
            "file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stderr.strip().endswith("False")


@pytest.mark.parametrize("workbook", ["example", "made"])
def test_both_readers_read_a_workbook_alike(run: Run, tmp_path: Path, workbook: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """python-calamine reads workbooks up to FAST_UNPACKED, openpyxl (streamed) larger ones:
    the same rows, numbers, dates, blanks and located errors either way."""
    path = EXAMPLES / "microsoft-forms-export.xlsx" if workbook == "example" else write_xlsx(
        tmp_path, ["ID", "Completion time", "Role", *IDS],
        [1, "24/11/2026 14:03", "Carer", *[2] * len(IDS)],
        [None, None, None, *[None] * len(IDS)],
        [17.0, "25/11/2026 09:00", "Manager", "", *[3] * (len(IDS) - 1)],
        [18, "26/11/2026 09:00", "Manager", "Quite good", *[3] * (len(IDS) - 1)])
    fast = run("score", str(path), "-f", "json", "--min-group", "1")
    monkeypatch.setattr(formxlsx, "FAST_UNPACKED", 0)
    streamed = run("score", str(path), "-f", "json", "--min-group", "1")
    assert (fast.exit_code, fast.stdout, fast.stderr) == (
        streamed.exit_code, streamed.stdout, streamed.stderr)
    assert fast.exit_code == (0 if workbook == "example" else 2)


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


def test_numbers_a_spreadsheet_stored_as_decimals_and_blank_headings(
        run: Run, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, ["Role", None, *IDS], ["Carer", "x", *[2.0] * len(IDS)],
                      ["Carer", None, *[3] * len(IDS)])
    data = scored(run, str(path))
    assert data["respondents"] == 2 and data["score"] == 2.5


EXPORT = EXAMPLES / "microsoft-forms-export.xlsx"
SHEET = "xl/worksheets/sheet1.xml"
LAUGHS = (b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
          + b"".join(f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">'.encode()
                     for i in range(8)) + b"]>")
EXTERNAL = b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def rewritten(folder: Path, change: Callable[[str, bytes], bytes | None],
              extra: dict[str, bytes] | None = None) -> Path:
    """The example export with its parts changed (None drops one), and any parts added."""
    path = folder / "hostile.xlsx"
    with zipfile.ZipFile(EXPORT) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                target.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return path


def in_sheet(edit: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes | None]:
    return lambda name, data: edit(data) if name == SHEET else data


HOSTILE = {
    "a bad cell reference": (in_sheet(lambda d: d.replace(b' r="A2"', b' r="!!2"', 1)),
                             "a damaged workbook"),
    "no sheet": (lambda name, data: None if name == SHEET else data, "no sheet"),
    "entities that expand": (in_sheet(lambda d: LAUGHS + d.replace(b"<t>ID</t>", b"<t>&i;</t>")),
                             "declares a DTD"),
    "an external entity": (in_sheet(lambda d: EXTERNAL + d.replace(b"<t>ID</t>", b"<t>&x;</t>")),
                           "declares a DTD"),
    "a part that unpacks 1000 times": (
        in_sheet(lambda d: d.replace(b"<sheetData>", b" " * 8 * 2**20 + b"<sheetData>", 1)),
        "times its size"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_workbook_is_one_located_line(run: Run, tmp_path: Path, case: str) -> None:
    change, words = HOSTILE[case]
    path = rewritten(tmp_path, change)
    result = run("score", str(path))
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"error: {path}") and words in result.stderr
    assert result.stderr.count("\n") == 1 and "/etc/passwd" not in result.stderr.replace(
        "file:///etc/passwd", "")


def test_a_sheet_claiming_every_cell_is_read_as_the_cells_it_has(run: Run,
                                                                   tmp_path: Path) -> None:
    """A dimension of A1:XFD1048576 would pad every row to 16,384 cells."""
    path = rewritten(tmp_path, in_sheet(lambda d: d.replace(
        b'<dimension ref="A1:AI17"', b'<dimension ref="A1:XFD1048576"', 1)))
    assert run("score", str(path)).stdout == run("score", str(EXPORT)).stdout


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_workbook_is_one_line_with_openpyxl_too(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """Workbooks over FAST_UNPACKED are streamed by openpyxl: as safe, in the same words."""
    monkeypatch.setattr(formxlsx, "FAST_UNPACKED", 0)
    test_a_hostile_workbook_is_one_located_line(run, tmp_path, case)


def test_a_calamine_release_not_measured_here_is_not_used(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formxlsx, "_calamine_release", lambda: (0, 8, 2))
    assert not formxlsx._fast(1000)
    monkeypatch.setattr(formxlsx, "_calamine_release", lambda: ())  # not installed
    assert not formxlsx._fast(1000)
    monkeypatch.setattr(formxlsx, "_calamine_release", lambda: (0, 8, 3))
    assert formxlsx._fast(1000)
    assert formxlsx._fast(formxlsx.FAST_UNPACKED)
    assert not formxlsx._fast(formxlsx.FAST_UNPACKED + 1)  # held in memory: too large


def test_the_calamine_release_is_the_one_installed() -> None:
    import importlib.metadata

    words = importlib.metadata.version("python-calamine").split(".")[:3]
    assert formxlsx._calamine_release() == tuple(int(w) for w in words if w.isdigit())


def test_a_batch_is_read_as_each_cell_and_row_on_its_own() -> None:
    """However a batch of calamine's cells mixes text, blanks, numbers and dates (checked a
    batch or a column at a time), each cell is what openpyxl gives for it (a blank is None, a
    whole decimal an int) and each row not blank is kept with its number."""
    rng = random.Random(29)
    kinds = [lambda: rng.choice(["Carer", "2", " x "]), lambda: "", lambda: "  ",
             lambda: float(rng.randrange(9)), lambda: 2.5, lambda: rng.randrange(9),
             lambda: rng.random() < 0.5, lambda: datetime.datetime(2026, 11, 24, 9, 30),
             lambda: datetime.date(2026, 11, 24),
             lambda: rng.choice(["\0", "a\0", "\0b", "\0\0"])]  # the separator in a text
    # as Microsoft Forms' rows are: a column of numbers, one of dates, then of texts (each
    # column of one kind, some passed over as all text, one with a blank in it)
    by_column = [[3], [7], [0], [0], [0, 1], [0, 9]]
    for size in (1, 2, 5, 40):
        for mix in ([0], [0, 1], [0, 3], [3, 7, 0], [1, 2], [5, 8], [0, 9], [1, 9],
                    list(range(len(kinds))), by_column):
            columns = by_column if mix is by_column else [mix] * rng.randrange(1, 5)
            batch = [[kinds[rng.choice(column)]() for column in columns] for _ in range(size)]
            if rng.random() < 0.3:
                batch[-1] = batch[-1][:-1]  # rows of different lengths
            cells = [[None if c == "" else int(c) if isinstance(c, float) and c.is_integer()
                      else c for c in row] for row in batch]
            read = formxlsx._as_openpyxl([list(row) for row in batch])
            assert [[(type(c), c) for c in row] for row in read] == \
                [[(type(c), c) for c in row] for row in cells], (size, mix)
            assert list(formxlsx._filled(read, 3)) == [
                (at, row) for at, row in enumerate(cells, start=3)
                if any(str(c).strip() for c in row if c is not None)], (size, mix)


@pytest.mark.parametrize("batch", [formxlsx.BATCH, 1, 2, 3])
@pytest.mark.parametrize("limit", [formxlsx.FAST_UNPACKED, 0], ids=["calamine", "openpyxl"])
def test_blank_looking_rows_are_read_as_the_csv_of_the_same_rows(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int,
        batch: int) -> None:
    """A row of spaces is blank; a row whose first cell is blank, or a number, is read;
    however the rows fall into the batches read at once (their first cells all text, or not)."""
    header = ["Respondent", "Role", *IDS]
    rows: list[list[object]] = [
        ["  ", None, *[None] * len(IDS)],  # spaces only: blank, as in a CSV export
        [None, "Carer", *["2"] * len(IDS)],
        [7, "Manager", *["3"] * len(IDS)],
        [" 8 ", "  ", *["1"] * (len(IDS) - 1), " "],
        ["9", "Carer", *["2"] * len(IDS)],
        ["10", "Carer", *["2"] * (len(IDS) - 1), 2.0],
        [None, None, *[None] * len(IDS)],
        ["11", "Manager", *["3"] * len(IDS)],
    ]
    monkeypatch.setattr(formxlsx, "FAST_UNPACKED", limit)
    monkeypatch.setattr(formxlsx, "BATCH", batch)
    book = run("score", str(write_xlsx(tmp_path, header, *rows)), "-f", "json")
    text = [["" if cell is None else str(int(cell)) if isinstance(cell, float) else str(cell)
             for cell in row] for row in rows]  # 2.0 stored as a decimal reads as 2
    sheet = run("score", str(write_csv(tmp_path, header, *text)), "-f", "json")
    assert book.exit_code == sheet.exit_code == 0, book.stderr
    assert json.loads(book.stdout)["respondents"] == 6
    assert book.stdout == sheet.stdout
    assert book.stderr.replace("form.xlsx", "form.csv") == sheet.stderr


def _shared(sheet: bytes) -> tuple[bytes, bytes]:
    """The sheet with each inline text moved to a shared strings part, as Excel saves a
    workbook (each distinct text once; a cell names it by number), and that part."""
    texts: dict[bytes, int] = {}

    def share(match: re.Match[bytes]) -> bytes:
        number = texts.setdefault(match.group(2), len(texts))
        return match.group(1) + b' t="s"><v>' + str(number).encode() + b"</v></c>"

    sheet = re.sub(rb'(<c r="[A-Z]+[0-9]+") t="inlineStr"><is><t>(.*?)</t></is></c>', share,
                   sheet)
    items = b"".join(b"<si><t>" + text + b"</t></si>" for text in texts)
    return sheet, (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   b'count="%d" uniqueCount="%d">%s</sst>' % (len(texts), len(texts), items))


@pytest.mark.parametrize("limit", [formxlsx.FAST_UNPACKED, 0], ids=["calamine", "openpyxl"])
def test_a_workbook_with_shared_strings_scores_as_one_with_inline_text(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """The same cells, whichever way the workbook keeps its texts: the same result, notes
    and warnings (benchmarks/formxlsx.py measures both shapes)."""
    with zipfile.ZipFile(EXPORT) as source:
        sheet, strings = _shared(source.read(SHEET))
    assert b"inlineStr" not in sheet and strings.count(b"<si>") > 20
    kind = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    parts = {
        SHEET: sheet,
        "xl/_rels/workbook.xml.rels": lambda data: data.replace(
            b"</Relationships>", b'<Relationship Type="' + kind + b'" Target="sharedStrings.xml"'
            b' Id="rId9" /></Relationships>'),
        "[Content_Types].xml": lambda data: data.replace(
            b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" /></Types>'),
    }

    def change(name: str, data: bytes) -> bytes:
        part = parts.get(name, data)
        return part(data) if callable(part) else part

    path = rewritten(tmp_path, change, {"xl/sharedStrings.xml": strings})
    monkeypatch.setattr(formxlsx, "FAST_UNPACKED", limit)
    shared, inline = run("score", str(path), "-f", "json"), run("score", str(EXPORT), "-f", "json")
    assert shared.exit_code == inline.exit_code == 0, shared.stderr
    assert json.loads(shared.stdout)["respondents"] == 16
    assert shared.stdout == inline.stdout
    assert shared.stderr.replace(str(path), str(EXPORT)) == inline.stderr
