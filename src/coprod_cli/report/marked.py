"""A --private text report: each line it prints begins by saying it is not to be shared."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment

from coprod_cli.i18n import N_, _

PRIVATE_MARK = N_("NOT TO SHARE | ")


class Marked:
    """A --private report: every line it prints begins by saying it is not to be shared. The
    console makes its inner part safe as it makes any part safe (cli/safeconsole.py), since
    it renders that part itself."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        mark = _(PRIVATE_MARK)
        width = max(20, options.max_width - len(mark))
        for line in console.render_lines(self.inner, options.update_width(width), pad=False):
            yield Segment(mark, console.get_style("bold"))
            yield from line
            yield Segment.line()
