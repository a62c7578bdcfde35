"""The trend chart's geometry: one point per round, scores 0-3 up the side, each adjusted
score with its band as a bar, and the score as answered as a second, dashed line."""

from __future__ import annotations

from coprod_cli.classes import frozen
from coprod_cli.report.chartstyle import STYLES, Style, marker_path

WIDTH = 640.0
HEIGHT = 360.0
LEFT = 200.0  # room for the level names
RIGHT = 70.0  # room for half the last round's label
TOP = 24.0
BOTTOM = 64.0  # room for the rounds' labels
LABEL = 14  # characters of a round's label shown under the chart (the table has them all)


@frozen
class Mark:
    """One round on a line: where it is, its marker and its band's ends."""

    x: float
    y: float | None  # None: the round has no score
    marker: str  # SVG path data
    low: float | None  # the band's ends, in SVG units
    high: float | None


@frozen
class Line:
    """One series across the rounds, in its style."""

    label: str
    style: Style
    marks: tuple[Mark, ...]

    @property
    def path(self) -> str:
        """The line through the scored rounds (a round without a score breaks it)."""
        parts, pen = [], "M"
        for mark in self.marks:
            if mark.y is None:
                pen = "M"
                continue
            parts.append(f"{pen}{mark.x:.1f},{mark.y:.1f}")
            pen = "L"
        return "".join(parts)

    def sample(self, x: float, y: float) -> str:
        return marker_path(self.style.marker, x, y)


@frozen
class LevelLine:
    """A level's rule across the chart, and its name."""

    y: float
    label: str


@frozen
class LineChart:
    """The whole chart, in SVG units."""

    width: float
    height: float
    left: float
    right: float
    rules: tuple[LevelLine, ...]
    labels: tuple[tuple[float, str], ...]  # x and a round's (shortened) label
    lines: tuple[Line, ...]


def _y(score: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - max(0.0, min(3.0, score)) / 3)


def _short(label: str) -> str:
    return label if len(label) <= LABEL else label[:LABEL - 1] + "\u2026"


def chart(rounds: list[str], series: list[tuple[str, list[float | None],
                                                list[tuple[float, float] | None]]],
          level_names: list[str]) -> LineChart:
    """Rounds by label; each series a label, one score per round, and per round a band or
    None (no bar)."""
    step = (WIDTH - LEFT - RIGHT) / max(1, len(rounds) - 1)
    xs = [LEFT + step * index for index in range(len(rounds))]
    lines = []
    for index, (label, scores, bands) in enumerate(series):
        style = STYLES[index % len(STYLES)]
        marks = []
        for x, found, band in zip(xs, scores, bands, strict=True):
            y = None if found is None else _y(found)
            low, high = (None, None) if band is None else (_y(band[0]), _y(band[1]))
            marks.append(Mark(x, y, marker_path(style.marker, x, y or 0.0), low, high))
        lines.append(Line(label, style, tuple(marks)))
    rules = tuple(LevelLine(_y(value), f"{value} {level_names[value]}") for value in range(4))
    return LineChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, rules,
                     tuple((x, _short(label)) for x, label in zip(xs, rounds, strict=True)),
                     tuple(lines))
