"""The form command: a questionnaire without a terminal, or the outline of an online form."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.cli.common import (
    Force,
    FrameworkPaths,
    Output,
    app,
    at_terminal,
    emit,
    examples,
    guarded,
    library,
    never_over_inputs,
    say,
)


class FormFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    html = "html"
    xlsform = "xlsform"
    apps_script = "apps-script"


@app.command("form",
             epilog=examples("coprod form nef --format html -o questionnaire.html"))
@guarded
def form_command(
    framework_id: Annotated[str, typer.Argument(metavar="FRAMEWORK",
                                                help="A framework id, e.g. nef or scie.")],
    fmt: Annotated[FormFormat, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="html: a web questionnaire (one page that works offline; it saves an answers "
        "file); xlsform: an XLSForm workbook to upload to KoboToolbox, ODK or SurveyCTO, "
        "with plain words as a second language of the form; apps-script: a Google Apps "
        "Script that creates the Google Form; text or markdown: the questions and exact "
        "choices to type into Google Forms or Microsoft Forms; csv: the header row of a "
        "responses spreadsheet. Every one's export is read back by 'coprod score' as it "
        "comes.")]
    = FormFormat.text,
    output: Output = None,
    plain: Annotated[bool, typer.Option(
        "--plain", help="Plain words (everyday words, short sentences): in the outline's and "
        "the Google Form's titles and choices; the web questionnaire and the XLSForm (whose "
        "second language they are) open with them switched on.")]
    = False,
    framework: FrameworkPaths = None,
    force: Force = False,
) -> None:
    """Collect answers without a terminal: a web questionnaire (--format html -o FILE), or
    an online form's outline whose export 'coprod score' reads back as it comes."""
    never_over_inputs(output, [], framework, force)
    lib = library(framework)
    chosen = lib.framework(framework_id)
    if fmt is FormFormat.html:
        from coprod_cli.report import webform

        emit(webform.page(chosen, lib.catalogue, plain=plain), output)
        return
    from coprod_cli.questionnaire.formoutline import outline  # only this command needs them
    from coprod_cli.report import outline as outline_report

    form = outline(chosen, lib.catalogue, plain=plain)
    if fmt is FormFormat.xlsform:
        from coprod_cli.report import xlsform

        if output is None and at_terminal():
            output = Path(f"coprod-{chosen.id}-form.xlsx")
            say(f"An XLSForm is a workbook, so it is not shown here; writing {output} "
                "(choose with -o FILE)")
            never_over_inputs(output, [], framework, force)
        emit(xlsform.workbook(outline(chosen, lib.catalogue), outline(
            chosen, lib.catalogue, plain=True), lib.catalogue, plain), output)
        return
    if fmt is FormFormat.apps_script:
        from coprod_cli.report import appsscript

        emit(appsscript.script(form), output)
        return
    rendered = {FormFormat.text: outline_report.text, FormFormat.markdown: outline_report.markdown,
                FormFormat.csv: outline_report.header_csv}[fmt](form)
    emit(rendered, output)
