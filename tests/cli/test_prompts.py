"""Plain numbered prompts: a reply they cannot read is explained and asked again, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.scripted import levels, lines
from tests.conftest import Run


def test_a_wrong_reply_is_explained_and_asked_again(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), input=lines("", "7", "inter", "2",
                                                                    "q")).stdout
    assert "7 is not one of the levels" in out
    assert "did you mean 'intermediate'" in out
    assert out.count("Statement 1 of 28") == 1  # asked again, not moved on
    assert levels(answers_file)["assets-1"] == "intermediate"


@pytest.mark.parametrize("reply", ["²", "①", "٣", "\uff13", "1" * 5000, "   ", "\x1b[2J", "12"])
def test_odd_replies_are_asked_again_never_a_crash(run: Run, answers_file: Path,
                                                    reply: str) -> None:
    result = run("assess", "nef", "-o", str(answers_file), "--role", "carer",
                 input=lines(reply, reply, "2", "q"))
    assert result.exit_code == 0, result.output
    assert "Type 0, 1, 2 or 3" in result.stdout and "\x1b[2J" not in result.stdout
    assert levels(answers_file)["assets-1"] == "intermediate"
    assert max(len(line) for line in result.stdout.splitlines()) < 400
