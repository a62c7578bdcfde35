"""The typer app, its table of commands, shared options and where output goes."""

# Annotations are objects here, not text (no `from __future__ import annotations`): typer
# reads the group callback's (every command, `--help` too), and evaluating them from text
# costs time at every start.

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coprod_cli import __version__, collector, i18n
from coprod_cli.cli import glue

# The error boundary (cli/boundary.py): commands import these from here, re-exported.
from coprod_cli.cli.boundary import INTERRUPTED_EXIT as INTERRUPTED_EXIT
from coprod_cli.cli.boundary import debug_from
from coprod_cli.cli.boundary import fail as fail
from coprod_cli.cli.boundary import guarded as guarded
from coprod_cli.cli.boundary import say as say
from coprod_cli.cli.boundary import standard as standard
from coprod_cli.cli.boundary import unexpected as unexpected
from coprod_cli.cli.safeconsole import console as console  # commands print through it
from coprod_cli.errors import UsageProblem
from coprod_cli.i18n import N_

if TYPE_CHECKING:  # the readers load with the first command that reads (not with --help)
    from coprod_cli.reading.loader import Document, Library

# Each command's module, in the order --help lists them. Only the module of the command being
# run is imported, so `coprod score` never loads the questionnaire, the listings or compare.
COMMANDS = {
    "frameworks": "listing", "show": "listing", "recommendations": "listing",
    "template": "score", "assess": "assess", "form": "form", "score": "score",
    "compare": "compare", "trend": "trend", "plan": "plan", "workshop": "together",
    "feedback": "together", "validate": "listing", "schema": "listing",
}
# Each command's line in --help, kept here so listing the commands imports none of them.
SUMMARIES = {
    "frameworks": N_("List the frameworks: built-in and added."),
    "show": N_("Show a framework's statements and what each level looks like."),
    "recommendations": N_("List SCIE's recommendations, by jigsaw piece."),
    "template": N_("Write a blank answers file to fill in an editor."),
    "assess": N_("Answer the statements one at a time, saved as you go."),
    "form": N_("A questionnaire without a terminal: a web page or a form outline."),
    "score": N_("Score answers: the level, what holds it down, what to do next."),
    "compare": N_("Progress between two assessments."),
    "trend": N_("Progress across any number of rounds, adjusted for who answered."),
    "plan": N_("Write the quickest route as a plan that later rounds are checked against."),
    "workshop": N_("Discussion cards where views differ, and an agreed.yaml to record the result."),
    "feedback": N_("\"You said, we will\": one plain page for everyone who answered."),
    "validate": N_("Check framework and answers files."),
    "schema": N_("Print a JSON Schema for editors and other tools."),
}


app = glue.App(
    COMMANDS,
    SUMMARIES,
    name="coprod",
    help=N_("Check how far a team has come with co-production, what to do next, and whether "
    "it is improving. Co-production means people who draw on care and support, carers and "
    "staff plan, design, deliver and review services together as equal partners."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def examples(*commands: str) -> str:
    """A command's help epilog: a few example commands, kept one to a line."""
    return "\b\nExamples:\n" + "".join(f"  {command}\n" for command in commands)


FrameworkPaths = Annotated[
    list[Path] | None,
    typer.Option("--framework", "-F", help=N_("Add a framework from a YAML file (repeatable)."),
                 metavar="PATH"),
]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help=N_("Write to this file (atomically) instead of the "
                 "screen; - for standard output. Never a file this run reads (by any name), "
                 "a --framework file or a named pipe; an existing answers file, framework or "
                 "form export only with --force."),
                 metavar="FILE", dir_okay=False),
]
Force = Annotated[bool, typer.Option(
    "--force", help=N_("Let -o replace an existing answers file, framework or form export "
    "(never one this run reads)."))]
Recursive = Annotated[bool, typer.Option(
    "--recursive", "-r", help=N_("Read the folders inside a folder too (by default only its top "
    "level is read, so another round kept in a subfolder is not mixed in)."))]
Details = Annotated[
    bool, typer.Option("--details",
                       help=N_("The full plan by jigsaw piece, and each group's view."))
]
Plain = Annotated[
    bool, typer.Option("--plain", help=N_("Plain words (everyday words, short sentences) for "
                       "the statements and what each level looks like, each level name "
                       "explained."))
]
ScorePlain = Annotated[
    bool, typer.Option("--plain", help=N_("Plain words (everyday words, short sentences) for "
                       "the statements and what each level looks like, each level name "
                       "explained; then 'Words used here': each word of the result that has a "
                       "meaning of its own in care (co-design, commissioner...), in plain words "
                       "(not in JSON)."))
]
NoColor = Annotated[
    bool, typer.Option("--no-color", help=N_("No colour in text output (so does NO_COLOR=1)."))
]


def library(paths: list[Path] | None, lang: str | None = None) -> "Library":
    """The built-in frameworks and any added, in the language chosen (`--lang`, else the
    environment's), which coprod's own words use from now on too. What is built here lives
    until coprod exits, so the garbage collector neither runs while it is built nor looks at
    it again afterwards."""
    from coprod_cli.reading.loader import Library

    language = str(lang) if lang is not None else i18n.from_environment()
    i18n.use(language)
    with collector.lasting():
        return Library.builtin(paths or (), language=language)


def never_over_inputs(output: Path | None, inputs: list[str],
                      frameworks: list[Path] | None = None, force: bool = False) -> None:
    """Refuse an -o that would destroy what coprod reads or keeps (see reading/outputs.py)."""
    if output is not None:
        from coprod_cli.reading import outputs

        outputs.check(output, inputs, frameworks or [], force)


def stdin_bytes() -> bytes:
    """Standard input, read no further than the largest file coprod accepts."""
    from coprod_cli.reading import yamlio

    stdin = standard("input", i18n._("'-' has nothing to read"),
                     i18n._("name the file, or pipe it in: coprod ... - < FILE"))
    data: bytes = stdin.buffer.read(yamlio.MAX_BYTES + 1)
    return data


def read_document(name: str) -> "Document":
    """A YAML document from a path, or from standard input when the name is '-'."""
    from coprod_cli.reading.loader import Document

    if name == "-":
        return Document.from_bytes(stdin_bytes(), "<stdin>")
    return Document.read(Path(name))


def at_terminal() -> bool:
    """True when standard output is a terminal (a person reading), not a pipe or a file."""
    return sys.stdout.isatty()


def html_destination(output: Path | None, html: bool, default: str) -> Path | None:
    """HTML is for a browser: at a terminal with no -o, it goes to a file named `default`."""
    if output is not None or not html or not at_terminal():
        return output
    say(i18n._("HTML is for a browser, so it is not shown here; writing {file} (choose with -o "
               "FILE, or pipe it: coprod ... --format html > FILE)").format(file=default))
    return Path(default)


def emit(rendered: Any, output: Path | None, no_color: bool = False,
         private: bool = False) -> None:
    """Print a str or rich renderable to stdout, or write it atomically to `output`
    ('-' means standard output, as it does for every tool that takes -o); a new file is
    0600 when `private` (answers, names), else as the umask allows."""
    if output is None or str(output) == "-":
        stdout = standard("output", i18n._("there is nowhere to show this"),
                          i18n._("write it to a file with -o FILE"))
        if isinstance(rendered, bytes):  # a workbook, to a pipe
            stdout.flush()
            stdout.buffer.write(rendered)
            stdout.buffer.flush()
        elif isinstance(rendered, str):
            stdout.write(rendered)
            stdout.flush()  # a full disk is said here, not lost when Python exits
        else:
            console(no_color).print(rendered)
        return
    if not isinstance(rendered, (str, bytes)):
        import io

        buffer = io.StringIO()
        console(True, file=buffer, width=100).print(rendered)
        rendered = buffer.getvalue()
    from coprod_cli.files import write_atomic  # only to write a file: printing never needs it

    try:
        write_atomic(output, rendered, private=private)
    except OSError as error:
        raise UsageProblem(i18n._("cannot write {file} ({reason})").format(
            file=output, reason=error.strerror),
            i18n._("check the folder exists and you may write there")) from error
    say(i18n._("Wrote {file}").format(file=output))


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"coprod {__version__}")
        raise typer.Exit()


@app.callback(epilog=N_("Report formats (--format): text (the default, one screen first; "
              "--details for everything), json (a versioned result: coprod schema result), "
              "markdown (for a pull request or CI summary) and html (one self-contained page "
              "that prints a one-page summary first).\n\n\b\nExit codes:\n"
              "  0    done (and any gate met)\n  1    a gate not met (--fail-under, "
              "--fail-on-regression)\n  2    invalid input or usage\n"
              "  3    a bug in coprod (please report it)\n  130  interrupted"))
def _root(
    version: Annotated[bool, typer.Option("--version", callback=version_callback,
                                         is_eager=True, help=N_("Show the version and exit."))]
    = False,
    debug: Annotated[bool, typer.Option(
        "--debug", help=N_("Show the full traceback when coprod meets a bug in itself (so does "
        "COPROD_DEBUG=1)."))] = False,
) -> None:
    """Check how far a team has come with co-production."""
    debug_from(debug)
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) == 0:
        # 0 means 'not set', as Python's shutil reads it; rich would lay out everything
        # in no columns at all, which prints nothing.
        del os.environ["COLUMNS"]
