"""The trend in Markdown: the same content as text, and a label cannot break the tables."""

from __future__ import annotations

from collections.abc import Callable

from coprod_cli.report import trend_markdown
from tests.builders import CATALOGUE
from tests.report.trendbuilt import built


def test_the_whole_markdown(golden: Callable[[str, str], None]) -> None:
    golden("trend.md", trend_markdown.trend(built(), CATALOGUE))


def test_a_label_is_inert() -> None:
    text = trend_markdown.trend(built(("a|b", "<img src=x>", "[x](http://e)")), CATALOGUE)
    assert "a\\|b" in text and "\\<img" in text and "\\[x\\]" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    header = rows[0].count("|")
    assert all(row.count("|") - row.count("\\|") == header for row in rows[:4])
