"""Plain frozen dataclasses to JSON-style data and back, with no pydantic on the way.

coprod's data (frameworks, answers, results) is plain dataclasses. pydantic validates what is
untrusted into them; what is trusted (coprod's own cache of the built-in frameworks, a result
being written out) goes through here, which costs a few milliseconds instead of importing and
building pydantic's validators at every start. `to_data` writes what `build` reads back.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import inspect
import sys
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: object) -> Callable[[T], T]:
        """Tells type checkers what `record` makes; nothing to do at run time."""
        return lambda decorator: decorator

T = TypeVar("T")
Convert = Callable[[Any], Any]


class Record:
    """The base of coprod's plain data: frozen, and compared, hashed and shown by its fields,
    as `@dataclass(frozen=True)` makes a class. The decorator compiles those five methods anew
    for every class at every start, which was half the cost of importing the 34 classes
    (measured 29 ms to 11 ms); here they are written once."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, item.name) for item in dataclasses.fields(self))  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{item.name}={getattr(self, item.name)!r}"
                          for item in dataclasses.fields(self))  # type: ignore[arg-type]
        return f"{self.__class__.__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        """Each field is set once, by __init__; never again."""
        if name in self.__dict__ or name not in getattr(self, "__dataclass_fields__", ()):
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


# What a field's metadata may say (pydantic reads both). A rule goes in `Annotated` instead,
# where pydantic cannot miss it: a bound or length as a marker of rules.py, anything else as
# a Check; pydantic would pass a misspelt key on to the JSON Schema, unchecked.
METADATA_KEYS = frozenset({"alias", "description"})


@dataclass_transform(kw_only_default=True, frozen_default=True,
                     field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """A frozen, keyword-only dataclass with `Record`'s equality, hash and repr, refusing field
    metadata but an alias and a description; its __init__ is `_initialiser`'s, not compiled for
    each class at each start (~0.15 ms a class), and an undocumented class gets its signature."""
    own = "__init__" not in cls.__dict__
    undocumented = own and not cls.__dict__.get("__doc__")
    if undocumented:
        cls.__doc__ = "-"  # so dataclass does not inspect a signature: written below
    made = dataclasses.dataclass(kw_only=True, eq=False, repr=False, init=not own)(cls)
    fields = dataclasses.fields(typing.cast(Any, made))
    if own:  # dataclass gives back the class it was given (no slots): set on `cls`
        cls.__init__ = _initialiser(cls, fields)  # type: ignore[method-assign]
    if undocumented:
        cls.__doc__ = cls.__name__ + _signature(fields)
    for item in fields:
        unknown = sorted(set(item.metadata) - METADATA_KEYS)
        if unknown:
            raise TypeError(
                f"{cls.__qualname__}.{item.name}: field metadata holds only "
                f"{' and '.join(sorted(METADATA_KEYS))}, not {', '.join(unknown)}; write a "
                "bound or a length as a marker of coprod_cli.rules in Annotated (Interval(ge=0, "
                "le=3), MinLen(1), MaxLen(200)), any other rule as a Check")
    return made


def _signature(fields: tuple[dataclasses.Field[Any], ...]) -> str:
    """What dataclass writes as an undocumented class's docstring: every field __init__ takes,
    with its default (`(*, name: 'str', seen: 'list[str]' = <factory>)`)."""
    shown = [f"{item.name}: {inspect.formatannotation(item.type)}" + (
        " = <factory>" if item.default_factory is not dataclasses.MISSING
        else "" if item.default is dataclasses.MISSING else f" = {item.default!r}")
        for item in fields if item.init]
    return f"(*, {', '.join(shown)})" if shown else "()"


def _initialiser(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """The __init__ dataclass would compile for a record: every field by keyword, its default
    or default factory when not given, then __post_init__ if the class has one. Each field is
    set once, here (Record's __setattr__ refuses): all at once, through the instance's dict,
    those not given filled in first."""
    plan = [(item.name, item.default, item.default_factory) for item in fields]
    names, post = frozenset(item.name for item in fields), hasattr(cls, "__post_init__")
    missing = dataclasses.MISSING

    def __init__(self: Any, **given: Any) -> None:
        if len(given) != len(plan) or not names.issuperset(given):
            for name, default, factory in plan:
                if name in given:
                    continue
                if factory is not missing:
                    given[name] = factory()
                elif default is not missing:
                    given[name] = default
                else:
                    raise TypeError(f"{cls.__qualname__}.__init__() missing 1 required "
                                    f"keyword-only argument: '{name}'")
            if len(given) != len(plan):
                unknown = next(name for name in given if name not in names)
                raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword "
                                f"argument '{unknown}'")
        self.__dict__.update(given)
        if post:
            self.__post_init__()

    return __init__


def key(item: dataclasses.Field[Any], by_alias: bool) -> str:
    """A field's name in data: its alias (field metadata, as pydantic reads it) if asked."""
    return str(item.metadata.get("alias", item.name)) if by_alias else item.name


def to_data(value: Any, by_alias: bool = False) -> Any:
    """Dataclasses as dicts in field order, tuples as lists, dates as ISO text, enums as
    values: what pydantic's `mode="json"` dump gives for the same value."""
    kind = value.__class__
    if kind in _SCALARS:  # most values: returned at once
        return value
    if hasattr(kind, "__dataclass_fields__"):  # a dataclass's instance (a class's class has none)
        return {name: to_data(getattr(value, attribute), by_alias)
                for attribute, name in _keys(kind, by_alias)}
    if isinstance(value, (list, tuple)):
        return [to_data(item, by_alias) for item in value]
    if isinstance(value, dict):
        return {str(k): to_data(v, by_alias) for k, v in value.items()}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


@functools.cache
def _keys(cls: type, by_alias: bool) -> tuple[tuple[str, str], ...]:
    """Each field's attribute and its name in data, in field order."""
    return tuple((item.name, key(item, by_alias)) for item in dataclasses.fields(cls))


def build(cls: type[T], data: Any) -> T:
    """A dataclass from data `to_data(..., by_alias=True)` wrote, for trusted data only (values
    unchecked: pydantic checks what comes from outside); raises for data in any shape but
    to_data's (a record's keys, no more, no fewer; lists; dates and enums as written back)."""
    return typing.cast(T, _converter(cls)(data))


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, str, Convert], ...]:
    return tuple((item.name, key(item, True), _converter(_hint(cls, item), cls, item.name))
                 for item in dataclasses.fields(cls) if item.init)


class _Bare:
    """`Annotated` while a field's type is read for `build`: `Annotated[T, rules...]` is T (the
    data was checked when kept); typing's own would build and hash every rule (4 ms a start)."""

    def __class_getitem__(cls, params: Any) -> Any:
        return params[0]


def _hint(cls: type, item: dataclasses.Field[Any]) -> Any:
    """A field's type: its annotation (coprod's own text, never data, under `from __future__
    import annotations`) evaluated in its class's module, with Annotated read as `_Bare`."""
    if not isinstance(item.type, str):
        return item.type
    owner = next(base for base in cls.__mro__ if item.name in _annotations(base))
    names = _names(owner.__module__)  # most are a name (Id, Text, Words): no eval
    return names[item.type] if item.type in names else eval(_compiled(item.type), names)


_annotations = functools.cache(inspect.get_annotations)  # a class's, once for all its fields


@functools.cache
def _compiled(annotation: str) -> Any:
    """An annotation's text compiled once (many fields share one: Id, Text, Words...)."""
    return compile(annotation, "<annotation>", "eval")


@functools.cache
def _names(module: str) -> dict[str, Any]:
    return {**vars(sys.modules[module]), "Annotated": _Bare}


def _dataclass(cls: type) -> Convert:
    plan = _fields(cls)  # now, so a type that cannot be rebuilt is refused before any data
    keys = frozenset(name_in_data for _, name_in_data, _ in plan)  # what __init__ takes

    def convert(data: Any) -> Any:  # a call of `_same` for each plain field cost ~0.1 ms a run
        if data.keys() != keys:
            raise ValueError(f"{cls.__qualname__}: not the keys to_data writes")
        return cls(**{name: data[kept] if conv is _same else conv(data[kept])
                      for name, kept, conv in plan})

    return convert


def _listed(inner: Convert, kind: type) -> Convert:
    """A tuple or list of `inner`'s from a JSON list (to_data writes either as one)."""
    def convert(data: Any) -> Any:
        if not isinstance(data, list):
            raise ValueError("not a list")
        return kind(data if inner is _same else map(inner, data))

    return convert


def _written_back(parse: Convert, write: Callable[[Any], Any]) -> Convert:
    """A value (a date, an enum) that to_data writes back as the very data it came from."""
    def convert(data: Any) -> Any:
        value = parse(data)
        if write(value) != data:
            raise ValueError(f"{data!r} is not as to_data writes it")
        return value

    return convert


def _same(data: Any) -> Any:
    return data


# Types whose JSON value is the value itself.
_AS_THEY_ARE = (str, int, float, bool, type(None), Any)
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _converter(tp: Any, owner: type | None = None, name: str = "") -> Convert:
    """How to turn JSON data into a value of type `tp` (the type of `owner`'s field `name`);
    a type the data cannot say how to rebuild is refused, never rebuilt as a guess."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:  # an alias made at import (Id, Text): its rules were checked
        return _converter(args[0], owner, name)
    if dataclasses.is_dataclass(tp):
        return _dataclass(typing.cast(type, tp))
    if origin in (typing.Union, types.UnionType):
        return _union(tp, [arg for arg in args if arg is not type(None)], owner, name)
    if (origin is tuple and args[1:] == (...,)) or origin is list:
        return _listed(_converter(args[0], owner, name), origin)
    if origin is dict:
        inner = _converter(args[1], owner, name)
        return lambda data: {k: inner(v) for k, v in data.items()}  # JSON's keys are text
    if tp is datetime.date:
        return _written_back(datetime.date.fromisoformat, datetime.date.isoformat)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _written_back(tp, lambda value: value.value)
    if tp in _AS_THEY_ARE or origin is typing.Literal:
        return _same
    raise _cannot(tp, owner, name, "its JSON value does not say how to make one")


def _union(tp: Any, options: list[Any], owner: type | None, name: str) -> Convert:
    """X | None as X or None; a union of plain JSON values (str | int, Literal | Literal) as
    it is. Which of two records (or a record and a list) the data is, it cannot say."""
    if len(options) == 1:
        inner = _converter(options[0], owner, name)
        return lambda data: None if data is None else inner(data)
    if any(_converter(option, owner, name) is not _same for option in options):
        raise _cannot(tp, owner, name, "its data does not say which of the union it is")
    return _same


def _cannot(tp: Any, owner: type | None, name: str, why: str) -> TypeError:
    where = f"{owner.__qualname__}.{name}: " if owner is not None else ""
    return TypeError(f"{where}plain.build cannot rebuild {tp!r} ({why}); give the field a type "
                     "it can (a record, X | None, tuple[X, ...], list, dict, date, an enum, "
                     "str, int, float, bool or a Literal)")
