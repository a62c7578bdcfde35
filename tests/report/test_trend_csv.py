"""The trend as CSV: one row per round and area, the whole first; nothing a spreadsheet runs."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from coprod_cli.report import trend_csv
from tests.builders import CATALOGUE, FW
from tests.report.trendbuilt import built


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_whole_csv(golden: Callable[[str, str], None]) -> None:
    golden("trend.csv", trend_csv.trend(built(), CATALOGUE))


def test_one_row_per_round_and_area() -> None:
    rows = _rows(trend_csv.trend(built(), CATALOGUE))
    assert len(rows) == 3 * (1 + len(FW.dimensions))
    assert [r["area"] for r in rows[:3]] == ["overall", "alpha", "beta"]
    assert rows[0]["change_from_previous"] == ""
    assert rows[3]["change_from_previous"] == "real-rise"
    assert list(rows[0]) == list(trend_csv.HEADER)


def test_a_label_is_never_a_formula() -> None:
    rows = _rows(trend_csv.trend(built(("=HYPERLINK(1)", "+1", "@x")), CATALOGUE))
    assert {r["label"][0] for r in rows} == {"'"}
