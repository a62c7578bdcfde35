"""The fast path for plain answers files: it never accepts what the strict reader refuses."""

from __future__ import annotations

import pytest

from coprod_cli.reading import quickread
from coprod_cli.reading.loader import Library
from tests.reading.test_yamlio import AGREE, _strict


@pytest.mark.parametrize("body", AGREE)
def test_the_fast_reader_never_accepts_what_the_strict_one_refuses(body: str) -> None:
    library = Library.builtin()
    framework = library.framework("nef")
    grammar = quickread.Grammar("nef", {s.id for s in framework.statements},
                                {r.id for r in library.catalogue.roles})
    text = f"framework: nef\n{body}\n"
    quick = quickread.read(text, grammar)
    if quick is not None:
        assert quick == _strict(library, text)


@pytest.mark.parametrize("body", ["language: cy\nanswers: {assets-1: Canolradd}",
                                  "language: en\nanswers: {assets-1: 2}",
                                  "language: fr\nanswers: {assets-1: 2}",
                                  "language: [cy]\nanswers: {assets-1: 2}",
                                  "answers: {assets-1: ansicr}"])
def test_a_files_language_is_read_as_the_strict_reader_reads_it(body: str) -> None:
    library = Library.builtin()
    framework = library.framework("nef")
    grammar = quickread.Grammar("nef", {s.id for s in framework.statements},
                                {r.id for r in library.catalogue.roles})
    text = f"framework: nef\n{body}\n"
    quick = quickread.read(text, grammar)
    if "fr" in body or "[" in body:
        assert quick is None  # left for the strict reader, which says what is wrong
    else:
        strict = _strict(library, text)
        assert quick is None or quick == strict  # a level word may send it the strict way
        assert strict.language == ("cy" if "cy" in body else "en" if "en" in body else None)
    if body.startswith("language: en"):
        assert quick is not None and quick.language == "en"
