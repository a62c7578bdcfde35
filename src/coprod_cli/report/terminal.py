"""Rich renderables made safe for a terminal: every text in them shows its control characters.

Renderers build rich Text and tables from framework wording, evidence and file names. Rather
than trusting every place that does so (and every place added later), the CLI passes what it
prints through `safe`, which rewrites each piece of text with `safetext.visible`, keeps its
styles where they were, and turns plain strings into Text so they are never read as markup.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any

from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Span, Text

from coprod_cli.safetext import visible


def safe(renderable: Any) -> Any:
    """The same renderable, its text made visible; unknown kinds are passed through."""
    if isinstance(renderable, str):
        return Text(visible(renderable))
    if isinstance(renderable, Text):
        return _text(renderable)
    if isinstance(renderable, Group):
        return Group(*[safe(part) for part in renderable.renderables], fit=renderable.fit)
    if isinstance(renderable, Table):
        _table(renderable)
    elif isinstance(renderable, Panel):
        renderable.renderable = safe(renderable.renderable)
        renderable.title = _optional(renderable.title)
        renderable.subtitle = _optional(renderable.subtitle)
    elif isinstance(renderable, Padding):
        renderable.renderable = safe(renderable.renderable)
    return renderable


def _optional(value: Any) -> Any:
    return None if value is None else safe(value)


def _table(table: Table) -> None:
    table.title = _optional(table.title)
    table.caption = _optional(table.caption)
    for column in table.columns:
        column.header = safe(column.header)
        column.footer = safe(column.footer)
        column._cells = [safe(cell) for cell in column._cells]


def _text(text: Text) -> Text:
    """Text with its control characters made visible, each style span moved with its text."""
    plain = text.plain
    if visible(plain) == plain:
        return text
    pieces = [visible(char) for char in plain]
    starts = list(accumulate((len(piece) for piece in pieces), initial=0))
    shown = Text("".join(pieces), style=text.style, justify=text.justify,
                 overflow=text.overflow, no_wrap=text.no_wrap, end=text.end,
                 tab_size=text.tab_size)
    shown.spans = [Span(starts[span.start], starts[min(span.end, len(plain))], span.style)
                   for span in text.spans]
    return shown
