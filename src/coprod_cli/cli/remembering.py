"""A shared result checked against what coprod shared before (reading/ledger.py): refused when
it differs from an earlier one by fewer than --min-group people, remembered once written."""

from __future__ import annotations

from pathlib import Path

from coprod_cli.cli.common import at_terminal, say
from coprod_cli.errors import UsageProblem
from coprod_cli.reading import ledger
from coprod_cli.sketch import Sketch

NOTE = "coprod cannot check this result against the results it shared before"


def memory(output: Path | None, html: bool, private: bool,
           min_group: int) -> ledger.Ledger | None:
    """The memory, when this run writes a shareable result where it can be passed on (a file,
    a pipe, an HTML page); None for --private, --min-group 1, or a result read at a terminal."""
    if private or min_group < 2:
        return None
    if (output is None or str(output) == "-") and at_terminal() and not html:
        return None
    found = ledger.load()
    if found.problem:
        say(f"note: {found.problem}; " + (NOTE if not found.salt else "it remembers from now"))
    return found


def check(kept: ledger.Ledger | None, framework: str, sketch: Sketch, min_group: int,
          what: str = "this result") -> None:
    """Refuse a shared result that differs from one shared before by fewer than min_group."""
    if kept is None or not kept.salt or sketch.size < 2:
        return
    found = ledger.conflict(kept, framework, sketch, min_group)
    if found:
        earlier, apart = found
        refuse(apart, min_group, f"{what} and a result shared on {earlier.on}",
               f"coprod remembers what it shared in {kept.path}")


def refuse(apart: int, min_group: int, pair: str, where: str = "") -> None:
    """The one way this is said, for a pair of results that differ by a few people."""
    people = "1 person" if apart == 1 else f"{apart} people"
    raise UsageProblem(
        f"{pair} differ by {people}, fewer than --min-group {min_group}: side by side, the two "
        f"would let a reader work out {'that person' if apart == 1 else 'those people'}'s "
        "answers",
        f"share only one of the two, or wait until {min_group - apart} more have answered; "
        "--private gives your own exact view, not to share" + (f" ({where})" if where else ""))


def keep(kept: ledger.Ledger | None, framework: str, sketch: Sketch) -> None:
    """Remember a result once it is written (a set of one is that person's own: not kept)."""
    if kept is None or sketch.size < 2:
        return
    problem = ledger.remember(kept, framework, sketch)
    if problem and not kept.problem:  # said once
        say(f"note: {problem}; {NOTE}")
