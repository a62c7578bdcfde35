"""`coprod show` of a built-in framework as text, kept in the start-up cache (reading/cache.py):
it holds no answers, only coprod's words and the framework's, so a later run prints the same
bytes without reading the framework or laying it out again. It is kept for the framework, the
language, --plain and all that the console lays text out by (width, colour system, NO_COLOR
and --no-color, terminal or not, encoding), for this coprod, its files, rich and Python, one
layout at a time for each framework, language, --plain and terminal or not; never for a
framework added with --framework, nor when it is written to a file with -o."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from coprod_cli import i18n
from coprod_cli.cli.safeconsole import console

KEPT = "framework-shown"  # its name in the start-up cache


class Recorder:
    """The stream, with a copy of everything written to it (after the console's own
    writing, so the copy is what reached the stream, byte for byte)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.written: list[str] = []

    def write(self, text: str) -> Any:
        result = self._stream.write(text)
        self.written.append(text)
        return result

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, flush...: the stream's own
        return getattr(self._stream, name)


def show(framework_id: str, lang: str | None, plain: bool, no_color: bool,
         made: Callable[[], Any]) -> bool:
    """Print the framework as text to standard output, as kept when it was shown before in
    the same way, else as `made()` renders it (then kept). False when nothing can be kept
    (no cache, no standard output): the caller shows it as it always does."""
    from coprod_cli.reading import cache, stamp

    stream = sys.stdout
    if stream is None or cache.folder() is None:
        return False
    language = str(lang) if lang is not None else i18n.from_environment()
    recorder = Recorder(stream)
    printer = console(no_color, file=recorder)
    laid_out = (printer.width, printer.color_system, printer.is_terminal,
                printer.is_dumb_terminal, printer.is_jupyter, printer.legacy_windows,
                printer.encoding, printer.no_color, type(printer.file).__name__)
    # One file for each framework, language, --plain and kind of output (padded at a terminal,
    # or not): a new width or colour system takes its place, so the folder does not fill with
    # one file for every width a terminal was ever resized to.
    slot = f"{framework_id}\n{language}\n{plain}\n{laid_out[-1]}\n".encode(
        "utf-8", "surrogateescape") + stamp.made_from("rich")
    source = f"{laid_out!r}\n".encode() + slot
    kept = cache.load_text(KEPT, source, slot)
    if kept is not None:
        stream.write(kept)
        stream.flush()
        return True
    printer.print(made())
    cache.keep_text(KEPT, source, "".join(recorder.written), slot)
    return True
