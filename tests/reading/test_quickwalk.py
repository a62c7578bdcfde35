"""The fast path's event walk: it reads what quickread's one pattern leaves, as the strict
reader does, and YAML is imported only for it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from coprod_cli.reading import quickread, quickwalk
from coprod_cli.reading.loader import Library
from tests.reading.test_yamlio import _strict

LEFT = ["# our team's answers\nanswers:\n  assets-1: descriptive",
        "respondent: {role: carer}\nanswers: {assets-1: 2}",
        'service: "Day centre"\nanswers:\n  assets-1: intermediate',
        'answers:\n  assets-1: {level: 2, evidence: "minutes of the May meeting"}',
        "answers:\n    assets-1: not-yet\n    assets-2: 3"]


@pytest.mark.parametrize("body", LEFT)
def test_the_walk_reads_what_the_pattern_leaves_as_the_strict_reader(body: str) -> None:
    library = Library.builtin()
    framework = library.framework("nef")
    grammar = quickread.Grammar("nef", frozenset(s.id for s in framework.statements),
                                frozenset(r.id for r in library.catalogue.roles))
    text = f"framework: nef\n{body}\n"
    assert quickread._plainest(text, grammar) is None  # the pattern leaves it
    walked = quickwalk.read(text, grammar)
    assert walked is not None and walked == quickread.read(text, grammar) == _strict(library, text)
    assert quickwalk.framework_named(text) == quickread.framework_named(text) == "nef"


def test_the_pattern_alone_imports_no_yaml() -> None:
    code = ("import sys; from coprod_cli.reading import quickread as q\n"
            "g = q.Grammar('nef', {'assets-1'}, {'carer'})\n"
            "t = 'framework: nef\\nrespondent:\\n  role: carer\\nanswers:\\n  assets-1: 2\\n'\n"
            "assert q.read(t, g).levels == {'assets-1': 'intermediate'}\n"
            "assert q.framework_named(t) == 'nef'\n"
            "print('yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
