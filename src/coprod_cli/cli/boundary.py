"""The error boundary: a user's mistake is one line and exit 2, a bug in coprod one line and
exit 3, Ctrl-C exit 130, a closed output pipe a quiet exit; and the one line said to the user,
on a standard stream that may have been closed."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from coprod_cli import i18n
from coprod_cli.errors import CoprodError, UsageProblem
from coprod_cli.safetext import visible_line

F = TypeVar("F", bound=Callable[..., Any])


BUG_EXIT = 3
INTERRUPTED_EXIT = 130
PIPE_CLOSED_EXIT = 141  # what a shell reports for a program stopped by SIGPIPE
REPORT_AT = i18n.N_("the issues page of the repository coprod came from")
_debug = False  # --debug, set as the command line is parsed (debug_from)


def guarded(func: F) -> F:
    """Run a command: a user's mistake is one line and exit 2, a bug in coprod one line and
    exit 3 (the traceback with --debug), Ctrl-C exit 130, a closed output pipe a quiet exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CoprodError as error:
            fail(error)
        except KeyboardInterrupt:
            typer.echo(i18n._("Interrupted."), err=True)
            raise typer.Exit(INTERRUPTED_EXIT) from None
        except Exception as error:
            if _is_control_flow(error):
                raise
            raise typer.Exit(unexpected(error)) from None

    return wrapper  # type: ignore[return-value]


def _is_control_flow(error: Exception) -> bool:
    """typer's and click's own exceptions (exit, abort, usage): they end a command as meant."""
    return isinstance(error, (typer.Exit, typer.Abort)) \
        or type(error).__module__.split(".")[0] in ("click", "typer")


def say(line: str, err: bool = True) -> None:
    """One line for the user (stderr by default), anything from a file in it made visible."""
    if not err:  # a result line (validate's 'ok'): never dropped in silence
        standard("output", i18n._("there is nowhere to show the results"),
                 i18n._("leave standard output open, or redirect it to a file"))
    typer.echo(visible_line(line), err=err)



def fail(error: CoprodError) -> typer.Exit:
    say(i18n._("error: {message}").format(message=error))
    raise typer.Exit(error.exit_code)


def debugging() -> bool:
    return _debug or os.environ.get("COPROD_DEBUG", "") not in ("", "0")


def unexpected(error: BaseException) -> int:
    """The exit code for an exception nobody expected, after saying what it means."""
    if isinstance(error, BrokenPipeError):
        return pipe_closed()
    if isinstance(error, OSError) and error.errno in _FULL:
        # Every file coprod writes says so itself; what is left is standard output.
        typer.echo(i18n._("error: cannot write the output ({reason}); free some space where "
                          "it goes, or write it elsewhere with -o FILE").format(
                              reason=error.strerror), err=True)
        pipe_closed()  # nothing more is written there, not even at exit
        return UsageProblem.exit_code
    if debugging():
        import traceback

        traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)
    detail = visible_line(f"{type(error).__name__}: {error}")[:300]
    hint = "" if debugging() else i18n._(" (add --debug to see the traceback)")
    typer.echo(i18n._("error: this is a bug in coprod ({detail}); please report it at {where} "
                      "with the command you ran{hint}").format(
                          detail=detail, where=i18n._(REPORT_AT), hint=hint), err=True)
    return BUG_EXIT


# A full disk, a full quota, a file over its size limit.
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


def pipe_closed() -> int:
    """The reader of our output went away (`coprod show nef | head -1`): stop quietly."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the final flush at exit cannot fail again
    return PIPE_CLOSED_EXIT


def standard(which: str, so: str, fix: str) -> Any:
    """sys.stdin or sys.stdout, or one line (exit 2) when the shell closed it (`<&-`, `>&-`):
    Python then leaves it None, which would be a crash, or output lost in silence."""
    stream = sys.stdin if which == "input" else sys.stdout
    if stream is None:
        raise UsageProblem((i18n._("standard input is closed, so {so}") if which == "input"
                            else i18n._("standard output is closed, so {so}")).format(so=so),
                           fix)
    return stream


def debug_from(flag: bool) -> None:
    """--debug given on the command line: a bug shows its traceback."""
    global _debug
    _debug = flag
