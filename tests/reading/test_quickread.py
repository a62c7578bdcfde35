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
