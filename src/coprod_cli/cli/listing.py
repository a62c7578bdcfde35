"""Commands that list what coprod knows: frameworks, show, recommendations, validate, schema."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads every command's, and evaluating them from text cost about 2 ms at every start.

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

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
    read_document,
    say,
)
from coprod_cli.cli.language import Lang
from coprod_cli.errors import CoprodError, Location, UsageProblem
from coprod_cli.i18n import N_, _, ngettext
from coprod_cli.models import PIECE_IDS, Catalogue, Framework
from coprod_cli.report import ListingFormat, renderer
from coprod_cli.schemas import SchemaName, text

if TYPE_CHECKING:  # the readers load with the command that reads (a kept `show` reads nothing)
    from coprod_cli.reading.loader import Library
    from coprod_cli.versions import Carried

PieceChoice = Enum("PieceChoice", {piece: piece for piece in PIECE_IDS}, type=str)  # type: ignore[misc]

FormatOption = Annotated[
    ListingFormat, typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False)
]


@app.command("frameworks",
             help=N_("List the frameworks available: built-in and added with --framework."),
             epilog=examples("coprod frameworks"))
@guarded
def frameworks_command(
    framework: FrameworkPaths = None,
    lang: Lang = None,
    fmt: FormatOption = ListingFormat.text,
    output: Output = None,
    force: Force = False,
    no_color: NoColor = False,
) -> None:
    never_over_inputs(output, [], framework, force)
    lib = library(framework, lang)
    emit(renderer(fmt).frameworks(lib.frameworks(), lib.builtin_ids), output, no_color)


@app.command("show",
             help=N_("Show a framework: its dimensions, statements and what each level looks "
                     "like."),
             epilog=examples("coprod show nef --plain",
                             "coprod show scie --format markdown"))
@guarded
def show_command(
    framework_id: Annotated[str, typer.Argument(metavar="FRAMEWORK",
                                                help=N_("A framework id, e.g. nef or scie."))],
    framework: FrameworkPaths = None,
    lang: Lang = None,
    fmt: FormatOption = ListingFormat.text,
    output: Output = None,
    force: Force = False,
    plain: Plain = False,
    no_color: NoColor = False,
) -> None:
    never_over_inputs(output, [], framework, force)

    def made() -> object:
        lib = library(framework, lang)
        return renderer(fmt).framework(lib.framework(framework_id), lib.catalogue, plain)

    if fmt is ListingFormat.text and not framework and (output is None or str(output) == "-"):
        from coprod_cli.cli import shown  # a built-in framework shown before: kept as printed

        if shown.show(framework_id, lang, plain, no_color, made):
            return
    emit(made(), output, no_color)


@app.command("recommendations",
             help=N_("List SCIE's 19 recommendations for co-production, by piece of the jigsaw "
                     "for change."),
             epilog=examples("coprod recommendations --piece culture"))
@guarded
def recommendations_command(
    piece: Annotated[
        list[PieceChoice] | None,
        typer.Option("--piece", "-p", metavar="PIECE", help=N_("Only this piece of SCIE's jigsaw "
                     "(repeatable): culture (values), structure (decisions and money), "
                     "practice (day-to-day work) or review (checking what difference it "
                     "makes).")),
    ] = None,
    fmt: FormatOption = ListingFormat.text,
    output: Output = None,
    force: Force = False,
    no_color: NoColor = False,
    lang: Lang = None,
) -> None:
    never_over_inputs(output, [], force=force)
    catalogue: Catalogue = library(None, lang).catalogue
    pieces = [p.value for p in piece] if piece else list(PIECE_IDS)
    emit(renderer(fmt).recommendations(catalogue, pieces), output, no_color)


def _check_one(lib: "Library", name: str) -> str:
    from coprod_cli.reading.inputs import is_form  # not at the top: only validate reads files

    if is_form(name):
        raise UsageProblem(_("validate checks YAML files; a form's export (.csv, .xlsx) is "
                             "checked as it is read"),
                           _("run 'coprod score {name}' (it names any bad cell)").format(
                               name=name))
    quick = None if name == "-" else _plain_answers(lib, Path(name))
    if quick is not None:
        return _answers_found(*quick)
    document = read_document(name)
    kind = document.kind()
    if kind == "catalogue":
        catalogue = document.validate(Catalogue)
        return _("catalogue, {count} recommendations").format(
            count=len(catalogue.recommendations))
    if kind == "framework":
        fw = lib.validate_framework(document)
        lib.add(fw, Path(name))
        return _("framework '{id}', {dimensions} dimensions, {statements} statements").format(
            id=fw.id, dimensions=len(fw.dimensions), statements=len(fw.statements))
    if kind == "crosswalk":
        from coprod_cli.reading.crosswalks import validate

        walk = validate(lib, document)
        return _("crosswalk from '{source}' to '{target}', {mapped} statements mapped, "
                 "{uncovered} not covered").format(
            source=walk.from_.framework, target=walk.to.framework, mapped=len(walk.mappings),
            uncovered=len(walk.not_covered))
    if kind == "agreed":
        agreed, fw = lib.agreed(document)
        return (_("agreed levels for '{id}', {count} statements, signed off") if agreed.signoff
                else _("agreed levels for '{id}', {count} statements")).format(
            id=fw.id, count=len(agreed.agreed))
    answers, fw, carried = lib.read_answers(document)
    answered = len(fw.statements) - len(answers.missing([s.id for s in fw.statements]))
    return _answers_found(fw, answered, carried)


def _plain_answers(lib: "Library", path: Path) -> "tuple[Framework, int, Carried | None] | None":
    """A plain answers file as the fast reader reads it for `score` (tests/reading/
    test_quickread.py holds it to the strict reader): its framework, how many statements it
    answers, and what the migration map did. None: the strict reader judges the file."""
    from coprod_cli.reading import quickread, yamlio
    from coprod_cli.tally import through_map
    from coprod_cli.versions import written_for

    text = yamlio.decode(yamlio.read_bytes(path), str(path))
    named = quickread.framework_named(text)
    if named is None or named not in lib.paths:
        return None
    fw = lib.framework(named)
    ids = frozenset(s.id for s in fw.statements)
    earlier = (sid for step in fw.migrations for sid in step.statements)
    ballot = quickread.read(text, quickread.Grammar(
        fw.id, ids | frozenset(earlier), frozenset(role.id for role in lib.catalogue.roles)),
        whole=True)
    if ballot is None:
        return None
    start = written_for(list(ballot.levels), None, fw.version, ids, fw.migrations)
    if start is None and not ids.issuperset(ballot.levels):
        return None
    if start is not None:
        ballot = through_map(ballot, start, fw.migrations)
    new = ballot.carried.no_answer_yet if ballot.carried else ()
    return fw, sum(ballot.levels.get(s.id) is not None and s.id not in new
                   for s in fw.statements), ballot.carried


def _answers_found(fw: Framework, answered: int, carried: "Carried | None") -> str:
    found = _("answers for '{id}', {answered} of {total} statements answered").format(
        id=fw.id, answered=answered, total=len(fw.statements))
    if carried is None:
        return found
    return found + _("; written for version {version}, read through the migration map ({new} "
                     "new statement(s) count as unsure when scored)").format(
        version=carried.from_version, new=len(carried.no_answer_yet))


@app.command("validate",
             help=N_("Check framework and answers files; every problem is shown with its line "
                     "and column."),
             epilog=examples("coprod validate team/",
                             "coprod validate my-framework.yaml"))
@guarded
def validate_command(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE", help=N_("Framework or answers files, folders of them, or - for "
        "standard input."))],
    framework: FrameworkPaths = None,
    recursive: Recursive = False,
) -> None:
    from coprod_cli.reading.paths import expand

    lib = library(framework)
    inputs = expand(files, recursive)
    names = inputs.names
    for note in inputs.notes:
        say(_("note: {message}").format(message=note))
    problems = 0
    for name in names:
        try:
            inputs.check(name)
            say(_("{name}: ok ({kind})").format(name=name, kind=_check_one(lib, name)),
                err=False)
        except CoprodError as error:
            problems += 1
            say(_("error: {message}").format(message=error.located(Location(name))))
    if problems:
        if len(names) > 1:
            say(ngettext("{problems} of {count} file has problems.",
                         "{problems} of {count} files have problems.", len(names))
                .format(problems=problems, count=len(names)))
        raise typer.Exit(2)


@app.command("schema",
             help=N_("Print a JSON Schema, so editors can complete and check coprod's files."),
             epilog=examples("coprod schema answers > answers.schema.json"))
@guarded
def schema_command(
    name: Annotated[SchemaName, typer.Argument(
        metavar="NAME", help=N_("Which file or output to describe: framework, answers, result, "
        "results (score --through), comparison, trend, plan, catalogue, agreed or "
        "crosswalk."))],
    output: Output = None,
    force: Force = False,
) -> None:
    never_over_inputs(output, [], force=force)
    emit(text(name), output)
