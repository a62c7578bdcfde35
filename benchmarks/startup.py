"""Cold start of `coprod score` on one answers file, against the floor of the stack itself.

Runs the floor (`python -c "import typer, yaml, rich.console; from pydantic import BaseModel"`)
and `python -m coprod_cli score FILE` alternately, each in a fresh interpreter, and reports the
medians and their ratio. The goal is a ratio of at most 1.3.

    python benchmarks/startup.py [--runs 21] [--format text] [FILE]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import typer, yaml, rich.console; from pydantic import BaseModel"]
GOAL = 1.3


def once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "examples/nef-intermediate.yaml"))
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--format", default="text")
    args = parser.parse_args()
    coprod = [sys.executable, "-m", "coprod_cli", "score", args.file, "--format", args.format]
    for command in (FLOOR, coprod):  # warm the disk cache and any first-run work
        once(command)
    floor, score = [], []
    for _ in range(args.runs):
        floor.append(once(FLOOR))
        score.append(once(coprod))
    f, s = statistics.median(floor), statistics.median(score)
    print(f"floor  median {f * 1000:7.1f} ms  (min {min(floor) * 1000:.1f})")
    print(f"score  median {s * 1000:7.1f} ms  (min {min(score) * 1000:.1f})  "
          f"--format {args.format}")
    print(f"ratio  {s / f:.2f}  (goal <= {GOAL})  {'met' if s / f <= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
