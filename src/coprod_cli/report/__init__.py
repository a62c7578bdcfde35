"""Output formats: one module per format, each turning models and results into text."""

from __future__ import annotations

import importlib
from enum import Enum
from types import ModuleType


class Format(str, Enum):
    """Every output format; listings use all but html."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class ListingFormat(str, Enum):
    """Formats for listings (frameworks, show, recommendations)."""

    text = "text"
    json = "json"
    markdown = "markdown"


def renderer(fmt: Format | ListingFormat) -> ModuleType:
    """The module for a format, imported only when asked for (html pulls in jinja2)."""
    return importlib.import_module(f"coprod_cli.report.{fmt.value}")
