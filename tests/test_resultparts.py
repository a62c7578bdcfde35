"""The parts of a result a trend shares: keyword-only records that come back from their
JSON-style data unchanged."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from coprod_cli import resultparts
from coprod_cli.plain import build, to_data
from coprod_cli.resultparts import Intake, ResultModel

PARTS = [cls for cls in vars(resultparts).values()
         if isinstance(cls, type) and issubclass(cls, ResultModel) and cls is not ResultModel]


def test_who_was_counted_keeps_its_dates() -> None:
    intake = Intake(read=3, counted=2, skipped=1, skipped_because={"invalid": 1},
                    earliest=datetime.date(2026, 5, 1), latest=datetime.date(2026, 5, 20))
    assert build(Intake, to_data(intake)) == intake


@pytest.mark.parametrize("part", PARTS, ids=lambda cls: cls.__name__)
def test_every_part_is_a_keyword_only_record(part: type) -> None:
    """Keyword-only, so a field added to a part never shifts the others."""
    assert dataclasses.is_dataclass(part)
    assert all(item.kw_only for item in dataclasses.fields(part))
