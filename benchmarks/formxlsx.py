"""Scoring a 50,000-row `.xlsx` export, against reading the same rows as CSV with `csv`.

Writes the rows of benchmarks/formcsv.py as a CSV file and as two workbooks of the same
cells: as openpyxl writes one (write-only: each text in its cell, `inlineStr`, 91 MB of XML)
and as Excel writes one (each distinct text once in the shared strings part, the cells
naming it by number: 50 MB of XML); and a third as Microsoft Forms exports one (written by
XlsxWriter as Excel saves it: an ID number first and each timestamp a real date), with a CSV
of its rows as text to compare it with. Runs, interleaved with the CSV read and each in a
fresh interpreter (startup.measure):

- `coprod score FILE.xlsx --format json` on each, as it reads a workbook of this size
  (python-calamine, where 0.8.3 or later is installed);
- the same with openpyxl's streamed read-only mode (as for a workbook over 128 MiB unpacked);
- as references, each library alone reading every row.

Reports the medians and the median of the per-pair ratios, the pairs counted (goal: coprod
within 10 times the CSV read), and the peak memory of each. The goal is judged in CPU
seconds (a machine busy with other work inflates wall-clock far more); `--wall` measures
coprod's runs in wall-clock seconds too, in pairs of their own. coprod's memory of shared
results starts empty in a folder of the benchmark's own (unless COPROD_STATE_DIR is set), as
in benchmarks/formcsv.py, and its start-up cache is its own too (unless COPROD_CACHE_DIR is
set), as in benchmarks/startup.py: what other runs on the machine cache never changes it.

    python benchmarks/formxlsx.py [--pairs 5] [--rows 50000] [--wall] [--only WORDS ...]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from collective import peak_kib
from formcsv import READ, write
from startup import measure

GOAL = 10.0
STREAMED = """
import sys
from coprod_cli.cli import main
from coprod_cli.reading import formxlsx
formxlsx.FAST_UNPACKED = 0
sys.argv = ["coprod", "score", sys.argv[1], "--format", "json"]
main()
"""
OPENPYXL = """
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
for row in book.worksheets[0].iter_rows(values_only=True):
    pass
"""
CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
for row in CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).iter_rows():
    pass
"""
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def workbook(source: Path, target: Path) -> None:
    """The rows as openpyxl (write-only) writes them: each text inline in its cell."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Form1")
    with source.open(encoding="utf-8", newline="") as stream:
        for row in csv.reader(stream):
            sheet.append(row)
    book.save(target)


def shared_workbook(source: Path, target: Path) -> None:
    """The same rows as Excel writes them: each distinct text once, in xl/sharedStrings.xml,
    and each cell naming it by number (t="s")."""
    numbers: dict[str, int] = {}
    rows = []
    with source.open(encoding="utf-8", newline="") as stream:
        for line, row in enumerate(csv.reader(stream), start=1):
            cells = "".join(f'<c r="{_column(i)}{line}" t="s"><v>'
                            f'{numbers.setdefault(text, len(numbers))}</v></c>'
                            for i, text in enumerate(row))
            rows.append(f'<row r="{line}">{cells}</row>')
    texts = "".join(f"<si><t>{escape(text)}</t></si>" for text in numbers)
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{TYPE}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" '
            f'ContentType="{TYPE}.sharedStrings+xml"/></Types>'),
        "_rels/.rels": (f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
                        f'Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
                        "</Relationships>"),
        "xl/workbook.xml": (f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets><sheet '
                            'name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{OFFICE}/worksheet" '
            'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            f'Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": (f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(rows)}'
                                     "</sheetData></worksheet>"),
        "xl/sharedStrings.xml": (f'<sst xmlns="{MAIN}" count="{len(numbers)}" '
                                 f'uniqueCount="{len(numbers)}">{texts}</sst>'),
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, HEAD + text)


def typed_workbook(source: Path, target: Path, text: Path) -> None:
    """The same rows with an ID number first and each timestamp a date-time, as Microsoft
    Forms' Excel export has them (its texts shared, as Excel saves them); `text` gets the
    same rows as CSV (the date as ISO text)."""
    import datetime

    import xlsxwriter

    book = xlsxwriter.Workbook(str(target))
    sheet = book.add_worksheet("Form1")
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    with source.open(encoding="utf-8", newline="") as stream, \
            text.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for line, row in enumerate(csv.reader(stream)):
            if not line:
                sheet.write_row(0, 0, ["ID", *row])
                writer.writerow(["ID", *row])
                continue
            stamp = datetime.datetime.strptime(row[0], "%Y/%m/%d %I:%M:%S %p GMT")
            sheet.write_number(line, 0, line)
            sheet.write_datetime(line, 1, stamp, when)
            sheet.write_row(line, 2, row[1:])
            writer.writerow([line, stamp.isoformat(" "), *row[1:]])
    book.close()


def _column(index: int) -> str:
    letters, index = "", index + 1
    while index:
        index, left = divmod(index - 1, 26)
        letters = chr(65 + left) + letters
    return letters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--wall", action="store_true",
                        help="coprod's runs in wall-clock seconds too (pairs of their own)")
    parser.add_argument("--only", action="append", metavar="WORDS",
                        help="run the cases whose name contains WORDS (commas and spaces "
                        "included, as benchmarks/startup.py takes them); give it again for more")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("COPROD_STATE_DIR", str(Path(folder, "state")))
        os.environ.setdefault("COPROD_CACHE_DIR", str(Path(folder, "cache")))
        rows, book = Path(folder, "rows.csv"), Path(folder, "rows.xlsx")
        shared = Path(folder, "shared.xlsx")
        typed, typed_rows = Path(folder, "typed.xlsx"), Path(folder, "typed.csv")
        write(rows, args.rows, "ids")
        workbook(rows, book)
        shared_workbook(rows, shared)
        typed_workbook(rows, typed, typed_rows)
        print(f"{args.rows:,} rows: CSV {rows.stat().st_size / 1e6:.1f} MB, .xlsx "
              f"{book.stat().st_size / 1e6:.1f} MB (openpyxl's), "
              f"{shared.stat().st_size / 1e6:.1f} MB (Excel's shape), "
              f"{typed.stat().st_size / 1e6:.1f} MB (with numbers and dates); {args.pairs} "
              f"interleaved pairs each; python {sys.version.split()[0]}")
        read = [sys.executable, "-c", READ, str(rows)]
        read_typed = [sys.executable, "-c", READ, str(typed_rows)]
        score = [sys.executable, "-m", "coprod_cli", "score"]
        cases = {
            "coprod score, openpyxl's workbook": ([*score, str(book), "--format", "json"],
                                                  GOAL, read),
            "coprod score, Excel's shape": ([*score, str(shared), "--format", "json"], GOAL,
                                            read),
            "coprod score, numbers and dates": ([*score, str(typed), "--format", "json"], GOAL,
                                                read_typed),
            "coprod score, openpyxl streamed": ([sys.executable, "-c", STREAMED, str(book)],
                                                None, read),
            "openpyxl alone, read-only": ([sys.executable, "-c", OPENPYXL, str(book)], None,
                                          read),
            "python-calamine alone": ([sys.executable, "-c", CALAMINE, str(book)], None, read),
            "python-calamine alone, Excel's": ([sys.executable, "-c", CALAMINE, str(shared)],
                                               None, read),
        }
        wanted = args.only
        for name, (command, goal, baseline) in cases.items():
            if wanted and not any(word in name for word in wanted):
                continue
            clocks = [("CPU", True)] + ([("wall", False)] if args.wall and goal else [])
            for clock, cpu in clocks:
                base, run, ratio = measure(command, args.pairs, baseline=baseline, cpu=cpu)
                verdict = "a reference" if goal is None else \
                    f"goal <= {goal}: {'met' if ratio <= goal else 'NOT met'}"
                print(f"{name:34} {clock:4} {run:6.2f} s  csv {base:5.2f} s  {ratio:6.2f}x "
                      f"({verdict})", flush=True)
            print(f"{'':34} peak {peak_kib(command) / 1024:.0f} MiB", flush=True)


if __name__ == "__main__":
    main()
