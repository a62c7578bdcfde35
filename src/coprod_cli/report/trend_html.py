"""A trend as one self-contained, accessible page: a line chart of the overall score across
rounds (with a text alternative) and the same figures in tables."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from coprod_cli.i18n import _
from coprod_cli.models import Catalogue
from coprod_cli.report import SHORT, View, linechart, phrases, planwords, templating, trendwords
from coprod_cli.report.pages import level_names, marking
from coprod_cli.safetext import visible
from coprod_cli.trends import Trend

if TYPE_CHECKING:
    import jinja2


@cache
def environment() -> jinja2.Environment:
    """The templates with the helpers the trend's page uses (report/html.py's environment has
    every report's, and so imports them all)."""
    env = templating.environment()
    env.globals.update(phrases=phrases, planwords=planwords)
    return env


def chart(tr: Trend, catalogue: Catalogue) -> linechart.LineChart:
    """The overall score per round: adjusted with its band, and as answered."""
    overall = [r.overall for r in tr.rounds]
    bands = [None if f.band_low is None or f.band_high is None else (f.band_low, f.band_high)
             for f in overall]
    return linechart.chart([r.label for r in tr.rounds], [
        (_("Adjusted to one mix of roles, with its 95% band"),
         [f.adjusted_score for f in overall], bands),
        (_("As answered"), [f.score for f in overall], [None] * len(overall))],
        level_names(catalogue))


def trend(tr: Trend, catalogue: Catalogue, view: View = SHORT) -> str:
    """The page; the framework's texts with no translation into the reader's language are
    marked with their own (`view.apart`)."""
    return visible(environment().get_template("trend.html.j2").render(
        tr=tr, res={"tool_version": tr.tool_version, "recommendations": [],
                   "private": tr.private, "credit": tr.credit, "sources": tr.sources},
        catalogue=catalogue, chart=chart(tr, catalogue), words=trendwords,
        own=marking(view)))
