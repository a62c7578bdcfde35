"""JSON Schemas made from the models: valid, stable to the byte, accepting what coprod ships."""

from __future__ import annotations

import json
from collections.abc import Callable

import jsonschema
import pytest
import yaml

from coprod_cli import __version__
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
