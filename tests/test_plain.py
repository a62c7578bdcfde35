"""Plain dataclasses to JSON data and back, as pydantic would write and read them."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from coprod_cli.plain import Record, build, record, to_data
from tests.conftest import DATA, EXAMPLES, Run


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


@record
class Kept(Record):
    """A record with every kind of field, and a check after it is made."""

    name: str
    count: int = 0
    seen: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError("a count is never below nought")


@dataclass(kw_only=True)
class StandardKept:
    name: str
    count: int = 0
    seen: list[str] = field(default_factory=list)


@record
class Undocumented(Record):
    name: str


@record
class Bare(Record):
    name: str
    count: int = 0
    seen: list[str] = field(default_factory=list)
    day: datetime.date | None = None
    colour: Colour = Colour.red


def _standard_doc(cls: type) -> str | None:
    """The docstring dataclass itself writes for a class of `cls`'s name and fields."""
    space: dict[str, Any] = {"__annotations__": {}}
    for item in dataclasses.fields(cls):
        space["__annotations__"][item.name] = item.type
        if item.default_factory is not dataclasses.MISSING:
            space[item.name] = field(default_factory=item.default_factory)
        elif item.default is not dataclasses.MISSING:
            space[item.name] = item.default
    return dataclass(kw_only=True)(type(cls.__name__, (), space)).__doc__


def _refusal(cls: type, arguments: dict[str, Any]) -> str:
    with pytest.raises(TypeError) as refused:
        cls(**arguments)
    return str(refused.value).split("__init__() ")[1]


def test_a_record_is_made_as_a_dataclass_would_make_it() -> None:
    """Records share one __init__ instead of a compiled one each: the same arguments, defaults,
    fresh default lists, __post_init__, and the same refusals."""
    for arguments in ({"name": "a"}, {"name": "a", "count": 2, "seen": ["x"]}):
        assert vars(Kept(**arguments)) == vars(StandardKept(**arguments))
    assert Kept(name="a").seen is not Kept(name="a").seen
    for wrong in ({}, {"name": "a", "colour": "red"}):
        assert _refusal(Kept, wrong) == _refusal(StandardKept, wrong)
    with pytest.raises(TypeError):
        Kept("a")  # type: ignore[misc]
    with pytest.raises(ValueError, match="nought"):
        Kept(name="a", count=-1)
    assert Undocumented.__doc__ == "Undocumented(*, name: 'str')"  # dataclass writes it there
    assert Undocumented(name="b").name == "b"


def test_an_undocumented_record_has_the_docstring_dataclass_writes() -> None:
    """Its signature, written without inspecting a compiled __init__; pydantic leaves such a
    docstring out of the JSON Schema."""
    from coprod_cli.resultdetails import Gate, StatementResult
    from coprod_cli.resultparts import FrameworkRef

    for cls in (Undocumented, Bare, FrameworkRef, StatementResult, Gate):
        assert cls.__doc__ == _standard_doc(cls), cls
    assert Bare.__doc__ == ("Bare(*, name: 'str', count: 'int' = 0, seen: 'list[str]' = "
                            "<factory>, day: 'datetime.date | None' = None, colour: 'Colour' = "
                            "<Colour.red: 'red'>)")


def test_a_field_whose_metadata_holds_a_rule_is_refused_when_the_class_is_made() -> None:
    """A rule in metadata is one pydantic may pass over in silence (a misspelt 'max_lenght'
    would only reach the JSON Schema): rules go in Annotated, where they cannot be missed."""
    with pytest.raises(TypeError, match=r"Bad\.name: field metadata holds only alias and "
                       r"description, not max_lenght; write a bound or a length as a "
                       r"marker of coprod_cli\.rules"):
        @record
        class Bad(Record):
            name: str = field(metadata={"description": "d", "max_lenght": 3})


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(0, 3) | texts,
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(texts, inner, max_size=3), max_leaves=6)


def places(data: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key or index) in JSON data, outermost first."""
    if isinstance(data, (dict, list)):
        for at in data if isinstance(data, dict) else range(len(data)):
            yield data, at
            yield from places(data[at])


@given(trees, st.data())
def test_what_build_takes_writes_back_as_it_was(tree: Tree, draw: st.DataObject) -> None:
    """The start-up cache trusts what build gives for data that passes its other checks: data
    with a part replaced, a key taken away or one added (as a coprod whose records differ
    would keep it) is refused, or reads back exactly as it is."""
    data = to_data(tree, by_alias=True)
    spots = list(places(data))
    how = draw.draw(st.sampled_from(["replace", "remove", "add"]))
    if how == "add" or not spots:
        where = draw.draw(st.sampled_from([c for c, _ in spots if isinstance(c, dict)] or [data]))
        where[draw.draw(texts)] = draw.draw(json_values)
    else:
        container, at = draw.draw(st.sampled_from(spots))
        if how == "remove":
            del container[at]
        else:
            container[at] = draw.draw(json_values)
    try:
        value = build(Tree, data)
    except Exception:  # refused: the cache reads the source instead
        return
    assert to_data(value, by_alias=True) == data


WHOLE = to_data(Tree(name="x", score=1.0, child=Leaf(not_yet="a")), by_alias=True)


@pytest.mark.parametrize("changed", [
    {**WHOLE, "extra": 1},
    {key: value for key, value in WHOLE.items() if key != "counts"},
    {**WHOLE, "leaves": "ab"},
    {**WHOLE, "leaves": {"not-yet": "a"}},
    {**WHOLE, "day": "20261206"},
    {**WHOLE, "child": {"not_yet": "a"}},
    {**WHOLE, "colour": "green"},
], ids=["a key it does not have", "a key missing", "text for a tuple", "a mapping for a tuple",
        "a date not as isoformat writes it", "a key by its name, not its alias",
        "not one of the enum's values"])
def test_build_refuses_data_to_data_would_not_write(changed: dict[str, Any]) -> None:
    assert build(Tree, WHOLE) == Tree(name="x", score=1.0, child=Leaf(not_yet="a"))
    with pytest.raises(ValueError):
        build(Tree, changed)


class Shade(str, enum.Enum):
    """An enum that takes a value in any case, as one with a _missing_ may."""

    light = "light"

    @classmethod
    def _missing_(cls, value: object) -> Shade | None:
        return cls(value.lower()) if isinstance(value, str) and not value.islower() else None


@dataclass(frozen=True, kw_only=True)
class Swatch:
    shade: Shade


def test_build_refuses_an_enum_value_its_member_would_not_write() -> None:
    assert build(Swatch, {"shade": "light"}) == Swatch(shade=Shade.light)
    with pytest.raises(ValueError):
        build(Swatch, {"shade": "LIGHT"})


@record
class Cat(Record):
    name: str


@record
class Dog(Record):
    name: str


@record
class EitherPet(Record):
    pet: Cat | Dog | None = None


@record
class Tags(Record):
    tags: frozenset[str] = frozenset()


@record
class Point(Record):
    at: tuple[int, str] = (0, "")


@record
class Keeper(Record):
    name: str
    pets: tuple[EitherPet, ...] = ()


@pytest.mark.parametrize(("cls", "says"), [
    (EitherPet, r"EitherPet\.pet: plain.build cannot rebuild .*\(its data does not say which "
     r"of the union it is\)"),
    (Tags, r"Tags\.tags: plain.build cannot rebuild frozenset\[str\]"),
    (Point, r"Point\.at: plain.build cannot rebuild tuple\[int, str\]"),
    (Keeper, r"EitherPet\.pet: plain.build cannot rebuild"),
])
def test_build_refuses_a_type_it_cannot_rebuild_before_reading_any_data(cls: type,
                                                                      says: str) -> None:
    """Refused when build first meets the class, even where the data holds none of the field
    (a union of two records used to come back as a dict)."""
    with pytest.raises(TypeError, match=says):
        build(cls, {"name": "x"})


def record_types() -> set[type]:
    """Every record class of the data modules (not the bases they share)."""
    import coprod_cli.answers
    import coprod_cli.models
    import coprod_cli.results  # noqa: F401 - so their classes are found

    def below(cls: type) -> Iterator[type]:
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    from coprod_cli.languages import Translated

    return {cls for cls in below(Record) if dataclasses.is_dataclass(cls)
            and cls.__module__.startswith("coprod_cli.") and cls is not Translated}


def records_in(value: object) -> Iterator[Record]:
    """Every record inside a value, itself included."""
    if isinstance(value, Record):
        yield value
        value = [getattr(value, item.name) for item in dataclasses.fields(value)]  # type: ignore[arg-type]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from records_in(item)


def coprods_own(run: Run) -> Iterator[object]:
    """Records of every kind coprod makes: the built-in frameworks and catalogue, answers
    files, a collective result with every part filled in, a comparison and a trend."""
    import json

    from coprod_cli.reading.loader import Document, Library
    from coprod_cli.results import Comparison, Result

    library = Library.builtin()
    yield library.catalogue, library.frameworks()
    yield Library.builtin([DATA / "valid" / "two-languages.yaml"], language="cy").framework("tiny")
    for path in sorted((EXAMPLES / "collective-autumn-2026").glob("*.yaml")):
        yield library.answers(Document.read(path))[0]
    scored = run("score", str(EXAMPLES / "collective-autumn-2026"), "--format", "json",
                 "--min-group", "2", "--what-if", "assets-1=transformative",
                 "--fail-under", "transformative", "--target", "transformative").stdout
    yield build(Result, json.loads(scored))
    compared = run("compare", str(EXAMPLES / "collective-spring-2026"),
                   str(EXAMPLES / "collective-autumn-2026"), "--format", "json").stdout
    yield build(Comparison, json.loads(compared))
    from coprod_cli.reading import planfile
    from coprod_cli.trends import Trend

    rounds = sorted(str(path) for path in (EXAMPLES / "trend").iterdir())
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.yaml"
        run("plan", rounds[0], "-o", str(plan))
        yield planfile.read(library, plan)
        yield build(Trend, json.loads(run("trend", *rounds, "--format", "json", "--plan",
                                          str(plan)).stdout))
    # A shared trend gives no mix (its shares would give head counts): a private one does.
    yield build(Trend, json.loads(run("trend", *rounds, "--format", "json", "--private").stdout))
    yield from _through_a_migration_map(run)
    yield from _together(run, library)
    from coprod_cli.reading import crosswalks
    from coprod_cli.results import Results

    yield list(crosswalks.load(library).values())
    yield build(Results, json.loads(run("score", str(EXAMPLES / "collective-autumn-2026"),
                                        "--through", "nef,scie", "--format", "json").stdout))


def _through_a_migration_map(run: Run) -> Iterator[object]:
    """A framework with a migration map, a file written for its earlier version as read, and
    the result that says what the map did."""
    import json
    import tempfile

    from coprod_cli.reading.loader import Document, Library
    from coprod_cli.results import Result
    from tests.test_versions import OLD, V1, V2, tiny

    with tempfile.TemporaryDirectory() as folder:
        framework, answers = Path(folder) / "tiny.yaml", Path(folder) / "old.yaml"
        framework.write_text(json.dumps(tiny([V1, V2])), "utf-8")
        answers.write_text(json.dumps(OLD), "utf-8")
        library = Library.builtin([framework])
        yield library.read_answers(Document.read(answers))
        scored = run("score", str(answers), "--framework", str(framework), "-f", "json").stdout
        yield build(Result, json.loads(scored))


def _together(run: Run, library: Any) -> Iterator[object]:
    """The workshop's cards, an agreed.yaml with a dissent and a sign-off, and a result
    scored with it."""
    import json

    from coprod_cli.coproduced import Workshop
    from coprod_cli.reading.loader import Document
    from coprod_cli.results import Result

    team = str(EXAMPLES / "collective-autumn-2026")
    yield build(Workshop, json.loads(run("workshop", team, "-f", "json").stdout))
    text = ("framework: nef\nagreed:\n  assets-1:\n    level: 2\n    dissent:\n"
            "      - {voice: everyone-else, words: Not yet.}\n"
            "signoff: {reviewed_by: 2, reviewed_on: 2026-12-01, response: Yes.}\n")
    agreed = library.agreed(Document.from_bytes(text.encode(), "agreed.yaml"))[0]
    yield agreed
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "agreed.yaml")
        path.write_text(text)
        yield build(Result, json.loads(run("score", team, "--agreed", str(path),
                                           "-f", "json").stdout))


def test_every_record_type_comes_back_from_its_data_as_it_was(run: Run) -> None:
    """What the cache and the JSON output write, build reads back: each kind of record coprod
    has, met in what coprod makes, goes through to_data and build unchanged."""
    met: dict[type, int] = {}
    for found in records_in(list(coprods_own(run))):
        assert build(type(found), to_data(found, by_alias=True)) == found
        met[type(found)] = met.get(type(found), 0) + 1
    missing = sorted(cls.__qualname__ for cls in record_types() - set(met))
    assert not missing, f"no {missing} in what coprods_own makes: add a case that has one"


def test_build_reads_every_records_field_types_as_typing_does() -> None:
    """`build` reads a field's type without typing's Annotated (the rules were checked when the
    data was kept): for every record coprod keeps or writes, each field's type is the one
    typing.get_type_hints gives, rules aside."""
    import importlib
    import types
    import typing

    from coprod_cli.plain import _hint

    def bare(tp: Any) -> Any:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Annotated:
            return bare(args[0])
        if origin in (typing.Union, types.UnionType):
            return typing.Union[tuple(bare(arg) for arg in args)]  # noqa: UP007  (as typing gives it)
        if origin in (tuple, list, dict):
            return origin[tuple(bare(arg) for arg in args)]
        return tp

    compared = 0
    for name in ("models", "answers", "agreed", "plans", "versions", "resultparts", "resultdetails",
                 "results", "coproduced", "trends", "tally"):
        module = importlib.import_module(f"coprod_cli.{name}")
        for cls in vars(module).values():
            if isinstance(cls, type) and dataclasses.is_dataclass(cls) \
                    and cls.__module__ == module.__name__:
                hints = typing.get_type_hints(cls)
                for item in dataclasses.fields(cls):
                    assert bare(_hint(cls, item)) == hints[item.name], (cls, item.name)
                    compared += 1
    assert compared > 300
