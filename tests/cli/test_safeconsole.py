"""The console: what it prints is made safe and left as it was, and no line is padded."""

from __future__ import annotations


def test_a_table_is_printed_safe_and_left_as_it_was() -> None:
    """The console prints a safe copy, built through rich's public calls: the renderer's own
    table keeps its cells, and a cell's control characters are shown, never sent."""
    import io

    from rich.table import Table

    from coprod_cli.cli.safeconsole import console, safe

    table = Table("Area", title="Scores \x1b[2J")
    table.add_row("culture\x1b]0;pwned\x07", end_section=True)
    shown = safe(table)
    assert [list(column.cells) for column in table.columns] == [["culture\x1b]0;pwned\x07"]]
    assert shown is not table and shown.rows[0].end_section
    buffer = io.StringIO()
    console(True, file=buffer, width=60).print(table)
    assert "\x1b" not in buffer.getvalue() and "\\x1b" in buffer.getvalue()


def test_padding_around_safe_text_is_printed_as_it_is() -> None:
    from rich.padding import Padding
    from rich.text import Text

    from coprod_cli.cli.safeconsole import safe

    plain = Padding(Text("- a change"), (0, 0, 0, 2))
    assert safe(plain) is plain
    marked = Padding(Text("- a change \x1b[2J"), (0, 0, 0, 2))
    shown = safe(marked)
    assert shown is not marked and shown.renderable.plain == "- a change \\x1b[2J"
    assert marked.renderable.plain == "- a change \x1b[2J"  # the renderer's own, as it was


def test_a_panel_and_its_title_are_printed_safe() -> None:
    """A boxed part (a what-if, a perception gap) is made safe as a table is, though the
    console no longer imports rich's panel to recognise one (only a loaded panel can exist)."""
    import io

    from rich.panel import Panel
    from rich.text import Text

    from coprod_cli.cli.safeconsole import console

    buffer = io.StringIO()
    console(True, file=buffer, width=60).print(
        Panel(Text("body \x1b[2J"), title="what if \x07", subtitle="\x1b]0;pwned\x07"))
    shown = buffer.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b[2J" in shown and "what if \\x07" in shown


def test_output_that_is_no_terminal_has_no_line_padded_with_spaces() -> None:
    import io

    from rich.table import Table
    from rich.text import Text

    from coprod_cli.cli.safeconsole import console

    file = io.StringIO()
    grid = Table.grid(padding=(0, 2))
    grid.add_row("1", "a short cell")
    grid.add_row("22", "a cell long enough to wrap " * 4)
    console(True, file=file, width=40).print(Text("words that wrap at forty columns " * 3), grid)
    shown = file.getvalue()
    assert shown.count("\n") >= 8  # it wrapped, as it would have padded
    assert [line for line in shown.splitlines() if line != line.rstrip()] == []
    assert "a short cell\n" in shown


def test_a_prompt_keeps_its_space_when_what_follows_goes_on_the_same_line() -> None:
    import io

    from coprod_cli.cli.safeconsole import Unpadded

    file = io.StringIO()
    stream = Unpadded(file)
    stream.write("Your answer:  ")
    assert file.getvalue() == "Your answer:"  # the spaces wait: the line may end here
    stream.write("2\nNext:  ")
    stream.write("\n")
    assert file.getvalue() == "Your answer:  2\nNext:\n"
    assert stream.isatty() is False


def test_every_renderable_coprod_defines_is_one_the_console_makes_safe() -> None:
    """A renderable that renders its own parts (a __rich_console__) is passed by safe() as it
    is unless safe() knows it: a table's subclass is copied as a table is, and Marked has its
    part made safe. A new one must be taught to safe() before it is added here."""
    import ast
    from pathlib import Path

    import coprod_cli

    source = Path(coprod_cli.__file__).parent
    defined = {node.name for path in source.rglob("*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.ClassDef) and any(
                   isinstance(item, ast.FunctionDef) and item.name == "__rich_console__"
                   for item in node.body)}
    assert defined == {"Marked", "RubricTable"}
