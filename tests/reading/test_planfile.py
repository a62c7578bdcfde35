"""A plan file is validated against its framework; each mistake is one located line."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_cli.errors import InvalidData
from coprod_cli.reading import planfile
from coprod_cli.reading.loader import Library

GOOD = """\
framework: nef
made_on: 2026-03-18
target: intermediate
moves:
  - statement: assets-1
    from: descriptive
    to: intermediate
    owner: manager
    co_owner: carer
    due: 2026-06-17
"""


def _read(tmp_path: Path, text: str) -> object:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return planfile.read(Library.builtin(), path)


def test_a_plan_written_by_hand_is_read(tmp_path: Path) -> None:
    plan = _read(tmp_path, GOOD)
    assert plan.moves[0].co_owner == "carer"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("old", "new", "says", "line"), [
    ("assets-1", "assets-9", "unknown statement 'assets-9'", 5),
    ("owner: manager", "owner: boss", "unknown role 'boss'", 8),
    ("co_owner: carer", "co_owner: manager", "unknown lived role 'manager'", 9),
    ("due: 2026-06-17", "due: someday", "due", 10),
    ("framework: nef", "framework: nope", "unknown framework 'nope'", 1),
])
def test_each_mistake_is_located(tmp_path: Path, old: str, new: str, says: str,
                                 line: int) -> None:
    with pytest.raises(InvalidData) as caught:
        _read(tmp_path, GOOD.replace(old, new))
    assert says in str(caught.value)
    assert f"plan.yaml:{line}:" in str(caught.value)
