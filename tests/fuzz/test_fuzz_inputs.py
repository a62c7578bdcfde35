"""Every input surface fed arbitrary and mutated input: a result or a CoprodError, nothing else,
and whatever is shown is free of raw control characters and unescaped markup."""

from __future__ import annotations

import io
import os
import tempfile
import typing
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console

from coprod_cli.cli.safeconsole import safe
from coprod_cli.errors import CoprodError
from coprod_cli.questionnaire.flow import ReplyKind, parse_reply
from coprod_cli.reading import quickread, yamlio
from coprod_cli.reading.loader import Document, Library
from coprod_cli.report import listing_markdown, listing_text
from coprod_cli.tally import Ballot
from tests.conftest import DATA, EXAMPLES
from tests.fuzz.strategies import FUZZ, RAW, anything, mutated

LIBRARY = Library.builtin()
NEF = LIBRARY.framework("nef")
GRAMMAR = quickread.Grammar("nef", frozenset(s.id for s in NEF.statements),
                            frozenset(r.id for r in LIBRARY.catalogue.roles))
ANSWERS = (EXAMPLES / "nef-descriptive.yaml").read_bytes()
FRAMEWORK = (DATA / "valid" / "minimal-framework.yaml").read_bytes()
HOSTILE = (Path(__file__).resolve().parent.parent / "corpus" /
           "hostile-framework.yaml").read_bytes()
CSV = (EXAMPLES / "online-form.csv").read_bytes()
MARKDOWN = MarkdownIt("commonmark").enable("table")


def strict(data: bytes) -> Ballot | None:
    """The strict reader's ballot, or None for a CoprodError; anything else fails the test."""
    try:
        document = Document.from_bytes(data, "fuzz.yaml")
        return Ballot.of(LIBRARY.answers(document)[0])
    except CoprodError:
        return None  # shown through say(), which makes its control characters visible


@FUZZ
@given(anything(ANSWERS))
def test_answers_files_give_a_result_or_a_located_error(data: bytes) -> None:
    strict(data)


@FUZZ
@given(anything(ANSWERS))
def test_the_fast_reader_agrees_with_the_strict_one(data: bytes) -> None:
    try:
        text_ = yamlio.decode(data, "fuzz.yaml")
    except CoprodError:
        return
    quick = quickread.read(text_, GRAMMAR)
    if quick is not None:
        assert quick == strict(data)


def shown_as_text(renderable: object) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=80, no_color=True, highlight=False).print(safe(renderable))
    return buffer.getvalue()


def assert_inert(rendered_markdown: str) -> None:
    assert not RAW.search(rendered_markdown)
    html = MARKDOWN.render(rendered_markdown)
    for tag in ("<img", "<a ", "<script", "<pre", "<h1>#", "<blockquote"):
        assert tag not in html, tag


@FUZZ
@given(st.one_of(mutated(FRAMEWORK), mutated(HOSTILE)))
def test_framework_files_are_valid_or_refused_and_always_shown_safely(data: bytes) -> None:
    try:
        framework = LIBRARY.validate_framework(Document.from_bytes(data, "fuzz.yaml"))
    except CoprodError:
        return
    assert not RAW.search(shown_as_text(listing_text.framework(framework, LIBRARY.catalogue)))
    assert not RAW.search(shown_as_text(listing_text.frameworks([framework], set())))
    assert_inert(listing_markdown.framework(framework, LIBRARY.catalogue))
    assert_inert(listing_markdown.frameworks([framework], set()))


@FUZZ
@given(st.text(max_size=60), st.booleans())
def test_questionnaire_replies_are_understood_or_explained(typed: str, has_answer: bool) -> None:
    reply = parse_reply(typed, LIBRARY.catalogue, has_answer)
    assert reply.kind in typing.get_args(ReplyKind)
    assert not RAW.search(reply.problem)
    assert (reply.level is not None) == (reply.kind == "level")


@FUZZ
@given(st.text(min_size=1, max_size=40) | st.binary(min_size=1, max_size=40).map(os.fsdecode))
def test_any_file_name_is_shown_safely(name: str) -> None:
    from typer.testing import CliRunner

    from coprod_cli.cli import app

    cleaned = name.replace("/", "_").replace("\x00", "_")
    if cleaned in {".", ".."}:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, cleaned + ".yaml")
        try:
            with open(os.fsencode(path), "wb") as handle:
                handle.write(ANSWERS)
        except OSError:  # a name this file system refuses (too long...)
            return
        for args in (["validate", path], ["score", folder, "--show-names", "--format",
                                          "markdown"]):
            result = CliRunner().invoke(app, args, env={"NO_COLOR": "1"})
            assert result.exit_code in (0, 2), result.output
            assert not RAW.search(result.stdout) and not RAW.search(result.stderr)
