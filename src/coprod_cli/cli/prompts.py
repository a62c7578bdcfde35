"""Plain numbered prompts read line by line, and signals held while a file is written."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from coprod_cli.errors import did_you_mean
from coprod_cli.i18n import _
from coprod_cli.safetext import visible_line


class InputEnded(Exception):
    """Standard input ended (Ctrl-D, the end of a pipe, or a closed terminal)."""


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C, hang-ups and SIGTERM while a file is written, then act on them once it is
    whole."""
    if not _in_main_thread():
        yield
        return
    caught: list[int] = []
    held = [signal.SIGINT, signal.SIGTERM,
            *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    before = {sig: signal.signal(sig, lambda signum, _: caught.append(signum)) for sig in held}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
    if caught:
        raise KeyboardInterrupt


@contextmanager
def hangup_is_interrupt() -> Iterator[None]:
    """A closed terminal (SIGHUP) stops the questionnaire the way Ctrl-C does."""
    if not hasattr(signal, "SIGHUP") or not _in_main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGHUP, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGHUP, before)


def read_line(out: Console, prompt: str) -> str:
    """One line from standard input; the end of input raises InputEnded, never a guess."""
    out.print(Text(prompt, style="bold"), end="")
    try:
        line = sys.stdin.readline()
    except OSError as error:  # the terminal went away while waiting
        raise InputEnded from error
    if not line:
        out.print()
        raise InputEnded
    if not sys.stdin.isatty():
        out.print(Text(visible_line(line.rstrip("\r\n"))))  # echoed: a piped transcript reads well
    return line.rstrip("\r\n")


def numbered(rows: list[tuple[str, str]], start: int = 0) -> Table:
    """Options numbered from `start`, wrapped lines indented under their text."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right")
    grid.add_column()
    for number, (name, about) in enumerate(rows, start):
        grid.add_row(f"  {number}", Text.assemble((name, "bold"), f": {about}" if about else ""))
    return grid


def choose(out: Console, question: str, rows: list[tuple[str, str]], ids: list[str],
           prompt: str, skippable: bool = False, note: str = "") -> str | None:
    """A numbered choice (1 to n), by number, id or name; Enter skips when `skippable`."""
    out.print(Text(question, style="bold"))
    if note:
        out.print(Text(note))
    out.print(numbered(rows, 1))
    names = {name.lower(): ids[i] for i, (name, _about) in enumerate(rows)}
    while True:
        reply = read_line(out, prompt).strip().lower()
        if not reply and skippable:
            return None
        if reply in {str(number) for number in range(1, len(ids) + 1)}:
            return ids[int(reply) - 1]
        if reply in ids or reply in names:
            return reply if reply in ids else names[reply]
        shown = visible_line(reply if len(reply) <= 40 else reply[:40] + "...")
        out.print(Text((_("'{typed}' is not one of the choices{suggestion}. Type a number from "
                          "1 to {count}, or press Enter to skip.") if skippable else
                        _("'{typed}' is not one of the choices{suggestion}. Type a number from "
                          "1 to {count}.")).format(typed=shown, count=len(ids),
                                                   suggestion=did_you_mean(reply[:80], ids))))


def confirm(out: Console, question: str) -> bool:
    """True only when the person types 'yes'; the end of input raises InputEnded (never a
    yes, and not an answer either: the run was cut short)."""
    return read_line(out, question).strip().lower() in ("yes", _("yes"))
