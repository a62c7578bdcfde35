"""A shared result checked against what coprod shared before (reading/ledger.py): refused when
it differs from an earlier one by fewer than --min-group people, remembered once written."""

from __future__ import annotations

from pathlib import Path

from coprod_cli import collector
from coprod_cli.cli.common import at_terminal, say
from coprod_cli.errors import UsageProblem
from coprod_cli.i18n import N_, _, ngettext
from coprod_cli.reading import ledger
from coprod_cli.sketch import Sketch

NOTE = N_("coprod cannot check this result against the results it shared before")


def memory(output: Path | None, html: bool, private: bool,
           min_group: int) -> ledger.Ledger | None:
    """The memory, when this run writes a shareable result where it can be passed on (a file,
    a pipe, an HTML page); None for --private, --min-group 1, or a result read at a terminal."""
    if private or min_group < 2:
        return None
    if (output is None or str(output) == "-") and at_terminal() and not html:
        return None
    with collector.lasting():  # its sketches (up to 200) live until coprod exits
        found = ledger.load()
    found.former = ledger.reach(found, min_group)
    if found.problem:
        then = _(NOTE) if not found.salt else _("it remembers from now")
        say(_("note: {message}").format(message=f"{found.problem}; {then}"))
    return found


def check(kept: ledger.Ledger | None, framework: str, sketch: Sketch, min_group: int,
          what: str = "") -> None:
    """Refuse a shared result that differs from one shared before by fewer than min_group."""
    if kept is None or not kept.salt or sketch.size < 2:
        return
    found = ledger.conflict(kept, framework, sketch, min_group)
    if found:
        earlier, apart = found
        refuse(apart, min_group, _("{what} and a result shared on {day}").format(
            what=what or _("this result"), day=earlier.on),
            _("coprod remembers what it shared in {path}").format(path=kept.path))


def refuse(apart: int, min_group: int, pair: str, where: str = "") -> None:
    """The one way this is said, for a pair of results that differ by a few people."""
    raise UsageProblem(
        ngettext("{pair} differ by {count} person, fewer than --min-group {min_group}: side "
                 "by side, the two would let a reader work out that person's answers",
                 "{pair} differ by {count} people, fewer than --min-group {min_group}: side "
                 "by side, the two would let a reader work out those people's answers", apart)
        .format(pair=pair, count=apart, min_group=min_group),
        _("share only one of the two, or wait until {more} more have answered; --private "
          "gives your own exact view, not to share").format(more=min_group - apart)
        + (f" ({where})" if where else ""))


def keep(kept: ledger.Ledger | None, framework: str, *sketches: Sketch) -> None:
    """Remember what a result shares once it is written, in one write (a set of one is that
    person's own: not kept)."""
    shared = [sketch for sketch in sketches if sketch.size >= 2]
    if kept is None or not shared:
        return
    problem = ledger.remember(kept, framework, *shared)
    if problem and not kept.problem:  # said once
        say(_("note: {message}").format(message=f"{problem}; {_(NOTE)}"))
