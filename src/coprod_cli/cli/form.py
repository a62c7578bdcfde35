"""The form command: a questionnaire without a terminal, or the outline of an online form."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads the command's, and evaluating them from text costs time at every start.

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from coprod_cli import i18n
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
from coprod_cli.cli.language import Lang
from coprod_cli.errors import UsageProblem
from coprod_cli.i18n import N_, _
from coprod_cli.safetext import visible

KEPT = "web-questionnaire"  # its name in the start-up cache


def _given(text: str | None, limit: int) -> str | None:
    """An option's text on one line, or None when it is empty; refused when too long."""
    words = visible(" ".join((text or "").split()))
    if len(words) > limit:
        raise UsageProblem(
            _("this text is {len} characters long: '{words}...'").format(
                len=len(words), words=words[:40]
            ),
            _("keep it to {limit} characters").format(limit=limit),
        )
    return words or None


class FormFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    html = "html"
    xlsform = "xlsform"
    apps_script = "apps-script"


@app.command("form",
             help=N_("Collect answers without a terminal: a web questionnaire (--format html "
                     "-o FILE), or\nan online form's outline whose export 'coprod score' reads "
                     "back as it comes."),
             epilog=examples("coprod form nef --format html -o questionnaire.html",
                             "coprod form nef -f html --service Riverside -o q.html"))
@guarded
def form_command(
    framework_id: Annotated[str, typer.Argument(metavar="FRAMEWORK",
                                                help=N_("A framework id, e.g. nef or scie."))],
    fmt: Annotated[FormFormat, typer.Option(
        "--format", "-f", case_sensitive=False,
        help=N_("html: a web questionnaire (one page that works offline, in English and Welsh "
        "with a button to switch between them; it saves an answers file); xlsform: an XLSForm "
        "workbook to upload to KoboToolbox, ODK or SurveyCTO, "
        "with plain words as a second language of the form; apps-script: a Google Apps "
        "Script that creates the Google Form; text or markdown: the questions and exact "
        "choices to type into Google Forms or Microsoft Forms; csv: the header row of a "
        "responses spreadsheet. Every one's export is read back by 'coprod score' as it "
        "comes."))]
    = FormFormat.text,
    output: Output = None,
    plain: Annotated[bool, typer.Option(
        "--plain", help=N_("Plain words (everyday words, short sentences): in the outline's and "
        "the Google Form's titles and choices; the web questionnaire and the XLSForm (whose "
        "second language they are) open with them switched on."))]
    = False,
    service: Annotated[str | None, typer.Option(
        "--service", metavar="NAME", help=N_("The service or team assessed (--format html): shown "
        "on the page, kept in each answers file and in its name."))] = None,
    send_to: Annotated[str | None, typer.Option(
        "--send-to", metavar="TEXT", help=N_("Where people send their answers file (--format "
        "html), e.g. \"Sam Patel, sam.patel@example.org\": shown on the page as text."))] = None,
    framework: FrameworkPaths = None,
    lang: Lang = None,
    force: Force = False,
) -> None:
    never_over_inputs(output, [], framework, force)
    if fmt is FormFormat.html:
        emit(_web_page(framework_id, framework, lang, plain, _given(service, 200),
                       _given(send_to, 300)), output)
        return
    lib = library(framework, lang)
    chosen = lib.framework(framework_id)
    if service or send_to:
        raise UsageProblem(_("--service and --send-to are for the web questionnaire"),
                           _("add --format html, or leave them out"))
    from coprod_cli.questionnaire.formoutline import outline  # only this command needs them
    from coprod_cli.report import outline as outline_report

    form = outline(chosen, lib.catalogue, plain=plain)
    if fmt is FormFormat.xlsform:
        from coprod_cli.report import xlsform

        if output is None and at_terminal():
            output = Path(f"coprod-{chosen.id}-form.xlsx")
            say(_("An XLSForm is a workbook, so it is not shown here; writing {output} (choose "
                  "with -o FILE)").format(output=output))
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


def _web_page(framework_id: str, framework: list[Path] | None, lang: str | None, plain: bool,
              service: str | None, send_to: str | None) -> str:
    """The web questionnaire. It holds no answers, only coprod's words and the framework's,
    so the page for a built-in framework is kept in the start-up cache (reading/cache.py:
    private to the user, checked on every read) for this coprod, its files, jinja2,
    markupsafe and Python; not with --framework, --service or --send-to (a person's
    address is not kept)."""
    from coprod_cli.reading import cache, stamp

    language = str(lang) if lang is not None else i18n.from_environment()
    source = None
    if not (framework or service or send_to):
        i18n.use(language)
        source = f"{framework_id}\n{language}\n{plain}\n".encode("utf-8", "surrogateescape") \
            + stamp.made_from("jinja2", "markupsafe")
        kept = cache.load_text(KEPT, source)
        if kept is not None:
            return kept
    from coprod_cli.reading.loader import Library
    from coprod_cli.report import webform, webwords

    lib = library(framework, lang)
    # The page holds both languages, opening in the one chosen: the framework is read in
    # each (the added files too, so the Welsh page reads the same file).
    read = {lib.language: (lib.framework(framework_id), lib.catalogue)}
    for other_language in set(webwords.LANGUAGES) - set(read):
        other = Library.builtin(framework or (), language=other_language)
        read[other_language] = (other.framework(framework_id), other.catalogue)
    page = webform.page(read, lib.language, plain=plain, service=service, send_to=send_to)
    if source is not None:
        cache.keep_text(KEPT, source, page)
    return page
