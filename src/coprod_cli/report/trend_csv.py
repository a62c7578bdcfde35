"""A trend as CSV for a spreadsheet: one row per round and area (the whole first)."""

from __future__ import annotations

import csv
import io

from coprod_cli.models import Catalogue
from coprod_cli.report import SHORT, View
from coprod_cli.safetext import visible_line
from coprod_cli.trends import Change, Figure, Round, Trend

HEADER = ("round", "label", "assessed_on", "area", "area_name", "respondents", "score",
          "level", "adjusted_score", "adjusted_level", "band_low", "band_high",
          "change_from_previous", "too_few", "target", "reaches_target")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula


def cell(text: str) -> str:
    """Outside text (a label, a framework's name) that a spreadsheet shows and never runs."""
    line = visible_line(text)
    return "'" + line if line.startswith(_FORMULA) else line


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _row(index: int, rnd: Round, figure: Figure, change: Change | None) -> list[str]:
    return [str(index), cell(rnd.label), rnd.assessed_on.isoformat() if rnd.assessed_on else "",
            figure.area, cell(figure.name), str(rnd.respondents), _number(figure.score),
            figure.level or "", _number(figure.adjusted_score), figure.adjusted_level or "",
            _number(figure.band_low), _number(figure.band_high),
            change.verdict if change else "", "yes" if rnd.too_few else "no",
            figure.target or "",
            "" if figure.reaches_target is None else "yes" if figure.reaches_target else "no"]


def trend(tr: Trend, catalogue: Catalogue, view: View = SHORT) -> str:
    """Each round's figures, and the verdict against the round before (empty for the first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for index, rnd in enumerate(tr.rounds, start=1):
        before = tr.rounds[index - 2].label if index > 1 else None
        verdicts = {c.area: c for c in tr.changes if c.before == before and c.after == rnd.label}
        for figure in (rnd.overall, *rnd.areas):
            writer.writerow(_row(index, rnd, figure, verdicts.get(figure.area)))
    return buffer.getvalue()
