"""typer, click and rich seen from the inside, in one room: every other module uses them only
through their public, documented surface.

Here, by subclassing and never by patching the libraries for the whole process: commands
built lazily from a table of their modules, usage lines written one way whichever typer is
installed, usage errors said in coprod's one line (`usage.words`); the console, which makes
what it prints safe for a terminal, is cli/safeconsole.py. A test finds any assignment to a
typer, click or rich attribute outside this module.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, TypeVar

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from coprod_cli import collector, i18n
from coprod_cli.errors import did_you_mean
from coprod_cli.i18n import N_, _

# click's exceptions, from the click typer runs on (its own copy from typer 0.26, click's
# before): an error of another copy would not be caught.
errors: Any = sys.modules[typer.BadParameter.__module__]
F = TypeVar("F", bound=Callable[..., Any])


class CoprodUsage(errors.UsageError):  # type: ignore[misc]  # click found at run time
    """A usage error already in coprod's words, which click prints (and exits 2) as it prints
    its own: coprod's one line instead of click's sentence and usage block."""

    def show(self, file: Any = None) -> None:
        from coprod_cli.cli.common import say  # loaded long before any error is shown

        say(_("error: {message}").format(message=self.message))


_Context: Any = TyperCommand.context_class  # click's Context, of the click typer runs on
# click's own words in help (in click's gettext domain up to click 8.2, plain strings in
# typer's copy of click), each shown in coprod's language by the formatter below.
CLICKS_WORDS = (N_("Usage:"), N_("Options"), N_("Arguments"), N_("Commands"),
                N_("Show this message and exit."), N_("required"), N_("default: {default}"),
                N_("Examples:"))
# An option's help and what click adds after it: '  [default: x]' ('  \\[...]' from typer
# releases that escape it for rich). Compiled when help is first written (re keeps it), so a
# command that only runs does not compile it.
_EXTRAS = r"(.*?)(\s*\\?)\[([^\[\]]*)\]"


class Formatter(_Context.formatter_class):  # type: ignore[misc]  # click found at run time
    """Help written in the reader's language: every text it is given (a command's help, an
    option's, a summary, a heading, click's own words) is looked up in coprod's catalogue as
    it is written, so the commands keep their English strings and English help loads no
    catalogue (`_` gives the text back as it is)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{_('Usage:')} " if prefix is None else prefix)

    def section(self, name: str) -> Any:
        return super().section(_(name))

    def write_text(self, text: str) -> None:
        examples = "\b\nExamples:\n"
        if text.startswith(examples):  # cli.common.examples: the heading, not the commands
            text = f"\b\n{_('Examples:')}\n{text[len(examples):]}"
        super().write_text(_(text))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(term, _described(text)) for term, text in rows], *args, **kwargs)


def _described(text: str) -> str:
    """An option's help in the reader's language, with what click adds ('[default: x]',
    '[required]') in it too."""
    found = re.fullmatch(_EXTRAS, text, re.DOTALL) if text.endswith("]") else None
    if found is None:
        return _(text)
    help, gap, extras = found.group(1), found.group(2), found.group(3)
    said = []
    for extra in extras.split("; "):
        name, colon, value = extra.partition(": ")
        said.append(_("default: {default}").format(default=value) if name == "default" and colon
                    else _(extra))
    return f"{_(help) if help else ''}{gap}[{'; '.join(said)}]"


class Context(_Context):  # type: ignore[misc]
    formatter_class = Formatter


def _unreviewed(formatter: Any) -> None:
    """Help in a language nobody has reviewed yet ends by saying so (nothing in English)."""
    notice = i18n.unreviewed_notice()
    if notice:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(notice)


class Command(TyperCommand):
    """A command whose usage line names arguments one way (NAME, [NAME], NAME...) whichever
    typer is installed, whose usage errors are coprod's, and whose help is in the reader's
    language."""

    context_class = Context

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            pieces += param.get_usage_pieces(ctx) if param.param_type_name == "option" \
                else [_argument_usage(param)]
        return pieces

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        super().format_epilog(ctx, formatter)
        _unreviewed(formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        given = list(args)
        choose_language(given)
        with coprods_words(self, ctx.command_path, lambda param: _given(self, ctx, given, param)):
            return super().parse_args(ctx, args)


def _argument_usage(param: Any) -> str:
    name = param.metavar or param.name
    name = name if param.required else f"[{name}]"
    return name + ("..." if param.nargs != 1 else "")


def _given(command: Any, ctx: Any, args: list[str], param: Any) -> Any:
    """The value given for a parameter that could not take it, read again from the command
    line (click's error keeps the parameter, not the value)."""
    try:
        found, _rest, _order = command.make_parser(ctx).parse_args(args=list(args))
    except errors.UsageError:
        return None
    raw = found.get(param.name)
    for value in raw if isinstance(raw, (list, tuple)) else [raw]:
        try:
            param.type(value, param, ctx)
        except errors.BadParameter:
            return value
    return None


@contextmanager
def coprods_words(command: Any, path: str, given: Any = None) -> Iterator[None]:
    """Any usage error raised inside turned into coprod's line about `command` (typed as
    `path`); help asked for by giving no arguments is left to click."""
    try:
        yield
    except errors.UsageError as error:
        if isinstance(error, CoprodUsage) or type(error).__name__ == "NoArgsIsHelpError":
            raise
        if error.ctx is not None:
            command, path = error.ctx.command, error.ctx.command_path
        from coprod_cli.cli import usage  # only a usage error is said in its words

        param = getattr(error, "param", None)
        value = given(param) if given is not None and param is not None else None
        said = usage.words(error, errors, given=value, command=command)
        raise CoprodUsage(_("{said}; see '{path} --help'").format(said=said, path=path),
                          error.ctx) from error


def choose_language(args: list[str]) -> None:
    """The language of everything this run says, chosen before anything can go wrong: `--lang`
    anywhere on the command line (before `--`; the command reads it again), else the
    environment's (COPROD_LANG, then the locale)."""
    asked = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = arg[len("--lang="):] if arg.startswith("--lang=") else \
            args[index + 1] if arg == "--lang" and index + 1 < len(args) else None
        if value is not None and value.lower() in i18n.KNOWN:
            asked = value.lower()
    i18n.use(asked or i18n.from_environment())


class LazyGroup(TyperGroup):
    """coprod's commands, each built from its module the first time it is asked for."""

    app: ClassVar[App]
    context_class = Context

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.app.table)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.app.table:
            self.commands[cmd_name] = self._build(cmd_name)
        return self.commands.get(cmd_name)

    def _build(self, cmd_name: str) -> Any:
        """The command from its module, imported and built with the garbage collector off
        and frozen after, as coprod's own imports are (cli/__init__.py): it lives until
        coprod exits."""
        with collector.lasting():
            importlib.import_module(f"coprod_cli.cli.{self.app.table[cmd_name]}")
            info = next(i for i in self.app.registered_commands if i.name == cmd_name)
            return typer.main.get_command_from_info(
                info, pretty_exceptions_short=self.app.pretty_exceptions_short,
                rich_markup_mode=self.app.rich_markup_mode)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The commands with their one-line summaries, read from the table: `coprod --help`
        imports none of their modules."""
        with formatter.section("Commands"):
            formatter.write_dl(list(self.app.summaries.items()))  # each in its language

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        super().format_epilog(ctx, formatter)
        _unreviewed(formatter)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The command named first, or a usage error in coprod's words naming the close ones."""
        name = str(args[0]) if args else ""
        if name and not name.startswith("-") and name not in self.app.table:
            close = did_you_mean(name, list(self.app.table))
            raise CoprodUsage(_("no such command '{name}'{suggestion}; see '{path} --help'")
                              .format(name=name, suggestion=close, path=ctx.command_path), ctx)
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        choose_language(args)
        with coprods_words(self, ctx.command_path):
            return super().parse_args(ctx, self._lang_to_command(ctx, args))

    def _lang_to_command(self, ctx: Any, args: list[str]) -> list[str]:
        """`--lang` given before the command (`coprod --lang cy score ...`) handed to the
        command, as if given after it; before no command (`coprod --lang cy --help`) it has
        chosen the language already. A command without `--lang` gets it where it was given
        (a usage error, as before)."""
        at = next((i for i, arg in enumerate(args) if arg in self.app.table or arg == "--"),
                  len(args))
        given: list[str] = []
        rest: list[str] = []
        index = 0
        while index < at:
            arg = args[index]
            taken = [arg] if arg.startswith("--lang=") else \
                args[index:index + 2] if arg == "--lang" and index + 1 < at else []
            taken = taken if taken and taken[-1].rpartition("=")[2].lower() in i18n.KNOWN \
                else []  # an unknown language: a usage error where it was given
            (given if taken else rest).extend(taken or [arg])
            index += len(taken) or 1
        if not given:
            return args
        if at == len(args):
            return rest
        command = self.get_command(ctx, args[at])
        if command is None or not any("--lang" in param.opts for param in command.params):
            return args
        return [*rest, args[at], *given, *args[at + 1:]]

    def invoke(self, ctx: Any) -> Any:
        with coprods_words(self, ctx.command_path):
            return super().invoke(ctx)


class App(typer.Typer):
    """coprod's typer app: its commands are `Command`s, built by a `LazyGroup` from `table`
    (each command's name and the module of cli/ that registers it), each with its line of
    `summaries` as its short help."""

    def __init__(self, table: dict[str, str], summaries: dict[str, str],
                 **settings: Any) -> None:
        self.table, self.summaries = table, summaries
        app = self

        class CoprodGroup(LazyGroup):  # a class per app, so the group finds its commands
            pass

        CoprodGroup.app = app
        super().__init__(cls=CoprodGroup, **settings)

    def command(self, name: str, **kwargs: Any) -> Callable[[F], F]:  # type: ignore[override]
        return super().command(name, **{"cls": Command, "short_help": self.summaries[name],
                                         **kwargs})
