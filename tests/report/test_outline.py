"""A form outline as text, Markdown or a CSV header row; from a hostile framework, no control
reaches the terminal, and nothing in the Markdown closes its code block early."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests import welsh
from tests.cli.test_form import LIB
from tests.conftest import Run
from tests.report.test_hostile_output import HOSTILE, RAW


def test_the_text_outline_lists_the_role_question_and_every_choice(run: Run) -> None:
    out = run("form", "nef").stdout
    assert "Question 1 (optional): Your role: which of these best describes you?" in out
    assert "  ( ) Person who draws on care and support" in out
    first = LIB.framework("nef").statements[0]
    assert f"Question 2: {first.id}. {first.text}" in out
    assert f"  ( ) 2 - Intermediate: {first.levels.intermediate}" in out
    assert "  ( ) Don't know" in out
    assert "0 - Not yet co-production | 1 - Descriptive | 2 - Intermediate | " \
        "3 - Transformative | Don't know" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv"])
def test_an_outline_shows_every_control_as_an_escape(run: Run, fmt: str) -> None:
    result = run("form", "hostile", "-F", str(HOSTILE), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert not RAW.search(result.stdout) and "\\x" in result.stdout


def test_the_markdown_header_row_stays_inside_its_code_block(run: Run, tmp_path: Path) -> None:
    """A statement holding a line break and ``` once closed the fence, and what followed was
    read as Markdown (here a heading)."""
    framework = tmp_path / "fenced.yaml"
    hostile = HOSTILE.read_text(encoding="utf-8").replace("id: hostile", "id: fenced", 1)
    framework.write_text(hostile.replace("set priorities", "set\\n```\\n# Heading ```` p", 1),
                         encoding="utf-8")
    text = run("form", "fenced", "-F", str(framework), "--format", "markdown").stdout
    header = run("form", "fenced", "-F", str(framework), "--format", "csv").stdout
    blocks = [token for token in MarkdownIt("commonmark").parse(text) if token.type == "fence"]
    assert len(blocks) == 1 and blocks[0].content == header and "````" in header
    assert "<h1>Heading" not in MarkdownIt("commonmark").render(text)


def test_an_outline_explains_the_words_it_uses_and_credits_its_source(run: Run) -> None:
    for fmt in ("text", "markdown"):
        out = " ".join(run("form", "nef", "--format", fmt).stdout.split())
        assert "Words used here" in out
        assert "commissioning: How a council or the NHS decides" in out \
            or "*commissioning*: How a council or the NHS decides" in out, fmt
        assert "transformative" in out.lower() and "The highest level of co-production" in out
        assert "thinklocalactpersonal.org.uk" in out and "New Economics Foundation" in out
        assert "Description: Optional. When several people's answers are put together" in out \
            or "*Description:* Optional. When several people's answers are put together" in out


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_welsh_outline_has_no_english_words_of_coprods_own(run: Run, fmt: str) -> None:
    """The notes for whoever builds the form, in Welsh: how to, each question and part, the
    grid, the header row's heading, the glossary's and the credit's headings."""
    out = run("form", "wales", "--lang", "cy", "--format", fmt)
    assert out.exit_code == 0, out.stderr
    shown = welsh.normal(out.stdout)
    for words in ("Ffurflen ar-lein ar gyfer", "Ychwanegwch bob cwestiwn", "Rhan 1 o 5",
                  "Rhes bennawd y daflen ymatebion", "'assets-1 tystiolaeth'",
                  "Nid yw'r testun Cymraeg hwn"):
        assert words in shown
    assert ("Cwestiwn 2:" in shown) if fmt == "text" else ("Eich rôl (dewisol)" in shown)
    assert welsh.english_left(out.stdout, "report/outline.py",
                              "questionnaire/formoutline.py") == []
