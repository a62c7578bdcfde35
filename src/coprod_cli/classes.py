"""`@frozen` and `@mutable`: dataclasses as `@dataclass(frozen=True)` and `@dataclass` make
them (arguments by position or keyword), whose methods are shared instead of compiled anew.

`@dataclass` compiles an `__init__`, `__repr__` and `__eq__` for every class at every start,
and a frozen class's `__hash__`, `__setattr__` and `__delattr__` too: about 0.5 ms a class,
10 ms or more for a command that loads twenty. These decorators let dataclass collect the
fields (so `dataclasses.fields`, `replace` and `asdict` work as ever) and give each class the
same methods written once here. Records (keyword-only, `plain.record`) do the same.
A class with no docstring is left to dataclass, which writes the signature there; a field
with any option but a default and `compare=False` (`init`, `repr`, `hash`, `kw_only`) is
refused.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: object) -> Callable[[T], T]:
        """Tells type checkers what the decorators make; nothing to do at run time."""
        return lambda decorator: decorator

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: type[T]) -> type[T]:
    """As `@dataclass(frozen=True)`: compared, hashed and shown by its fields, never changed."""
    return _made(cls, frozen=True)


@dataclass_transform(field_specifiers=(dataclasses.field,))
def mutable(cls: type[T]) -> type[T]:
    """As `@dataclass`: compared and shown by its fields, changed freely, never hashed."""
    return _made(cls, frozen=False)


def _made(cls: type[T], frozen: bool) -> type[T]:
    if not cls.__dict__.get("__doc__"):
        return dataclasses.dataclass(frozen=frozen)(cls)
    dataclasses.dataclass(init=False, repr=False, eq=False)(cls)  # gives back `cls` itself
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    for item in fields:
        if not (item.init and item.repr) or item.hash is not None or item.kw_only is True:
            raise TypeError(f"{cls.__qualname__}.{item.name}: a field of @frozen or @mutable "
                            "takes only a default (and compare=False); use "
                            "dataclasses.dataclass for this class")
    names = tuple(item.name for item in fields)
    values = _values(tuple(item.name for item in fields if item.compare))
    methods: dict[str, Any] = {
        "__init__": _initialiser(cls, fields), "__repr__": _representer(names),
        "__eq__": _comparer(values),
        "__hash__": (lambda self: hash(values(self))) if frozen else None}
    if frozen:
        methods.update(__setattr__=_refuse_set(cls, frozenset(names)),
                       __delattr__=_refuse_delete(cls, frozenset(names)))
    for name, method in methods.items():
        setattr(cls, name, method)
    return cls


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda self: (one(self),)
    return operator.attrgetter(*names) if names else lambda self: ()


def _initialiser(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """The __init__ dataclass would compile: each field by position or keyword, its default or
    default factory when not given, then __post_init__ if the class has one."""
    plan = [(item.name, item.default, item.default_factory) for item in fields]
    names = frozenset(item.name for item in fields)
    post = hasattr(cls, "__post_init__")
    place = object.__setattr__  # as a frozen dataclass's __init__ sets its fields
    name_of = f"{cls.__qualname__}.__init__()"
    needed = sum(default is dataclasses.MISSING and factory is dataclasses.MISSING
                 for _, default, factory in plan)
    takes = f"{len(plan) + 1}" if needed == len(plan) else f"from {needed + 1} to {len(plan) + 1}"

    def __init__(self: Any, *args: Any, **given: Any) -> None:
        if len(args) > len(plan):
            raise TypeError(f"{name_of} takes {takes} positional arguments but "
                            f"{len(args) + 1} were given")
        if not names.issuperset(given):
            unknown = next(name for name in given if name not in names)
            raise TypeError(f"{name_of} got an unexpected keyword argument '{unknown}'")
        for index, (name, default, factory) in enumerate(plan):
            if index < len(args):
                if name in given:
                    raise TypeError(f"{name_of} got multiple values for argument '{name}'")
                place(self, name, args[index])
            else:
                place(self, name, _given(given, name, default, factory, name_of))
        if post:
            self.__post_init__()

    return __init__


def _given(given: dict[str, Any], name: str, default: Any, factory: Any, name_of: str) -> Any:
    """A field's value when it is not given by position: by keyword, else its default."""
    if name in given:
        return given[name]
    if factory is not dataclasses.MISSING:
        return factory()
    if default is not dataclasses.MISSING:
        return default
    raise TypeError(f"{name_of} missing 1 required positional argument: '{name}'")


def _representer(names: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _comparer(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, object], Any]:
    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _refuse_set(cls: type, names: frozenset[str]) -> Callable[[Any, str, Any], None]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    return __setattr__


def _refuse_delete(cls: type, names: frozenset[str]) -> Callable[[Any, str], None]:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    return __delattr__
