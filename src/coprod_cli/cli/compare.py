"""The compare command: progress between two assessments, each one file or a collective set."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads every command's, and evaluating them from text cost about 2 ms at every start.

import os
from fractions import Fraction
from typing import Annotated

import typer

from coprod_cli.cli import remembering
from coprod_cli.cli.collecting import (
    Reading,
    collect,
    form_options,
    role_map_used,
    tell_named,
)
from coprod_cli.cli.common import (
    Force,
    FrameworkPaths,
    NoColor,
    Output,
    Plain,
    Recursive,
    app,
    emit,
    examples,
    guarded,
    library,
    never_over_inputs,
)
from coprod_cli.cli.language import Lang, texts_apart
from coprod_cli.cli.options import (
    DateOrderOption,
    MinGroup,
    PrivateOption,
    RoleColumn,
    RoleMap,
    ShowNames,
    SkipInvalid,
    Strict,
    Weighting,
    WeightingOption,
)
from coprod_cli.errors import UsageProblem
from coprod_cli.i18n import N_, _
from coprod_cli.reading.ledger import differ
from coprod_cli.reading.loader import Library
from coprod_cli.report import Format, View, renderer
from coprod_cli.results import Result
from coprod_cli.scoring import sharing
from coprod_cli.scoring.comparison import compare
from coprod_cli.scoring.engine import score
from coprod_cli.sketch import Sketch

Before = Annotated[str, typer.Argument(metavar="BEFORE", help=N_(
    "The earlier assessment: an answers file, a folder of them (one collective assessment), an "
    "online-form export (.csv, .xlsx), or - for standard input."))]
After = Annotated[str, typer.Argument(metavar="AFTER", help=N_(
    "The later assessment: an answers file, a folder of them (one collective assessment), an "
    "online-form export (.csv, .xlsx), or - for standard input."))]


@app.command("compare",
             help=N_("Compare two assessments of one framework: what went up, what went down.\n"
                     "\nExit codes: 0 done, 1 a regression with --fail-on-regression, 2 "
                     "invalid input."),
             epilog=examples("coprod compare spring/ autumn/",
                             "coprod compare before.yaml after.yaml --fail-on-regression"))
@guarded
def compare_command(
    before: Before,
    after: After,
    fail_on_regression: Annotated[bool, typer.Option(
        "--fail-on-regression", help=N_("Exit with code 1 when the overall level or any "
        "dimension's level dropped, or the overall score fell by --tolerance or more (a gate "
        "for CI)."))] = False,
    tolerance: Annotated[float, typer.Option(
        "--tolerance", metavar="LEVELS", help=N_("How far the overall score may fall before it "
        "is a regression, in levels (default 0.25: a quarter of a level)."))] = 0.25,
    fmt: Annotated[Format, typer.Option("--format", "-f", help=N_("Output format."),
                                        case_sensitive=False)] = Format.text,
    output: Output = None,
    weighting: WeightingOption = Weighting("partnership"),
    min_group: MinGroup = 3,
    show_names: ShowNames = False,
    private: PrivateOption = False,
    skip_invalid: SkipInvalid = False,
    role_column: RoleColumn = None,
    role_map: RoleMap = None,
    strict: Strict = False,
    date_order: DateOrderOption = None,
    recursive: Recursive = False,
    plain: Plain = False,
    framework: FrameworkPaths = None,
    lang: Lang = None,
    force: Force = False,
    no_color: NoColor = False,
) -> None:
    never_over_inputs(output, [before, after], framework, force)
    lib = library(framework, lang)
    form = form_options(role_column, role_map, strict, lib,
                        date_order.value if date_order else None)
    how = Reading(skip_invalid, recursive=recursive, form=form)
    kept = remembering.memory(output, fmt is Format.html, private, min_group)
    salt = (kept.salt or os.urandom(16)) if kept else b""  # what secrets gives
    salted = (salt, kept.former if kept else 0)
    (old, was), (new, now) = (_result(lib, side, weighting, how, (min_group, show_names, private),
                                      salted, label)
                              for side, label in ((before, _("the before side")),
                                                  (after, _("the after side"))))
    role_map_used(form)
    if not 0 <= tolerance <= 3:
        raise UsageProblem(
            _("--tolerance: {tolerance:g} is not between 0 and 3").format(tolerance=tolerance),
            _("give a fall in levels, like --tolerance 0.25"),
        )
    cmp = compare(old, new, Fraction(repr(tolerance)))
    cmp = sharing.mark_private_comparison(cmp) if private else sharing.protect_comparison(cmp)
    code = 1 if fail_on_regression and cmp.regression else 0
    if kept is not None and was.size > 1 and now.size > 1:  # a shared comparison is two reports
        apart = differ(now, was, min_group)
        if apart:
            remembering.refuse(apart, min_group, _("the two sides"))
        for side, sketch in ((_("the before side"), was), (_("the after side"), now)):
            remembering.check(kept, cmp.framework.id, sketch, min_group, side)
    view = View(plain=plain, apart=texts_apart(lib.framework(cmp.framework.id), lib.catalogue))
    emit(renderer(fmt).comparison(cmp, lib.catalogue, view), output, no_color,
         private=show_names or private)
    remembering.keep(kept, cmp.framework.id, was, now)
    raise typer.Exit(code)


def _result(lib: Library, side: str, weighting: Weighting, how: Reading,
            groups: tuple[int, bool, bool], salted: tuple[bytes, int],
            label: str) -> tuple[Result, Sketch]:
    min_group, show_names, private = groups
    tally = collect(lib, [side], how, salt=salted[0], former=salted[1])
    tell_named(lib, tally, weighting.value, groups, label)
    return score(tally.framework, lib.catalogue, tally, weighting=weighting.value,
                 min_group=min_group, show_names=show_names, private=private), tally.sketch
