"""Collective scoring of many answers files, against only parsing them with PyYAML's C loader.

Generates 1,000 and 10,000 answers files, then runs, interleaved and each in a fresh
interpreter, `coprod score DIR --format json` and a script that only parses the same files
with yaml.load(CSafeLoader). Reports the medians, their ratio (goal: at most 1.3) and the
peak memory of scoring at 1,000 and at 10,000 files (goal: flat).

    python benchmarks/collective.py [--runs 5] [--sizes 1000 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import LIVED, SPRING, answers_text, levels

from coprod_cli.reading.loader import Library

GOAL = 1.3
ROLES = ("person-drawing-on-care", "carer", "practitioner", "manager", "commissioner")
PARSE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)
"""
# Runs a command and prints the peak resident memory of it (its children), in KiB.
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def generate(folder: Path, count: int) -> None:
    """`count` answers files of the NEF framework, roles and answers varied."""
    library, rng = Library.builtin(), random.Random(count)
    framework, day = library.framework("nef"), datetime.date(2026, 11, 18)
    folder.mkdir(parents=True)
    for number in range(count):
        role = rng.choice(ROLES)
        view = SPRING["lived" if role in LIVED else "staff"]
        text = answers_text(framework, library.catalogue, role, levels(framework, view, rng),
                            day)
        (folder / f"{number:05d}.yaml").write_text(text, encoding="utf-8")


def once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def peak_kib(command: list[str]) -> int:
    out = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True,
                         text=True, check=True)
    return int(out.stdout.strip())


def measure(folder: Path, runs: int) -> tuple[float, float, int, int]:
    """Median seconds of parsing and scoring, interleaved, and each one's peak memory."""
    parse = [sys.executable, "-c", PARSE, str(folder)]
    score = [sys.executable, "-m", "coprod_cli", "score", str(folder), "--format", "json"]
    once(parse), once(score)  # warm the disk cache and any first-run work
    parsed, scored = [], []
    for _ in range(runs):
        parsed.append(once(parse))
        scored.append(once(score))
    return (statistics.median(parsed), statistics.median(scored), peak_kib(parse),
            peak_kib(score))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", type=Path, help="Generate into (and keep) this folder.")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="coprod-bench-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, files in {base}")
    peaks = []
    for size in args.sizes:
        folder = base / f"answers-{size}"
        if not folder.exists():
            generate(folder, size)
        p, s, p_kib, s_kib = measure(folder, args.runs)
        peaks.append(s_kib)
        print(f"{size:6d} files  parse {p:6.2f} s  score {s:6.2f} s  ratio {s / p:4.2f} "
              f"(goal <= {GOAL}: {'met' if s / p <= GOAL else 'NOT met'})  "
              f"peak memory parse {p_kib / 1024:5.1f} MiB, score {s_kib / 1024:5.1f} MiB")
    if len(peaks) > 1:
        growth = peaks[-1] / peaks[0]
        print(f"peak memory of scoring, largest set / smallest: {growth:.2f} "
              f"({'flat' if growth < 1.1 else 'GROWS'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
