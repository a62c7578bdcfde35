"""Commands that turn answers into results: template and score."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from coprod_cli.cli.common import (
    FrameworkPaths,
    NoColor,
    Output,
    app,
    emit,
    guarded,
    library,
    read_document,
)
from coprod_cli.errors import UsageProblem
from coprod_cli.models import LEVEL_IDS
from coprod_cli.report import Format, renderer
from coprod_cli.scoring import Tally, score
from coprod_cli.storage import render_answers

LevelChoice = Enum("LevelChoice", {level: level for level in LEVEL_IDS}, type=str)  # type: ignore[misc]


class Weighting(str, Enum):
    role = "role"
    person = "person"


@app.command("template")
@guarded
def template_command(
    framework_id: Annotated[str, typer.Argument(metavar="FRAMEWORK",
                                                help="A framework id, e.g. nef or scie.")],
    framework: FrameworkPaths = None,
    output: Output = None,
    plain: Annotated[bool, typer.Option("--plain", help="Easy-read wording in the comments.")]
    = False,
) -> None:
    """Write a blank answers file: every statement id, its wording as a comment above it."""
    if output is not None and output.exists():
        raise UsageProblem(f"{output} already exists",
                           "choose another name; coprod never overwrites answers")
    lib = library(framework)
    emit(render_answers(lib.framework(framework_id), lib.catalogue, plain=plain), output)


@app.command("score")
@guarded
def score_command(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE...", help="Answers files (or - for standard input). Several files "
        "are one collective assessment.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.",
                                        case_sensitive=False)] = Format.text,
    output: Output = None,
    fail_under: Annotated[LevelChoice | None, typer.Option(
        "--fail-under", help="Exit with code 1 when the overall level is below this level "
        "(a gate for CI).", case_sensitive=False)] = None,
    target: Annotated[LevelChoice | None, typer.Option(
        "--target", help="The level to plan for (default: the next level up).",
        case_sensitive=False)] = None,
    weighting: Annotated[Weighting, typer.Option(
        "--weighting", help="role: each role has an equal voice; person: count heads.")]
    = Weighting.role,
    framework: FrameworkPaths = None,
    no_color: NoColor = False,
) -> None:
    """Score answers: the level per dimension and overall, and SCIE's recommendations.

    Exit codes: 0 done (and the gate met), 1 below --fail-under, 2 invalid input.
    """
    lib = library(framework)
    tally: Tally | None = None
    for name in files:
        answers, fw = lib.answers(read_document(name))
        if tally is None:
            tally = Tally(fw)
        elif fw.id != tally.framework.id:
            raise UsageProblem(f"{name} answers '{fw.id}' but the files before it answer "
                               f"'{tally.framework.id}'", "score one framework at a time")
        tally.add(answers, name)
    assert tally is not None  # typer requires at least one FILE
    res = score(tally.framework, lib.catalogue, tally, weighting=weighting.value,
                target=target.value if target else None,
                fail_under=fail_under.value if fail_under else None)
    code = 1 if res.gate and not res.gate.met else 0
    emit(renderer(fmt).result(res, lib.catalogue), output, no_color)
    raise typer.Exit(code)
