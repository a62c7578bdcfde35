"""Cold start of coprod's everyday commands, against the floor of the stack itself.

The floor is `python -c "import typer, yaml, rich.console; from pydantic import BaseModel"`.
Each case runs in a fresh interpreter, interleaved with the floor (floor, case, floor, case,
...), so a busy machine slows both sides of a pair alike; the ratio reported is the median of
the per-pair ratios, with the medians of the times beside it. The goal (PRODUCT's "Speed and
size", issue 29): every command, cold, at or below 1.0x the floor; each case below is one
command as a user runs it (each format of score and form, each schema, each --help that is
not only the list of commands).
Measure a regular install (`pip install .` compiles the bytecode), not an editable one; the
cache of built-in frameworks is warm after the first run, as it is for a user.

    python benchmarks/startup.py [--pairs 30] [--only 'score folder, text' --only json] [--cpu]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import typer, yaml, rich.console; from pydantic import BaseModel"]
COPROD = [sys.executable, "-m", "coprod_cli"]
ONE = str(ROOT / "examples/nef-descriptive.yaml")
OTHER = str(ROOT / "examples/nef-intermediate.yaml")
FOLDER = str(ROOT / "examples/collective-autumn-2026")
SPRING = str(ROOT / "examples/collective-spring-2026")
CSV = str(ROOT / "examples/online-form.csv")
XLSX = str(ROOT / "examples/microsoft-forms-export.xlsx")
TREND = [str(path) for path in sorted((ROOT / "examples/trend").iterdir())]
FORMATS = ["text", "json", "markdown", "html"]
FORM_FORMATS = ["text", "markdown", "csv", "html", "xlsform", "apps-script"]
SCHEMAS = ["framework", "answers", "result", "comparison", "trend", "plan", "catalogue",
           "agreed"]


def cases() -> dict[str, tuple[list[str], float | None]]:
    """Each case's command and its goal, as a ratio to the floor (None: a reference).
    PRODUCT's goal: every command, cold, at or below 1.0x the floor."""
    c = COPROD
    every = {
        "minimal typer+pydantic+rich": (
            [sys.executable, str(ROOT / "benchmarks/minimal_stack.py"), ONE], None),
        "--help": [*c, "--help"],
        "score --help": [*c, "score", "--help"],
        "assess --help": [*c, "assess", "--help"],
        "frameworks": [*c, "frameworks"],
        "show nef": [*c, "show", "nef"],
        "show nef --format json": [*c, "show", "nef", "--format", "json"],
        "show scie --format markdown": [*c, "show", "scie", "--format", "markdown"],
        "recommendations": [*c, "recommendations"],
        "template nef": [*c, "template", "nef"],
        **{f"score file, {fmt}": [*c, "score", ONE, "--format", fmt] for fmt in FORMATS},
        **{f"score folder, {fmt}": [*c, "score", FOLDER, "--format", fmt] for fmt in FORMATS},
        **{f"score csv export, {fmt}": [*c, "score", CSV, "--format", fmt] for fmt in FORMATS},
        "score xlsx export, text": [*c, "score", XLSX],
        "compare two files": [*c, "compare", ONE, OTHER],
        "compare two folders, html": [*c, "compare", SPRING, FOLDER, "--format", "html"],
        "validate one file": [*c, "validate", ONE],
        **{f"schema {name}": [*c, "schema", name] for name in SCHEMAS},
        **{f"form nef, {fmt}": [*c, "form", "nef", "--format", fmt] for fmt in FORM_FORMATS},
        "trend four rounds": [*c, "trend", *TREND],
        "trend four rounds, html": [*c, "trend", *TREND, "--format", "html"],
        "plan a folder": [*c, "plan", FOLDER],
        "workshop a folder": [*c, "workshop", FOLDER],
        "feedback a folder": [*c, "feedback", FOLDER],
        # A reference: validating is reading untrusted files, so it imports pydantic and parses
        # every YAML file in full; the floor's own import of pydantic is the work it needs.
        "validate frameworks examples": (
            [*c, "validate", str(ROOT / "frameworks"), str(ROOT / "examples")], None),
    }
    return {name: case if isinstance(case, tuple) else (case, 1.0)
            for name, case in every.items()}


def once(command: list[str], cpu: bool = False) -> float:
    """Seconds a fresh process of `command` took: wall-clock, or (cpu) the CPU seconds it
    used, which a machine busy with other work inflates far less."""
    start, used = time.perf_counter(), _children_cpu()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   cwd=ROOT)
    return _children_cpu() - used if cpu else time.perf_counter() - start


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], pairs: int, baseline: list[str] = FLOOR,
            cpu: bool = False) -> tuple[float, float, float]:
    """Median baseline time, median command time, median of the per-pair ratios: the two run
    interleaved (baseline, command, baseline, ...) after one warm-up run of each. Every
    benchmark here measures through this."""
    once(baseline), once(command)  # warm the disk cache and coprod's own caches
    floors, runs = [], []
    for _ in range(pairs):
        floors.append(once(baseline, cpu))
        runs.append(once(command, cpu))
    ratios = [run / floor for run, floor in zip(runs, floors, strict=True)]
    return statistics.median(floors), statistics.median(runs), statistics.median(ratios)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--only", action="append", metavar="WORDS",
                        help="run the cases whose name contains WORDS (commas and spaces "
                        "included); give it again for more")
    parser.add_argument("--cpu", action="store_true", help="CPU seconds instead of wall-clock "
                        "(steadier on a machine busy with other work)")
    args = parser.parse_args()
    scratch = tempfile.TemporaryDirectory(prefix="coprod-bench-")
    # coprod's caches and its memory of shared results of its own: nothing the machine kept
    # before changes the figures, and the reader's own memory is never written
    os.environ.setdefault("COPROD_CACHE_DIR", os.path.join(scratch.name, "cache"))
    os.environ.setdefault("COPROD_STATE_DIR", os.path.join(scratch.name, "state"))
    wanted = args.only
    print(f"{args.pairs} interleaved pairs each, {'CPU' if args.cpu else 'wall-clock'} "
          f"seconds; python {sys.version.split()[0]}")
    for name, (command, goal) in cases().items():
        if wanted and not any(word in name for word in wanted):
            continue
        floor, run, ratio = measure(command, args.pairs, cpu=args.cpu)
        verdict = "a reference" if goal is None else \
            f"goal {goal}x: {'met' if ratio <= goal else 'NOT met'}"
        print(f"{name:30} {run * 1000:6.1f} ms  floor {floor * 1000:6.1f} ms  "
              f"{ratio:.2f}x ({verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
