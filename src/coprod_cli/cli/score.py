"""Commands that turn answers into results: template and score."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads every command's, and evaluating them from text cost about 2 ms at every start.

from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.cli import remembering
from coprod_cli.cli.collecting import Reading, collect, form_options, role_map_used
from coprod_cli.cli.common import (
    Details,
    Force,
    FrameworkPaths,
    NoColor,
    Output,
    Recursive,
    ScorePlain,
    app,
    emit,
    examples,
    guarded,
    html_destination,
    library,
    never_over_inputs,
    say,
)
from coprod_cli.cli.language import Lang, texts_apart
from coprod_cli.cli.options import (
    DateOrderOption,
    Files,
    LevelChoice,
    MinGroup,
    PlanFile,
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
from coprod_cli.files import replaces_a_file
from coprod_cli.i18n import N_, _
from coprod_cli.report import Format, View, renderer
from coprod_cli.scoring import personnotes, sharing, whatif
from coprod_cli.scoring.engine import carried_for_you, score


@app.command("template",
             help=N_("Write a blank answers file: every statement id, its wording as a comment "
                     "above it.\n\nAnswer each with a level (0-3 or its name), unsure, or "
                     "does-not-apply with an optional\nshort reason: `id: {level: "
                     'does-not-apply, reason: "..."}`.'),
             epilog=examples("coprod template nef -o answers.yaml"))
@guarded
def template_command(
    framework_id: Annotated[str, typer.Argument(metavar="FRAMEWORK",
                                                help=N_("A framework id, e.g. nef or scie."))],
    framework: FrameworkPaths = None,
    lang: Lang = None,
    output: Output = None,
    plain: Annotated[bool, typer.Option(
        "--plain", help=N_("Plain-language wording in the comments."))]
    = False,
    force: Force = False,
) -> None:
    if output is not None and replaces_a_file(output) and not force:
        raise UsageProblem(_("{output} already exists").format(output=output),
                           _("choose another name, or add --force to replace it"))
    never_over_inputs(output, [], framework, force=True)
    from coprod_cli.questionnaire.answers_file import render_answers
    from coprod_cli.reading.outputs import answers_name

    answers_name(output)

    lib = library(framework, lang)
    emit(render_answers(lib.framework(framework_id), lib.catalogue, plain=plain), output,
         private=True)  # it is filled in where it is, with someone's answers


OnlyFramework = Annotated[str | None, typer.Option(
    "--only-framework", metavar="ID", help=N_("Score the answers of this framework (e.g. nef) and "
    "leave out, counted and named, those of any other. Without it, a set whose answers are "
    "for more than one framework stops with a count per framework."))]
Through = Annotated[list[str] | None, typer.Option(
    "--through", metavar="IDS", help=N_("Score the answers against each of these frameworks "
    "(comma-separated, e.g. wales,scie): their own framework directly, any other through "
    "coprod's crosswalk from it, each result saying which came through a crosswalk and what "
    "that framework asks that the answers did not cover. With --fail-under every result must "
    "meet the gate."))]
CrosswalkPaths = Annotated[list[Path] | None, typer.Option(
    "--crosswalk", metavar="PATH", help=N_("Add a crosswalk from a YAML file (coprod schema "
    "crosswalk) for --through; it stands in for coprod's own for the same two frameworks "
    "(repeatable)."), dir_okay=False)]


@app.command("score",
             help=N_("Score answers: the level per dimension and overall, and SCIE's "
                     "recommendations.\n\nAnswers of unsure and does-not-apply are left out of "
                     "the arithmetic; an area where nothing\napplies is left out of the "
                     "overall level, and every format says so.\n\nExit codes: 0 done (and the "
                     "gate met), 1 below --fail-under, 2 invalid input."),
             epilog=examples("coprod score answers.yaml",
                             "coprod score team/ --details",
                             "coprod score team/ --format html -o report.html",
                             "coprod score team/ --what-if networks-2=intermediate",
                             "coprod score team/ --through nef,scie -f markdown",
                             "coprod score answers.yaml --fail-under descriptive -f markdown"))
@guarded
def score_command(
    files: Files,
    fmt: Annotated[Format, typer.Option("--format", "-f", help=N_("Output format."),
                                        case_sensitive=False)] = Format.text,
    output: Output = None,
    fail_under: Annotated[LevelChoice | None, typer.Option(
        "--fail-under", help=N_("Exit with code 1 when the overall level is below this level "
        "(a gate for CI)."), case_sensitive=False)] = None,
    target: Annotated[LevelChoice | None, typer.Option(
        "--target", help=N_("The level to plan for (default: the next level up)."),
        case_sensitive=False)] = None,
    weighting: WeightingOption = Weighting("partnership"),
    what_if: Annotated[list[str] | None, typer.Option(
        "--what-if", metavar="ID=LEVEL", help=N_("Score as if this statement were at this level, "
        "and say what changes (repeatable)."))] = None,
    min_group: MinGroup = 3,
    staff_only: Annotated[bool, typer.Option(
        "--staff-only", help=N_("A deliberate staff self-check: give staff's level though nobody "
        "with lived experience answered, said in every output's title. Without it such a set "
        "has no co-production level and meets no gate; left aside, with a warning, when people "
        "with lived experience answered."))] = False,
    show_names: ShowNames = False,
    private: PrivateOption = False,
    skip_invalid: SkipInvalid = False,
    role_column: RoleColumn = None,
    role_map: RoleMap = None,
    strict: Strict = False,
    date_order: DateOrderOption = None,
    only: OnlyFramework = None,
    recursive: Recursive = False,
    service: Annotated[str | None, typer.Option(
        "--service", metavar="NAME", help=N_("The service or team assessed, for every title "
        "(answers files may name it with 'service:'; form exports cannot)."))] = None,
    details: Details = False,
    plain: ScorePlain = False,
    plan: PlanFile = None,
    agreed: Annotated[Path | None, typer.Option(
        "--agreed", metavar="FILE", help=N_("What the group agreed together (an agreed.yaml, made "
        "by 'coprod workshop --record'): the agreed levels beside the answers' levels, and "
        "the sign-off by people with lived experience."), dir_okay=False)] = None,
    through: Through = None,
    crosswalk: CrosswalkPaths = None,
    framework: FrameworkPaths = None,
    lang: Lang = None,
    force: Force = False,
    no_color: NoColor = False,
) -> None:
    inputs = [*files, *(str(path) for path in (plan, agreed) if path is not None),
              *(str(path) for path in crosswalk or [])]
    never_over_inputs(output, inputs, framework, force)
    asked = None
    if through is not None:
        from coprod_cli.cli import through as several

        asked = several.frameworks_asked(through)
        several.refuse_with([name for name, used in zip(
            several.NOT_WITH, (what_if, plan, agreed), strict=True) if used])
    lib = library(framework, lang)
    form = form_options(role_column, role_map, strict, lib,
                        date_order.value if date_order else None)
    kept = remembering.memory(output, fmt is Format.html, private, min_group)
    tally = collect(lib, files, Reading(skip_invalid, only, recursive, form,
                                        keep_people=asked is not None),
                    salt=kept.salt if kept else b"", former=kept.former if kept else 0)
    role_map_used(form)
    if asked is not None:
        from coprod_cli.report import several as rendering

        how = several.Scoring(weighting.value, target.value if target else None,
                              fail_under.value if fail_under else None, min_group, show_names,
                              service.strip() if service and service.strip() else None,
                              staff_only, private)
        found = several.results(lib, tally, asked, how, crosswalk or [])
        output = html_destination(output, fmt is Format.html,
                                  f"coprod-{tally.framework.id}-through-report.html")
        never_over_inputs(output, inputs, framework, force)
        several.check(kept, tally, min_group)
        emit(rendering.render(fmt, found, lib.catalogue, View(details=details, plain=plain)),
             output, no_color, private=show_names or private)
        several.keep(kept, tally)
        raise typer.Exit(0 if found.gate_met is not False else 1)
    promised = None
    if plan is not None:  # imported only then, so a plain score never loads the plan modules
        from coprod_cli.cli.plan import checked, load

        promised = load(lib, plan)
    res = score(tally.framework, lib.catalogue, tally, weighting=weighting.value,
                target=target.value if target else None,
                fail_under=fail_under.value if fail_under else None,
                what_if=whatif.parse(tally.framework, what_if or []),
                min_group=min_group, show_names=show_names,
                service=service.strip() if service and service.strip() else None,
                staff_only=staff_only, area_targets=promised.targets if promised else None,
                private=private)
    if promised is not None:
        res = checked(promised, res)
    if agreed is not None:  # imported only then, as the plan modules are
        from coprod_cli.cli.together import with_agreed

        res = with_agreed(lib, agreed, res, tally.framework)
    res = sharing.mark_private(res) if private else sharing.protect(res)
    if res.band is not None and not show_names:  # what the shared result leaves out
        for note in personnotes.for_you(tally.framework, lib.catalogue, tally,
                                        weighting.value, min_group, show_names):
            say(note)
    if res.band is not None:
        for note in carried_for_you(tally, min_group):
            say(note)
    code = 1 if res.gate and not res.gate.met else 0
    view = View(details=details, plain=plain, apart=texts_apart(tally.framework, lib.catalogue))
    output = html_destination(output, fmt is Format.html,
                              f"coprod-{res.framework.id}-report.html")
    never_over_inputs(output, inputs, framework, force)
    remembering.check(kept, res.framework.id, tally.sketch, min_group)
    emit(renderer(fmt).result(res, lib.catalogue, view), output, no_color,
         private=show_names or private)
    remembering.keep(kept, res.framework.id, tally.sketch)
    raise typer.Exit(code)
