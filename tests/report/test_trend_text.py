"""The trend as text: the headline first, every round's figures, the changes, how to read it."""

from __future__ import annotations

from collections.abc import Callable

from coprod_cli.report import trend_text
from tests.builders import CATALOGUE
from tests.conftest import render_text
from tests.report.trendbuilt import built


def test_the_whole_text(golden: Callable[[str, str], None]) -> None:
    golden("trend.txt", render_text(trend_text.trend(built(), CATALOGUE)))


def test_the_headline_comes_first_and_every_round_is_shown() -> None:
    text = render_text(trend_text.trend(built(), CATALOGUE))
    assert text.splitlines()[1].startswith("Overall, from Spring to Autumn:")
    for label in ("Spring", "Summer", "Autumn"):
        assert label in text
    assert "a real rise" in text and "whole scale" in text


def test_the_tables_hold_safe_text_so_the_console_prints_them_uncopied() -> None:
    from rich.table import Table

    from coprod_cli.cli.safeconsole import safe

    shown = trend_text.trend(built(), CATALOGUE)
    tables = [part for part in shown.renderables if isinstance(part, Table)]
    assert len(tables) == 2 and all(safe(table) is table for table in tables)
