"""A trend as JSON: stable and versioned, as `coprod schema trend` describes it."""

from __future__ import annotations

from coprod_cli.models import Catalogue
from coprod_cli.plain import to_data
from coprod_cli.report import SHORT, View
from coprod_cli.report.json import dump
from coprod_cli.trends import Trend


def trend(tr: Trend, catalogue: Catalogue, view: View = SHORT) -> str:
    return dump(to_data(tr))
