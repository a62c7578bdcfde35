"""@frozen and @mutable make classes that behave as @dataclass(frozen=True) and @dataclass
make them, without compiling their methods: the same arguments, defaults, comparisons,
hashes, reprs and refusals."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import pytest

from coprod_cli.classes import frozen, mutable


@frozen
class Point:
    """A frozen class with a default and a default factory."""

    x: int
    label: str = "here"
    seen: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StandardPoint:
    x: int
    label: str = "here"
    seen: list[str] = field(default_factory=list)


@mutable
class Counter:
    """A mutable class with a check after it is made."""

    name: str
    count: int = 0

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError("a count is never below nought")


@dataclass
class StandardCounter:
    name: str
    count: int = 0


@frozen
class One:
    """A frozen class of one field."""

    only: str


@dataclass(frozen=True)
class StandardOne:
    only: str


@frozen
class Noted:
    """A frozen class with a field left out of its comparisons and hash."""

    x: int
    seen: list[str] = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class StandardNoted:
    x: int
    seen: list[str] = field(default_factory=list, compare=False)


@frozen
class Undocumented:
    name: str


CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((1,), {}), ((1, "there"), {}), ((1,), {"label": "there"}), ((), {"x": 2}),
    ((1, "a", ["b"]), {}), ((), {"x": 1, "seen": ["c"], "label": "d"}),
]
WRONG: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((), {}), ((1, "a", [], 4), {}), ((1,), {"x": 2}), ((1,), {"colour": "red"}),
]


def _refusal(cls: type, args: tuple[Any, ...], given: dict[str, Any]) -> str:
    with pytest.raises(TypeError) as refused:
        cls(*args, **given)
    return str(refused.value).split("__init__() ")[1]


def test_a_frozen_class_is_made_compared_hashed_and_shown_as_a_dataclass() -> None:
    for args, given in CALLS:
        ours, theirs = Point(*args, **given), StandardPoint(*args, **given)
        assert vars(ours) == vars(theirs)
        assert repr(ours) == repr(theirs).replace("StandardPoint", "Point")
        assert ours == Point(*args, **given) and ours != theirs
    assert hash(Point(1, "a", ())) == hash(StandardPoint(1, "a", ()))  # type: ignore[arg-type]
    for cls in (Point, StandardPoint):
        with pytest.raises(TypeError, match="unhashable type: 'list'"):
            hash(cls(1))
    assert hash(One("a")) == hash(StandardOne("a")) and One("a") == One("a") != One("b")
    assert Point(1) != Point(2) and Point(1, "a") != Point(1, "b")
    assert Point(1).seen is not Point(1).seen
    assert (Point(1) == (1, "here", [])) is False
    for args, given in WRONG:
        assert _refusal(Point, args, given) == _refusal(StandardPoint, args, given)


def test_a_frozen_class_cannot_change_once_made() -> None:
    made = Point(1)
    for change in (lambda: setattr(made, "x", 2), lambda: setattr(made, "new", 1),
                   lambda: delattr(made, "x")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            change()
    assert dataclasses.replace(made, x=3) == Point(3) and made.x == 1
    assert [item.name for item in dataclasses.fields(Point)] == ["x", "label", "seen"]
    assert dataclasses.asdict(made) == {"x": 1, "label": "here", "seen": []}


def test_a_mutable_class_changes_compares_and_is_never_hashed() -> None:
    made = Counter("a")
    made.count += 2
    assert vars(made) == vars(StandardCounter("a", 2))
    assert made == Counter("a", 2) != Counter("a")
    assert repr(made) == repr(StandardCounter("a", 2)).replace("StandardCounter", "Counter")
    with pytest.raises(TypeError):
        hash(made)
    with pytest.raises(ValueError, match="nought"):
        Counter("a", -1)
    assert _refusal(Counter, (), {}) == _refusal(StandardCounter, (), {})


def test_a_field_left_out_of_comparisons_is_left_out_as_dataclass_leaves_it_out() -> None:
    assert Noted(1, ["a"]) == Noted(1, ["b"]) != Noted(2, ["a"])
    assert hash(Noted(1, ["a"])) == hash(StandardNoted(1, ["b"])) == hash(Noted(1))
    assert repr(Noted(1, ["a"])) == repr(StandardNoted(1, ["a"])).replace("StandardNoted", "Noted")


def test_a_class_without_a_docstring_is_left_to_dataclass_which_writes_its_signature() -> None:
    assert Undocumented.__doc__ == "Undocumented(name: 'str')"
    assert Undocumented("b") == Undocumented(name="b")


def test_a_field_with_options_beyond_a_default_is_refused_when_the_class_is_made() -> None:
    for option in ({"init": False, "default": 0}, {"repr": False}, {"hash": True},
                   {"kw_only": True}):
        with pytest.raises(TypeError, match=r"Bad\.count: a field of @frozen or @mutable "
                           "takes only a default"):
            @frozen
            class Bad:
                """A class whose field asks for more than a default."""

                count: int = field(**option)  # type: ignore[call-overload]
