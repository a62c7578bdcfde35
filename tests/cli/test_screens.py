"""What the questionnaire shows: each part, statement and its help."""

from __future__ import annotations

from pathlib import Path

from tests.cli.scripted import levels, lines, saved
from tests.conftest import Run


def test_each_screen_has_the_part_statement_and_four_numbered_levels(
        run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), "--role", "carer",
              input=lines("q")).stdout
    assert "Part 1 of 6: Assets" in out
    assert "This part is about seeing people who use services as equal partners" in out
    assert "In plain words: People who use services plan them with staff, as equals." in out
    for number, name in enumerate(["Not yet co-production", "Descriptive", "Intermediate",
                                   "Transformative"]):
        assert f"{number}  {name}: " in out
    assert "First, who are you answering as?" not in out  # --role was given
    assert saved(answers_file).respondent.role == "carer"


def test_help_explains_the_statement_and_its_jargon(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), input=lines("", "2", "?", "q")).stdout
    assert "Help with statement 2 of 26" in out
    assert "Assets are the good things people bring" in out  # the statement's help
    assert "Words that may be new:" in out
    assert "lived experience: " in out
    assert levels(answers_file)["assets-2"] is None  # help is not an answer


def test_plain_uses_the_plain_language_wording(run: Run, answers_file: Path) -> None:
    out = run("assess", "nef", "-o", str(answers_file), "--plain", input=lines("", "q")).stdout
    assert "People who use services plan them with staff, as equals." in out
    assert "take part as equal partners when services are planned" not in out
    assert "--plain" in out  # the command to carry on keeps the plain-language wording
    assert "# People who use services plan them with staff, as equals." in answers_file.read_text()
