"""A form outline as text, Markdown or a CSV header row."""

from __future__ import annotations

from tests.cli.test_form import LIB
from tests.conftest import Run


def test_the_text_outline_lists_the_role_question_and_every_choice(run: Run) -> None:
    out = run("form", "nef").stdout
    assert "Question 1 (optional): Your role: which of these best describes you?" in out
    assert "  ( ) Person who draws on care and support" in out
    first = LIB.framework("nef").statements[0]
    assert f"Question 2: {first.id}. {first.text}" in out
    assert f"  ( ) 2 - Intermediate: {first.levels.intermediate}" in out
    assert "  ( ) Don't know" in out
    assert "0 - Not yet co-production | 1 - Descriptive | 2 - Intermediate | " \
        "3 - Transformative | Don't know" in out
