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



def test_an_area_name_shows_its_control_characters_in_the_table() -> None:
    """The table's cells reach the console as strings, which it shows safely: rich's Text,
    made first, would drop a carriage return or a bell unseen."""
    import dataclasses
    import io

    from coprod_cli.cli.safeconsole import console

    trend = built()
    rounds = [dataclasses.replace(rnd, areas=[
        dataclasses.replace(rnd.areas[0], name="Voice\r\a"), *rnd.areas[1:]])
        for rnd in trend.rounds]
    out = io.StringIO()
    console(no_color=True, file=out, width=100).print(
        trend_text.trend(dataclasses.replace(trend, rounds=rounds), CATALOGUE))
    assert "Voice\\x0d\\x07" in out.getvalue() and "\r" not in out.getvalue()
