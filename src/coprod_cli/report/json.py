"""JSON output: stable, documented shapes for other tools."""

from __future__ import annotations

import json
from typing import Any

from coprod_cli.models import Catalogue, Framework
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


def _dump(value: Any) -> str:
    return _safe(json.dumps(value, indent=2, ensure_ascii=False)) + "\n"


def frameworks(items: list[Framework], builtin: set[str]) -> str:
    """The frameworks coprod knows: id, name, source, and whether each is built in."""
    return _dump([
        {"id": fw.id, "name": fw.name, "version": fw.version, "text": fw.text,
         "source": to_data(fw.source), "builtin": fw.id in builtin,
         "dimensions": [d.id for d in fw.dimensions], "statements": len(fw.statements)}
        for fw in items
    ])


def framework(fw: Framework, catalogue: Catalogue, plain: bool = False) -> str:
    """One framework as its validated model: every dimension, statement and rubric."""
    return _dump(to_data(fw, by_alias=True))


def recommendation_dict(rec_id: str, catalogue: Catalogue) -> dict[str, Any]:
    """One recommendation with its source, as the listing and action plans show it."""
    rec = catalogue.recommendation(rec_id)
    source = {key: value for key, value in to_data(catalogue.source(rec.source)).items()
              if key != "id"}
    return {"id": rec.id, "piece": rec.piece, "text": rec.text, "plain": rec.plain,
            "source": source}


def recommendations(catalogue: Catalogue, pieces: list[str]) -> str:
    """SCIE's recommendations for the given jigsaw pieces, in catalogue order."""
    return _dump([recommendation_dict(rec.id, catalogue)
                  for rec in catalogue.recommendations if rec.piece in pieces])


def result(res: Result, catalogue: Catalogue, view: View = SHORT) -> str:
    """The result as `coprod schema result` describes it."""
    return _dump(to_data(res))


def comparison(cmp: Comparison, catalogue: Catalogue, view: View = SHORT) -> str:
    """The comparison as `coprod schema comparison` describes it."""
    return _dump(to_data(cmp))
