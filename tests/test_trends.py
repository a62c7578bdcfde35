"""The trend's shape: versioned, every record rebuilt from its data unchanged."""

from __future__ import annotations

from coprod_cli.plain import build, to_data
from coprod_cli.schemas import SchemaName, schema
from coprod_cli.trends import TREND_VERSION, Trend
from tests.report.trendbuilt import built


def test_a_trend_reads_back_as_written() -> None:
    tr = built()
    assert build(Trend, to_data(tr)) == tr
    assert to_data(tr)["trend_version"] == TREND_VERSION == 1


def test_its_schema_describes_the_verdicts_and_the_bands() -> None:
    body = schema(SchemaName.trend)
    change = body["$defs"]["Change"]["properties"]
    assert set(change["verdict"]["enum"]) == {"real-rise", "real-fall", "no-clear-change",
                                              "not-known"}
    assert "band" in body["$defs"]["Figure"]["properties"]["band_low"]["description"]
    assert body["additionalProperties"] is False
