"""How a chart's series are drawn: a colour, a dash pattern and a marker each, so colour is
never alone; the radar and the trend's line chart share them."""

from __future__ import annotations

from coprod_cli.classes import frozen


@frozen
class Style:
    """How a series is drawn: colour, dash pattern and marker shape, so colour is never alone."""

    colour: str
    dash: str
    marker: str
    filled: bool
    dash_name: str


# Dark colours (contrast 3:1 or more against white), each with its own dash and marker.
STYLES = (
    Style("#1d4f91", "", "circle", True, "solid line"),
    Style("#a13b00", "9 5", "square", True, "dashed line"),
    Style("#2d6a2f", "2 4", "triangle", True, "dotted line"),
    Style("#6a3d9a", "12 4 3 4", "diamond", True, "dash-dot line"),
    Style("#8a1c3f", "16 5", "circle", False, "long-dashed line"),
    Style("#005f73", "9 3 2 3 2 3", "square", False, "dash-dot-dot line"),
    Style("#6b5300", "", "triangle", False, "solid line"),
    Style("#333333", "9 5", "diamond", False, "dashed line"),
)


def marker_path(shape: str, x: float, y: float, r: float = 5.5) -> str:
    """A marker centred on (x, y): circle, square, triangle or diamond."""
    if shape == "square":
        return f"M{x - r:.1f},{y - r:.1f}h{2 * r:.1f}v{2 * r:.1f}h{-2 * r:.1f}Z"
    if shape == "triangle":
        return (f"M{x:.1f},{y - 1.3 * r:.1f}L{x + 1.2 * r:.1f},{y + 0.9 * r:.1f}"
                f"L{x - 1.2 * r:.1f},{y + 0.9 * r:.1f}Z")
    if shape == "diamond":
        d = 1.35 * r
        return f"M{x:.1f},{y - d:.1f}L{x + d:.1f},{y:.1f}L{x:.1f},{y + d:.1f}L{x - d:.1f},{y:.1f}Z"
    return f"M{x - r:.1f},{y:.1f}a{r:.1f},{r:.1f} 0 1,0 {2 * r:.1f},0a{r:.1f},{r:.1f} 0 1,0 " \
        f"{-2 * r:.1f},0Z"
