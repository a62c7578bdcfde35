"""JSON output: stable, documented shapes for other tools."""

from __future__ import annotations

import json
from typing import Any

from coprod_cli.models import Catalogue, Framework
from coprod_cli.results import Comparison, Result


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def frameworks(items: list[Framework], builtin: set[str]) -> str:
    return _dump([
        {"id": fw.id, "name": fw.name, "version": fw.version, "text": fw.text,
         "source": fw.source.model_dump(mode="json"), "builtin": fw.id in builtin,
         "dimensions": [d.id for d in fw.dimensions], "statements": len(fw.statements)}
        for fw in items
    ])


def framework(fw: Framework, catalogue: Catalogue) -> str:
    return _dump(fw.model_dump(mode="json", by_alias=True))


def recommendation_dict(rec_id: str, catalogue: Catalogue) -> dict[str, Any]:
    rec = catalogue.recommendation(rec_id)
    source = catalogue.source(rec.source).model_dump(mode="json", exclude={"id"})
    return {"id": rec.id, "piece": rec.piece, "text": rec.text, "plain": rec.plain,
            "source": source}


def recommendations(catalogue: Catalogue, pieces: list[str]) -> str:
    return _dump([recommendation_dict(rec.id, catalogue)
                  for rec in catalogue.recommendations if rec.piece in pieces])


def result(res: Result, catalogue: Catalogue) -> str:
    return res.model_dump_json(indent=2) + "\n"


def comparison(cmp: Comparison, catalogue: Catalogue) -> str:
    return cmp.model_dump_json(indent=2) + "\n"
