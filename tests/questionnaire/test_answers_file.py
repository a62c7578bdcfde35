"""What coprod writes, coprod reads back: every value emitted as YAML, comments kept comments."""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from coprod_cli.answers import ANSWER_WORDS, Answers
from coprod_cli.models import LEVEL_IDS, Framework
from coprod_cli.questionnaire.answers_file import render_answers
from coprod_cli.reading import quickread
from coprod_cli.reading.loader import Document, Library, validated
from coprod_cli.tally import Ballot
from tests.builders import CATALOGUE
from tests.conftest import Run

ROLES = [role.id for role in CATALOGUE.roles]
DAY = datetime.date(2026, 11, 24)
HOSTILE = ["a\nframework: other", "x\r\n# y", "line\x85break", "line\u2028break", "\u2029",
           "\x1b]0;title\x07", "name: [", "'", '"', " # not a comment", "{a: b}", "- item",
           "\U0001f600 non-BMP", "\ufffe\uffff", "ends in a separator\x1c", "\x7f\x9b",
           "--- \n...", "\t\ttabs", "\\", "&anchor *alias", "!!python/object x", "%YAML 1.1"]
CONTROL_TAILS = ["", "\x1c", "\x1f", "\x00", "\x85", "\r", "\u2028", "\x1b", "\x7f", "\x0b"]
TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=12),
                 st.builds(str.__add__, st.text(max_size=6), st.sampled_from(HOSTILE)))
ID = st.from_regex(r"[a-z0-9]{1,5}(-[a-z0-9]{1,3}){0,2}", fullmatch=True)


def framework(texts: list[str], ids: list[str], shape: list[int]) -> Framework:
    """A small framework whose every name and text is hostile; invalid ones are skipped."""
    said = iter(texts * 40)
    sids = iter(ids)
    rubric = {level: next(said) for level in LEVEL_IDS}
    dimensions = [{"id": f"d{n}", "name": next(said), "text": next(said),
                   "plain": next(said),
                   "statements": [{"id": next(sids), "text": next(said), "plain": next(said),
                                   "levels": rubric} for _ in range(size)]}
                  for n, size in enumerate(shape)]
    return validated(Framework, {
        "id": ids[-1], "name": next(said), "version": next(said), "text": next(said),
        "plain": next(said), "source": {"title": "t", "author": "a", "year": 2026},
        "credit": "c", "dimensions": dimensions})


FRAMEWORKS = st.builds(framework, st.lists(TEXT, min_size=1, max_size=6),
                       st.lists(ID, min_size=8, max_size=8, unique=True),
                       st.lists(st.integers(1, 3), min_size=1, max_size=2))
EVIDENCE = st.one_of(st.none(), st.builds(str.__add__, TEXT, st.sampled_from(CONTROL_TAILS)))
ANSWER = st.one_of(st.none(), st.tuples(st.sampled_from([*ANSWER_WORDS, 0, 3]), EVIDENCE))


def answers_for(fw: Framework, data: st.DataObject) -> Answers:
    values: dict[str, Any] = {}
    for statement in fw.statements:
        answer = data.draw(ANSWER)
        values[statement.id] = None if answer is None else {"level": answer[0],
                                                            "evidence": answer[1]}
    respondent = {"role": data.draw(st.sampled_from([None, *ROLES])),
                  "name": data.draw(st.one_of(st.none(), TEXT))}
    service = data.draw(st.one_of(st.none(), TEXT))
    return validated(Answers, {"framework": fw.id, "service": service,
                               "respondent": respondent,
                               "assessed_on": DAY, "answers": values})


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow,
                                                   HealthCheck.filter_too_much])
@given(st.data(), st.booleans())
def test_what_is_written_reads_back_the_same_through_both_readers(data: st.DataObject,
                                                                  plain: bool) -> None:
    try:
        fw = data.draw(FRAMEWORKS)
        answers = answers_for(fw, data)
    except ValidationError:
        assume(False)  # text that is only spaces, an id YAML would misread: not valid input
        raise
    text = render_answers(fw, CATALOGUE, answers, plain=plain)
    library = Library(CATALOGUE)
    library.add(fw, Path("fw.yaml"))
    strict, _ = library.answers(Document.from_bytes(text.encode(), "x.yaml"))
    assert strict == answers
    grammar = quickread.Grammar(fw.id, {s.id for s in fw.statements}, set(ROLES))
    fast = quickread.read(text, grammar)
    if answers.respondent.name is None:  # a name is left to the strict path, by design
        assert fast == Ballot.of(answers)
    assert fast is None or fast == Ballot.of(answers)


def test_the_fast_reader_strips_what_the_models_strip() -> None:
    """pydantic trims Unicode White_Space; Python's str.strip() also takes U+001C-U+001F."""
    pythons = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert list(quickread.WHITESPACE) == [c for c in pythons if c not in "\x1c\x1d\x1e\x1f"]
    for code in [*range(0xD800), *range(0xE000, 0x3100)]:
        evidence = f"x{chr(code)}"
        try:
            model = validated(Answers, {"framework": "nef", "answers": {
                "a": {"level": 1, "evidence": evidence}}}).answers["a"]
        except ValidationError:
            continue
        assert model is not None and model.evidence == evidence.strip(quickread.WHITESPACE)


@pytest.mark.parametrize("value", ["yes", "no", "y", "on", "off", "true", "null", "12", "1e3",
                                   "0x1f", "0o17", "0b101", "2026-01-01", "1e-3"])
def test_an_id_yaml_would_misread_is_refused_with_a_hint(value: str) -> None:
    with pytest.raises(ValidationError, match=f"'{value}' cannot be an id.*'item-{value}'"):
        framework(["t"], [value, *(f"s{n}" for n in range(7))], [1])


@settings(max_examples=300)
@given(st.one_of(ID, st.sampled_from(["0", "00", "1-2", "yes-1", "y2k", "2026-1-1", "0x",
                                      "1e-3", "0b2", "e3", "nan", "inf"])))
def test_every_id_kept_reads_back_as_text_in_yaml(value: str) -> None:
    """The rule refuses exactly what matters: an id kept is text to PyYAML (1.1) and 1.2."""
    try:
        framework(["t"], [value, *(f"s{n}" for n in range(7))], [1])
    except ValidationError:
        return
    assert yaml.safe_load(f"{value}: x") == {value: "x"}
    assert not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0o[0-7]+|0x[0-9a-f]+"
                            r"|true|false|null", value)


def test_a_framework_file_with_such_an_id_is_located(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "fw.yaml"
    text = (Path(__file__).parents[2] / "frameworks" / "nef.yaml").read_text()
    path.write_text(text.replace("id: assets-1\n", "id: 'yes'\n", 1))
    result = run("validate", str(path))
    assert result.exit_code == 2 and "'yes' cannot be an id" in result.stderr
    assert re.search(r"fw\.yaml:\d+:\d+", result.stderr)


def test_a_comment_never_carries_a_line_break_or_a_character_yaml_refuses() -> None:
    fw = framework(["x\nrespondent: {name: injected}\n\x85\u2028\x07\ufffe"], [
        f"s{n}" for n in range(8)], [2])
    text = render_answers(fw, CATALOGUE)
    assert "\nrespondent: {name" not in text and "\\x85" in text and "\\u2028" in text
    assert all(line.lstrip().startswith("#") or ":" in line or not line.strip()
               for line in text.splitlines())
    assert yaml.safe_load(text)["respondent"] == {"role": None}
