"""JSON output: stable, documented shapes for other tools."""

from __future__ import annotations

import json
from typing import Any

from coprod_cli.models import Catalogue
from coprod_cli.plain import to_data
from coprod_cli.report import SHORT, View
from coprod_cli.results import Comparison, Result

# JSON escapes C0 controls itself; these it writes raw. As \uXXXX escapes the data is the same
# (any JSON reader decodes them back), and nothing reaches a terminal that cats the output.
_ESCAPED = {code: f"\\u{code:04x}" for code in [0x7F, *range(0x80, 0xA0), 0x061C, 0x200E,
                                                 0x200F, *range(0x202A, 0x202F),
                                                 *range(0x2066, 0x206A), 0x2028, 0x2029,
                                                 *range(0xD800, 0xE000)]}


def _safe(text: str) -> str:
    return text.translate(_ESCAPED)


def dump(value: Any) -> str:
    return _safe(json.dumps(value, indent=2, ensure_ascii=False)) + "\n"


def result(res: Result, catalogue: Catalogue, view: View = SHORT) -> str:
    """The result as `coprod schema result` describes it."""
    return dump(to_data(res))


def comparison(cmp: Comparison, catalogue: Catalogue, view: View = SHORT) -> str:
    """The comparison as `coprod schema comparison` describes it."""
    return dump(to_data(cmp))
