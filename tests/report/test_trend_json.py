"""The trend as JSON: versioned, valid against `coprod schema trend`, built back unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable

import jsonschema

from coprod_cli.plain import build
from coprod_cli.report import trend_json
from coprod_cli.schemas import SchemaName, schema
from coprod_cli.trends import Trend
from tests.builders import CATALOGUE
from tests.report.trendbuilt import built


def test_the_whole_json(golden: Callable[[str, str], None]) -> None:
    text = trend_json.trend(built(), CATALOGUE)
    golden("trend.json", text.replace(json.loads(text)["tool_version"], "VERSION"))


def test_it_matches_its_schema_and_reads_back() -> None:
    data = json.loads(trend_json.trend(built(), CATALOGUE))
    jsonschema.Draft202012Validator(schema(SchemaName.trend)).validate(data)
    assert data["trend_version"] == 1
    assert build(Trend, data) == built()
