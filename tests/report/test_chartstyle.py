"""How a chart's series are drawn: each style told apart without its colour, each marker a
closed path centred where it is put."""

from __future__ import annotations

import pytest

from coprod_cli.report.chartstyle import STYLES, marker_path


def test_no_two_styles_look_alike_without_colour() -> None:
    looks = {(style.dash, style.marker, style.filled) for style in STYLES}
    assert len(looks) == len(STYLES)


def test_every_dash_has_a_name_that_says_it() -> None:
    assert all(style.dash_name.endswith(" line") for style in STYLES)
    assert {style.dash_name for style in STYLES if not style.dash} == {"solid line"}


@pytest.mark.parametrize("shape", ["circle", "square", "triangle", "diamond"])
def test_a_marker_is_a_closed_path_that_starts_beside_its_centre(shape: str) -> None:
    path = marker_path(shape, 100.0, 50.0, r=5.0)
    assert path.startswith("M") and path.endswith("Z")
    x, y = (float(n) for n in path[1:].split("L")[0].split("h")[0].split("a")[0].split(","))
    assert abs(x - 100.0) <= 1.5 * 5.0 and abs(y - 50.0) <= 1.5 * 5.0
