"""Scoring a 50,000-row `.xlsx` export, against reading the same rows as CSV with `csv`.

Writes the rows of benchmarks/formcsv.py as a CSV file and as a workbook (openpyxl, write-only)
and runs, interleaved with the CSV read and each in a fresh interpreter (startup.measure):

- `coprod score FILE.xlsx --format json`, as it reads a workbook of this size
  (python-calamine, where 0.9.1 or later is installed);
- the same with openpyxl's streamed read-only mode (as for a workbook over 128 MiB unpacked);
- as references, each library alone reading every row.

Reports the medians and the median of the per-pair ratios in CPU seconds (a machine busy with
other work inflates wall-clock far more), the pairs counted (goal: coprod within 10 times the
CSV read), and the peak memory of each.

    python benchmarks/formxlsx.py [--pairs 3] [--rows 50000]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

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


def workbook(source: Path, target: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Form1")
    with source.open(encoding="utf-8", newline="") as stream:
        for row in csv.reader(stream):
            sheet.append(row)
    book.save(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows, book = Path(folder, "rows.csv"), Path(folder, "rows.xlsx")
        write(rows, args.rows, "ids")
        workbook(rows, book)
        print(f"{args.rows:,} rows: CSV {rows.stat().st_size / 1e6:.1f} MB, .xlsx "
              f"{book.stat().st_size / 1e6:.1f} MB; {args.pairs} interleaved pairs each, CPU "
              f"seconds; python {sys.version.split()[0]}")
        read = [sys.executable, "-c", READ, str(rows)]
        cases = {
            "coprod score (python-calamine)": ([sys.executable, "-m", "coprod_cli", "score",
                                                str(book), "--format", "json"], GOAL),
            "coprod score (openpyxl, streamed)": ([sys.executable, "-c", STREAMED, str(book)],
                                                  None),
            "openpyxl alone, read-only": ([sys.executable, "-c", OPENPYXL, str(book)], None),
            "python-calamine alone": ([sys.executable, "-c", CALAMINE, str(book)], None),
        }
        for name, (command, goal) in cases.items():
            base, run, ratio = measure(command, args.pairs, baseline=read, cpu=True)
            verdict = "a reference" if goal is None else \
                f"goal <= {goal}: {'met' if ratio <= goal else 'NOT met'}"
            mib = peak_kib(command) / 1024
            print(f"{name:34} {run:6.2f} s  csv {base:5.2f} s  {ratio:6.2f}x ({verdict})  "
                  f"peak {mib:.0f} MiB")


if __name__ == "__main__":
    main()
