"""`coprod score FILES --through wales,scie`: one set of answers scored against several
frameworks, its own directly and the others through crosswalks (scoring/through.py), every
result protected and remembered as `score` does one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from coprod_cli import __version__
from coprod_cli.classes import frozen
from coprod_cli.cli import remembering
from coprod_cli.cli.collecting import tell_named
from coprod_cli.errors import UsageProblem
from coprod_cli.i18n import _
from coprod_cli.models import Framework, Weighting
from coprod_cli.reading.loader import Library
from coprod_cli.results import Result, Results
from coprod_cli.scoring import sharing
from coprod_cli.scoring.engine import score
from coprod_cli.tally import Tally

NOT_WITH = ("--what-if", "--plan", "--agreed")  # each names one framework's statements


def frameworks_asked(values: Sequence[str]) -> list[str]:
    """--through's ids, comma-separated and repeatable, each once, in the order given."""
    ids = [part.strip() for value in values for part in value.split(",") if part.strip()]
    if not ids:
        raise UsageProblem(_("--through needs at least one framework id"),
                           _("e.g. --through scie, or --through nef,scie"))
    return list(dict.fromkeys(ids))


def refuse_with(used: Sequence[str]) -> None:
    """--through leaves out the options that name one framework's statements."""
    if used:
        raise UsageProblem(
            _(
                "{used} cannot be used with --through: it names the statements of one framework"
            ).format(used=used[0]),
            _("score without --through to use {used}").format(used=used[0]),
        )


@frozen
class Scoring:
    """What `score` passes to the engine for each framework."""

    weighting: str
    target: str | None
    fail_under: str | None
    min_group: int
    show_names: bool
    service: str | None
    staff_only: bool
    private: bool


def results(lib: Library, tally: Tally, asked: list[str], how: Scoring,
            crosswalk_paths: Sequence[Path]) -> Results:
    """Every framework asked for, scored from the one tally and made shareable (or private)."""
    from coprod_cli.reading import crosswalks
    from coprod_cli.scoring import through

    found = crosswalks.load(lib, crosswalk_paths)
    source = tally.framework
    targets = [(source, None) if fid == source.id
               else (lib.framework(fid), crosswalks.find(found, source.id, fid))
               for fid in asked]

    def scorer(framework: Framework, counted: Tally, hidden: Sequence[str]) -> Result:
        kwargs: dict[str, Any] = {"weighting": how.weighting, "target": how.target,
                                  "fail_under": how.fail_under, "min_group": how.min_group}
        return score(framework, lib.catalogue, counted, show_names=how.show_names,
                     service=how.service, staff_only=how.staff_only, hidden=hidden,
                     private=how.private, **kwargs)

    scored = through.score_all(tally, targets, scorer)
    tell_named(lib, tally, cast("Weighting", how.weighting),
               (how.min_group, how.show_names, how.private))
    shown = [sharing.mark_private(res) if how.private else sharing.protect(res)
             for res in scored]
    gate = None if how.fail_under is None else all(res.gate is None or res.gate.met
                                                   for res in shown)
    return Results(tool_version=__version__, gate_met=gate, results=shown)


def check(kept: Any, tally: Tally, min_group: int) -> None:
    """Every result of the set is of the answers' people: remembered under the answers'
    framework, so a later set a few people apart is refused whichever framework it is
    scored through."""
    remembering.check(kept, tally.framework.id, tally.sketch, min_group, _("these results"))


def keep(kept: Any, tally: Tally) -> None:
    remembering.keep(kept, tally.framework.id, tally.sketch)
