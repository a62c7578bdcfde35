"""A framework file or core.yaml read in one language, before pydantic sees it: each text
field given as a mapping of language code to text (`{en: ..., cy: ...}`) becomes the text in
the language asked for, or in the file's own language where it has no translation (kept in
`untranslated`). Which fields are text is read from the models' types (`Words`), so the
walk follows the same shape pydantic will check; what does not fit that shape is left for
pydantic to report."""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Mapping
from typing import Any

from coprod_cli.errors import PathError, did_you_mean
from coprod_cli.i18n import N_, _
from coprod_cli.languages import DEFAULT, LANGUAGES, NAMES, WORKED_OUT
from coprod_cli.rules import WordsRule

Path = tuple[str | int, ...]
_LANGUAGE_NAMES = (N_("English"), N_("Welsh"))  # languages.NAMES, for the catalogue


def _known() -> str:
    return ", ".join(f"{code} ({_(NAMES[code])})" for code in LANGUAGES)


def resolve(data: Any, model: type[Any], language: str) -> Any:
    """`data` (a file's top-level mapping) with every text in `language`, and the worked-out
    fields `shown_in` and `untranslated` filled in; a PathError at the first mistake in how
    the file uses languages."""
    if not isinstance(data, Mapping):
        return data
    own = _code(data.get("language", DEFAULT), ("language",))
    translations = data.get("translations") or {}
    if isinstance(translations, Mapping):
        for code in translations:
            _code(code, ("translations", code), key=True)
    carried = set(translations) if isinstance(translations, Mapping) else set()
    shown = language if language in carried else own  # a language the file lacks: its own
    walk = _Languages(own, shown, carried)
    resolved = walk.record(model, {key: value for key, value in data.items()
                                   if key not in WORKED_OUT}, ())  # worked out anew
    resolved["shown_in"] = shown
    resolved["untranslated"] = walk.untranslated
    return resolved


def _code(value: Any, path: Path, key: bool = False) -> str:
    if value not in LANGUAGES:
        what = _("unknown language key '{value}'{did_you_mean}") if key \
            else _("unknown language '{value}'{did_you_mean}")
        raise PathError(
            path,
            what.format(value=value, did_you_mean=did_you_mean(str(value), LANGUAGES)),
            _("coprod knows {KNOWN}").format(KNOWN=_known()),
        )
    return str(value)


class _Languages:
    def __init__(self, own: str, language: str, translated: set[Any]) -> None:
        self.own, self.language, self.translated = own, language, translated
        self.untranslated: list[str] = []

    def record(self, model: type, data: Mapping[str, Any], path: Path) -> dict[str, Any]:
        plan = _plan(model)
        return {key: self.value(plan[key], value, (*path, key)) if key in plan else value
                for key, value in data.items()}

    def value(self, kind: Any, value: Any, path: Path) -> Any:
        if kind == "words":
            if isinstance(value, Mapping):
                return self.words(value, path)
            if isinstance(value, str) and self.language != self.own:
                self.untranslated.append(value.strip())
            return value
        if isinstance(kind, tuple):  # ("each", inner)
            if isinstance(value, list):
                return [self.value(kind[1], item, (*path, index))
                        for index, item in enumerate(value)]
            return value
        if isinstance(value, Mapping):
            return self.record(kind, value, path)
        return value

    def words(self, value: Mapping[Any, Any], path: Path) -> Any:
        """One text from its languages: the one asked for, else the file's own."""
        for code in value:
            _code(code, (*path, code), key=True)
            if code != self.own and code not in self.translated:
                raise PathError(
                    (*path, code),
                    _(
                        "text in {NAMES} ('{code}'), but the file has no "
                        "'translations' entry for '{code}'"
                    ).format(NAMES=_(NAMES[code]), code=code),
                    _(
                        "add 'translations: {{{code}: {{reviewed: false}}}}' at the top of the file"
                    ).format(code=code),
                )
        if self.own not in value:
            raise PathError(
                path,
                _("this text has no {NAMES} ('{own}'), the file's own language").format(
                    NAMES=_(NAMES[self.own]), own=self.own
                ),
                _("add '{own}: ...' beside the others").format(own=self.own)
                if self.own == DEFAULT
                else _("add '{own}: ...', or change 'language' at the top of the file").format(
                    own=self.own),
            )
        if self.language in value:
            return value[self.language]
        found = value[self.own]
        if isinstance(found, str) and self.language != self.own:
            self.untranslated.append(found.strip())
        return found


@functools.cache
def _plan(model: type) -> dict[str, Any]:
    """Each field of a record that holds text or records, by its name in a file: 'words', a
    record class, or ('each', one of those) for a list."""
    hints = typing.get_type_hints(model, include_extras=True)
    plan: dict[str, Any] = {}
    for item in dataclasses.fields(model):
        kind = _kind(hints[item.name])
        if kind is not None:
            plan[str(item.metadata.get("alias", item.name))] = kind
    return plan


def _kind(tp: Any) -> Any:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        if any(isinstance(meta, WordsRule) for meta in tp.__metadata__):
            return "words"
        return _kind(args[0])
    if dataclasses.is_dataclass(tp):
        return tp
    if origin is typing.Union or type(tp).__name__ == "UnionType":
        kinds = [_kind(arg) for arg in args if arg is not type(None)]
        return kinds[0] if len(kinds) == 1 else None
    if origin is tuple and args[1:] == (...,):
        inner = _kind(args[0])
        return None if inner is None else ("each", inner)
    return None
