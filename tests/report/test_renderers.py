"""Every output format keeps the renderer interface, and renders a comparison as its golden file."""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Callable
from typing import Any

import pytest

from coprod_cli import __version__
from coprod_cli.report import (
    Format,
    ListingFormat,
    ListingRenderer,
    ResultRenderer,
    renderer,
)
from coprod_cli.results import Comparison, Result
from coprod_cli.scoring.comparison import compare
from coprod_cli.scoring.engine import score
from coprod_cli.tally import Tally
from tests.builders import CATALOGUE, FW, answers
from tests.conftest import render_text

SUFFIX = {Format.text: "txt", Format.json: "json", Format.markdown: "md", Format.html: "html"}


def _interface(protocol: type) -> dict[str, list[str]]:
    """Each function a Protocol asks for, with its parameter names (self left out)."""
    return {name: list(inspect.signature(member).parameters)[1:]
            for name, member in vars(protocol).items()
            if inspect.isfunction(member) and not name.startswith("_")}


@pytest.mark.parametrize("fmt", list(Format) + list(ListingFormat), ids=repr)
def test_every_format_provides_its_renderer_interface(fmt: Format | ListingFormat) -> None:
    protocol = ListingRenderer if isinstance(fmt, ListingFormat) else ResultRenderer
    module: Any = renderer(fmt)
    for name, parameters in _interface(protocol).items():
        function = getattr(module, name, None)
        assert callable(function), (
            f"{module.__name__} has no {name}(): every {type(fmt).__name__} "
            f"module provides each function of {protocol.__name__} (report/__init__.py)")
        assert list(inspect.signature(function).parameters) == parameters, (
            f"{module.__name__}.{name} takes {list(inspect.signature(function).parameters)}; "
            f"{protocol.__name__}.{name} in report/__init__.py says {parameters}")


def test_every_listing_format_is_a_format() -> None:
    assert {f.value for f in ListingFormat} <= {f.value for f in Format}


def _side(day: int, levels: dict[str, list[str]]) -> Result:
    """Three people drawing on care and three practitioners, each role answering alike."""
    tally = Tally(FW)
    for role, values in levels.items():
        for _ in range(3):
            tally.add(answers(dict(zip([s.id for s in FW.statements], values, strict=True)),
                              role=role, assessed_on=datetime.date(2026, day, 1)))
    return score(FW, CATALOGUE, tally)


def _comparison() -> Comparison:
    """Two collective assessments: one dimension up a level, one down, some people unsure."""
    before = _side(3, {
        "person-drawing-on-care": ["not-yet", "descriptive", "intermediate", "intermediate",
                                   "unsure"],
        "practitioner": ["descriptive", "descriptive", "intermediate", "transformative",
                         "intermediate"]})
    after = _side(9, {
        "person-drawing-on-care": ["intermediate", "descriptive", "descriptive", "not-yet",
                                   "unsure"],
        "practitioner": ["transformative", "intermediate", "intermediate", "descriptive",
                         "descriptive"]})
    return compare(before, after)


@pytest.mark.parametrize("fmt", list(Format), ids=repr)
def test_comparison_golden(golden: Callable[[str, str], None], fmt: Format) -> None:
    rendered = render_text(renderer(fmt).comparison(_comparison(), CATALOGUE))
    golden(f"comparison.{SUFFIX.get(fmt, fmt.value)}", rendered.replace(__version__, "VERSION"))


def test_a_renderer_asked_for_again_freezes_nothing_more() -> None:
    """Only a renderer's first import is frozen out of the collector's passes: garbage made
    between two calls is still collected (an in-process caller, such as assess or a test,
    asks many times)."""
    import gc

    renderer(Format.text)
    frozen = gc.get_freeze_count()
    cycles = [[] for _ in range(1000)]
    for cycle in cycles:
        cycle.append(cycle)
    del cycles, cycle
    renderer(Format.text)
    assert gc.get_freeze_count() == frozen
    assert gc.collect() >= 1000
