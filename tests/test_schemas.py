"""JSON Schemas made from the models: valid, stable to the byte, accepting what coprod ships."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from coprod_cli import __version__, schemas
from tests.cli.test_score import EXAMPLE_FILES
from tests.conftest import Run


@pytest.mark.parametrize("name", ["framework", "answers", "result", "catalogue"])
def test_schemas_are_valid_json_schema(run: Run, name: str) -> None:
    schema = json.loads(run("schema", name).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)  # raises if the schema is malformed
    assert schema["type"] == "object" and schema["properties"]


@pytest.mark.parametrize("name", ["result", "comparison", "trend"])
def test_output_schemas_keep_their_bytes(run: Run, golden: Callable[[str, str], None],
                                         name: str) -> None:
    """Results are plain dataclasses that pydantic describes; every pydantic allowed (2.10 to
    2.12 leave a dataclass's docstring out) writes the schema it wrote for the models."""
    out = run("schema", name).stdout
    golden(f"schema-{name}.json", out.replace(f"coprod {__version__} ", "coprod VERSION "))


def test_framework_schema_accepts_the_builtin_frameworks(run: Run) -> None:
    import yaml

    from tests.conftest import FRAMEWORKS

    schema = json.loads(run("schema", "framework").stdout)
    validator = jsonschema.Draft202012Validator(schema)
    for name in ("nef.yaml", "scie.yaml"):
        data = yaml.safe_load((FRAMEWORKS / name).read_text())
        assert [e.message for e in validator.iter_errors(data)] == []


def test_json_result_validates_against_its_own_schema(run: Run) -> None:
    schema = json.loads(run("schema", "result").stdout)
    for path in EXAMPLE_FILES:
        result = json.loads(run("score", str(path), "--format", "json").stdout)
        jsonschema.validate(result, schema)
        assert {"level", "score", "dimensions", "limited_by", "recommendations", "framework",
                "tool_version", "result_version"} <= set(result)
        assert {"id", "level", "score"} <= set(result["dimensions"][0])


def test_answers_schema_accepts_the_examples(run: Run) -> None:
    schema = json.loads(run("schema", "answers").stdout)
    for path in EXAMPLE_FILES:
        # As an editor sees it: dates are strings in JSON.
        data = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))
        assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)] \
            == [], path.name


def _made_once(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the schemas generated (each one costs pydantic about 100 ms)."""
    made: list[str] = []
    generate = schemas.schema

    def counted(name: schemas.SchemaName) -> dict[str, object]:
        made.append(name.value)
        return generate(name)

    monkeypatch.setattr(schemas, "schema", counted)
    return made


@pytest.mark.parametrize("name", list(schemas.SchemaName))
def test_a_kept_schema_is_the_generated_one_to_the_byte(
        fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, name: schemas.SchemaName) -> None:
    made = _made_once(monkeypatch)
    first, second = schemas.text(name), schemas.text(name)
    assert first == second == json.dumps(schemas.schema(name), indent=2) + "\n"
    assert made == [name.value] * 2  # the second text came from the cache


def test_a_schema_is_made_again_for_other_sources_or_another_pydantic(
        fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _made_once(monkeypatch)
    schemas.text(schemas.SchemaName.plan)
    source = schemas._made_from()
    lines = source.decode().splitlines()
    assert any(line.startswith("models.py ") for line in lines)
    assert any(line.startswith("version.py ") for line in lines[lines.index("pydantic"):])
    monkeypatch.setattr(schemas, "_made_from", lambda: source + b"# pydantic 9")
    schemas.text(schemas.SchemaName.plan)
    assert made == ["plan", "plan"]


def test_a_planted_or_altered_schema_is_never_printed(
        fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    truth = schemas.text(schemas.SchemaName.answers)
    (kept,) = fresh_cache.glob("schema-answers-*.json")
    header, _, body = kept.read_bytes().partition(b"\n")
    kept.write_bytes(header + b"\n" + body.replace(b'"Role"', b'"Planted"'))
    assert schemas.text(schemas.SchemaName.answers) == truth  # the data's digest is wrong
    kept.write_bytes(header + b"\n" + body)
    kept.chmod(0o666)  # a well-formed file others could have written
    made = _made_once(monkeypatch)
    assert schemas.text(schemas.SchemaName.answers) == truth and made == ["answers"]
