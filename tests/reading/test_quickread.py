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


NOT_APPLYING = [
    "answers:\n  assets-1: does-not-apply",
    "answers:\n  assets-1: {level: does-not-apply, reason: \"We have no planning group\"}",
    "answers:\n  assets-1: {level: does-not-apply, reason: \"  spaced  \", evidence: \"e\"}",
    "answers:\n  assets-1: {level: intermediate, reason: \"a reason with a level\"}",
    "answers:\n  assets-1: {level: does-not-apply, reason: \"" + "x" * 301 + "\"}",
    "answers:\n  assets-1: {level: does-not-apply, reason: 3}",
    "answers:\n  assets-1: {level: does-not-apply, reason: \"\"}",
]


@pytest.mark.parametrize("body", NOT_APPLYING)
def test_the_fast_reader_reads_does_not_apply_and_its_reason_as_the_strict_one(body: str) -> None:
    library = Library.builtin()
    framework = library.framework("nef")
    grammar = quickread.Grammar("nef", {s.id for s in framework.statements},
                                {r.id for r in library.catalogue.roles})
    text = f"framework: nef\n{body}\n"
    quick, strict = quickread.read(text, grammar), _strict(library, text)
    if quick is not None:
        assert quick == strict
    if strict is not None and "reason" in body:
        assert strict.reasons and strict.levels["assets-1"] == "does-not-apply"
    if body == NOT_APPLYING[1]:
        assert quick is not None and quick.reasons == (("assets-1", "We have no planning group"),)
