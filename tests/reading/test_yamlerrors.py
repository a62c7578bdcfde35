"""A YAML syntax error is one line in coprod's words, the same from libyaml and from PyYAML's
own parser: the parsers' sentences differ between them and between releases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coprod_cli.errors import CoprodError
from coprod_cli.reading import yamlio
from coprod_cli.reading.yamlerrors import syntax_error
from tests.conftest import DATA, Run


class PurePythonLoader(yamlio.StrictRules, yaml.SafeLoader):
    """The strict rules on PyYAML's own parser, as coprod runs where libyaml is missing."""


# Each broken text, where the error is (line:column) and what coprod says is wrong.
BROKEN = [
    ("id: x\n\tname: y\n", "2:1", "a tab where YAML needs spaces"),
    ("a:\n\t- 1\n", "2:1", "a tab where YAML needs spaces"),
    ("source:\n  title: t\n author: a\n", "3:2", "this line's indentation does not line up"),
    ("a:\n  - 1\n - 2\n", "3:2", "this line's indentation does not line up"),
    ('a: "abc\nb: 2\n', "2:5", "the quote opened on line 1 is never closed"),
    ("a: 'abc\nb: 2\n", "2:5", "the quote opened on line 1 is never closed"),
    ("a: [1, 2\nb: 3\n", "2:2", "the '[' opened on line 1 does not end where it should"),
    ("a: {x: 1\n", "1:9", "the '{' opened on line 1 does not end where it should"),
    ("a: b: c\n", "1:5", "a second ': ' on one line"),
    ("a: é b: c\n", "1:7", "a second ': ' on one line"),
    ("a: 1\n  b: 2\n", "2:4", "a key where YAML does not expect one"),
    ("a\nb: 1\n", "2:2", "a key where YAML does not expect one"),
    ("a: 1\nb\nc: 2\n", "3:1", "line 2 has text that is neither a key (no ':')"),
    ("a: 1\njust text\n", "2:10", "line 2 has text that is neither a key (no ':')"),
    ("a: 1\njust text", "2:10", "line 2 has text that is neither a key (no ':')"),
    ("a: 1\n- b\n", "2:1", "a list item ('- ') among keys"),
    ("- a\nb: 1\n", "2:1", "a key among list items"),
    ("a: - b\n", "1:4", "a list item ('- ') on the line of its key"),
    ("]\n", "1:1", "a ']' with no '[' before it to close"),
    ("a: [1]]\n", "1:7", "a ']' with no '[' before it to close"),
    ("a: @x\n", "1:4", "a plain value cannot start with '@'"),
    ("a: `x\n", "1:4", "a plain value cannot start with '`'"),
    ('a: "\\q"\n', "1:5", "a backslash inside double quotes"),
    ('a: "\\xZZ"\n', "1:7", "a backslash inside double quotes"),
    ("a: 1\n---\nb: 2\n", "2:1", "a second YAML document"),
    ("a: 1\n... x\n", "2:5", "a second YAML document"),
    ("a: *x\n", "1:4", "YAML aliases (*name) and anchors (&name) are not allowed"),
    ("a: &\n", "1:4", "YAML aliases (*name) and anchors (&name) are not allowed"),
    ("a: !<x\n", "1:4", "a YAML tag ('!') coprod does not use"),
    ("a: |x\n  t\n", "1:4", "only a comment may follow '|' on its line"),
    ("a:\n  b: 2\n  > we think so\n", "3:3", "only a comment may follow '>' on its line"),
    ("a:\n  b: 2\n ># a comment\n  c: 3\n", "3:2", "only a comment may follow '>' on its"),
    ("a: [b, >x]\n", "1:8", "a value inside [ ] or { } cannot start with '>'"),
    ('a: "x" y\n', "1:8", "text after the closing quote"),
    ("a: [[[[\n", "1:8", "the file ends in the middle of a value"),
    ("%YAML 2.0\n---\na: 1\n", "1:1", "a '%' directive"),
    ("a: 1\n%YAML 1.1\n", "2:1", "a '%' directive"),
    ("a: [1, 2", "1:9", "the '[' opened on line 1 does not end where it should"),
    ("a: [1, 2\n\n  # a comment\n", "1:9", "the '[' opened on line 1 does not end where"),
]


def _line(text: str, loader: type) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlio, "StrictLoader", loader)
        with pytest.raises(CoprodError) as raised:
            yamlio.parse(text, "f.yaml")
    return str(raised.value)


def _pyyaml_words(text: str, loader: type) -> list[str]:
    try:
        yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        return [words for words in (error.problem, error.context) if words]
    return []


@pytest.mark.parametrize(("text", "where", "what"), BROKEN, ids=lambda v: repr(v)[:24])
def test_both_parsers_give_the_same_line_in_coprods_words(text: str, where: str,
                                                          what: str) -> None:
    line = _line(text, yamlio.StrictLoader)
    assert line == _line(text, PurePythonLoader)
    assert line.startswith(f"f.yaml:{where}: {what}"), line
    assert "; " in line, "every error also says how to fix it"
    for loader in (yamlio.StrictLoader, PurePythonLoader):
        for words in _pyyaml_words(text, loader):
            assert words not in line


def test_an_error_nobody_foresaw_is_still_coprods_own_line() -> None:
    error = yaml.parser.ParserError("while parsing", None, "a sentence from a new release",
                                    yaml.Mark("f", 0, 0, 0, None, None))
    assert str(syntax_error(error, "a: 1\n", "f.yaml")) == (
        "f.yaml:1:1: the YAML structure cannot be read here; check the indentation, colons, "
        "quotes and brackets on this line and the one above")



def test_a_limit_libyaml_sets_is_said_in_coprods_words() -> None:
    """libyaml from PyYAML 6.0.4 refuses deep nesting itself; its words are read, not shown."""
    error = yaml.parser.ParserError(None, None, "exceeded maximum nesting depth",
                                    yaml.Mark("f", 0, 0, 3, None, None))
    assert str(syntax_error(error, "a: b\n", "f.yaml")) == (
        "f.yaml:1:4: the YAML is nested too deeply; coprod files are shallow; check the "
        "brackets and indentation")


INVALID = sorted((DATA / "invalid").glob("*.yaml")) + sorted(
    (DATA / "answers" / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_every_invalid_file_gets_the_same_line_from_either_parser(
        run: Run, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    command = "validate" if path.parent.parent == DATA else "score"
    with_libyaml = run(command, str(path))
    monkeypatch.setattr(yamlio, "StrictLoader", PurePythonLoader)
    with_python = run(command, str(path))
    assert with_libyaml.exit_code == with_python.exit_code == 2
    assert with_libyaml.stderr == with_python.stderr
