"""Safe YAML: whatever PyYAML's constructors throw is a located error, and bombs are refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_cli.errors import CoprodError
from coprod_cli.reading import yamlio
from coprod_cli.reading.loader import Document, Library
from coprod_cli.tally import Ballot
from tests.conftest import Run

REFUSED = [
    ("assessed_on: 2026-02-30\nanswers: {}", "1:14", "'2026-02-30' is not a date that exists"),
    ("assessed_on: 1999-12-31\nanswers: {}", "1:14", "1999-12-31 is not a date of an assessment"),
    ("assessed_on: 2999-01-01\nanswers: {}", "1:14", "2999-01-01 is not a date of an assessment"),
    ("assessed_on: !!timestamp x\nanswers: {}", "1:14", "'x' cannot be read as a date"),
    ("answers:\n  assets-1: !!int abc", "2:13", "'abc' is not a whole number"),
    ("answers:\n  assets-1: !!float ''", "2:13", "'' cannot be read as a number"),
    ("answers:\n  assets-1: !!bool x", "2:13", "'x' cannot be read as true or false"),
    ("answers:\n  assets-1: !!null x", "2:13", "'x' cannot be read as an empty value"),
    ("answers: !!set {assets-1}", "1:10", "the YAML tag '!!set' is not used"),
    ("answers:\n  assets-1: !!python/object/apply:os.system [ls]", "2:13",
     "the YAML tag '!!python/object/apply:os.system' is not used"),
    ("answers:\n  assets-1: !custom 1", "2:13", "the YAML tag '!custom' is not used"),
    ("answers:\n  assets-1: " + "9" * 5000, "2:13", "has too many digits"),
    ("answers:\n  assets-1: 0x3", "2:13", "'0x3' is a number written in a form"),
    ("answers:\n  assets-1: +3", "2:13", "'+3' is a number written in a form"),
    ("answers:\n  assets-1: 03", "2:13", "'03' is a number written in a form"),
    ("answers:\n  assets-1: 1_0", "2:13", "'1_0' is a number written in a form"),
    ("answers:\n  assets-1: {level: 0b11}", "2:21", "'0b11' is a number written in a form"),
    ("answers:\n  assets-1: 2.5", "2:13", "'2.5' is not a level: levels are whole steps"),
    ("answers:\n  assets-1: é\x1b", "2:14", "a control character (U+001B) YAML does not allow"),
    ("answers: !!map x", "1:10", "'x' cannot be read as keys and values"),
    ("answers: !!seq x", "1:10", "'x' cannot be read as a list"),
    ("answers:\n  assets-1: !!str [3]", "2:13", "a list cannot be read as text"),
    ("answers:\n  [assets-1]: 3", "2:3", "a key written as a list or as keys and values"),
    ("answers:\n  <<: x", "2:3", "'<<' (a YAML merge key) is not read"),
    ("answers:\n  <<: {assets-1: 3}", "2:3", "'<<' (a YAML merge key) is not read"),
    ("answers:\n  <<: [{assets-1: 3}]", "2:3", "write each key and value out in full"),
    ("answers:\n  ? " + "? " * 60 + "a", "2:", "nested more than 50 levels deep"),
    ("answers: " + "{a: " * 60, "1:", "nested more than 50 levels deep"),
    ("answers:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 60)), "",
     "nested more than 50 levels deep"),
]


@pytest.mark.parametrize(("body", "where", "message"), REFUSED, ids=lambda v: str(v)[:30])
def test_constructor_surprises_are_located_errors(run: Run, tmp_path: Path, body: str,
                                                  where: str, message: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(f"framework: nef\n{body}\n", encoding="utf-8")
    line, _, column = where.partition(":")
    place = f"{path}:{int(line) + 1}:{column}" if line else f"{path}:"
    for command in ("validate", "score"):
        result = run(command, str(path))
        assert result.exit_code == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert place in result.stderr, result.stderr
        assert message in result.stderr
        assert "; " in result.stderr, "every error also says how to fix it"


def test_a_100kb_explicit_key_bomb_is_refused_not_a_crash(tmp_path: Path) -> None:
    """`? ? ? ... a` once crashed libyaml's composer with a segmentation fault at ~60 KB."""
    path = tmp_path / "bomb.yaml"
    path.write_text("framework: nef\nanswers:\n  " + "? " * 50_000 + "a\n", encoding="utf-8")
    for command in ("validate", "score"):
        done = subprocess.run([sys.executable, "-m", "coprod_cli", command, str(path)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 2, done.stderr
        assert "nested more than 50 levels deep" in done.stderr


def test_flow_and_block_bombs_are_refused_quickly() -> None:
    for text in ("[" * 100_000, "- " * 50_000 + "a", "{a: " * 30_000):
        with pytest.raises(CoprodError, match="nested more than"):
            yamlio.parse(text, "bomb.yaml")


def _strict(library: Library, text: str) -> Ballot | None:
    try:
        return Ballot.of(library.answers(Document("f.yaml", text, yamlio.parse(text, "f")))[0])
    except CoprodError:
        return None


AGREE = ["assessed_on: 2026-02-30", "assessed_on: 1999-12-31", "assessed_on: 2026-11-23",
         "assessed_on: 3026-01-01", "answers:\n  assets-1: 03", "answers:\n  assets-1: 3",
         "answers:\n  assets-1: +3", "answers:\n  assets-1: 0x3", "answers:\n  assets-1: 3.0",
         "answers:\n  assets-1: {level: 2, evidence: \"notes\\x1b\"}",
         "answers:\n  assets-1: !!str 3", "answers:\n  assets-1: '3'"]


@pytest.mark.parametrize("size", [0, 1, 300, yamlio.MAX_BYTES, yamlio.MAX_BYTES + 5])
def test_a_file_is_read_whole_up_to_one_byte_over_the_limit(tmp_path: Path, size: int) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * size)
    assert yamlio.read_bytes(path) == b"x" * min(size, yamlio.MAX_BYTES + 1)


def test_a_file_that_grew_since_its_size_was_taken_is_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"answers: {}\n" * 1000)
    real = os.fstat

    class Smaller:  # the size before the file grew
        def __init__(self, found: os.stat_result) -> None:
            self.st_mode, self.st_size = found.st_mode, 12

    monkeypatch.setattr(os, "fstat", lambda fd: Smaller(real(fd)))
    assert yamlio.read_bytes(path) == b"answers: {}\n" * 1000
