"""A comparison as text: what `compare` shows, the overall move first, then each area."""

from __future__ import annotations

import dataclasses

from coprod_cli.report import comparison_text, text
from coprod_cli.results import Comparison
from coprod_cli.scoring.comparison import compare
from tests.builders import CATALOGUE, result_for
from tests.conftest import render_text

BEFORE = {"alpha-1": 0, "alpha-2": 1, "beta-1": 1, "beta-2": 1, "beta-3": 0}
AFTER = {"alpha-1": 2, "alpha-2": 2, "beta-1": 1, "beta-2": 3, "beta-3": 0}


def compared(private: bool = False) -> Comparison:
    """Two small results compared (test_comparison_markdown.py uses it too)."""
    return dataclasses.replace(compare(result_for(BEFORE), result_for(AFTER)), private=private)


def test_the_format_shows_the_comparison_this_module_renders() -> None:
    shown = render_text(comparison_text.comparison(compared(), CATALOGUE))
    assert shown == render_text(text.comparison(compared(), CATALOGUE))
    assert shown.index("Overall") < shown.index("Alpha") < shown.index("Beta")


def test_a_private_comparison_says_so() -> None:
    assert "NOT TO SHARE" in render_text(comparison_text.comparison(compared(True), CATALOGUE))
    assert "NOT TO SHARE" not in render_text(comparison_text.comparison(compared(), CATALOGUE))
