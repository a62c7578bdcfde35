"""The pieces of text output: a heading that reads as one without colour, plain wordings
introduced as such, indents that hold when lines wrap."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

from coprod_cli.report.textparts import heading, indent, plain_line


def shown(renderable: RenderableType, width: int = 40) -> str:
    console = Console(width=width, no_color=True, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def test_a_heading_is_underlined_with_its_own_length_of_equals_signs() -> None:
    assert shown(heading("Action plan")).splitlines() == ["Action plan", "=" * 11]


def test_a_plain_wording_says_it_is_one() -> None:
    assert shown(plain_line("Working together.")).strip() == "In plain words: Working together."


def test_an_indent_holds_on_every_wrapped_line() -> None:
    lines = shown(indent("word " * 20, by=4), width=30).rstrip("\n").splitlines()
    assert len(lines) > 1 and all(line.startswith("    ") for line in lines)
