"""Each framework as a form export's header is matched against: kept words, loaded framework."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_cli.reading import formindex
from coprod_cli.reading.formcsv import rows
from coprod_cli.reading.formheader import header_words
from coprod_cli.reading.formtable import FormOptions, Table
from coprod_cli.reading.loader import Library

EXPORT = Path(__file__).resolve().parents[2] / "examples/online-form.csv"


def _read(library: Library) -> Table:
    table = next(rows(EXPORT, formindex.matchers(library), library.catalogue, FormOptions()))
    assert isinstance(table, Table)
    return table


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_second_run_loads_only_the_framework_the_header_names(
        fresh_cache: Path, language: str) -> None:
    first = Library.builtin(language=language)
    assert _read(first).framework.id == "nef"
    assert set(first.loaded) == set(first.ids)  # the first run loaded every one, kept words
    again = Library.builtin(language=language)
    table = _read(again)
    assert table.framework.id == "nef" and set(again.loaded) == {"nef"}
    assert table.framework == first.framework("nef")
    for framework_id in first.ids:  # what was kept is each framework's own words
        words = {framework_id: header_words(first.framework(framework_id))}
        assert formindex._all_words(json.dumps(words), [framework_id]) == words


def test_kept_words_of_another_shape_are_not_used(fresh_cache: Path) -> None:
    _read(Library.builtin())
    for kept in fresh_cache.glob(f"*{formindex.KIND}*"):
        header, _, _data = kept.read_bytes().partition(b"\n")
        kept.write_bytes(header + b"\n" + b'{"ids": [], "texts": {}}')
    again = Library.builtin()
    assert _read(again).framework.id == "nef"
    assert set(again.loaded) == set(again.ids)  # the changed files failed their checks


@pytest.mark.parametrize("text", [None, "", "[]", '{"ids": ["a"]}', '{"ids": [], "texts": {}}',
                                  '{"ids": ["a", 3], "texts": {}}',
                                  '{"ids": ["a"], "texts": {"b": 1}}',
                                  '{"ids": ["a"], "texts": {}, "more": 1}'])
def test_words_read_back_only_in_the_shape_header_words_gives(text: str | None) -> None:
    assert formindex._all_words(None if text is None else f'{{"nef": {text or "0"}}}',
                                ["nef"]) is None
    assert formindex._all_words('{"nef": {"ids": ["a"], "texts": {"b": "a"}}}', ["nef"]) \
        == {"nef": {"ids": ["a"], "texts": {"b": "a"}}}


def test_a_framework_added_by_the_user_is_matched_from_itself(fresh_cache: Path) -> None:
    library = Library.builtin(extra=[Path(__file__).resolve().parents[2] / "frameworks/nef.yaml"])
    assert "nef" in library.added
    assert _read(library).framework is library.loaded["nef"]


class _Changed:
    """A built-in framework's file as if it had changed since its words were kept."""

    def __init__(self, entry: object) -> None:
        self.entry = entry
        self.name = entry.name  # type: ignore[attr-defined]

    def read_bytes(self) -> bytes:
        return bytes(self.entry.read_bytes()) + b"\n# changed\n"  # type: ignore[attr-defined]


def test_kept_words_are_used_only_for_the_same_framework_files_and_code(
        fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _read(Library.builtin())
    assert len(list(fresh_cache.glob(f"*{formindex.KIND}*"))) == 1  # one file for them all
    changed = Library.builtin()
    changed.paths["scie"] = _Changed(changed.paths["scie"])
    formindex.matchers(changed)
    assert set(changed.loaded) == set(changed.ids)  # made from a file as it was: made again
    with monkeypatch.context() as patched:
        patched.setattr(formindex, "_code", lambda: b"other code")
        again = Library.builtin()
        formindex.matchers(again)
        assert set(again.loaded) == set(again.ids)  # words made by other code: made again
    files = set(fresh_cache.glob(f"*{formindex.KIND}*"))
    loaded = Library.builtin()
    loaded.framework("nef")  # a run that read an answers file first: the same file serves
    assert _read(loaded).framework.id == "nef" and set(loaded.loaded) == {"nef"}
    assert set(fresh_cache.glob(f"*{formindex.KIND}*")) == files


@pytest.mark.parametrize("kept", ['{"nef": {"ids": ["a"], "texts": {}}}', "[]", "{}", "x"])
def test_kept_words_for_other_frameworks_or_of_another_shape_are_made_again(kept: str) -> None:
    assert formindex._all_words(kept, ["ladder", "nef"]) is None
    both = '{"ladder": {"ids": ["a"], "texts": {}}, "nef": {"ids": ["b"], "texts": {"c": "b"}}}'
    assert formindex._all_words(both, ["ladder", "nef"]) == json.loads(both)
    assert formindex._all_words(both, ["nef", "ladder"]) is None
