"""The console everything coprod prints goes through: rich's, with all it prints made safe for
a terminal (every text's control characters shown, strings never read as markup), a closed
pipe ending coprod quietly, and no line padded with spaces where it is not a terminal."""

from __future__ import annotations

import copy
import functools
import sys
from itertools import accumulate
from typing import Any

from coprod_cli.safetext import visible


class Unpadded:
    """A stream that is not a terminal (a pipe, a file) without the spaces rich pads a line
    with (wrapped lines, table cells): each line's trailing spaces are held until more text
    shows whether the line goes on, and dropped at its end."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._held = ""

    def write(self, text: str) -> int:
        *lines, last = (self._held + text).split("\n")
        kept = last.rstrip(" ")
        self._held = last[len(kept):]
        self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines) + kept)
        return len(text)

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:  # flush, fileno, encoding...: the stream's own
        return getattr(self._stream, name)


def console(no_color: bool, file: Any = None, width: int | None = None) -> Any:
    """A rich console that prints nothing which acts on the terminal, and lets a closed pipe
    end coprod quietly rather than with exit 1 (which means a gate not met); where it writes
    is not a terminal, no line ends in padding."""
    from rich.console import Console

    stream = sys.stdout if file is None else file
    if not _is_terminal(stream):
        file = Unpadded(stream)

    class _Console(Console):
        def print(self, *objects: Any, **options: Any) -> None:
            super().print(*[safe(item) for item in objects], **options)

        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _Console(file=file, no_color=no_color or None, highlight=False, width=width,
                    soft_wrap=False, emoji=False, markup=False)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or already closed
        return False


def safe(renderable: Any) -> Any:
    """A renderable with every text in it showing its control characters (styles kept where
    they were), plain strings made Text so they are never read as markup; what the console
    prints passes through here, so no renderer (nor one added later) can forget it."""
    Group, Padding, Table, Text = _renderables()
    # Nothing is a Panel unless rich's panel module was loaded, nor Marked unless coprod's
    # was: neither imported here for it.
    panel, marked = sys.modules.get("rich.panel"), sys.modules.get("coprod_cli.report.marked")
    Panel: Any = () if panel is None else panel.Panel  # () matches nothing
    if marked is not None and isinstance(renderable, marked.Marked):  # renders its own part
        return marked.Marked(safe(renderable.inner))
    if isinstance(renderable, str):
        return Text(visible(renderable))
    if isinstance(renderable, Text):
        return _text(renderable)
    if isinstance(renderable, Group):
        return Group(*[safe(part) for part in renderable.renderables], fit=renderable.fit)
    if isinstance(renderable, Table):
        return _table(renderable)
    if isinstance(renderable, Padding):
        inner = safe(renderable.renderable)
        if inner is renderable.renderable:
            return renderable  # padding around what needs no change: not copied
        shown = copy.copy(renderable)
        shown.renderable = inner
        return shown
    if isinstance(renderable, Panel):
        shown = copy.copy(renderable)
        shown.renderable = safe(renderable.renderable)
        shown.title, shown.subtitle = _optional(shown.title), _optional(shown.subtitle)
        return shown
    return renderable


@functools.cache
def _renderables() -> tuple[Any, Any, Any, Any]:
    """The renderables `safe` looks into, imported once: `safe` runs for every part printed,
    and an import statement in it cost about 1 µs each time it ran."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    return Group, Padding, Table, Text


def _optional(value: Any) -> Any:
    return None if value is None else safe(value)


def _table(table: Any) -> Any:
    """A copy of the table, its cells added anew through rich's public calls, each made safe."""
    shown = copy.copy(table)
    shown.title, shown.caption = _optional(table.title), _optional(table.caption)
    shown.columns = [column.copy() for column in table.columns]  # the same, without cells
    for column in shown.columns:
        column.header, column.footer = safe(column.header), safe(column.footer)
    shown.rows = []
    cells = [list(column.cells) for column in table.columns]
    for index, row in enumerate(table.rows):
        shown.add_row(*[safe(column[index]) for column in cells], style=row.style,
                      end_section=row.end_section)
    return shown


def _text(text: Any) -> Any:
    """Text with its control characters made visible, each style span moved with its text."""
    plain = text.plain
    if visible(plain) == plain:
        return text
    from rich.text import Span, Text  # only for a text that holds a control: rare

    pieces = [visible(char) for char in plain]
    starts = list(accumulate((len(piece) for piece in pieces), initial=0))
    shown = Text("".join(pieces), style=text.style, justify=text.justify,
                 overflow=text.overflow, no_wrap=text.no_wrap, end=text.end,
                 tab_size=text.tab_size)
    shown.spans = [Span(starts[span.start], starts[min(span.end, len(plain))], span.style)
                   for span in text.spans]
    return shown
