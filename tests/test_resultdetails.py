"""The parts only a result holds: keyword-only records that come back from their JSON-style
data unchanged."""

from __future__ import annotations

import dataclasses

import pytest

from coprod_cli import resultdetails
from coprod_cli.plain import build, to_data
from coprod_cli.resultdetails import DimensionChange, WhatIf, WhatIfStatement
from coprod_cli.resultparts import ResultModel

PARTS = [cls for cls in vars(resultdetails).values()
         if isinstance(cls, type) and issubclass(cls, ResultModel) and cls is not ResultModel
         and cls.__module__ == resultdetails.__name__]


def test_a_change_and_a_what_if_come_back_from_their_data_unchanged() -> None:
    change = DimensionChange(id="assets", name="Assets", before_score=1.0, after_score=2.5,
                             before_level="descriptive", after_level="intermediate",
                             change=1.5, direction="up", level_direction="up",
                             level_dropped=False)
    what_if = WhatIf(statements=[WhatIfStatement(statement="assets-1", from_score=None,
                                                 to_level="transformative")],
                     before_level="descriptive", before_score=1.0, level_direction="up",
                     dimensions=[change])
    assert build(WhatIf, to_data(what_if)) == what_if


@pytest.mark.parametrize("part", PARTS, ids=lambda cls: cls.__name__)
def test_every_part_is_a_keyword_only_record(part: type) -> None:
    """Keyword-only, so a field added to a part never shifts the others."""
    assert dataclasses.is_dataclass(part)
    assert all(item.kw_only for item in dataclasses.fields(part))
