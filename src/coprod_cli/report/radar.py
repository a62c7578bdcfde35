"""The radar chart's geometry: scores 0-3 as points on one spoke per dimension, in SVG units."""

from __future__ import annotations

import math
import textwrap

from coprod_cli.classes import frozen
from coprod_cli.report.chartstyle import STYLES, Style, marker_path

RADIUS = 130.0
FONT = 20.0  # of a spoke's label; large, so it stays legible when a phone shrinks the chart
LINE = 23.0  # line height of a wrapped spoke label
WRAP = 10  # characters per line of a spoke's label


@frozen
class Point:
    """One dimension's score on its spoke, and the marker drawn there."""

    dimension: str
    score: float | None
    x: float
    y: float
    marker: str  # SVG path data


@frozen
class Series:
    """One result's scores as a polygon, drawn in its own style."""

    label: str
    style: Style
    points: tuple[Point, ...]

    @property
    def outline(self) -> str:
        """The polygon through the scored points (an unscored spoke is skipped)."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points if p.score is not None)

    def sample(self, x: float, y: float) -> str:
        """The series' marker at (x, y), for the legend."""
        return marker_path(self.style.marker, x, y)


@frozen
class Spoke:
    """A dimension's spoke and where its label goes, line by line."""

    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    lines: tuple[str, ...]


@frozen
class Ring:
    """A circle at one level, labelled with the level's name."""

    value: int
    radius: float
    label: str


@frozen
class Chart:
    """The whole chart: its size, centre, rings, spokes and series."""

    width: float
    height: float
    cx: float
    cy: float
    rings: tuple[Ring, ...]
    spokes: tuple[Spoke, ...]
    series: tuple[Series, ...]
    font: float = FONT
    line: float = LINE


def _angle(index: int, count: int) -> float:
    """Spokes clockwise from twelve o'clock."""
    return -math.pi / 2 + 2 * math.pi * index / count


def position(cx: float, cy: float, score: float, angle: float) -> tuple[float, float]:
    """Where a score (clamped to 0-3) sits on the spoke at `angle` from the centre."""
    r = RADIUS * max(0.0, min(3.0, score)) / 3
    return cx + r * math.cos(angle), cy + r * math.sin(angle)


def _wrapped(name: str) -> tuple[str, ...]:
    return tuple(textwrap.wrap(name, WRAP, break_on_hyphens=False)) or (name,)


def _margins(names: list[str], angles: list[float]) -> tuple[float, float]:
    """Room around the circle for the widest side label and the tallest top or bottom one."""
    labels = [(_wrapped(name), angle) for name, angle in zip(names, angles, strict=True)]
    wide = [max(map(len, lines)) for lines, angle in labels if abs(math.cos(angle)) > 0.2]
    tall = [len(lines) for lines, angle in labels if abs(math.sin(angle)) > 0.5]
    # About 0.6 em a character of bold text.
    return 24 + 0.6 * FONT * max(wide, default=4), 24 + LINE * max(tall, default=1)


def _spoke(name: str, cx: float, cy: float, angle: float) -> Spoke:
    cos, sin = math.cos(angle), math.sin(angle)
    lines = _wrapped(name)
    lx, ly = cx + (RADIUS + 14) * cos, cy + (RADIUS + 14) * sin
    anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
    if sin < -0.5:
        ly -= (len(lines) - 1) * LINE + 4
    elif sin > 0.5:
        ly += FONT
    else:
        ly -= (len(lines) - 1) * LINE / 2 - 6
    return Spoke(cx + RADIUS * cos, cy + RADIUS * sin, lx, ly, anchor, lines)


def chart(dimensions: list[tuple[str, str]], series: list[tuple[str, list[float | None]]],
          level_names: list[str]) -> Chart:
    """Dimensions as (id, name); each series a label and one score (or None) per dimension."""
    angles = [_angle(i, len(dimensions)) for i in range(len(dimensions))]
    margin_x, margin_y = _margins([name for _, name in dimensions], angles)
    cx, cy = RADIUS + margin_x, RADIUS + margin_y
    rings = tuple(Ring(value, RADIUS * value / 3, f"{value} {level_names[value]}")
                  for value in range(1, 4))
    spokes = tuple(_spoke(name, cx, cy, a) for (_, name), a in zip(dimensions, angles, strict=True))
    drawn = []
    for index, (label, scores) in enumerate(series):
        style = STYLES[index % len(STYLES)]
        points = []
        for (dim_id, _), angle, score in zip(dimensions, angles, scores, strict=True):
            x, y = position(cx, cy, score or 0.0, angle)
            points.append(Point(dim_id, score, x, y, marker_path(style.marker, x, y)))
        drawn.append(Series(label, style, tuple(points)))
    return Chart(2 * cx, 2 * cy, cx, cy, rings, spokes, tuple(drawn))
