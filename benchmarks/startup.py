"""Cold start of `coprod score` on one answers file, against the floor of the stack itself.

Runs the floor (`python -c "import typer, yaml, rich.console; from pydantic import BaseModel"`),
a reference program (benchmarks/minimal_stack.py: the least a typer + pydantic + rich tool can
do) and `python -m coprod_cli score FILE` in turn, each in a fresh interpreter, and reports the
medians and their ratios to the floor. The goal for coprod is a ratio of at most 1.3.

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
    reference = [sys.executable, str(ROOT / "benchmarks/minimal_stack.py"), args.file]
    commands = {"floor": FLOOR, "minimal typer+pydantic+rich": reference,
                f"coprod score --format {args.format}": coprod}
    for command in commands.values():  # warm the disk cache and coprod's framework cache
        once(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(once(command))
    floor = statistics.median(times["floor"])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:32} median {median * 1000:6.1f} ms  (min {min(runs) * 1000:6.1f})  "
              f"{median / floor:.2f}x the floor")
    ratio = statistics.median(times[f"coprod score --format {args.format}"]) / floor
    print(f"goal: coprod <= {GOAL}x the floor: {'met' if ratio <= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
