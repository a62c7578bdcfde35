"""Usage errors in coprod's words: one line, what is wrong and how to fix it, exit 2.

click (and typer's copy of it, from typer 0.26) words its usage errors anew now and then
('No such option: --x (Possible options ...)', 'No such option '--x'. Did you mean',
"'abc' is not a valid integer" or "... a valid int", 'Got unexpected extra argument (x)' or
'argument(s) (x)'), so its sentences are never shown. Each line is made from what the parser
found: the option or argument, the value given and the type it needed, the names close to a
misspelt one. Only words coprod raised itself (a check of its own, in a callback) are kept.
"""

from __future__ import annotations

import os
from typing import Any

from coprod_cli.errors import did_you_mean, shortened
from coprod_cli.i18n import N_, _

# What a value must be, by a word in its type's name ('int' in typer's copy of click,
# 'integer' or 'integer range' in click itself).
_NEEDS = (("int", N_("'{given}' is not a whole number")),
          ("float", N_("'{given}' is not a number")),
          ("bool", N_("'{given}' is not true or false")))


def words(error: Any, errors: Any, given: Any = None, command: Any = None) -> str:
    """What is wrong, in coprod's words, made from what the parser found: `errors` is the
    click exceptions module, `given` the value a parameter could not take, `command` the
    command being parsed (click's error does not always say)."""
    param = getattr(error, "param", None)
    if isinstance(error, errors.NoSuchOption):
        guesses = ", ".join(sorted(error.possibilities or ()))
        return _("no such option: {option}").format(option=shortened(error.option_name)) + (
            _(" (did you mean {guesses}?)").format(guesses=guesses) if guesses else "")
    if isinstance(error, errors.MissingParameter) and param is not None:
        return _("{name} is missing").format(name=parameter_name(param))
    if isinstance(error, errors.BadParameter) and param is not None:
        said = sentence(error.message) if raised_by_coprod(error) \
            else bad_value(param, given)
        return f"{parameter_name(param)}: {said}"
    if raised_by_coprod(error):
        return sentence(error.message)
    if isinstance(error, errors.BadOptionUsage):
        return misused(error.option_name, command)
    return unreadable(error)


def raised_by_coprod(error: BaseException) -> bool:
    """The error was raised in coprod's own code (a callback's check), in its own words."""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace is not None and str(trace.tb_frame.f_globals.get("__name__", "")).startswith(
        "coprod_cli")


def parameter_name(param: Any) -> str:
    """An option by its first (long) name, an argument as its usage line shows it."""
    if param.param_type_name == "option":
        return str(param.opts[0])
    return str(param.metavar or param.name)


def sentence(message: str) -> str:
    """One line, no capital to start, no full stop."""
    message = message.strip().replace("\n", " ").rstrip(".")
    lower = message[:1].isupper() and message[1:2].islower()
    return message[0].lower() + message[1:] if lower else message


def bad_value(param: Any, given: Any) -> str:
    """What is wrong with the value given, from the type the parameter needs."""
    if given is None:
        return _("this value cannot be used here")
    choices = [str(getattr(choice, "value", choice)) for choice in
               getattr(param.type, "choices", ())]
    if choices:
        return _("'{given}' is not one of {choices}{suggestion}").format(
            given=shortened(str(given)), choices=", ".join(choices),
            suggestion=did_you_mean(str(given), choices))
    if hasattr(param.type, "dir_okay"):
        return bad_path(str(given), param.type)
    kind = str(getattr(param.type, "name", ""))
    needs = next((what for word, what in _NEEDS if word in kind),
                 N_("'{given}' is not a value it takes"))
    return _(needs).format(given=shortened(str(given)))


def bad_path(given: str, kind: Any) -> str:
    shown = shortened(given, 240)  # a path: long ones are real, a pasted megabyte is not
    if os.path.isdir(given) and not getattr(kind, "dir_okay", True):
        return _("'{path}' is a folder, not a file").format(path=shown)
    if os.path.isfile(given) and not getattr(kind, "file_okay", True):
        return _("'{path}' is a file, not a folder").format(path=shown)
    if getattr(kind, "exists", False) and not os.path.exists(given):
        return _("'{path}' does not exist").format(path=shown)
    return _("'{path}' cannot be used (check the path and its permissions)").format(path=shown)


def misused(option: str, command: Any) -> str:
    """An option given without its value, or a switch given one."""
    found = [param for param in getattr(command, "params", ()) if option in param.opts]
    shown = shortened(option)
    if found and getattr(found[0], "is_flag", False):
        return _("{option} is a switch and takes no value").format(option=shown)
    if found:
        return _("{option} needs a value after it").format(option=shown)
    return _("{option} needs a value after it, or takes none").format(option=shown)


def unreadable(error: Any) -> str:
    """A usage error that names no option or argument: at the group, a missing command; at a
    command, more arguments than it takes (the ones click raises today)."""
    command = getattr(error.ctx, "command", None)
    if command is None:
        return _("the command line cannot be read as given")
    if hasattr(command, "list_commands"):
        return _("no command given")
    return _("more arguments than the command takes (quote a name that has spaces in it)")
