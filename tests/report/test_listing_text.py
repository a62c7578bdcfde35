"""The listings as text: every statement with its rubric, plain words first when asked."""

from __future__ import annotations

import io

import pytest
from rich.console import Console, Group
from rich.table import Table

from coprod_cli.cli import safeconsole
from coprod_cli.models import LEVEL_IDS
from coprod_cli.report import listing_text
from tests.builders import CATALOGUE, FW
from tests.conftest import render_text


def test_a_framework_shows_every_statement_and_the_level_names() -> None:
    shown = render_text(listing_text.framework(FW, CATALOGUE))
    assert all(s.id in shown for s in FW.statements)
    assert shown.count("what it looks like") == len(FW.statements)


def test_plain_words_lead_when_asked_for() -> None:
    statement = FW.statements[0]
    plain = render_text(listing_text.framework(FW, CATALOGUE, plain=True))
    assert f"In the framework's words: {statement.text}" in plain
    assert f"In plain words: {statement.plain}" not in plain


def test_an_added_framework_is_marked_and_how_to_see_one_is_said() -> None:
    shown = render_text(listing_text.frameworks([FW], set()))
    assert "(added)" in shown and "coprod show ID" in shown


def _both(rows: list[tuple[str, str]], headers: tuple[str, str] = ("level", "what it looks "
          "like")) -> tuple[listing_text.RubricTable, Table]:
    made = []
    for cls in (listing_text.RubricTable, Table):
        table = cls(show_header=True, box=None, padding=listing_text.RUBRIC_PADDING)
        for header in headers:
            table.add_column(header)
        for row in rows:
            table.add_row(*row)
        made.append(table)
    return made[0], made[1]


def _printed(table: Table, width: int, terminal: bool) -> str:
    """As coprod prints to a file or pipe, or (`terminal`) in colour to a terminal, where no
    line's padding is dropped."""
    out = io.StringIO()
    if not terminal:
        safeconsole.console(True, file=out, width=width).print(Group(table, "after"))
        return out.getvalue()
    Console(file=out, width=width, force_terminal=True, color_system="truecolor",
            highlight=False, markup=False, emoji=False).print(
        safeconsole.safe(Group(table, "after")))
    return out.getvalue()


RUBRIC_ROWS = [
    [(CATALOGUE.level(level).name, statement.row(level, plain)) for level in LEVEL_IDS]
    for statement in FW.statements[:3] for plain in (False, True)
] + [
    [("Not yet co-production", "Short.")],  # the descriptions narrower than the levels
    [("A", "B"), ("", "")],  # empty cells
    [("Descriptive", "x" * 90)],  # one word wider than most consoles
    [("Level\nname", "Two lines\nof description that go on for a while, " * 3)],
    [("Lefel", "Disgrifiad hir iawn sy'n mynd ymlaen am amser, gyda geiriau Cymraeg ŵ ŷ " * 2)],
]


@pytest.mark.parametrize("rows", RUBRIC_ROWS)
def test_a_rubric_is_laid_out_exactly_as_rich_lays_out_its_table(
        rows: list[tuple[str, str]]) -> None:
    """The rubric finds its columns' widths at once; they must be the widths rich works out,
    at any width, to a file or in colour to a terminal, with cells made safe as coprod's
    console makes them."""
    ours, theirs = _both(rows)
    for width in (12, 20, 30, 40, 44, 50, 60, 80, 100, 132, 250):
        for terminal in (False, True):
            assert _printed(ours, width, terminal) == _printed(theirs, width, terminal), width
