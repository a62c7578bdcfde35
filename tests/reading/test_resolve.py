"""Framework text in the language asked for: the translation where there is one, the file's
own language where not (remembered), and the file's mistakes located."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_cli.errors import InvalidData
from coprod_cli.models import Catalogue, Framework
from coprod_cli.reading.loader import Document, Library
from coprod_cli.reading.resolve import resolve
from tests.conftest import DATA, Run

TINY = DATA / "valid" / "two-languages.yaml"


def test_welsh_where_translated_english_where_not() -> None:
    tiny = Library.builtin([TINY], language="cy").framework("tiny")
    first, second = tiny.statements
    assert tiny.name == "Fframwaith bach" and first.levels.not_yet.startswith("Mae pobl")
    assert first.evidence_examples == ("Nodiadau cyfarfod",)
    assert second.plain == "Money is decided together."
    assert second.levels.transformative in tiny.untranslated
    assert "Fframwaith bach" not in tiny.untranslated
    assert tiny.source.title == "coprod's tests"  # a source's title is its own, never translated


def test_english_reads_the_same_file_in_english() -> None:
    tiny = Library.builtin([TINY]).framework("tiny")
    assert tiny.name == "A tiny framework" and tiny.shown_in == "en"
    assert tiny.statements[0].help == "Think of the last big decision."


def test_a_language_the_file_lacks_shows_its_own() -> None:
    nef = Library.builtin(language="cy").framework("nef")
    assert nef.shown_in == "en" and nef.untranslated == ()
    assert nef == Library.builtin().framework("nef")


def test_each_language_is_cached_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_CACHE_DIR", str(tmp_path))
    Library.builtin(language="cy").framework("nef")
    Library.builtin().framework("nef")
    names = sorted(path.name.split("-")[0] for path in tmp_path.iterdir())
    assert names == ["core.yaml", "core.yaml.cy", "nef.yaml", "nef.yaml.cy"]
    again = Library.builtin(language="cy")
    assert again.catalogue.shown_in == "cy" and again.framework("nef").shown_in == "en"
    assert again.catalogue.level("intermediate").name == "Canolradd"
    assert Library.builtin().catalogue.level("intermediate").name == "Intermediate"


def test_what_coprod_works_out_is_never_taken_from_the_file() -> None:
    data = {"id": "x", "shown_in": "cy", "untranslated": ["made up"], "name": "X"}
    resolved = resolve(data, Framework, "en")
    assert resolved["shown_in"] == "en" and resolved["untranslated"] == []


def test_the_catalogue_resolves_levels_and_roles() -> None:
    data = {"language": "en", "translations": {"cy": {"reviewed": False}},
            "levels": [{"id": "not-yet", "name": {"en": "Not yet", "cy": "Ddim eto"}}],
            "roles": [{"id": "staff", "name": "Staff", "plain": {"en": "Staff", "cy": "Staff"}}]}
    resolved = resolve(data, Catalogue, "cy")
    assert resolved["levels"][0]["name"] == "Ddim eto"
    assert resolved["roles"][0]["name"] == "Staff" and resolved["untranslated"] == ["Staff"]


def test_shapes_it_does_not_expect_are_left_for_validation() -> None:
    data = {"dimensions": "not a list", "name": ["a", "list"]}
    assert resolve(data, Framework, "cy") == {**data, "shown_in": "en", "untranslated": []}
    text = TINY.read_text(encoding="utf-8").replace(
        'name: {en: "A tiny framework", cy: "Fframwaith bach"}', "name: [a, list]")
    with pytest.raises(InvalidData, match=r":4:7: .*text"):  # pydantic's, at the name's list
        Document.from_bytes(text.encode(), "x.yaml").validate(Framework, language="cy")


def test_validate_reports_the_languages_error_once(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(TINY.read_text(encoding="utf-8").replace("cy: Pŵer}", "cy: 7, en: x}"),
                   encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_the_schema_describes_text_in_several_languages(run: Run) -> None:
    import json

    schema = json.loads(run("schema", "framework").stdout)
    assert "translations" in schema["properties"] and "untranslated" not in schema["properties"]
    options = schema["properties"]["name"]["anyOf"]
    assert {"type": "string", "minLength": 1} in options
    assert any(option.get("propertyNames") == {"enum": ["en", "cy"]} for option in options)
