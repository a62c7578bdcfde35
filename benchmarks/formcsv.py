"""Scoring an online form's export of 200,000 rows, against only reading it with `csv`.

Writes a Google Forms-like export (a timestamp, a role question, a column per NEF statement)
and runs, interleaved and each in a fresh interpreter, `coprod score FILE --format json` and
a script that only reads the same file with Python's csv module (startup.measure). Reports
the medians and the median of the per-pair ratios, in wall-clock and in CPU seconds (a
machine busy with other work inflates wall-clock), with the pairs counted (goal: at most 4),
and the peak memory of scoring at a tenth of the rows and at all of them (goal: 40 MiB or
less, whatever the number of rows).

With `--million`, it then writes an export of 1,000,000 rows (about 390 MB) and scores it
against the csv read in CPU seconds (fewer pairs: each takes tens of seconds), with the peak
memory (the largest resident set, from getrusage in a child process).

    python benchmarks/formcsv.py [--pairs 3] [--rows 200000] [--style ids|labels]
                                 [--million [--million-pairs 1]]

`ids` heads the columns with statement ids and answers with level ids; `labels` writes what
`coprod form nef --format csv` tells a form to use: grid headers and the choice labels.

coprod's memory of shared results starts empty in a folder of the benchmark's own (unless
COPROD_STATE_DIR is set): a memory holding results remembered before December 2026's keys
makes scoring slower while a result could be within --min-group of one (reading/ledger.py).
Its start-up cache is its own too (unless COPROD_CACHE_DIR is set), as in benchmarks/startup.py:
what other runs on the machine cache never changes its figures.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from collective import peak_kib
from startup import measure

from coprod_cli.models import LEVEL_IDS
from coprod_cli.reading.loader import Library

GOAL = 4.0
MEMORY_GOAL = 40  # MiB
READ = """
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as stream:
    for row in csv.reader(stream):
        pass
"""
ROLES = ("Person who draws on care and support", "Carer", "Practitioner", "Manager",
         "Commissioner")


def headers_and_choices(style: str) -> tuple[list[str], list[str]]:
    """The statement columns' headings and the four level choices plus unsure, as written."""
    library = Library.builtin()
    framework = library.framework("nef")
    if style == "ids":
        return [s.id for s in framework.statements], [*LEVEL_IDS, "unsure"]
    levels = library.catalogue.levels
    headers = [f"{d.text.split('.')[0]} [{s.id}. {s.text}]" for d in framework.dimensions
               for s in d.statements]
    return headers, [f"{i} - {level.name}" for i, level in enumerate(levels)] + ["Don't know"]


def write(path: Path, rows: int, style: str) -> None:
    headers, choices = headers_and_choices(style)
    rng = random.Random(rows)
    weights = [1, 3, 4, 2, 0.3]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Timestamp", "What is your role?", *headers])
        for number in range(rows):
            stamp = f"2026/11/{1 + number % 28:02d} 10:{number % 60:02d}:00 am GMT"
            writer.writerow([stamp, rng.choice(ROLES),
                             *rng.choices(choices, weights, k=len(headers))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--style", choices=("ids", "labels"), default="ids")
    parser.add_argument("--million", action="store_true", help="also 1,000,000 rows")
    parser.add_argument("--million-pairs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("COPROD_STATE_DIR", str(Path(folder, "state")))
        os.environ.setdefault("COPROD_CACHE_DIR", str(Path(folder, "cache")))
        small, large = Path(folder, "small.csv"), Path(folder, "large.csv")
        write(small, args.rows // 10, args.style)
        write(large, args.rows, args.style)
        print(f"{args.rows:,} rows ({args.style}), {large.stat().st_size / 1e6:.0f} MB, "
              f"{args.pairs} interleaved pairs, python {sys.version.split()[0]}")
        compare(large, args.pairs)
        for path in (small, large):
            peak(path)
        if args.million:
            large.unlink()
            million = Path(folder, "million.csv")
            write(million, 1_000_000, args.style)
            print(f"1,000,000 rows ({args.style}), {million.stat().st_size / 1e6:.0f} MB, "
                  f"{args.million_pairs} interleaved pair(s)")
            compare(million, args.million_pairs, clocks=(("CPU", True),))
            peak(million)


def compare(path: Path, pairs: int,
            clocks: tuple[tuple[str, bool], ...] = (("wall-clock", False), ("CPU", True))) -> None:
    """Scoring against the csv read, in wall-clock and (or only) in CPU seconds."""
    read = [sys.executable, "-c", READ, str(path)]
    score = [sys.executable, "-m", "coprod_cli", "score", str(path), "--format", "json"]
    for clock, cpu in clocks:
        base, scored, ratio = measure(score, pairs, baseline=read, cpu=cpu)
        print(f"{clock:10}  csv module only {base:6.2f} s   coprod score {scored:6.2f} s"
              f"   ratio {ratio:.2f} (goal <= {GOAL}: {'met' if ratio <= GOAL else 'NOT met'})")


def peak(path: Path) -> None:
    mib = peak_kib([sys.executable, "-m", "coprod_cli", "score", str(path),
                    "--format", "json"]) / 1024
    print(f"peak memory scoring {path.name}: {mib:.1f} MiB (goal <= {MEMORY_GOAL}: "
          f"{'met' if mib <= MEMORY_GOAL else 'NOT met'})")


if __name__ == "__main__":
    main()
