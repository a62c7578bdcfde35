"""How long a form export with a hostile header takes to refuse, beside an ordinary export.

A header is matched column by column against every framework. A 1 MB header of commas (a
million blank headings) once took 12 s or more; each distinct heading is now matched once,
so it costs about as much as reading it. This writes, in a temporary folder:

- `ordinary.csv`: the NEF statement ids as the header and one row of answers;
- `commas.csv`: a 1 MB header of commas;
- `distinct.csv`: a 1 MB header of distinct made-up headings (the worst case left: each is
  matched once, in time linear in the header);
- `long.csv`: a header longer than the limit (refused before it is parsed);

then runs `coprod score FILE` on each, interleaved and in fresh interpreters, and prints
the median CPU seconds, each one's exit code and the extra time over the ordinary file
(goal: under 2 s each, on a quiet machine).

    python benchmarks/hostile_header.py [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from coprod_cli.reading.formcsv import MAX_HEADER
from coprod_cli.reading.loader import Library

GOAL = 2.0  # seconds over the ordinary export


def write(folder: Path) -> dict[str, Path]:
    ids = [s.id for s in Library.builtin().framework("nef").statements]
    files = {
        "ordinary": ",".join(ids) + "\n" + ",".join("2" for _ in ids) + "\n",
        "commas": "," * 1_000_000 + "\n",
        "distinct": ",".join(f"h{n}" for n in range(1_000_000 // 8)) + "\n",
        "long": "," * (MAX_HEADER + 10) + "\n",
    }
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.csv"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def once(path: Path) -> tuple[float, int]:
    """CPU seconds (user and system) the run took: steadier than wall time on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "coprod_cli", "score", str(path)],
                          capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        paths = write(Path(folder))
        times: dict[str, list[float]] = {name: [] for name in paths}
        codes: dict[str, int] = {}
        for _ in range(runs):
            for name, path in paths.items():
                seconds, codes[name] = once(path)
                times[name].append(seconds)
    base = statistics.median(times["ordinary"])
    print(f"{'file':<10} {'CPU s':>9} {'over ordinary':>14} {'exit':>5}")
    worst = 0.0
    for name, values in times.items():
        median = statistics.median(values)
        worst = max(worst, median - base)
        print(f"{name:<10} {median:>9.2f} {median - base:>+14.2f} {codes[name]:>5}")
    print(f"goal: each within {GOAL:.1f} s of the ordinary export: "
          f"{'met' if worst <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
