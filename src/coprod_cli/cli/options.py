"""Options several commands share (score, compare, trend, plan, workshop, feedback), so that
a command imports them without importing another command's module."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads every command's, and evaluating them from text costs time at every start.

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.i18n import N_
from coprod_cli.models import LEVEL_IDS, WEIGHTINGS

LevelChoice = Enum("LevelChoice", {level: level for level in LEVEL_IDS}, type=str)  # type: ignore[misc]


# --weighting's choices, built from the one list of weightings.
Weighting = Enum("Weighting", {w: w for w in WEIGHTINGS}, type=str)  # type: ignore[misc]


Files = Annotated[list[str], typer.Argument(
    metavar="FILE", help=N_("Answers files, folders of them, online-form exports (.csv, "
    ".xlsx), or - for standard input. Several respondents are one collective assessment."))]
SkipInvalid = Annotated[bool, typer.Option(
    "--skip-invalid", help=N_("Leave out invalid files or rows (each is reported) instead of "
    "stopping at the first."))]
WeightingOption = Annotated[Weighting, typer.Option(
    "--weighting", help=N_("partnership (the default): people with lived experience and everyone "
    "else each carry half, each person counting once within their half; role: every role "
    "counts equally; person: count heads."))]
RoleColumn = Annotated[str | None, typer.Option(
    "--role-column", metavar="HEADING", help=N_("In a form export, the column that holds the "
    "role question (found by itself when its heading says 'role' or 'describes you')."))]
RoleMap = Annotated[list[str] | None, typer.Option(
    "--role-map", metavar="ANSWER=ROLE", help=N_("In a form export, read this answer to the role "
    "question as this role, e.g. \"Service user=person-drawing-on-care\" (repeatable)."))]
class DateOrder(str, Enum):
    dmy = "dmy"
    mdy = "mdy"


DateOrderOption = Annotated[DateOrder | None, typer.Option(
    "--date-order", case_sensitive=False, help=N_("In a form export, how its dates are written: "
    "dmy (day first, 05/11/2026 is 5 November, as in the UK) or mdy (month first, as in the "
    "US). Needed only when every date could be either; SurveyMonkey's exports are read month "
    "first by themselves."))]
Strict = Annotated[bool, typer.Option(
    "--strict", help=N_("A statement with no answer (a part-answered answers file, a blank cell "
    "in a form export) is an error instead of being counted as unsure with a warning; so is a "
    "form export's column that is not a statement, the role or a date."))]


def at_least_one(value: int) -> int:
    """--min-group's lower bound, in coprod's words (typer's range check words it differently
    from one release to the next)."""
    if value < 1:
        raise typer.BadParameter("must be 1 or more")
    return value


MinGroup = Annotated[int, typer.Option(
    "--min-group", metavar="N", callback=at_least_one, help=N_("Show a role or voice on its own "
    "only when at least N people answered as it, and hold back any group that could be worked "
    "out from the rest (N is 1 or more; 1 shows everything). The overall result always counts "
    "everyone."))]
PlanFile = Annotated[Path | None, typer.Option(
    "--plan", metavar="FILE", help=N_("A plan from 'coprod plan': say which promised moves "
    "happened, which are overdue, which went backwards, and which moves nobody planned."),
    dir_okay=False)]
PrivateOption = Annotated[bool, typer.Option(
    "--private", help=N_("Exact figures for you, who hold all the answers anyway: every statement, "
    "voice and area to two decimals. Every line or page of the output says it is not to be "
    "shared, and a JSON result has \"private\": true. Without it a result is shareable: a "
    "result of several people shows its figures rounded down to the half level, its counts of "
    "answers in ranges of --min-group ('12 to 14 unsure answers'), and no statement's own "
    "figure or count, nor how many answered in each language, why files were left out or how "
    "many files name each service, so that reports cannot be set against each other."))]
ShowNames = Annotated[bool, typer.Option(
    "--show-names", help=N_("Name respondents by file or form row in the report, not only by role "
    "and number (the report is then written 0600); its figures and counts stay those of a "
    "shared report: why files were left out is told only on standard error."))]
