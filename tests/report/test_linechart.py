"""The trend chart's geometry: 3 at the top, 0 at the bottom, a round without a score breaks
the line, every series drawn its own way (never by colour alone)."""

from __future__ import annotations

from coprod_cli.report import linechart

NAMES = ["Not yet", "Descriptive", "Intermediate", "Transformative"]


def test_scores_go_up_the_side_and_rounds_across() -> None:
    found = linechart.chart(["a", "b", "c"], [("s", [0.0, 3.0, 1.5], [None, (2.0, 3.0), None])],
                            NAMES)
    low, high, middle = found.lines[0].marks
    assert low.y is not None and high.y is not None and middle.y is not None
    assert high.y < middle.y < low.y
    assert low.x < high.x < middle.x
    assert high.low is not None and high.high is not None and high.high < high.low
    assert [rule.label for rule in found.rules] == [f"{v} {n}" for v, n in enumerate(NAMES)]


def test_a_round_without_a_score_breaks_the_line() -> None:
    found = linechart.chart(["a", "b", "c"], [("s", [1.0, None, 2.0], [None] * 3)], NAMES)
    assert found.lines[0].path.count("M") == 2 and "L" not in found.lines[0].path


def test_each_series_has_its_own_dash_and_marker() -> None:
    found = linechart.chart(["a", "b"], [("x", [1.0, 2.0], [None] * 2),
                                         ("y", [1.0, 2.0], [None] * 2)], NAMES)
    first, second = (line.style for line in found.lines)
    assert (first.dash, first.marker) != (second.dash, second.marker)


def test_a_long_label_is_shortened_under_the_chart() -> None:
    found = linechart.chart(["a" * 40, "b"], [("x", [1.0, 2.0], [None] * 2)], NAMES)
    assert len(found.labels[0][1]) == linechart.LABEL
