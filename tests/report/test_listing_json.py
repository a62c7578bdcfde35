"""The listings as JSON: the shapes other tools read."""

from __future__ import annotations

import json

from coprod_cli.report import listing_json
from tests.builders import CATALOGUE, FW


def test_frameworks_say_which_are_built_in() -> None:
    [listed] = json.loads(listing_json.frameworks([FW], set()))
    assert listed["id"] == FW.id and listed["builtin"] is False
    assert listed["dimensions"] == [d.id for d in FW.dimensions]


def test_a_recommendation_carries_its_source_without_the_source_id() -> None:
    rec = CATALOGUE.recommendations[0]
    shown = listing_json.recommendation_dict(rec.id, CATALOGUE)
    assert shown["piece"] == rec.piece and "id" not in shown["source"]
