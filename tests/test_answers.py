"""What coprod prints, coprod reads: level words everywhere, and a schema that agrees."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.answers import (
    ANSWER_PHRASES,
    ANSWER_WORDS,
    LEVEL_NAMES,
    UNSURE,
    answer_pattern,
    parse_level_word,
)
from coprod_cli.errors import CoprodError
from coprod_cli.models import LEVEL_IDS
from coprod_cli.questionnaire.flow import parse_reply
from coprod_cli.reading.loader import Document, Library
from coprod_cli.schemas import SchemaName, schema
from tests.conftest import Run

LIB = Library.builtin()
NEF = LIB.framework("nef")
IDS = [s.id for s in NEF.statements]
VALIDATOR = jsonschema.Draft202012Validator(schema(SchemaName.answers))
PREFIXES = ("{n} - ", "{n}. ", "{n}) ", "Level {n}: ", "level {n} - ", "{n}: ", "{n} ",
            "LEVEL_{n} ")


def _casings(text: str) -> list[str]:
    return [text, text.lower(), text.upper(), text.title(), text.swapcase(),
            text.replace(" ", "_"), text.replace(" ", "-"), text.replace("-", " "), f"  {text}\t"]


def _generated() -> list[Any]:
    """Every phrase in every casing, with and without numbers (right and wrong), and junk."""
    values: list[Any] = [0, 1, 2, 3, 2.0, -1, 4, 2.5, True, False, None, [], {}, "", " ",
                         "4", "-1", "02", "Level", "level 4", "inter", "transformitive",
                         "not", "yet", "co-production", "know", "0 -- ", "0 - - Not yet",
                         "Not yet co-production.", "2 - Intermediate: noticed", "u", "?",
                         "Intermediate (level 2 of 3)", "Don't know.", "sure"]
    for value, answer in enumerate((*LEVEL_IDS, UNSURE)):
        for phrase in ANSWER_PHRASES[answer]:
            values += _casings(phrase)
            for prefix, number in itertools.product(PREFIXES, (value, (value + 1) % 4)):
                values.append(prefix.format(n=number) + phrase)
        values += [prefix.format(n=value).strip() for prefix in PREFIXES]
        values.append(str(value))
    return values


def loader_accepts(data: dict[str, Any]) -> bool:
    text = json.dumps(data)  # JSON is YAML: the loader reads exactly these values
    try:
        LIB.answers(Document.from_bytes(text.encode(), "answers.yaml"))
    except CoprodError:
        return False
    return True


def agree(data: dict[str, Any]) -> None:
    by_schema = VALIDATOR.is_valid(data)
    assert by_schema == loader_accepts(data), (data, by_schema)


@pytest.mark.parametrize("value", _generated(), ids=repr)
def test_schema_and_loader_agree_on_a_level(value: Any) -> None:
    agree({"framework": "nef", "answers": {IDS[0]: value}})
    agree({"framework": "nef", "answers": {IDS[0]: {"level": value, "evidence": "minutes"}}})


@given(st.text(alphabet="0123 -_:.)lLeEvnNoOtyYTiIrRmdDaAsScpuU'\u2019kKwW", max_size=30))
def test_schema_and_loader_agree_on_any_text(value: str) -> None:
    agree({"framework": "nef", "answers": {IDS[0]: value}})


@pytest.mark.parametrize("role", [*(role.id for role in LIB.catalogue.roles), None,
                                  "Practitioner", "nurse", "carer ", 3])
def test_schema_and_loader_agree_on_a_role(role: Any) -> None:
    agree({"framework": "nef", "respondent": {"role": role}, "answers": {}})


def test_the_schema_lists_the_role_ids() -> None:
    role = schema(SchemaName.answers)["$defs"]["Respondent"]["properties"]["role"]
    assert role["anyOf"][0]["enum"] == [role.id for role in LIB.catalogue.roles]


def test_level_names_are_the_names_coprod_prints() -> None:
    assert {level.id: level.name for level in LIB.catalogue.levels} == LEVEL_NAMES


@pytest.mark.parametrize(("typed", "level"), [
    ("Not yet co-production", "not-yet"), ("NOT YET", "not-yet"), ("'2'", None),
    ("0 - Not yet co-production", "not-yet"), ("Level 0: Not yet co-production", "not-yet"),
    ("0.", "not-yet"), ("Level 2", "intermediate"), ("3 \u2013 Transformative", "transformative"),
    ("Don\u2019t know", UNSURE), ("2 - Descriptive", None), ("level 4", None),
])
def test_level_words(typed: str, level: str | None) -> None:
    if level is None:
        with pytest.raises(ValueError, match="unknown level"):
            parse_level_word(typed)
    else:
        assert parse_level_word(typed) == level


@pytest.mark.parametrize(("word", "answer"), [
    (written, answer) for answer in ANSWER_WORDS for phrase in ANSWER_PHRASES[answer]
    for written in (phrase, phrase.lower(), phrase[:1].upper() + phrase[1:])])
def test_an_answer_as_written_is_read_as_the_pattern_reads_it(word: str, answer: str) -> None:
    """An id or phrase exactly as written is read without the pattern (the common case): as
    the pattern reads it."""
    match = answer_pattern().fullmatch(word)
    assert match is not None and str(match.lastgroup).replace("_", "-") == answer
    assert parse_level_word(word) == answer


@pytest.mark.parametrize("label", [*LEVEL_NAMES.values(), "0 - Not yet co-production",
                                   "Level 2: Intermediate", "Don't know"])
def test_the_questionnaire_yaml_and_form_exports_read_the_same_words(
        run: Run, tmp_path: Path, label: str) -> None:
    level = parse_level_word(label)
    assert parse_reply(label, LIB.catalogue).level == level
    rows = ",".join(["role", *IDS]) + "\n" + ",".join(["carer", *[label] * len(IDS)]) + "\n"
    (tmp_path / "form.csv").write_text(rows, encoding="utf-8")
    answers = "framework: nef\nanswers:\n" + "".join(f"  {sid}: {json.dumps(label)}\n"
                                                    for sid in IDS)
    (tmp_path / "answers.yaml").write_text(answers, encoding="utf-8")
    results = [json.loads(run("score", str(tmp_path / name), "-f", "json").stdout)
               for name in ("form.csv", "answers.yaml")]
    assert {result["statements"][0]["level"] for result in results} == \
        {None if level == UNSURE else level}


def test_the_welsh_level_names_are_core_yamls_and_read_as_answers() -> None:
    from coprod_cli.answers import WELSH_LEVEL_NAMES
    from coprod_cli.reading.loader import Library

    welsh = Library.builtin(language="cy").catalogue
    assert {level.id: level.name for level in welsh.levels} == WELSH_LEVEL_NAMES
    for value, (level, name) in enumerate(WELSH_LEVEL_NAMES.items()):
        assert parse_level_word(name) == parse_level_word(f"{value} - {name.upper()}") == level
    assert parse_level_word("Ddim yn siŵr") == parse_level_word("ansicr") == UNSURE
