"""A comparison in Markdown: the overall move, then a table with a row per area."""

from __future__ import annotations

from coprod_cli.report import comparison_markdown, markdown
from tests.builders import CATALOGUE
from tests.report.test_comparison_text import compared


def test_each_area_is_a_row_of_the_table_after_the_overall_move() -> None:
    shown = comparison_markdown.comparison(compared(), CATALOGUE)
    assert shown == markdown.comparison(compared(), CATALOGUE)
    rows = [line for line in shown.splitlines() if line.startswith(("| Alpha ", "| Beta "))]
    assert len(rows) == 2 and shown.index("Overall score") < shown.index(rows[0])


def test_a_private_comparison_says_so_at_the_top() -> None:
    private = comparison_markdown.comparison(compared(True), CATALOGUE)
    assert private.startswith("**PRIVATE: exact figures")
    assert "PRIVATE" not in comparison_markdown.comparison(compared(), CATALOGUE)
