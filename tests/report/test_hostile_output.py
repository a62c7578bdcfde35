"""Text from a hostile framework, answers or file name never acts on a terminal or a reader.

The framework in tests/corpus/hostile-framework.yaml puts escape sequences, rich markup,
Markdown, HTML, a bidi override and an @mention in every field; the answers add evidence of
the same kind. Every output format must show all of it as text.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from coprod_cli.reading.loader import Document, Library
from tests.conftest import Run

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
HOSTILE = CORPUS / "hostile-framework.yaml"
EVIDENCE = ("```\n# x\n<img src=x onerror=alert(1)> ![i](http://e/x.png) [l](http://e) "
            "@octocat \x1b]0;t\x07")
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def answers(tmp_path: Path, name: str = "answers.yaml", level: str = "1") -> Path:
    path = tmp_path / name
    quoted = json.dumps(EVIDENCE)
    path.write_text(f"framework: hostile\nanswers:\n  voice-1:\n    level: {level}\n"
                    f"    evidence: {quoted}\n", encoding="utf-8")
    return path


def assert_inert_markdown(text: str) -> None:
    """Rendered as GitHub would: no element the hostile text could have opened."""
    assert not RAW.search(text)
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)
    for tag in ("<img", "<a ", "<script", "<details", "<pre", "<del", "<li>list"):
        assert tag not in html, tag
    assert all(re.fullmatch(r"[a-z0-9-]+", code) for code in re.findall(r"<code>(.*?)</code>",
                                                                         html))
    headings = re.findall(r"<h\d>(.*?)</h\d>", html)
    assert not any("Heading" in h or "setext" in h for h in headings)
    assert not re.search(r"(?<![\w&])@\w", html.replace("&amp;", "&"))
    assert "blink | pipe" in html or "Voice" not in html  # a pipe never splits a cell


def test_the_web_questionnaire_of_a_hostile_framework(run: Run) -> None:
    """Its title and every word of the framework on the page show their controls as text."""
    result = run("form", "hostile", "-F", str(HOSTILE), "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert not RAW.search(result.stdout) and "Evil \\x1b]0;pwned" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_listings_of_a_hostile_framework(run: Run, fmt: str) -> None:
    for command in (["show", "hostile"], ["frameworks"]):
        result = run(*command, "-F", str(HOSTILE), "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert not RAW.search(result.stdout)
        if fmt == "markdown":
            assert_inert_markdown(result.stdout)
        if fmt == "text" and command[0] == "show":  # never markup: nothing vanishes
            assert "[/year] [in draft] [link=https://evil.example]click[/link]" \
                in " ".join(result.stdout.split())


@pytest.mark.parametrize("private", [[], ["--private"]])
@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_score_and_compare_with_hostile_framework_and_evidence(run: Run, tmp_path: Path,
                                                                fmt: str,
                                                                private: list[str]) -> None:
    """Shared or --private (whose text marks every line, rendering its report itself)."""
    before, after = answers(tmp_path, "before.yaml", "0"), answers(tmp_path, "after.yaml", "2")
    for command in (["score", str(after)], ["compare", str(before), str(after)]):
        result = run(*command, "-F", str(HOSTILE), "--format", fmt, *private)
        assert result.exit_code == 0, result.stderr
        assert not RAW.search(result.stdout), command
        if fmt == "markdown":
            assert_inert_markdown(result.stdout)
        if fmt == "html":
            assert "<script>" not in result.stdout and "<img src=x" not in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="file names with any bytes are POSIX")
@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_file_names_that_are_not_utf8_are_shown_safely(run: Run, tmp_path: Path,
                                                       fmt: str) -> None:
    library = Library.builtin()
    ids = [s.id for s in library.framework("nef").statements]
    body = "framework: nef\nanswers:\n" + "".join(f"  {sid}: unsure\n" for sid in ids[:-1]) \
        + f"  {ids[-1]}: 2\n"
    folder = os.fsencode(tmp_path)
    for raw in (b"caf\xe9-\x1b]0;pwned\x07.yaml", b"\xe2\x80\xae-evil.yaml"):
        Path(os.fsdecode(folder + b"/" + raw)).write_text(body, encoding="utf-8")
    Path(os.fsdecode(folder + b"/bad-\x1b[31m\xff.yaml")).write_text("answers: [\n")
    result = run("score", str(tmp_path), "--skip-invalid", "--show-names", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert not RAW.search(result.stdout) and not RAW.search(result.stderr)
    assert "bad-\\x1b[31m\\xff.yaml" in result.stderr
    assert "caf\\xe9" in result.stdout.replace("\\\\", "\\")


def test_validate_shows_a_hostile_file_name_safely(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "\x1b[2J\u202e.yaml"
    path.write_text("framework: nef\nanswers: {}\n", encoding="utf-8")
    result = run("validate", str(path))
    assert "\\x1b[2J\\u202e.yaml: ok" in result.stdout
    assert not RAW.search(result.stdout)


def test_a_document_can_be_read_from_the_corpus() -> None:
    library = Library.builtin()
    framework = library.validate_framework(Document.read(HOSTILE))
    assert framework.id == "hostile"


@pytest.mark.parametrize("private", [[], ["--private"]])
def test_a_trend_of_a_hostile_framework_with_hostile_labels(run: Run, tmp_path: Path,
                                                            private: list[str]) -> None:
    """Round labels, area names and the framework's words never act on a terminal, shared or
    --private."""
    rounds = [str(answers(tmp_path, f"round{n}.yaml", level)) for n, level in enumerate("02")]
    result = run("trend", *rounds, "-F", str(HOSTILE), "--label", "Spring \x1b]0;t\x07\r",
                 "--label", "Summer \u202e", "--min-group", "1", *private)
    assert result.exit_code == 0, result.stderr
    assert not RAW.search(result.stdout)
    assert "Spring \\x1b]0;t" in result.stdout and "Summer \\u202e" in result.stdout
