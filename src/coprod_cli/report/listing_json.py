"""The listings as JSON: the frameworks, one framework as its model, SCIE's recommendations."""

from __future__ import annotations

from typing import Any

from coprod_cli.models import Catalogue, Framework
from coprod_cli.plain import to_data
from coprod_cli.report.json import dump


def frameworks(items: list[Framework], builtin: set[str]) -> str:
    """The frameworks coprod knows: id, name, source, and whether each is built in."""
    return dump([
        {"id": fw.id, "name": fw.name, "version": fw.version, "text": fw.text,
         "source": to_data(fw.source), "builtin": fw.id in builtin,
         "dimensions": [d.id for d in fw.dimensions], "statements": len(fw.statements)}
        for fw in items
    ])


def framework(fw: Framework, catalogue: Catalogue, plain: bool = False) -> str:
    """One framework as its validated model: every dimension, statement and rubric."""
    return dump(to_data(fw, by_alias=True))


def recommendation_dict(rec_id: str, catalogue: Catalogue) -> dict[str, Any]:
    """One recommendation with its source, as the listing and action plans show it."""
    rec = catalogue.recommendation(rec_id)
    source = {key: value for key, value in to_data(catalogue.source(rec.source)).items()
              if key != "id"}
    return {"id": rec.id, "piece": rec.piece, "text": rec.text, "plain": rec.plain,
            "source": source}


def recommendations(catalogue: Catalogue, pieces: list[str]) -> str:
    """SCIE's recommendations for the given jigsaw pieces, in catalogue order."""
    return dump([recommendation_dict(rec.id, catalogue)
                  for rec in catalogue.recommendations if rec.piece in pieces])
