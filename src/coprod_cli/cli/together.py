"""Commands for what the people who answered do together: the workshop pack on the gaps (and
the agreed.yaml to record what the group agreed), and the "you said, we will" sheet."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads every command's, and evaluating them from text cost about 2 ms at every start.

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    Output,
    Recursive,
    app,
    emit,
    examples,
    guarded,
    html_destination,
    library,
    never_over_inputs,
    read_document,
)
from coprod_cli.cli.language import Lang, texts_apart
from coprod_cli.cli.options import (
    DateOrderOption,
    Files,
    MinGroup,
    RoleColumn,
    RoleMap,
    SkipInvalid,
    Strict,
)
from coprod_cli.errors import UsageProblem
from coprod_cli.files import replaces_a_file
from coprod_cli.i18n import N_, _
from coprod_cli.report import View
from coprod_cli.report.packs import PackFormat, SheetFormat

if TYPE_CHECKING:
    from coprod_cli.agreed import Agreed
    from coprod_cli.models import Framework
    from coprod_cli.reading.ledger import Ledger
    from coprod_cli.reading.loader import Library
    from coprod_cli.results import Result
    from coprod_cli.tally import Tally

PackFormatOption = Annotated[PackFormat, typer.Option(
    "--format", "-f", help=N_("html (prints well; the default), markdown or json."),
    case_sensitive=False)]
AgreedFile = Annotated[Path | None, typer.Option(
    "--agreed", metavar="FILE", help=N_("What the group agreed together (an agreed.yaml, made by "
    "'coprod workshop --record'): the agreed levels beside the answers' levels, and the "
    "sign-off by people with lived experience."), dir_okay=False)]


def with_agreed(lib: "Library", path: Path | None, res: "Result",
                framework: "Framework") -> "Result":
    """The result with what the group agreed (--agreed) beside it; as it is without one."""
    if path is None:
        return res
    from coprod_cli.scoring import agreement

    return agreement.apply(res, framework, read_agreed(lib, path, framework))


def read_agreed(lib: "Library", path: Path, framework: "Framework") -> "Agreed":
    """The agreed.yaml named by --agreed, checked against the framework being scored."""
    document = read_document(str(path))
    if document.kind() != "agreed":
        raise UsageProblem(
            _("{path} is not an agreed.yaml (it has no 'agreed:' or 'signoff:')").format(path=path),
            _("make one with 'coprod workshop FILES --record -o agreed.yaml'"),
        )
    agreed, named = lib.agreed(document)
    if named.id != framework.id:
        raise UsageProblem(
            _("{path} records agreement on '{id}', but the answers are for '{id2}'").format(
                path=path, id=named.id, id2=framework.id
            ),
            _("give the agreed.yaml of this assessment"),
        )
    return agreed


def _read(lib: "Library", files: list[str], how: Reading,
          kept: "Ledger | None") -> "Tally":
    """The answers, each person once, keeping who answered for the memory of what is shared
    (as `score` does) when the pack or sheet may be passed on."""
    return collect(lib, files, how, salt=kept.salt if kept else b"",
                   former=kept.former if kept else 0)


@app.command("workshop",
             help=N_("Discussion cards where views differ: a workshop on the gaps.\n\nEach "
                     "card is a statement where the two voices or the roles see things a level "
                     "or more\napart, or where many were unsure: the statement in plain words, "
                     "what each level looks\nlike, how far apart the views are (never showing "
                     "a group smaller than --min-group), and\nquestions to talk about. With "
                     "--record, an agreed.yaml to write down what was agreed."),
             epilog=examples("coprod workshop team/ -o cards.html",
                             "coprod workshop team/ --record -o agreed.yaml"))
@guarded
def workshop_command(
    files: Files,
    fmt: PackFormatOption = PackFormat.html,
    output: Output = None,
    cards: Annotated[int, typer.Option(
        "--cards", metavar="N", min=1, max=50, help=N_("At most N cards (default 6)."))] = 6,
    record: Annotated[bool, typer.Option(
        "--record", help=N_("Write an agreed.yaml to fill in at the workshop instead of the cards: "
        "each card's statement, to be given the level the group agrees."))] = False,
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
    never_over_inputs(output, files, framework, force)
    lib = library(framework, lang)
    kept = None if record else remembering.memory(output, fmt is PackFormat.html, False,
                                                  min_group)
    form = form_options(role_column, role_map, strict, lib,
                        date_order.value if date_order else None)
    tally = _read(lib, files, Reading(skip_invalid, None, recursive, form), kept)
    role_map_used(form)
    tell_named(lib, tally, "partnership", (min_group, False, False))
    from coprod_cli.scoring.workshop import cards as make_cards

    pack = make_cards(tally.framework, lib.catalogue, tally, min_group=min_group, most=cards,
                      service=next(iter(tally.services), None))
    if record:
        from coprod_cli.questionnaire.agreed_file import render_agreed

        if output is not None and replaces_a_file(output) and not force:
            raise UsageProblem(
                _("{output} already exists").format(output=output),
                _("choose another name, or add --force to replace it"),
            )
        emit(render_agreed(pack, tally.framework), output)
        return
    from coprod_cli.report.packs import workshop

    output = html_destination(output, fmt is PackFormat.html,
                              f"coprod-{tally.framework.id}-workshop.html")
    never_over_inputs(output, files, framework, force)
    remembering.check(kept, tally.framework.id, tally.sketch, min_group)  # counts per card
    emit(workshop(pack, fmt, View(apart=texts_apart(tally.framework, lib.catalogue))), output)
    remembering.keep(kept, tally.framework.id, tally.sketch)


@app.command("feedback",
             help=N_('"You said, we will": one plain page for everyone who answered.\n\nWhat '
                     "each voice said (never a group smaller than --min-group), what the group "
                     "agreed\n(--agreed), the three things that will change, when people will "
                     "be asked again, and\nwhether people with lived experience reviewed it."),
             epilog=examples("coprod feedback team/ --agreed agreed.yaml -o feedback.html",
                             "coprod feedback team/ --next-round 'in March 2027' -f markdown"))
@guarded
def feedback_command(
    files: Files,
    fmt: Annotated[SheetFormat, typer.Option(
        "--format", "-f", help=N_("html (large type, prints on one page; the default) or "
        "markdown."), case_sensitive=False)] = SheetFormat.html,
    output: Output = None,
    agreed: AgreedFile = None,
    plan: Annotated[Path | None, typer.Option(
        "--plan", metavar="FILE", help=N_("A plan from 'coprod plan': its first three moves, and "
        "who leads each, are what will change."), dir_okay=False)] = None,
    next_round: Annotated[str | None, typer.Option(
        "--next-round", metavar="WHEN", help=N_("When people will be asked again, e.g. "
        "'in March 2027'."))] = None,
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
    inputs = [*files, *(str(path) for path in (agreed, plan) if path is not None)]
    never_over_inputs(output, inputs, framework, force)
    lib = library(framework, lang)
    kept = remembering.memory(output, fmt is SheetFormat.html, False, min_group)
    form = form_options(role_column, role_map, strict, lib,
                        date_order.value if date_order else None)
    tally = _read(lib, files, Reading(skip_invalid, None, recursive, form), kept)
    role_map_used(form)
    tell_named(lib, tally, "partnership", (min_group, False, False))
    from coprod_cli.report.packs import feedback
    from coprod_cli.scoring import sharing
    from coprod_cli.scoring.engine import score

    res = sharing.protect(score(tally.framework, lib.catalogue, tally, min_group=min_group))
    res = with_agreed(lib, agreed, res, tally.framework)
    output = html_destination(output, fmt is SheetFormat.html,
                              f"coprod-{tally.framework.id}-feedback.html")
    never_over_inputs(output, inputs, framework, force)
    remembering.check(kept, tally.framework.id, tally.sketch, min_group)
    given = None
    if plan is not None:  # a plan's records (plans.py) are read only with --plan
        from coprod_cli.cli.plan import load

        given = load(lib, plan)
    emit(feedback(res, lib.catalogue, next_round, fmt, given,
                  View(apart=texts_apart(tally.framework, lib.catalogue))), output)
    remembering.keep(kept, tally.framework.id, tally.sketch)
