"""A --private text report says on every line that it is not to be shared."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from coprod_cli.report.marked import Marked
from tests.conftest import render_text


def test_every_line_of_a_private_report_says_it_is_not_to_be_shared() -> None:
    out = render_text(Marked(Group(Text("Level: Descriptive"), "", Text("word " * 40))))
    lines = out.splitlines()
    assert len(lines) >= 4  # the long line wrapped within the narrower width
    assert all(line.startswith("NOT TO SHARE | ") for line in lines)
    assert max(map(len, lines)) <= 100
