"""The trend command: progress across any number of rounds, adjusted for who answered."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads the command's, and evaluating them from text costs time at every start.

import dataclasses
import os
from itertools import combinations
from typing import Annotated

import typer

from coprod_cli.cli import remembering
from coprod_cli.cli.collecting import Reading, collect, form_options, role_map_used
from coprod_cli.cli.common import (
    Force,
    FrameworkPaths,
    NoColor,
    Output,
    Recursive,
    app,
    emit,
    examples,
    guarded,
    html_destination,
    library,
    never_over_inputs,
)
from coprod_cli.cli.language import Lang, texts_apart
from coprod_cli.cli.options import (
    DateOrderOption,
    MinGroup,
    PlanFile,
    PrivateOption,
    RoleColumn,
    RoleMap,
    SkipInvalid,
    Strict,
    Weighting,
    WeightingOption,
)
from coprod_cli.errors import UsageProblem
from coprod_cli.i18n import N_, _
from coprod_cli.models import Framework
from coprod_cli.reading.ledger import Ledger, differ
from coprod_cli.reading.loader import Library
from coprod_cli.report import View
from coprod_cli.report.trendwords import TrendFormat, renderer
from coprod_cli.safetext import file_name
from coprod_cli.scoring import bands, sharetrend
from coprod_cli.scoring.trend import trend
from coprod_cli.tally import Tally

Rounds = Annotated[list[str], typer.Argument(
    metavar="ROUND...", help=N_("Two or more rounds, earliest first: each an answers file, a "
    "folder of them (one collective assessment) or an online-form export (.csv, .xlsx)."))]
Labels = Annotated[list[str] | None, typer.Option(
    "--label", metavar="NAME", help=N_("A name for each round, in order (repeat it once per "
    "round); by default a round is named by its latest date, else by its file or folder."))]


@app.command("trend",
             help=N_("Show the overall level and each area across rounds: as answered, and "
                     "re-weighted to the\nrounds' pooled mix of roles with a 95% band, so that "
                     "a change in who answered is not shown\nas progress. A change is called "
                     "real only outside both rounds' bands. Shared as any result\nis: figures "
                     "rounded down to the half level, the mix's shares not given (with the head\n"
                     "counts they would say how many of each role answered), and refused when a "
                     "round differs\nfrom another, or from a result shared before, by fewer "
                     "than --min-group people (--private:\nexact).\n\nExit codes: 0 done, 2 "
                     "invalid input."),
             epilog=examples("coprod trend 2026-03/ 2026-06/ 2026-09/ 2026-12/",
                             "coprod trend q1.csv q2.csv --label Spring --label Summer",
                             "coprod trend rounds/* --format csv -o trend.csv"))
@guarded
def trend_command(
    rounds: Rounds,
    labels: Labels = None,
    fmt: Annotated[TrendFormat, typer.Option("--format", "-f", help=N_("Output format (csv: one "
                                             "row per round and area)."),
                                             case_sensitive=False)] = TrendFormat.text,
    output: Output = None,
    plan: PlanFile = None,
    weighting: WeightingOption = Weighting("partnership"),
    min_group: MinGroup = 3,
    private: PrivateOption = False,
    skip_invalid: SkipInvalid = False,
    role_column: RoleColumn = None,
    role_map: RoleMap = None,
    date_order: DateOrderOption = None,
    strict: Strict = False,
    recursive: Recursive = False,
    framework: FrameworkPaths = None,
    lang: Lang = None,
    force: Force = False,
    no_color: NoColor = False,
) -> None:
    if len(rounds) < 2:
        raise UsageProblem(_("a trend needs two or more rounds"),
                           _("give each round's file, folder or export, earliest first"))
    if labels and len(labels) != len(rounds):
        raise UsageProblem(
            _("{len} --label for {len2} rounds").format(len=len(labels), len2=len(rounds)),
            _("give one --label per round, in the same order, or none"),
        )
    never_over_inputs(output, [*rounds, *([str(plan)] if plan else [])], framework, force)
    lib = library(framework, lang)
    how = Reading(skip_invalid, recursive=recursive, keep_people=True,
                  form=form_options(role_column, role_map, strict, lib,
                                    date_order.value if date_order else None))
    kept = remembering.memory(output, fmt is TrendFormat.html, private, min_group)
    salt = (kept.salt or os.urandom(16)) if kept else b""  # as secrets.token_bytes
    tallies = [collect(lib, [name], how, salt=salt, former=kept.former if kept else 0)
               for name in rounds]
    role_map_used(how.form)
    named = list(zip(_labels(rounds, tallies, labels), tallies, strict=True))
    fw = _framework(lib, tallies, rounds)
    promised = None
    if plan is not None:
        from coprod_cli.cli.plan import load

        promised = load(lib, plan)
    result = trend(fw, lib.catalogue, named, weighting.value, min_group,
                   targets=promised.targets if promised else None,
                   fewest=bands.fewest_for(min_group, private))
    if plan is not None:
        from coprod_cli.cli.plan import checked
        from coprod_cli.scoring.engine import score

        last = score(fw, lib.catalogue, tallies[-1], weighting=weighting.value,
                     min_group=min_group, area_targets=promised.targets if promised else None)
        result = dataclasses.replace(result, plan_check=checked(promised, last).plan_check)
    result = sharetrend.mark_private_trend(result) if private else sharetrend.protect_trend(result)
    output = html_destination(output, fmt is TrendFormat.html, "coprod-trend.html")
    _never_a_person_apart(kept, fw.id, tallies, min_group)
    view = View(apart=texts_apart(fw, lib.catalogue))
    emit(renderer(fmt).trend(result, lib.catalogue, view), output, no_color, private=private)
    remembering.keep(kept, fw.id, *(tally.sketch for tally in tallies))


def _never_a_person_apart(kept: Ledger | None, framework: str, tallies: list[Tally],
                          min_group: int) -> None:
    """Each round is a report: refused when two rounds, or a round and a result shared before,
    differ by fewer than min_group people (a late reply added to a round, say)."""
    if kept is None:
        return
    sketches = [t.sketch for t in tallies if t.sketch.size > 1]
    for one, other in combinations(sketches, 2):
        apart = differ(one, other, min_group)
        if apart:
            remembering.refuse(apart, min_group, _("two of the rounds"))
    for sketch in sketches:
        remembering.check(kept, framework, sketch, min_group, _("a round"))


def _framework(lib: Library, tallies: list[Tally], rounds: list[str]) -> Framework:
    ids = {tally.framework.id for tally in tallies}
    if len(ids) > 1:
        found = ", ".join(f"{file_name(name)}: {tally.framework.id}"
                          for name, tally in zip(rounds, tallies, strict=True))
        raise UsageProblem(
            _("the rounds are of different frameworks ({found})").format(found=found),
            _("a trend follows one framework: give rounds of the same one"),
        )
    return tallies[-1].framework


def _labels(rounds: list[str], tallies: list[Tally], given: list[str] | None) -> list[str]:
    """--label, else each round's latest date, else its name; a repeat gets its number."""
    found = given or [tally.assessed_on.isoformat() if tally.assessed_on else file_name(name)
                      for name, tally in zip(rounds, tallies, strict=True)]
    return [label if found.index(label) == index else f"{label} ({index + 1})"
            for index, label in enumerate(found)]
