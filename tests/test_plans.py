"""The plan's shape: versioned, rebuilt from its data unchanged, described by a schema."""

from __future__ import annotations

import datetime

from coprod_cli.plain import build, to_data
from coprod_cli.plans import PLAN_VERSION, Plan
from coprod_cli.schemas import SchemaName, schema
from coprod_cli.scoring import plancheck
from tests.builders import result_for


def test_a_plan_reads_back_as_written() -> None:
    plan = plancheck.make(result_for({"alpha-1": 0, "alpha-2": 1, "beta-1": 1, "beta-2": 1,
                                      "beta-3": 0}), datetime.date(2026, 3, 1))
    data = to_data(plan, by_alias=True)
    assert build(Plan, data) == plan
    assert data["plan_version"] == PLAN_VERSION == 1
    assert "from" in data["moves"][0]


def test_its_schema_names_every_field_of_a_move() -> None:
    move = schema(SchemaName.plan)["$defs"]["Move"]
    assert {"statement", "from", "to", "recommendations", "owner", "co_owner", "due"} <= \
        set(move["properties"])
    assert move["additionalProperties"] is False
