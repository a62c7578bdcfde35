"""Plain dataclasses to JSON data and back, as pydantic would write and read them."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from dataclasses import dataclass, field
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from coprod_cli.plain import Record, build, record, to_data


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


@record
class Pair(Record):
    left: str
    right: tuple[int, ...] = ()


@dataclass(frozen=True, kw_only=True)
class StandardPair:
    left: str
    right: tuple[int, ...] = ()


pairs = st.tuples(st.text(max_size=3), st.lists(st.integers(0, 2), max_size=2).map(tuple))


@given(pairs, pairs)
def test_a_record_compares_hashes_and_shows_itself_as_a_frozen_dataclass_would(
        one: tuple[str, tuple[int, ...]], two: tuple[str, tuple[int, ...]]) -> None:
    ours = [Pair(left=left, right=right) for left, right in (one, two)]
    theirs = [StandardPair(left=left, right=right) for left, right in (one, two)]
    assert (ours[0] == ours[1]) == (theirs[0] == theirs[1])
    assert hash(ours[0]) == hash(theirs[0])
    assert repr(ours[0]) == repr(theirs[0]).replace("StandardPair", "Pair")
    assert ours[0] != theirs[0] and ours[0] != (one[0], one[1])


def test_a_record_cannot_change_once_made() -> None:
    made = Pair(left="a")
    for change in (lambda: setattr(made, "left", "b"), lambda: setattr(made, "new", 1),
                   lambda: delattr(made, "left")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            change()
    assert dataclasses.replace(made, left="b") == Pair(left="b") and made.left == "a"
