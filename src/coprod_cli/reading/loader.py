"""YAML files to validated models: the only place raw dictionaries exist, and where pydantic
checks them (imported when a file is first validated, not when coprod starts)."""

from __future__ import annotations

import dataclasses
import importlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from coprod_cli import collector
from coprod_cli.answers import Answers
from coprod_cli.classes import frozen, mutable
from coprod_cli.errors import (
    InvalidData,
    Location,
    PathError,
    UsageProblem,
    did_you_mean,
    shortened,
)
from coprod_cli.i18n import N_, _
from coprod_cli.languages import DEFAULT, Translated
from coprod_cli.models import Catalogue, Framework
from coprod_cli.reading import cache
from coprod_cli.versions import Carried, Migration, carry, written_for

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from coprod_cli.agreed import Agreed

M = TypeVar("M")
Kind = Literal["framework", "answers", "catalogue", "agreed", "crosswalk"]
CATALOGUE_FILE = "core.yaml"


@frozen
class Document:
    """A parsed YAML file, kept with its text so errors can be located."""

    name: str
    text: str
    data: Any

    @classmethod
    def read(cls, path: Path) -> Document:
        from coprod_cli.reading import yamlio  # YAML only for a file read

        return cls.from_bytes(yamlio.read_bytes(path), str(path))

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> Document:
        from coprod_cli.reading import yamlio  # YAML only for a file read

        text = yamlio.decode(data, name)
        return cls(name, text, yamlio.parse(text, name))

    def mapping(self) -> Mapping[str, Any]:
        from coprod_cli.reading import yamlio  # YAML only for a file read

        if not isinstance(self.data, dict):
            raise InvalidData(
                _("expected keys and values at the top of the file, found a {name__}").format(
                    name__=type(self.data).__name__
                ),
                _("start from 'coprod template' or see 'coprod schema'"),
                yamlio.locate(self.text, self.name, ()),
            )
        return self.data

    def kind(self) -> Kind:
        data = self.mapping()
        if "answers" in data:
            return "answers"
        if "dimensions" in data:
            return "framework"
        if "agreed" in data or "signoff" in data:
            return "agreed"
        if "mappings" in data:
            return "crosswalk"
        if "recommendations" in data or "levels" in data:
            return "catalogue"
        if "framework" in data and "plan_version" not in data:
            return "answers"  # all an answers file needs (its schema): nothing answered yet
        raise InvalidData(_("cannot tell what this file is"), _("an answers file has 'answers:', "
                          "a framework file has 'dimensions:', an agreed.yaml has 'agreed:', "
                          "a crosswalk has 'mappings:'"),
                          Location(self.name, 1, 1))

    def validate(self, model: type[M], context: dict[str, Any] | None = None,
                 language: str | None = None) -> M:
        """The model, or an InvalidData error at the line and column of the first problem; a
        framework or catalogue (given a `language`) with its text in that language."""
        from pydantic import ValidationError

        from coprod_cli.reading import yamlio  # YAML only for a file read
        from coprod_cli.reading.resolve import resolve  # and its languages picked then

        try:
            data = self.mapping()
            if language is not None or issubclass(model, Translated):
                data = resolve(data, model, language or DEFAULT)
            return validated(model, data, context)
        except PathError as error:
            where = yamlio.locate(self.text, self.name, error.path, key=True)
            raise InvalidData(error.what, error.fix, where) from None
        except ValidationError as error:
            from coprod_cli.reading.explain import error_path, explain, real_errors  # on error

            details = real_errors(error.errors())
            what, fix, on_key = explain(details[0], model)
            where = yamlio.locate(self.text, self.name, error_path(details[0]), key=on_key)
            more = _(" (and {count} more)").format(count=len(details) - 1) \
                if len(details) > 1 else ""
            raise InvalidData(what + more, fix, where) from None


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(model: type[Any]) -> TypeAdapter[Any]:
    """pydantic's validator for a model, built the first time one is needed (not at start)."""
    if model not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def validated(model: type[M], data: Any, context: dict[str, Any] | None = None) -> M:
    """`data` checked and built into `model` by pydantic: the trust boundary. Raises pydantic's
    ValidationError, or a PathError from a check that spans the model."""
    return cast(M, _adapter(model).validate_python(data, context=context))


def _builtin(entry: Any, model: type[M], language: str,
             context: dict[str, Any] | None = None) -> M:
    """A built-in file as a model, its text in `language`. Parsing YAML in Python is the slow
    part of start-up, so the validated model is kept in coprod's cache (one entry for each
    language) and read back from there when it passes the cache's checks (see cache.py): it
    was validated when written."""
    data = entry.read_bytes()
    name = entry.name if language == DEFAULT else f"{entry.name}.{language}"
    value = cache.load(name, data, model)
    if value is None:
        value = Document.from_bytes(data, f"frameworks/{entry.name}").validate(
            model, context, language)
        cache.keep(name, data, value)
    return value


def builtin_folder() -> Any:
    """Where the built-in framework files are. Installed or checked out, that is a folder, found
    from the package's own path as importlib.resources would find it (a Path, either way);
    only a package inside a zip file needs importlib.resources, which costs 4 ms to import."""
    package = importlib.import_module("coprod_cli.frameworks")
    for location in getattr(package, "__path__", ()):
        if os.path.isdir(location):
            return Path(location)
    from importlib.resources import files

    return files(package)


# Files people keep beside their answers, by a key only they have: what each is, and where
# coprod takes it instead.
_NOT_ANSWERS = (("agreed", N_("an agreed.yaml (the levels a group agreed)"), "--agreed FILE"),
                ("signoff", N_("an agreed.yaml (the levels a group agreed)"), "--agreed FILE"),
                ("moves", N_("a plan (from 'coprod plan')"), "--plan FILE"),
                ("dimensions", N_("a framework file"), "--framework FILE"),
                ("mappings", N_("a crosswalk"), "--crosswalk FILE"))


def _answers_file(document: Document) -> None:
    """An agreed.yaml, a plan or a framework put among the answers is named for what it is."""
    data = document.mapping()
    if "answers" in data:
        return
    for key, what, option in _NOT_ANSWERS:
        if key in data:
            raise InvalidData(
                _("this is {what}, not an answers file").format(what=_(what)),
                _("give it with {option}, and keep it out of the answers given").format(
                    option=option
                ),
                Location(document.name, 1, 1),
            )


@mutable
class Library:
    """The catalogue and every framework coprod can use: built-in, then added by path."""

    catalogue: Catalogue
    language: str = DEFAULT
    paths: dict[str, Any] = field(default_factory=dict)
    loaded: dict[str, Framework] = field(default_factory=dict)
    added: set[str] = field(default_factory=set)

    @classmethod
    def builtin(cls, extra: Iterable[Path] = (), language: str = DEFAULT) -> Library:
        """Every framework, built-in and from `extra`, with its text in `language`."""
        folder = builtin_folder()
        library = cls(_builtin(folder / CATALOGUE_FILE, Catalogue, language), language)
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml") and entry.name != CATALOGUE_FILE:
                library.paths[entry.name.removesuffix(".yaml")] = entry
        for path in extra:
            document = Document.read(path)
            kind = document.kind()
            if kind != "framework":
                raise InvalidData(
                    _("--framework needs a framework file; this is an answers file")
                    if kind == "answers" else
                    _("--framework needs a framework file; this is a {kind} file")
                    .format(kind=kind),
                    _("name a file with 'dimensions:'"),
                    Location(str(path)),
                )
            framework = library.validate_framework(document)
            first = library.paths.get(framework.id)
            if first is not None and framework.id in library.added \
                    and not os.path.samefile(first, path):
                from coprod_cli.reading import yamlio  # YAML only for a file read

                raise InvalidData(
                    _(
                        "framework id '{id}' is also the id of {first}, given with "
                        "--framework before it"
                    ).format(id=framework.id, first=first),
                    _("give each framework its own id, or leave one of them out"),
                    yamlio.locate(document.text, document.name, ("id",)),
                )
            library.add(framework, path)
        return library

    def add(self, framework: Framework, path: Path) -> None:
        """A framework from a user's file; it stands in for a built-in one of the same id."""
        self.loaded[framework.id], self.paths[framework.id] = framework, path
        self.added.add(framework.id)

    @property
    def builtin_ids(self) -> set[str]:
        return set(self.paths) - self.added

    def validate_framework(self, document: Document) -> Framework:
        return document.validate(Framework, self.catalogue.references(), self.language)

    @property
    def ids(self) -> list[str]:
        return list(self.paths)

    def framework(self, framework_id: str) -> Framework:
        if framework_id not in self.loaded:
            entry = self.paths.get(framework_id)
            if entry is None:
                raise UsageProblem(
                    _("unknown framework '{shortened}'{did_you_mean}").format(
                        shortened=shortened(framework_id),
                        did_you_mean=did_you_mean(framework_id[:100], self.ids),
                    ),
                    _("use one of {join}, or add one with --framework PATH").format(
                        join=", ".join(self.ids)
                    ),
                )
            with collector.lasting():  # kept until coprod exits, as the catalogue is
                self.loaded[framework_id] = _builtin(entry, Framework, self.language,
                                                       self.catalogue.references())
        return self.loaded[framework_id]

    def frameworks(self) -> list[Framework]:
        return [self.framework(framework_id) for framework_id in self.ids]

    def answers(self, document: Document) -> tuple[Answers, Framework]:
        """An answers document validated against the framework it names (through the
        framework's migration map when it was written for an earlier version)."""
        answers, framework, _unused = self.read_answers(document)
        return answers, framework

    def agreed(self, document: Document) -> tuple[Agreed, Framework]:
        """What a group agreed (agreed.yaml), validated against the framework it names."""
        from coprod_cli.agreed import Agreed

        framework = self.named_framework(document)
        context = {"statements": [s.id for s in framework.statements],
                   "roles": [role.id for role in self.catalogue.roles]}
        return document.validate(Agreed, context), framework

    def read_answers(self, document: Document) -> tuple[Answers, Framework, Carried | None]:
        """As `answers`, and what the migration map did (None: written for this version)."""
        _answers_file(document)
        framework = self.named_framework(document)
        start = self._written_for(document, framework)
        ids = start.statements if start else [s.id for s in framework.statements]
        context = {"statements": list(ids), "roles": [role.id for role in self.catalogue.roles]}
        answers = document.validate(Answers, context)
        if start is None:
            return answers, framework, None
        levels, carried = carry(answers.answers, start, framework.migrations)
        return dataclasses.replace(answers, answers=levels, framework_version=framework.version), \
            framework, carried

    def named_framework(self, document: Document) -> Framework:
        """The framework a document names with 'framework:', or a located error."""
        from coprod_cli.reading import yamlio  # YAML only for a file read

        data = document.mapping()
        framework_id = data.get("framework")
        if not isinstance(framework_id, str) or framework_id not in self.paths:
            where = yamlio.locate(document.text, document.name, ("framework",))
            given = "no framework" if framework_id is None else f"unknown framework " \
                f"'{shortened(str(framework_id))}'{did_you_mean(str(framework_id)[:100], self.ids)}"
            raise InvalidData(
                given,
                _("write 'framework:' with one of {join}").format(join=", ".join(self.ids)),
                where,
            )
        return self.framework(framework_id)

    def _written_for(self, document: Document, framework: Framework) -> Migration | None:
        """The migration an earlier version's file starts from; None for this version."""
        from coprod_cli.reading import yamlio  # YAML only for a file read

        data = document.mapping()
        declared = data.get("framework_version")
        answered = data.get("answers")
        keys = [str(key) for key in answered] if isinstance(answered, dict) else []
        declared = str(declared) if isinstance(declared, (str, int, float)) else None
        ids = {s.id for s in framework.statements}
        start = written_for(keys, declared, framework.version, ids, framework.migrations)
        if declared not in (None, framework.version) and start is None:
            known = [m.from_version for m in framework.migrations] + [framework.version]
            raise InvalidData(
                _("'{id}' version {declared} is not one coprod can read (it knows {join})").format(
                    id=framework.id, declared=declared, join=", ".join(known)
                ),
                _(
                    "correct 'framework_version', "
                    "or remove it to read the file as the current version"
                ),
                yamlio.locate(document.text, document.name, ("framework_version",)),
            )
        return start
