"""The listings as text: every statement with its rubric, plain words first when asked."""

from __future__ import annotations

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
