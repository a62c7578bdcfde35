"""The form command: a questionnaire without a terminal, or the outline of an online form."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from coprod_cli.cli.common import FrameworkPaths, Output, app, emit, guarded, library
from coprod_cli.formoutline import outline
from coprod_cli.report import outline as outline_report


class FormFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    csv = "csv"


@app.command("form")
@guarded
def form_command(
    framework_id: Annotated[str, typer.Argument(metavar="FRAMEWORK",
                                                help="A framework id, e.g. nef or scie.")],
    fmt: Annotated[FormFormat, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="text or markdown: the questions and exact choices to type into Google Forms or "
        "Microsoft Forms; csv: the header row of a responses spreadsheet.")] = FormFormat.text,
    output: Output = None,
    plain: Annotated[bool, typer.Option("--plain", help="Easy-read wording in the titles.")]
    = False,
    framework: FrameworkPaths = None,
) -> None:
    """Help collect answers without a terminal: an online form's outline, whose export
    'coprod score' reads back as it comes."""
    lib = library(framework)
    form = outline(lib.framework(framework_id), lib.catalogue, plain=plain)
    rendered = {FormFormat.text: outline_report.text, FormFormat.markdown: outline_report.markdown,
                FormFormat.csv: outline_report.header_csv}[fmt](form)
    emit(rendered, output)
