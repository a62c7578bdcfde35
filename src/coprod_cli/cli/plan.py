"""The plan command: the quickest route as a plan file to edit, and a plan checked against a
later round (`score --plan`, `trend --plan`)."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads the command's, and evaluating them from text costs time at every start.

import dataclasses
import datetime
from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.cli.collecting import Reading, collect, form_options, role_map_used
from coprod_cli.cli.common import (
    Force,
    FrameworkPaths,
    Output,
    Recursive,
    app,
    emit,
    examples,
    guarded,
    library,
    never_over_inputs,
)
from coprod_cli.cli.language import Lang
from coprod_cli.cli.options import (
    DateOrderOption,
    Files,
    LevelChoice,
    MinGroup,
    RoleColumn,
    RoleMap,
    SkipInvalid,
    Strict,
    Weighting,
    WeightingOption,
)
from coprod_cli.errors import UsageProblem
from coprod_cli.files import replaces_a_file
from coprod_cli.i18n import N_, _
from coprod_cli.plans import Plan
from coprod_cli.reading.loader import Library
from coprod_cli.results import Result
from coprod_cli.scoring import plancheck
from coprod_cli.scoring.engine import score


@app.command("plan",
             help=N_("Write the quickest route as a plan to edit: each move (statement, from, "
                     "to), its\nrecommendations, an owner role, a co-owner with lived "
                     "experience and a due date. Check a\nlater round against it with `coprod "
                     "score LATER --plan FILE`.\n\nExit codes: 0 done, 2 invalid input."),
             epilog=examples("coprod plan spring/ -o plan.yaml",
                             "coprod score autumn/ --plan plan.yaml",
                             "coprod trend spring/ summer/ autumn/ --plan plan.yaml"))
@guarded
def plan_command(
    files: Files,
    output: Output = None,
    target: Annotated[LevelChoice | None, typer.Option(
        "--target", help=N_("The level to plan for (default: the next level up)."),
        case_sensitive=False)] = None,
    weighting: WeightingOption = Weighting("partnership"),
    min_group: MinGroup = 3,
    skip_invalid: SkipInvalid = False,
    role_column: RoleColumn = None,
    role_map: RoleMap = None,
    date_order: DateOrderOption = None,
    strict: Strict = False,
    recursive: Recursive = False,
    framework: FrameworkPaths = None,
    lang: Lang = None,
    force: Force = False,
) -> None:
    if output is not None and str(output) != "-" and replaces_a_file(output) and not force:
        raise UsageProblem(
            _("{output} already exists (it may be an edited plan)").format(output=output),
            _("choose another name, or add --force to replace it"),
        )
    never_over_inputs(output, files, framework, force=True)
    lib = library(framework, lang)
    how = Reading(skip_invalid, recursive=recursive,
                  form=form_options(role_column, role_map, strict, lib,
                                    date_order.value if date_order else None))
    tally = collect(lib, files, how)
    role_map_used(how.form)
    res = score(tally.framework, lib.catalogue, tally, weighting=weighting.value,
                target=target.value if target else None, min_group=min_group)
    from coprod_cli.report import planfile

    emit(planfile.render(plancheck.make(res, datetime.date.today()), tally.framework), output)


def load(lib: Library, path: Path | None) -> Plan | None:
    """The plan in `path`, validated (None without --plan)."""
    if path is None:
        return None
    from coprod_cli.reading import planfile

    return planfile.read(lib, path)


def checked(plan: Plan | None, res: Result) -> Result:
    """The result with the plan checked against it (unchanged without a plan)."""
    if plan is None:
        return res
    return dataclasses.replace(res, plan_check=plancheck.check(plan, res, datetime.date.today()))
