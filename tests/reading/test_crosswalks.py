"""Crosswalk files read and checked: the built-in ones, and a user's own with its mistakes
placed at their line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_cli.errors import InvalidData, UsageProblem
from coprod_cli.reading import crosswalks
from coprod_cli.reading.loader import Document, Library
from tests.conftest import ROOT

NEF_TO_SCIE = ROOT / "frameworks" / "crosswalks" / "nef-to-scie.yaml"


def test_the_built_in_crosswalks_are_found_by_their_two_frameworks() -> None:
    found = crosswalks.load(Library.builtin())
    assert {("nef", "scie"), ("scie", "nef")} <= set(found)
    assert found["nef", "scie"].id == "nef-to-scie"


def test_a_missing_crosswalk_names_where_the_answers_can_go() -> None:
    found = crosswalks.load(Library.builtin())
    with pytest.raises(UsageProblem) as caught:
        crosswalks.find(found, "nef", "nowhere")
    assert "no crosswalk from 'nef' to 'nowhere'" in caught.value.what
    assert "scie" in caught.value.fix


def test_a_users_crosswalk_stands_in_for_the_built_in_one(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(NEF_TO_SCIE.read_text().replace("id: nef-to-scie", "id: my-walk"))
    found = crosswalks.load(Library.builtin(), [mine])
    assert found["nef", "scie"].id == "my-walk"


@pytest.mark.parametrize(("old", "new", "at", "said"), [
    ("from: [mutuality-2]", "from: [mutuality-22]", "mutuality-22", "did you mean 'mutuality-2'"),
    ("{framework: scie, version: \"3.0.0\"}", "{framework: scie, version: \"1.0.0\"}",
     "\"1.0.0\"", "written for scie 1.0.0"),
    ("from: {framework: nef,", "from: {framework: neff,", "neff", "unknown framework 'neff'"),
    ("  - to: structure-aims", "  - to: structure-start", "to: structure-start",
     "already mapped"),
])
def test_each_mistake_is_one_line_at_its_place(tmp_path: Path, old: str, new: str, at: str,
                                                said: str) -> None:
    text = NEF_TO_SCIE.read_text()
    assert old in text
    text = text.replace(old, new, 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    with pytest.raises(InvalidData) as caught:
        crosswalks.validate(Library.builtin(), Document.read(bad))
    lines = text.splitlines()
    line = next(n for n, found in enumerate(lines, 1) if new.strip() in found
                and (at not in "to: structure-start" or found.strip().startswith("- to")))
    if at == "to: structure-start":  # the second statement-start mapping
        line = [n for n, found in enumerate(lines, 1) if found == new][-1]
    assert caught.value.where is not None
    assert (caught.value.where.line, caught.value.where.column) == (
        line, lines[line - 1].index(at) + 1)
    assert said in caught.value.what
