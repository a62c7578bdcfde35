"""Plain dataclasses to JSON data and back, as pydantic would write and read them."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from typing import Literal

from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from coprod_cli.plain import build, to_data


class Colour(str, enum.Enum):
    red = "red"
    blue = "blue"


@dataclass(frozen=True, kw_only=True)
class Leaf:
    not_yet: str = field(metadata={"alias": "not-yet"})
    mark: Literal["a", "b"] | None = None


@dataclass(frozen=True, kw_only=True)
class Tree:
    name: str
    score: float | None
    day: datetime.date | None = None
    colour: Colour = Colour.red
    leaves: tuple[Leaf, ...] = ()
    by_id: dict[str, Leaf | None] = field(default_factory=dict)
    counts: list[int] = field(default_factory=list)
    child: Leaf | None = None


texts = st.text(max_size=8)
leaves = st.builds(Leaf, not_yet=texts, mark=st.sampled_from(["a", "b", None]))
trees = st.builds(
    Tree, name=texts, score=st.none() | st.floats(0, 3), colour=st.sampled_from(Colour),
    day=st.none() | st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 12, 31)),
    leaves=st.lists(leaves, max_size=3).map(tuple),
    by_id=st.dictionaries(texts, st.none() | leaves, max_size=3),
    counts=st.lists(st.integers(), max_size=3), child=st.none() | leaves)


@given(trees)
def test_what_to_data_writes_build_reads_back_equal(tree: Tree) -> None:
    assert build(Tree, to_data(tree, by_alias=True)) == tree


@given(trees)
def test_to_data_is_what_pydantic_writes_so_json_output_keeps_its_bytes(tree: Tree) -> None:
    adapter = TypeAdapter(Tree)
    assert to_data(tree) == adapter.dump_python(tree, mode="json")
    assert to_data(tree, by_alias=True) == adapter.dump_python(tree, mode="json", by_alias=True)


def test_aliases_name_the_keys_only_when_asked() -> None:
    leaf = Leaf(not_yet="x")
    assert to_data(leaf) == {"not_yet": "x", "mark": None}
    assert to_data(leaf, by_alias=True) == {"not-yet": "x", "mark": None}
