"""YAML files to validated models: the only place raw dictionaries exist."""

from __future__ import annotations

import contextlib
import os
import types
import typing
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, TypeVar, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from coprod_cli import __version__, yamlio
from coprod_cli.answers import Answers
from coprod_cli.errors import InvalidData, Location, PathError, UsageProblem, did_you_mean
from coprod_cli.models import Catalogue, Framework
from coprod_cli.storage import write_atomic

M = TypeVar("M", bound=BaseModel)
Kind = Literal["framework", "answers", "catalogue"]
CATALOGUE_FILE = "core.yaml"


@dataclass(frozen=True)
class Document:
    """A parsed YAML file, kept with its text so errors can be located."""

    name: str
    text: str
    data: Any

    @classmethod
    def read(cls, path: Path) -> Document:
        return cls.from_bytes(yamlio.read_bytes(path), str(path))

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> Document:
        text = yamlio.decode(data, name)
        return cls(name, text, yamlio.parse(text, name))

    def mapping(self) -> Mapping[str, Any]:
        if not isinstance(self.data, dict):
            raise InvalidData("expected keys and values at the top of the file, found "
                              f"a {type(self.data).__name__}",
                              "start from 'coprod template' or see 'coprod schema'",
                              yamlio.locate(self.text, self.name, ()))
        return self.data

    def kind(self) -> Kind:
        data = self.mapping()
        if "answers" in data:
            return "answers"
        if "dimensions" in data:
            return "framework"
        if "recommendations" in data or "levels" in data:
            return "catalogue"
        raise InvalidData("cannot tell what this file is", "an answers file has 'answers:', "
                          "a framework file has 'dimensions:'", Location(self.name, 1, 1))

    def validate(self, model: type[M], context: dict[str, Any] | None = None) -> M:
        """The model, or an InvalidData error at the line and column of the first problem."""
        try:
            return model.model_validate(self.mapping(), context=context)
        except PathError as error:
            where = yamlio.locate(self.text, self.name, error.path, key=True)
            raise InvalidData(error.what, error.fix, where) from None
        except ValidationError as error:
            details = _real_errors(error.errors())
            what, fix, on_key = _explain(details[0], model)
            where = yamlio.locate(self.text, self.name, _loc(details[0], on_key), key=on_key)
            more = f" (and {len(details) - 1} more)" if len(details) > 1 else ""
            raise InvalidData(what + more, fix, where) from None


def _real_errors(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """The errors worth showing, a misspelt key first (it also causes a 'missing' one).

    A list whose items failed is also reported as too short; that echo is dropped.
    """
    locs = [tuple(d["loc"]) for d in details]
    real = [d for d in details
            if not any(len(other) > len(d["loc"]) and other[:len(d["loc"])] == tuple(d["loc"])
                       for other in locs)]
    return sorted(real, key=lambda d: d["type"] != "extra_forbidden")


def _loc(detail: ErrorDetails, on_key: bool) -> tuple[str | int, ...]:
    loc = tuple(detail["loc"])
    return loc[:-1] if detail["type"] == "missing" else loc


def _explain(detail: ErrorDetails, model: type[BaseModel]) -> tuple[str, str, bool]:
    """What is wrong, how to fix it, and whether to point at the key rather than the value."""
    loc, kind = tuple(detail["loc"]), detail["type"]
    name = str(loc[-1]) if loc else "file"
    if kind == "missing":
        return f"missing '{name}'", f"add '{name}:' with a value here", False
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return (f"unknown key '{name}'{did_you_mean(name, allowed)}",
                "remove it or correct its spelling" + (f"; allowed here: {', '.join(allowed)}"
                                                        if allowed else ""), True)
    message = detail["msg"].removeprefix("Value error, ")
    if kind in {"value_error", "assertion_error"}:
        what, _, fix = message.partition("; ")
        return what, fix, False
    if kind == "string_pattern_mismatch":
        return (f"'{detail['input']}' is not a valid id for '{name}'",
                "ids use lower-case letters and digits joined by single hyphens, like "
                "'shared-roles-2'", False)
    if kind == "string_too_short":
        return f"'{name}' is empty", "write some text here", False
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        choices = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
        given = str(detail["input"])
        return (f"'{given}' is not allowed for '{name}'{did_you_mean(given, choices)}",
                f"use one of {expected}", False)
    return (f"'{name}': {message[:1].lower()}{message[1:]} (got {_short(detail['input'])})",
            "see 'coprod schema' for what each key takes", False)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _fields_at(model: Any, loc: tuple[str | int, ...]) -> list[str]:
    """The keys allowed at `loc`, following the models' annotations."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            found = next((f for n, f in current.model_fields.items()
                          if part in (n, f.alias)), None)
            current = found.annotation if found else None
        else:
            args = [a for a in typing.get_args(current) if a is not Ellipsis]
            current = args[-1] if args else None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _cache_file(name: str, data: bytes) -> Path | None:
    """Where a validated built-in file is kept as JSON, keyed by its content and our version."""
    if os.environ.get("COPROD_NO_CACHE"):
        return None
    home = os.environ.get("COPROD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "coprod")
    return Path(home) / f"{name}-{__version__}-{zlib.crc32(data):08x}.json"


def _builtin(entry: Any, model: type[M], context: dict[str, Any] | None = None) -> M:
    """A built-in file as a model. Parsing YAML in Python is the slow part of start-up, so the
    validated model is cached as JSON and validated again from there (in Rust, far faster)."""
    data = entry.read_bytes()
    cache = _cache_file(entry.name, data)
    if cache is not None and cache.is_file():
        try:
            return model.model_validate_json(cache.read_bytes(), context=context)
        except (OSError, ValidationError):
            pass  # a stale or damaged cache: read the YAML instead
    value = Document.from_bytes(data, f"frameworks/{entry.name}").validate(model, context)
    if cache is not None:
        with contextlib.suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cache, value.model_dump_json(by_alias=True))
    return value


@dataclass
class Library:
    """The catalogue and every framework coprod can use: built-in, then added by path."""

    catalogue: Catalogue
    paths: dict[str, Any] = field(default_factory=dict)
    loaded: dict[str, Framework] = field(default_factory=dict)

    @classmethod
    def builtin(cls, extra: Iterable[Path] = ()) -> Library:
        folder = files("coprod_cli.frameworks")
        library = cls(_builtin(folder / CATALOGUE_FILE, Catalogue))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml") and entry.name != CATALOGUE_FILE:
                library.paths[entry.name.removesuffix(".yaml")] = entry
        for path in extra:
            document = Document.read(path)
            kind = document.kind()
            if kind != "framework":
                article = "an" if kind == "answers" else "a"
                raise InvalidData(f"--framework needs a framework file; this is {article} {kind} "
                                  "file", "name a file with 'dimensions:'", Location(str(path)))
            framework = library.validate_framework(document)
            library.loaded[framework.id] = framework
            library.paths[framework.id] = path
        return library

    def validate_framework(self, document: Document) -> Framework:
        ids = {rec.id for rec in self.catalogue.recommendations}
        return document.validate(Framework, {"recommendations": ids})

    @property
    def ids(self) -> list[str]:
        return list(self.paths)

    def framework(self, framework_id: str) -> Framework:
        if framework_id not in self.loaded:
            entry = self.paths.get(framework_id)
            if entry is None:
                raise UsageProblem(
                    f"unknown framework '{framework_id}'{did_you_mean(framework_id, self.ids)}",
                    f"use one of {', '.join(self.ids)}, or add one with --framework PATH")
            context = {"recommendations": {rec.id for rec in self.catalogue.recommendations}}
            self.loaded[framework_id] = _builtin(entry, Framework, context)
        return self.loaded[framework_id]

    def frameworks(self) -> list[Framework]:
        return [self.framework(framework_id) for framework_id in self.ids]

    def answers(self, document: Document) -> tuple[Answers, Framework]:
        """An answers document validated against the framework it names."""
        data = document.mapping()
        framework_id = data.get("framework")
        if not isinstance(framework_id, str) or framework_id not in self.paths:
            where = yamlio.locate(document.text, document.name, ("framework",))
            given = "no framework" if framework_id is None else f"unknown framework " \
                f"'{framework_id}'{did_you_mean(str(framework_id), self.ids)}"
            raise InvalidData(given, f"write 'framework:' with one of {', '.join(self.ids)}",
                              where)
        framework = self.framework(framework_id)
        context = {"statements": [s.id for s in framework.statements],
                   "roles": [role.id for role in self.catalogue.roles]}
        return document.validate(Answers, context), framework
