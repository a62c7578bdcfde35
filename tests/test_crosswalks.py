"""A crosswalk's own rules: each target statement said once, ids checked against the two
frameworks, every target statement mapped or named as not covered."""

from __future__ import annotations

from typing import Any

import pytest

from coprod_cli.crosswalks import Crosswalk
from coprod_cli.errors import PathError
from coprod_cli.reading.loader import validated

SOURCE = ("src", "1", ["a-1", "a-2", "a-3"])
TARGET = ("tgt", "2", ["b-1", "b-2"])


def walk(**changes: Any) -> Crosswalk:
    data: dict[str, Any] = {
        "id": "src-to-tgt", "name": "From src to tgt",
        "from": {"framework": "src", "version": "1"}, "to": {"framework": "tgt", "version": "2"},
        "reviewed": "read on both sides",
        "mappings": [{"to": "b-1", "from": ["a-1", "a-2"], "note": "both are needed"}],
        "not_covered": [{"id": "b-2", "note": "src does not ask"}]}
    return validated(Crosswalk, data | changes)


def test_a_whole_crosswalk_checks_and_maps_each_target_statement() -> None:
    found = walk()
    found.check(SOURCE, TARGET)
    assert found.covered == {"b-1": ("a-1", "a-2")}
    assert found.rule == "lowest"


def test_a_statement_mapped_twice_is_refused_where_it_is_said_again() -> None:
    with pytest.raises(PathError) as caught:
        walk(mappings=[{"to": "b-1", "from": ["a-1"], "note": "n"},
                       {"to": "b-1", "from": ["a-2"], "note": "n"}])
    assert caught.value.path == ("mappings", 1, "to")
    assert "already mapped" in caught.value.what


def test_a_statement_both_mapped_and_not_covered_is_refused() -> None:
    with pytest.raises(PathError) as caught:
        walk(not_covered=[{"id": "b-1", "note": "n"}, {"id": "b-2", "note": "n"}])
    assert caught.value.path == ("not_covered", 0, "id")


def test_a_source_named_twice_in_one_mapping_is_refused() -> None:
    with pytest.raises(PathError) as caught:
        walk(mappings=[{"to": "b-1", "from": ["a-1", "a-1"], "note": "n"}])
    assert caught.value.path == ("mappings", 0, "from", 1)


@pytest.mark.parametrize(("changes", "path", "said"), [
    ({"mappings": [{"to": "b-1", "from": ["a-9"], "note": "n"}]}, ("mappings", 0, "from", 0),
     "'src' has no statement 'a-9'"),
    ({"mappings": [{"to": "b-7", "from": ["a-1"], "note": "n"}]}, ("mappings", 0, "to"),
     "'tgt' has no statement 'b-7'"),
    ({"not_covered": []}, ("mappings",), "nothing said for 1 statement(s) of 'tgt': b-2"),
    ({"to": {"framework": "tgt", "version": "1"}}, ("to", "version"), "written for tgt 1"),
    ({"from": {"framework": "other", "version": "1"}}, ("from", "framework"), "'other'"),
])
def test_each_mistake_against_the_frameworks_is_placed(changes: dict[str, Any],
                                                         path: tuple[Any, ...],
                                                         said: str) -> None:
    with pytest.raises(PathError) as caught:
        walk(**changes).check(SOURCE, TARGET)
    assert caught.value.path == path
    assert said in caught.value.what
    assert caught.value.fix
